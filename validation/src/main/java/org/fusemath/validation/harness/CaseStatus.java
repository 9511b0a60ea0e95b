package org.fusemath.validation.harness;

/** The verdict on one validation case. */
public enum CaseStatus {
    /** The error was a number within the bound. */
    PASS,
    /** The error exceeded the bound, was NaN, or the case threw. */
    FAIL,
    /** The case could not run here (e.g. a device case without a usable device). */
    SKIP
}
