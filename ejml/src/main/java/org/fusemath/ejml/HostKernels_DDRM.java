package org.fusemath.ejml;

import org.ejml.data.DMatrixRMaj;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.NativeBlas;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.Trans;

/**
 * The storage moves and BLAS calls that the LAPACK-backed decompositions and solvers share: EJML's row-major
 * {@code DMatrixRMaj} data to and from the column-major arrays LAPACK factors, the row-major triangular solves and
 * products that work on EJML's storage without transposing it, and EJML's "quality" of a triangular factor.
 * Stateless and thread-safe.
 */
final class HostKernels_DDRM {
    /** The element type of this family's arrays. */
    static final DType TYPE = DType.F64;

    /*
     * The default thresholds, in elements (rows·columns) of A: matrices with fewer go to EJML's own algorithm, the
     * others to LAPACK; fusemath.ejml.threshold.decomposition or EjmlExecution.setThreshold(DECOMPOSITION, ...) set
     * one value for all of them. Measured with the 64-bit solvers (setA + solve of one right-hand side, fusemath's
     * LAPACK path against EJML's solver, paired in one JVM; the 32-bit classes are generated from these and share
     * the values), figures and load in bench/README.md "EJML linear solver factories":
     *   java -cp <bench classes and dependencies> org.openjdk.jmh.Main EjmlLinearSolverBenchmark -f 1 -wi 4 -i 8
     *       -w 300ms -r 500ms -p n=8,16,24,32,48,64,128
     * (with the bench jar: java -jar bench/target/benchmarks.jar EjmlLinearSolverBenchmark ...).
     */

    /** LU: EJML is faster up to n = 24 (0.85x at 24), LAPACK from n = 32 (1.05x at 32, 1.16x at 48). */
    static final long LU_THRESHOLD = 32L * 32;

    /** Cholesky: EJML's inner-product Cholesky is faster up to n = 32 (0.77x), LAPACK from n = 48 (1.10x). */
    static final long CHOLESKY_THRESHOLD = 48L * 48;

    /** QR: not measured separately; LU's value (geqrf and getrf have the same call overhead per factorisation). */
    static final long QR_THRESHOLD = LU_THRESHOLD;

    private HostKernels_DDRM() {
    }

    /**
     * Whether a matrix of {@code rows}×{@code cols} goes to LAPACK under the current execution settings, given the
     * decomposition's measured default threshold.
     */
    static boolean accelerate(int rows, int cols, long measuredDefault) {
        return EjmlExecution.accelerate(EjmlExecution.Family.DECOMPOSITION, (long) rows * cols, measuredDefault);
    }

    /** Whether an LU of {@code a} goes to LAPACK. */
    static boolean lapackLu(DMatrixRMaj a) {
        return accelerate(a.numRows, a.numCols, LU_THRESHOLD);
    }

    /** Whether a Cholesky factorisation of {@code a} goes to LAPACK. */
    static boolean lapackCholesky(DMatrixRMaj a) {
        return accelerate(a.numRows, a.numCols, CHOLESKY_THRESHOLD);
    }

    /** Whether a QR of {@code a} goes to LAPACK. */
    static boolean lapackQr(DMatrixRMaj a) {
        return accelerate(a.numRows, a.numCols, QR_THRESHOLD);
    }

    /** Records one call of {@code key} in the coverage report. */
    static void record(boolean accelerated, String key) {
        if (accelerated) {
            EjmlCoverage.accelerated(key);
        } else {
            EjmlCoverage.delegated(key);
        }
    }

    /** The thread count of the default context, applied to the BLAS before a call. */
    static int threads() {
        return FuseContext.defaults().threads();
    }

    static NativeBlas blas() {
        NativeBlas b = NativeCalls.blas();
        b.ensureThreads(threads());
        return b;
    }

    /** {@code buffer} when it holds at least {@code length} elements, else a new array of that length. */
    static double[] atLeast(double[] buffer, int length) {
        return buffer != null && buffer.length >= length ? buffer : new double[length];
    }

    /** {@code buffer} when it holds at least {@code length} ints, else a new array of that length. */
    static int[] atLeast(int[] buffer, int length) {
        return buffer != null && buffer.length >= length ? buffer : new int[length];
    }

    /** Writes the row-major m×n {@code a} into {@code dst} column-major (ld m), in cache-sized tiles. */
    static void toColumnMajor(DMatrixRMaj a, double[] dst) {
        int m = a.numRows;
        int n = a.numCols;
        double[] src = a.data;
        final int tile = 32;
        for (int i0 = 0; i0 < m; i0 += tile) {
            int i1 = Math.min(m, i0 + tile);
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int row = i * n;
                    for (int j = j0; j < j1; j++) {
                        dst[j * m + i] = src[row + j];
                    }
                }
            }
        }
    }

    /** Writes the column-major m×n {@code src} (ld m) into the row-major m×n {@code dst}. */
    static void fromColumnMajor(double[] src, int m, int n, DMatrixRMaj dst) {
        double[] out = dst.data;
        final int tile = 32;
        for (int i0 = 0; i0 < m; i0 += tile) {
            int i1 = Math.min(m, i0 + tile);
            for (int j0 = 0; j0 < n; j0 += tile) {
                int j1 = Math.min(n, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    int row = i * n;
                    for (int j = j0; j < j1; j++) {
                        out[row + j] = src[j * m + i];
                    }
                }
            }
        }
    }

    /** Applies LAPACK's 1-based row interchanges {@code ipiv[0..k)} in order to the row-major rows of {@code x}. */
    static void swapRows(int[] ipiv, int k, double[] x, int cols) {
        for (int i = 0; i < k; i++) {
            int other = ipiv[i] - 1;
            if (other != i) {
                int a = i * cols;
                int b = other * cols;
                for (int j = 0; j < cols; j++) {
                    double t = x[a + j];
                    x[a + j] = x[b + j];
                    x[b + j] = t;
                }
            }
        }
    }

    /** Copies the first {@code length} elements of {@code src} into {@code dst}. */
    static void copy(double[] src, double[] dst, int length) {
        System.arraycopy(src, 0, dst, 0, length);
    }

    /**
     * Solves op(T)·X = X in place for the row-major n×k {@code x}, T triangular n×n read row-major from {@code t}
     * with leading dimension {@code ldt}.
     */
    static void triangularSolve(double[] t, int ldt, boolean lower, boolean transpose, boolean unit, int n, int k,
                                double[] x) {
        if (n == 0 || k == 0) {
            return;
        }
        blas().trsm(TYPE, Layout.ROW_MAJOR, Side.LEFT, lower ? Uplo.LOWER : Uplo.UPPER, transpose ? Trans.T : Trans.N,
                unit ? Diag.UNIT : Diag.NON_UNIT, n, k, 1, 0, t, 0, Math.max(1, ldt), x, 0, Math.max(1, k));
    }

    /**
     * C = A·B for row-major operands: A m×p ({@code a} with leading dimension {@code lda}), B p×k, C m×k (C not
     * read).
     */
    static void multiply(double[] a, int lda, double[] b, double[] c, int m, int p, int k) {
        if (m == 0 || k == 0) {
            return;
        }
        if (p == 0) {
            java.util.Arrays.fill(c, 0, m * k, 0);
            return;
        }
        blas().gemm(TYPE, Layout.ROW_MAJOR, Trans.N, Trans.N, m, k, p, 1, 0, a, 0, Math.max(1, lda), b, 0,
                Math.max(1, k), 0, 0, c, 0, Math.max(1, k));
    }

    /**
     * EJML's quality of a triangular factor (SpecializedOps.qualityTriangular): |Π d(i)/max|d|| over the k diagonal
     * entries d(i) = {@code f[i*(ld+1)]}, 0 when they are all zero. Scale-invariant and larger for a less singular
     * matrix.
     */
    static double quality(double[] f, int ld, int k) {
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, Math.abs(f[i * (ld + 1)]));
        }
        if (max == 0) {
            return 0;
        }
        double q = 1;
        for (int i = 0; i < k; i++) {
            q *= f[i * (ld + 1)] / max;
        }
        return Math.abs(q);
    }
}
