package org.fusemath.verify;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;

/**
 * How far a result may be from its reference, derived from the error bound of the operation that produced it,
 * with its constant c stated. Three forms: an elementwise bound (each |error| against its own bound, e.g. GEMM's
 * c·γ(k+2)·(|A|·|B|)ᵢⱼ), a normwise bound (‖error‖₂/‖reference‖₂ against c·u·log₂n for an FFT) and a bound on the
 * residual-based backward error of a solve, factorization or eigendecomposition (c·n·u). u is the unit roundoff of
 * the result's type, so one tolerance judges float and double results alike. Immutable.
 */
public final class Tolerance {
    /** Which quantity the bound applies to. */
    public enum Kind {
        /** Each element's |actual − reference| against its own bound; the observed value is the worst ratio. */
        ELEMENTWISE,
        /** Units in the last place of the result's type, elementwise. */
        ULPS,
        /** ‖actual − reference‖₂ / ‖reference‖₂ (all elements as one vector). */
        NORMWISE,
        /** A residual-based backward error, against c·n·u. */
        BACKWARD
    }

    /** The elementwise bound of element (i, j) of an r×c result in a type of unit roundoff u. */
    private interface ElementBound {
        double at(int i, int j, double u);
    }

    private final String name;
    private final Kind kind;
    private final double constant;
    private final String formula;
    private final int rows;
    private final int cols;
    private final double size;
    private final ElementBound element;
    private final double[] magnitudes;

    private Tolerance(String name, Kind kind, double constant, String formula, int rows, int cols, double size,
                      double[] magnitudes) {
        this.name = name;
        this.kind = kind;
        this.constant = constant;
        this.formula = formula;
        this.rows = rows;
        this.cols = cols;
        this.size = size;
        this.magnitudes = magnitudes;
        this.element = magnitudes == null ? null : (i, j, u) -> constant * Bounds.gamma((long) size + 2, u)
                * magnitudes[i * cols + j];
    }

    // ---- GEMM ----

    /**
     * The forward error bound of C = A·B, elementwise: |Ĉᵢⱼ − Cᵢⱼ| ≤ c·γ(k+2)·(|A|·|B|)ᵢⱼ with c = 2 (Higham's
     * dot-product bound γ(k) with the margin {@link Bounds#dotConstant} states; k + 2 allows for scaling by alpha and
     * adding beta·C). {@code a} is row-major m×k and {@code b} row-major k×n, so m = a.length / k, n = b.length / k.
     */
    public static Tolerance gemm(int k, double[] a, double[] b) {
        Arguments.requirePositive("k", k);
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        return gemm(Dense.of("a", a, rowsOf("a", a.length, k), k), Dense.of("b", b, k, rowsOf("b", b.length, k)));
    }

    /** {@link #gemm(int, double[], double[])} for float operands (the bound is computed in double). */
    public static Tolerance gemm(int k, float[] a, float[] b) {
        Arguments.requirePositive("k", k);
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        return gemm(Dense.of("a", a, rowsOf("a", a.length, k), k), Dense.of("b", b, k, rowsOf("b", b.length, k)));
    }

    /**
     * The GEMM bound for the product of two views, real or complex (complex: c = 4, see {@link Bounds#dotConstant});
     * k = a's columns, which must equal b's rows.
     */
    public static Tolerance gemm(HostMatrix a, HostMatrix b) {
        return gemm(Dense.of("a", a), Dense.of("b", b));
    }

    private static int rowsOf(String name, int length, int k) {
        if (length % k != 0) {
            throw new InvalidArgumentException(name + ".length", length, "a multiple of k = " + k);
        }
        return length / k;
    }

    private static Tolerance gemm(Dense a, Dense b) {
        if (a.cols != b.rows) {
            throw new ShapeMismatchException("b", b.rows + "x" + b.cols, a.cols + "xN (a is " + a.rows + "x" + a.cols + ")");
        }
        int m = a.rows;
        int n = b.cols;
        int k = a.cols;
        double[] mag = new double[Math.multiplyExact(m, n)];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double x = Math.hypot(a.re(i, p), a.im(i, p));
                for (int j = 0; j < n; j++) {
                    mag[i * n + j] += x * Math.hypot(b.re(p, j), b.im(p, j));
                }
            }
        }
        boolean complex = a.dtype.isComplex() || b.dtype.isComplex();
        double c = complex ? 4 : 2;
        return new Tolerance("gemm", Kind.ELEMENTWISE, c, "|error(i,j)| <= c*gamma(k+2)*(|A|*|B|)(i,j), k = " + k, m, n, k, mag);
    }

    // ---- FFT ----

    /**
     * The normwise bound of a length-n FFT (any normalization): ‖ŷ − y‖₂ / ‖y‖₂ ≤ c·u·max(1, log₂ n) with c = 8
     * (Higham's Theorem 24.2 for Cooley–Tukey gives log₂n·η with η ≈ (1 + 4√2)·u ≈ 6.7·u when the twiddle factors are
     * correctly rounded; c = 8 keeps a small margin). For a multi-dimensional transform n is the product of the lengths.
     */
    public static Tolerance fft(long n) {
        Arguments.requireAtLeast("n", n, 1);
        return new Tolerance("fft", Kind.NORMWISE, 8, "|y^ - y|_2/|y|_2 <= c*u*max(1, log2 n), n = " + n, -1, -1,
                Math.max(1, Math.log(n) / Math.log(2)), null);
    }

    // ---- units in the last place ----

    /** Each element within {@code n} units in the last place of the result's type (for correctly rounded functions). */
    public static Tolerance ulps(double n) {
        if (!(n >= 0)) {
            throw new InvalidArgumentException("n", n, "a number of ULPs >= 0");
        }
        return new Tolerance("ulps", Kind.ULPS, n, "ulps(actual, fl(reference)) <= c", -1, -1, 1, null);
    }

    // ---- a generic normwise bound ----

    /**
     * ‖actual − reference‖₂ / ‖reference‖₂ ≤ c·n·u: an algorithm whose normwise forward error grows at most linearly in
     * {@code n} (e.g. a sum or a matrix–vector product of well-scaled data; n the length of the sums).
     */
    public static Tolerance normwise(double c, long n) {
        requireConstant(c);
        Arguments.requireAtLeast("n", n, 1);
        return new Tolerance("normwise", Kind.NORMWISE, c, "|actual - reference|_2/|reference|_2 <= c*n*u, n = " + n,
                -1, -1, n, null);
    }

    // ---- backward errors ----

    /**
     * The normwise backward error of a solution X of A·X = B (Rigal and Gaches):
     * ‖A·X − B‖∞ / (‖A‖∞·‖X‖∞ + ‖B‖∞) ≤ c·n·u with c = 4 (LU with partial pivoting is backward stable with a small
     * growth factor in practice; Higham's Theorem 9.4 gives γ(3n)·ρ). For {@link Validation#solve}.
     */
    public static Tolerance luSolve() {
        return new Tolerance("lu solve", Kind.BACKWARD, 4, "|AX - B|_inf/(|A|_inf*|X|_inf + |B|_inf) <= c*n*u", -1, -1, 0, null);
    }

    /**
     * The backward error of a factorization: ‖A − F‖_F / ‖A‖_F ≤ c·n·u with F the product of the computed factors
     * (P·L·U, L·Lᵀ, Q·R, U·Σ·Vᵀ) and c = 4. For {@link Validation#factorization}.
     */
    public static Tolerance factorization() {
        return new Tolerance("factorization", Kind.BACKWARD, 4, "|A - F|_F/|A|_F <= c*n*u", -1, -1, 0, null);
    }

    /**
     * A symmetric (Hermitian) eigendecomposition A·V = V·Λ: the residual ‖A·V − V·Λ‖_F / ‖A‖_F ≤ c·n·u and the
     * orthogonality ‖Vᴴ·V − I‖_F ≤ c·n·u, c = 4 (the QR algorithm and divide and conquer are backward stable and
     * deliver orthogonal vectors to working precision). For {@link Validation#symmetricEigen}.
     */
    public static Tolerance eigen() {
        return new Tolerance("eigen", Kind.BACKWARD, 4, "|AV - V*Lambda|_F/|A|_F <= c*n*u and |V^H V - I|_F <= c*n*u",
                -1, -1, 0, null);
    }

    /** This tolerance with the constant c replaced (a documented reason belongs beside the call). */
    public Tolerance withConstant(double c) {
        requireConstant(c);
        return new Tolerance(name, kind, c, formula, rows, cols, size, magnitudes);
    }

    private static void requireConstant(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new InvalidArgumentException("c", c, "a finite constant > 0");
        }
    }

    /** The operation the bound belongs to: {@code gemm}, {@code fft}, {@code ulps}, {@code lu solve} ... */
    public String name() {
        return name;
    }

    /** Which quantity the bound applies to. */
    public Kind kind() {
        return kind;
    }

    /** The constant c of the bound. */
    public double constant() {
        return constant;
    }

    /** The bound as a formula, in plain text. */
    public String formula() {
        return formula;
    }

    /** The result shape this bound was built for ({@code rows x cols}), or -1 where any shape goes. */
    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** The elementwise bound of element (i, j) in a type of unit roundoff u. */
    double elementBound(int i, int j, double u) {
        return element.at(i, j, u);
    }

    /** The normwise bound (NORMWISE) in a type of unit roundoff u, or c·n·u for a backward error of dimension n. */
    double scalarBound(double u, int n) {
        return switch (kind) {
            case NORMWISE -> constant * size * u;
            case BACKWARD -> constant * Math.max(1, n) * u;
            case ULPS -> constant;
            case ELEMENTWISE -> throw new IllegalStateException("an elementwise bound has no single value");
        };
    }

    /** The constant and the bound, e.g. {@code gemm: |error(i,j)| <= c*gamma(k+2)*(|A|*|B|)(i,j), k = 64 (c = 2)}. */
    @Override
    public String toString() {
        return name + ": " + formula + " (c = " + String.format(Locale.ROOT, "%.4g", constant) + ")";
    }
}
