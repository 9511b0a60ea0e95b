package org.fusemath.validation.harness;

/**
 * One row of the validation report. {@code error}, {@code bound} and {@code metric} are null when the
 * case produced no result (it was skipped or threw); {@code message} says why, and is null on PASS.
 */
public record CaseOutcome(String suite, String op, String dtype, String shape, String space, Double error,
                          Double bound, String metric, CaseStatus status, double millis, String message) {
}
