package org.fusemath.verify;

import java.util.List;
import java.util.Locale;
import org.fusemath.api.DType;

/**
 * The outcome of checking one result: the tolerance it was judged by, the type whose unit roundoff the bound used,
 * the error metrics (for a comparison with a reference; null for a residual check), the quantities compared with
 * their bounds, and the worst element. Immutable.
 *
 * @param tolerance the tolerance (its name, formula and constant c)
 * @param dtype     the result's element type; u = {@code dtype.unitRoundoff()}
 * @param metrics   the error metrics beside the reference, or null for a residual-based check
 * @param checks    each observed quantity beside its bound (one, or two for an eigendecomposition)
 * @param worst     the worst element, or null where no element is singled out (residual checks, empty results)
 */
public record Comparison(Tolerance tolerance, DType dtype, ErrorMetrics metrics, List<Check> checks, Worst worst) {
    /**
     * One observed quantity beside its bound.
     *
     * @param quantity what was measured, e.g. {@code max |error|/bound} or {@code |AX - B|/(|A||X| + |B|)}
     * @param observed the measured value (NaN or infinite when the result holds a NaN the reference does not)
     * @param bound    the bound it must stay within
     */
    public record Check(String quantity, double observed, double bound) {
        /** Whether the observed value is a number no larger than the bound. */
        public boolean passed() {
            return observed <= bound;
        }

        /** observed / bound (0 when both are 0). */
        public double ratio() {
            return observed == 0 ? 0 : observed / bound;
        }
    }

    /**
     * The element with the largest error relative to its bound (the largest error for a normwise bound).
     *
     * @param position  {@code [i, j]} of a matrix, {@code [i]} of a vector
     * @param index     the row-major flat index
     * @param actual    the result's value, as text
     * @param reference the reference's value, as text
     * @param error     |actual − reference| (ULPs for an ULP tolerance)
     * @param bound     that element's bound, or NaN for a normwise bound
     */
    public record Worst(String position, long index, String actual, String reference, double error, double bound) {
    }

    /** Copies the checks. */
    public Comparison {
        checks = List.copyOf(checks);
    }

    /** Whether every check passed (a NaN never passes). */
    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The check furthest over (or closest to) its bound. */
    public Check decisive() {
        Check worstCheck = checks.get(0);
        for (Check c : checks) {
            if (!c.passed() && worstCheck.passed() || c.passed() == worstCheck.passed() && c.ratio() > worstCheck.ratio()) {
                worstCheck = c;
            }
        }
        return worstCheck;
    }

    /** The decisive check's observed value. */
    public double observed() {
        return decisive().observed();
    }

    /** The decisive check's bound. */
    public double bound() {
        return decisive().bound();
    }

    /** What the decisive check measured. */
    public String quantity() {
        return decisive().quantity();
    }

    /** The decisive check's observed / bound: at most 1 passes. */
    public double ratio() {
        double r = decisive().ratio();
        return Double.isNaN(r) ? Double.POSITIVE_INFINITY : r;
    }

    /** Returns this comparison when it passed; otherwise throws an {@link AssertionError} carrying {@link #describe}. */
    public Comparison assertPassed() {
        if (!passed()) {
            throw new AssertionError(describe());
        }
        return this;
    }

    /**
     * A report in a few lines: the verdict, each check against its bound, the tolerance with its constant and u, the
     * worst element (position, actual, reference, error, bound) and the metrics.
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(tolerance.name()).append(passed() ? " within bound" : " bound exceeded").append(" (").append(dtype)
                .append(", u = ").append(number(dtype.unitRoundoff())).append(")");
        for (Check c : checks) {
            s.append("\n  ").append(c.quantity()).append(" = ").append(number(c.observed()))
                    .append(c.passed() ? " <= " : " > ").append("bound ").append(number(c.bound()));
        }
        s.append("\n  bound: ").append(tolerance);
        if (worst != null) {
            s.append("\n  worst element ").append(worst.position()).append(": actual ").append(worst.actual())
                    .append(", reference ").append(worst.reference()).append(", ")
                    .append(tolerance.kind() == Tolerance.Kind.ULPS ? "ulps " : "|error| ").append(number(worst.error()));
            if (!Double.isNaN(worst.bound())) {
                s.append(", bound ").append(number(worst.bound()));
            }
        }
        if (metrics != null) {
            s.append("\n  max abs ").append(number(metrics.maxAbsolute())).append(", max rel ")
                    .append(number(metrics.maxRelative())).append(", normwise F ").append(number(metrics.normwiseFrobenius()))
                    .append(", normwise 2 ").append(number(metrics.normwiseTwo())).append(", max ulps ")
                    .append(number(metrics.maxUlps()));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
