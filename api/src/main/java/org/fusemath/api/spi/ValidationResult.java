package org.fusemath.api.spi;

/** The measured error of one validation case beside the bound it must stay within. */
public record ValidationResult(double error, double bound, String metric) {
    /** Passes when the error is a number no larger than the bound. */
    public boolean passed() {
        return !Double.isNaN(error) && error <= bound;
    }

    /** An exact comparison: error is the count of mismatching values, the bound is zero. */
    public static ValidationResult exact(long mismatches) {
        return new ValidationResult(mismatches, 0, "mismatches");
    }
}
