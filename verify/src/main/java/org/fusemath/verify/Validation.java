package org.fusemath.verify;

import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;

/**
 * Checks a numerical result against a reference or by its residual, with a bound derived from the operation's
 * error analysis ({@link Tolerance}), and reports the metrics, the bound and the verdict ({@link Comparison}); the
 * {@code assert...} forms throw an {@link AssertionError} naming the worst element, the observed error and the bound,
 * so they work in any test framework. Arrays are row-major; a float result is judged in float's unit roundoff.
 * Stateless and thread-safe.
 */
public final class Validation {
    private Validation() {
    }

    // ---- against a reference ----

    /** {@code actual} beside {@code reference} (the same length; the shape is the tolerance's, else one column). */
    public static Comparison compare(double[] actual, double[] reference, Tolerance tolerance) {
        int[] shape = shapeOf(tolerance, actual, reference == null ? 0 : reference.length);
        return compare(Dense.of("actual", actual, shape[0], shape[1]), Dense.of("reference", reference, shape[0], shape[1]),
                tolerance);
    }

    /** A float result beside a reference computed in double (or in float and widened). */
    public static Comparison compare(float[] actual, double[] reference, Tolerance tolerance) {
        int[] shape = shapeOf(tolerance, actual, reference == null ? 0 : reference.length);
        return compare(Dense.of("actual", actual, shape[0], shape[1]), Dense.of("reference", reference, shape[0], shape[1]),
                tolerance);
    }

    /** A float result beside a float reference. */
    public static Comparison compare(float[] actual, float[] reference, Tolerance tolerance) {
        int[] shape = shapeOf(tolerance, actual, reference == null ? 0 : reference.length);
        return compare(Dense.of("actual", actual, shape[0], shape[1]), Dense.of("reference", reference, shape[0], shape[1]),
                tolerance);
    }

    /** Two views of the same shape, real or complex (complex elements are compared by modulus). */
    public static Comparison compare(HostMatrix actual, HostMatrix reference, Tolerance tolerance) {
        return compare(Dense.of("actual", actual), Dense.of("reference", reference), tolerance);
    }

    /** {@link #compare(double[], double[], Tolerance)}, throwing an {@link AssertionError} when the bound is exceeded. */
    public static Comparison assertWithinBound(double[] actual, double[] reference, Tolerance tolerance) {
        return compare(actual, reference, tolerance).assertPassed();
    }

    /** {@link #compare(float[], double[], Tolerance)}, throwing an {@link AssertionError} when the bound is exceeded. */
    public static Comparison assertWithinBound(float[] actual, double[] reference, Tolerance tolerance) {
        return compare(actual, reference, tolerance).assertPassed();
    }

    /** {@link #compare(float[], float[], Tolerance)}, throwing an {@link AssertionError} when the bound is exceeded. */
    public static Comparison assertWithinBound(float[] actual, float[] reference, Tolerance tolerance) {
        return compare(actual, reference, tolerance).assertPassed();
    }

    /** {@link #compare(HostMatrix, HostMatrix, Tolerance)}, throwing an {@link AssertionError} when the bound is exceeded. */
    public static Comparison assertWithinBound(HostMatrix actual, HostMatrix reference, Tolerance tolerance) {
        return compare(actual, reference, tolerance).assertPassed();
    }

    private static int[] shapeOf(Tolerance tolerance, Object actual, int referenceLength) {
        Arguments.requireNonNull(tolerance, "tolerance");
        Arguments.requireNonNull(actual, "actual");
        int length = java.lang.reflect.Array.getLength(actual);
        if (length != referenceLength) {
            throw new ShapeMismatchException("reference", referenceLength + " elements", length + " elements (as actual)");
        }
        if (tolerance.rows() >= 0 && (long) tolerance.rows() * tolerance.cols() != length) {
            throw new ShapeMismatchException("actual", length + " elements", tolerance.rows() + "x" + tolerance.cols()
                    + " (the shape " + tolerance.name() + " was built for)");
        }
        return tolerance.rows() >= 0 ? new int[] {tolerance.rows(), tolerance.cols()} : new int[] {length, 1};
    }

    private static Comparison compare(Dense actual, Dense reference, Tolerance tolerance) {
        Arguments.requireNonNull(tolerance, "tolerance");
        if (actual.rows != reference.rows || actual.cols != reference.cols) {
            throw new ShapeMismatchException("reference", reference.rows + "x" + reference.cols, actual.rows + "x" + actual.cols
                    + " (as actual)");
        }
        if (actual.dtype.isComplex() != reference.dtype.isComplex()) {
            throw new InvalidArgumentException("reference.dtype()", reference.dtype, (actual.dtype.isComplex() ? "a complex"
                    : "a real") + " type, as actual's " + actual.dtype);
        }
        if (tolerance.kind() == Tolerance.Kind.BACKWARD) {
            throw new InvalidArgumentException("tolerance", tolerance.name(), "a forward-error tolerance (gemm, fft, ulps, "
                    + "normwise); check a backward error with solve, factorization or symmetricEigen");
        }
        if (tolerance.rows() >= 0 && (tolerance.rows() != actual.rows || tolerance.cols() != actual.cols)) {
            throw new ShapeMismatchException("actual", actual.rows + "x" + actual.cols, tolerance.rows() + "x" + tolerance.cols()
                    + " (the shape " + tolerance.name() + " was built for)");
        }
        double u = actual.dtype.unitRoundoff();
        ErrorMetrics metrics = ErrorMetrics.of(actual, reference);
        int worstAt = -1;
        double worstKey = -1;
        double worstError = 0;
        double worstBound = Double.NaN;
        for (int e = 0; e < actual.size(); e++) {
            double err = tolerance.kind() == Tolerance.Kind.ULPS ? elementUlps(actual, reference, e)
                    : ErrorMetrics.errorOf(actual, reference, e);
            double bound = tolerance.kind() == Tolerance.Kind.ELEMENTWISE
                    ? tolerance.elementBound(e / actual.cols, e % actual.cols, u) : Double.NaN;
            double key = tolerance.kind() == Tolerance.Kind.ELEMENTWISE ? (err == 0 ? 0 : err / bound) : err;
            if (Double.isNaN(key)) {
                key = Double.POSITIVE_INFINITY;
            }
            if (key > worstKey) {
                worstKey = key;
                worstAt = e;
                worstError = err;
                worstBound = bound;
            }
        }
        Comparison.Check check = switch (tolerance.kind()) {
            case ELEMENTWISE -> new Comparison.Check("max |error|/bound", Math.max(0, worstKey), 1);
            case ULPS -> new Comparison.Check("max ulps", metrics.maxUlps(), tolerance.scalarBound(u, 0));
            case NORMWISE -> new Comparison.Check("|error|_2/|reference|_2", metrics.normwiseFrobenius(),
                    tolerance.scalarBound(u, 0));
            case BACKWARD -> throw new IllegalStateException("checked above");
        };
        Comparison.Worst worst = worstAt < 0 ? null : new Comparison.Worst(actual.position(worstAt), worstAt,
                actual.text(worstAt), reference.text(worstAt), worstError, worstBound);
        return new Comparison(tolerance, actual.dtype, metrics, List.of(check), worst);
    }

    private static double elementUlps(Dense actual, Dense reference, int e) {
        double re = ErrorMetrics.ulps(actual.dtype, actual.re[e], reference.re[e]);
        return actual.im == null ? re : Math.max(re, ErrorMetrics.ulps(actual.dtype, actual.im[e], reference.im[e]));
    }

    // ---- by the residual ----

    /**
     * The normwise backward error of X as a solution of A·X = B ({@link Tolerance#luSolve}): A is n×n, X and B are
     * n×nrhs, row-major; judged in the unit roundoff of X's type.
     */
    public static Comparison solve(double[] a, double[] x, double[] b, Tolerance tolerance) {
        int[] s = solveShape(a, b);
        return solve(Dense.of("a", a, s[0], s[0]), Dense.of("x", x, s[0], s[1]), Dense.of("b", b, s[0], s[1]), tolerance);
    }

    /** {@link #solve(double[], double[], double[], Tolerance)} for a float solve. */
    public static Comparison solve(float[] a, float[] x, float[] b, Tolerance tolerance) {
        int[] s = solveShape(a, b);
        return solve(Dense.of("a", a, s[0], s[0]), Dense.of("x", x, s[0], s[1]), Dense.of("b", b, s[0], s[1]), tolerance);
    }

    /** {@link #solve(double[], double[], double[], Tolerance)} on views, real or complex, in any layout. */
    public static Comparison solve(HostMatrix a, HostMatrix x, HostMatrix b, Tolerance tolerance) {
        return solve(Dense.of("a", a), Dense.of("x", x), Dense.of("b", b), tolerance);
    }

    private static int[] solveShape(Object a, Object b) {
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        int length = java.lang.reflect.Array.getLength(a);
        int n = (int) Math.round(Math.sqrt(length));
        if ((long) n * n != length) {
            throw new InvalidArgumentException("a.length", length, "n*n for a square A");
        }
        int bLength = java.lang.reflect.Array.getLength(b);
        if (n == 0 ? bLength != 0 : bLength % n != 0) {
            throw new InvalidArgumentException("b.length", bLength, "a multiple of n = " + n);
        }
        return new int[] {n, n == 0 ? 0 : bLength / n};
    }

    private static Comparison solve(Dense a, Dense x, Dense b, Tolerance tolerance) {
        requireBackward(tolerance, "luSolve");
        if (a.rows != a.cols) {
            throw new ShapeMismatchException("a", a.rows + "x" + a.cols, "square");
        }
        if (x.rows != a.cols || b.rows != a.rows || x.cols != b.cols) {
            throw new ShapeMismatchException("x, b", x.rows + "x" + x.cols + ", " + b.rows + "x" + b.cols,
                    a.rows + "xNRHS each");
        }
        double residual = Residuals.infNorm(Residuals.minus(Residuals.times(a, x), b));
        double scale = Residuals.infNorm(a) * Residuals.infNorm(x) + Residuals.infNorm(b);
        double eta = residual == 0 ? 0 : residual / scale;
        return backward(tolerance, x, new Comparison.Check("|AX - B|_inf/(|A|_inf*|X|_inf + |B|_inf)", nanToInf(eta),
                tolerance.scalarBound(x.dtype.unitRoundoff(), a.rows)));
    }

    /**
     * The backward error of a factorization ({@link Tolerance#factorization}): {@code product} is the product of the
     * computed factors (e.g. P·L·U), computed in double; judged in the unit roundoff of {@code dtypeOf}'s type, with
     * n = max(rows, cols). Both are {@code rows x cols}, row-major.
     */
    public static Comparison factorization(double[] a, double[] product, int rows, int cols, Tolerance tolerance) {
        return factorization(Dense.of("a", a, rows, cols), Dense.of("product", product, rows, cols), tolerance);
    }

    /** {@link #factorization(double[], double[], int, int, Tolerance)} of a float factorization. */
    public static Comparison factorization(float[] a, float[] product, int rows, int cols, Tolerance tolerance) {
        return factorization(Dense.of("a", a, rows, cols), Dense.of("product", product, rows, cols), tolerance);
    }

    /** {@link #factorization(double[], double[], int, int, Tolerance)} on views, judged in {@code a}'s type. */
    public static Comparison factorization(HostMatrix a, HostMatrix product, Tolerance tolerance) {
        return factorization(Dense.of("a", a), Dense.of("product", product), tolerance);
    }

    private static Comparison factorization(Dense a, Dense product, Tolerance tolerance) {
        requireBackward(tolerance, "factorization");
        if (a.rows != product.rows || a.cols != product.cols) {
            throw new ShapeMismatchException("product", product.rows + "x" + product.cols, a.rows + "x" + a.cols + " (as a)");
        }
        double diff = Residuals.frobenius(Residuals.minus(a, product));
        double eta = diff == 0 ? 0 : diff / Residuals.frobenius(a);
        int n = Math.max(a.rows, a.cols);
        return backward(tolerance, a, new Comparison.Check("|A - F|_F/|A|_F", nanToInf(eta),
                tolerance.scalarBound(a.dtype.unitRoundoff(), n)));
    }

    /**
     * A symmetric (Hermitian) eigendecomposition ({@link Tolerance#eigen}): A n×n, {@code values} the n eigenvalues,
     * {@code vectors} n×n with the eigenvectors as columns, row-major. Two checks: the residual ‖A·V − V·Λ‖_F / ‖A‖_F
     * and the orthogonality ‖Vᵀ·V − I‖_F, each within c·n·u of the vectors' type.
     */
    public static Comparison symmetricEigen(double[] a, double[] values, double[] vectors, Tolerance tolerance) {
        Arguments.requireNonNull(values, "values");
        int n = values.length;
        return symmetricEigen(Dense.of("a", a, n, n), Dense.of("values", values, n, 1), Dense.of("vectors", vectors, n, n),
                tolerance);
    }

    /** {@link #symmetricEigen(double[], double[], double[], Tolerance)} of a float decomposition. */
    public static Comparison symmetricEigen(float[] a, float[] values, float[] vectors, Tolerance tolerance) {
        Arguments.requireNonNull(values, "values");
        int n = values.length;
        return symmetricEigen(Dense.of("a", a, n, n), Dense.of("values", values, n, 1), Dense.of("vectors", vectors, n, n),
                tolerance);
    }

    /** {@link #symmetricEigen(double[], double[], double[], Tolerance)} on views; complex A is Hermitian (Vᴴ·V). */
    public static Comparison symmetricEigen(HostMatrix a, double[] values, HostMatrix vectors, Tolerance tolerance) {
        Arguments.requireNonNull(values, "values");
        return symmetricEigen(Dense.of("a", a), Dense.of("values", values, values.length, 1), Dense.of("vectors", vectors),
                tolerance);
    }

    private static Comparison symmetricEigen(Dense a, Dense values, Dense v, Tolerance tolerance) {
        requireBackward(tolerance, "eigen");
        int n = values.rows;
        if (a.rows != n || a.cols != n || v.rows != n || v.cols != n) {
            throw new ShapeMismatchException("a, vectors", a.rows + "x" + a.cols + ", " + v.rows + "x" + v.cols,
                    n + "x" + n + " each (" + n + " values)");
        }
        Dense av = Residuals.times(a, v);
        Dense vl = Residuals.scaleColumns(v, values.re);
        double residual = Residuals.frobenius(Residuals.minus(av, vl));
        double eta = residual == 0 ? 0 : residual / Residuals.frobenius(a);
        double orthogonality = Residuals.frobenius(Residuals.minus(Residuals.times(Residuals.adjoint(v), v),
                Residuals.identity(v.dtype, n)));
        double bound = tolerance.scalarBound(v.dtype.unitRoundoff(), n);
        return new Comparison(tolerance, v.dtype, null, List.of(
                new Comparison.Check("|AV - V*Lambda|_F/|A|_F", nanToInf(eta), bound),
                new Comparison.Check("|V^H V - I|_F", nanToInf(orthogonality), bound)), null);
    }

    /** {@link #solve(double[], double[], double[], Tolerance)}, throwing an {@link AssertionError} when the bound is exceeded. */
    public static Comparison assertSolves(double[] a, double[] x, double[] b, Tolerance tolerance) {
        return solve(a, x, b, tolerance).assertPassed();
    }

    private static Comparison backward(Tolerance tolerance, Dense result, Comparison.Check check) {
        return new Comparison(tolerance, result.dtype, null, List.of(check), null);
    }

    private static void requireBackward(Tolerance tolerance, String factory) {
        Arguments.requireNonNull(tolerance, "tolerance");
        if (tolerance.kind() != Tolerance.Kind.BACKWARD) {
            throw new InvalidArgumentException("tolerance", tolerance.name(), "a backward-error tolerance such as Tolerance."
                    + factory + "()");
        }
    }

    private static double nanToInf(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
