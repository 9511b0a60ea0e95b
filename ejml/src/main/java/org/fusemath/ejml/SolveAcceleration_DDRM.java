package org.fusemath.ejml;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.misc.UnrolledCholesky_DDRM;
import org.ejml.EjmlParameters;
import org.ejml.UtilEjml;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.api.spi.ScratchArrays;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Op;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.Trans;
import org.fusemath.solver.host.LapackCholesky;
import org.fusemath.solver.host.LapackLu;
import org.fusemath.solver.host.LapackSvd;

/**
 * EJML's {@code CommonOps_DDRM} solve, invert, det, solveSPD, invertSPD and pinv on LAPACK (getrf/getrs,
 * potrf/potrs, gesdd through fusemath's host call table) above a measured size, EJML's own method below it.
 *
 * <p>Each method has EJML's exact signature and contract: the same reshaping of outputs (done first, as EJML does),
 * the same inputs left unmodified, the same returned booleans and, for every argument EJML rejects, EJML's own
 * exception (such calls are handed to EJML, which throws it). A row-major EJML array read column-major is Aᵀ,
 * so LAPACK factors F = Aᵀ from a plain copy of A (the copy LAPACK needs because A is not to be modified) and
 * solves with the transposed flag: no transposition of A. A single right-hand side is solved in x's own array;
 * k &gt; 1 columns are transposed into a column-major scratch and back (O(n·k) next to the O(n³) factorisation).
 * The copies live in per-thread scratch arrays held softly, so a large call allocates nothing after the first.
 *
 * <p>Results: not bit-identical to EJML (LAPACK's blocked LU orders its sums differently); each accelerated
 * solve and inverse satisfies the backward-error bound {@code org.fusemath.verify.Tolerance#luSolve} (4·n·u, u of
 * the type) that EJML's results satisfy, and the tests check both (det and pinv: see their methods). The thresholds
 * are per method and type ({@link SolveThresholds}); the single-precision class is generated from this one.
 * Thread-safe (stateless apart from per-thread scratch).
 */
final class SolveAcceleration_DDRM {
    /**
     * Measured default: solve of an n×n A runs on LAPACK when n·n ≥ this many elements, EJML below; per type, see
     * {@link SolveThresholds} (earlier JMH pairs: bench/README.md, section "EJML solve facade"). Override with
     * {@code -Dfusemath.ejml.threshold.solve=<elements>} or {@link EjmlExecution#setThreshold}.
     */
    static final long SOLVE_THRESHOLD = SolveThresholds.SOLVE_F64_ELEMENTS;
    /** Measured default of invert (both forms), in elements n·n (see {@link SolveThresholds}). */
    static final long INVERT_THRESHOLD = SolveThresholds.INVERT_F64_ELEMENTS;
    /** Measured default of det, in elements n·n (see {@link SolveThresholds}); EJML's unrolled minors win below. */
    static final long DET_THRESHOLD = SolveThresholds.DET_F64_ELEMENTS;
    /**
     * Measured default for solveSPD and invertSPD (Cholesky): n·n ≥ this many elements (n ≥ 16). solveSPD's paired
     * speed-ups: 0.27× at n = 4, 0.29× at 8, 2.5× at 16, 10× at 256 ({@code 'EjmlSolveBenchmark.pairedSolveSpd$'},
     * same flags; bench/README.md).
     */
    static final long CHOLESKY_THRESHOLD = 16 * 16;
    /**
     * Default for pinv (an SVD): an m×n A with m·n ≥ this many elements. Not measured: EJML's SVD is slower than its
     * LU, so LAPACK's gesdd pays off no later than the LU threshold; 32·32 keeps a margin for the extra GEMM.
     */
    static final long PINV_THRESHOLD = 32 * 32;

    private static final DType TYPE = DType.F64;
    private static final String CLASS = "CommonOps_DDRM.";
    private static final String SOLVE = CLASS + "solve(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)";
    private static final String SOLVE_SPD = CLASS + "solveSPD(DMatrixRMaj,DMatrixRMaj,DMatrixRMaj)";
    private static final String INVERT = CLASS + "invert(DMatrixRMaj)";
    private static final String INVERT_TO = CLASS + "invert(DMatrixRMaj,DMatrixRMaj)";
    private static final String INVERT_SPD = CLASS + "invertSPD(DMatrixRMaj,DMatrixRMaj)";
    private static final String DET = CLASS + "det(DMatrixRMaj)";
    private static final String PINV = CLASS + "pinv(DMatrixRMaj,DMatrixRMaj)";

    private SolveAcceleration_DDRM() {
    }

    /**
     * EJML's {@code CommonOps_DDRM.solve}: x = A⁻¹·b for a square A (x is reshaped to n×k; x may be b). As EJML's LU,
     * returns true for a singular A too (the zero pivot then gives infinities or NaN in x). A non-square A (EJML's
     * least squares by QR) and every shape EJML rejects go to EJML. Within {@code Tolerance.luSolve()}.
     */
    static boolean solve(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj x) {
        int n = a.numRows;
        int k = b.numCols;
        if (a.numCols != n || b.numRows != n || n == 0 || k == 0 || x == a
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, SOLVE_THRESHOLD)) {
            EjmlCoverage.delegated(SOLVE);
            return CommonOps_DDRM.solve(a, b, x);
        }
        EjmlCoverage.accelerated(SOLVE);
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, n * n);
        int[] pivots = s.ints(AccelerationScratch.PIVOTS, n);
        System.arraycopy(a.data, 0, f, 0, n * n);
        int threads = threads();
        // LAPACK's info > 0 (an exact zero pivot) is not an error here: EJML's LU solve returns true as well.
        LapackLu.factor(threads, TYPE, n, f, pivots);
        x.reshape(n, k);
        if (k == 1) {
            if (x != b) {
                System.arraycopy(b.data, 0, x.data, 0, n);
            }
            LapackLu.solve(threads, TYPE, Trans.T, n, 1, f, pivots, x.data);
        } else {
            double[] w = s.doubles(AccelerationScratch.COLUMNS, n * k);
            transpose(b.data, n, k, w);
            LapackLu.solve(threads, TYPE, Trans.T, n, k, f, pivots, w);
            transpose(w, k, n, x.data);
        }
        return true;
    }

    /**
     * EJML's {@code CommonOps_DDRM.invert(mat)}: mat = mat⁻¹ in place; true (also for a singular mat, as EJML's LU).
     * Within {@code Tolerance.luSolve()} as a solution of A·X = I.
     */
    static boolean invert(DMatrixRMaj mat) {
        int n = mat.numRows;
        if (mat.numCols != n || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, INVERT_THRESHOLD)
                || n == 0) {
            EjmlCoverage.delegated(INVERT);
            return CommonOps_DDRM.invert(mat);
        }
        if (!inverseInto(mat, mat.data, n)) {
            EjmlCoverage.delegated(INVERT);
            return CommonOps_DDRM.invert(mat);
        }
        EjmlCoverage.accelerated(INVERT);
        return true;
    }

    /**
     * EJML's {@code CommonOps_DDRM.invert(mat, result)}: result (reshaped to mat's shape; may be mat) = mat⁻¹, mat
     * unchanged; true (also for a singular mat). Within {@code Tolerance.luSolve()} as a solution of A·X = I.
     */
    static boolean invert(DMatrixRMaj mat, DMatrixRMaj result) {
        int n = mat.numRows;
        if (mat.numCols != n || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, INVERT_THRESHOLD)
                || n == 0) {
            EjmlCoverage.delegated(INVERT_TO);
            return CommonOps_DDRM.invert(mat, result);
        }
        result.reshape(n, n);
        if (!inverseInto(mat, result.data, n)) {
            EjmlCoverage.delegated(INVERT_TO);
            return CommonOps_DDRM.invert(mat, result);
        }
        EjmlCoverage.accelerated(INVERT_TO);
        return true;
    }

    /**
     * EJML's {@code CommonOps_DDRM.det}: det(mat), mat unchanged; the product of the LU pivots in the type's
     * arithmetic as EJML forms it (0 for an exactly singular mat). Relative difference to EJML within
     * c·n·u·κ(A) (both are backward stable).
     */
    static double det(DMatrixRMaj mat) {
        int n = mat.numRows;
        if (mat.numCols != n || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, DET_THRESHOLD)
                || n == 0) {
            EjmlCoverage.delegated(DET);
            return CommonOps_DDRM.det(mat);
        }
        EjmlCoverage.accelerated(DET);
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, n * n);
        int[] pivots = s.ints(AccelerationScratch.PIVOTS, n);
        System.arraycopy(mat.data, 0, f, 0, n * n);
        LapackLu.factor(threads(), TYPE, n, f, pivots);
        // det(Aᵀ) = det(A); getrf's pivots are 1-based, each interchange flips the sign.
        double det = 1;
        for (int i = 0; i < n; i++) {
            det *= f[i * n + i];
            if (pivots[i] != i + 1) {
                det = -det;
            }
        }
        return det;
    }

    /**
     * EJML's {@code CommonOps_DDRM.solveSPD}: x = A⁻¹·b by Cholesky for a symmetric positive definite A, reading the
     * triangle EJML reads (x reshaped to n×k first); false, x's values untouched, when A is not positive
     * definite. A non-square A throws EJML's IllegalArgumentException. Within {@code Tolerance.luSolve()}.
     */
    static boolean solveSPD(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj x) {
        int n = a.numRows;
        int k = b.numCols;
        if (a.numCols != n || b.numRows != n || n == 0 || k == 0 || x == a
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, CHOLESKY_THRESHOLD)) {
            EjmlCoverage.delegated(SOLVE_SPD);
            return CommonOps_DDRM.solveSPD(a, b, x);
        }
        EjmlCoverage.accelerated(SOLVE_SPD);
        x.reshape(n, k);
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, n * n);
        System.arraycopy(a.data, 0, f, 0, n * n);
        int threads = threads();
        Uplo triangle = ejmlCholeskyTriangle(n);
        if (LapackCholesky.factor(threads, TYPE, triangle, n, f) != 0) {
            return false;
        }
        if (k == 1) {
            if (x != b) {
                System.arraycopy(b.data, 0, x.data, 0, n);
            }
            LapackCholesky.solve(threads, TYPE, triangle, n, 1, f, x.data);
        } else {
            double[] w = s.doubles(AccelerationScratch.COLUMNS, n * k);
            transpose(b.data, n, k, w);
            LapackCholesky.solve(threads, TYPE, triangle, n, k, f, w);
            transpose(w, k, n, x.data);
        }
        return true;
    }

    /**
     * EJML's {@code CommonOps_DDRM.invertSPD}: result (reshaped to n×n) = mat⁻¹ by Cholesky from the triangle EJML
     * reads; false, result's values untouched, when mat is not positive definite; mat unchanged. A non-square mat throws
     * EJML's IllegalArgumentException. Within {@code Tolerance.luSolve()} as a solution of A·X = I.
     */
    static boolean invertSPD(DMatrixRMaj mat, DMatrixRMaj result) {
        int n = mat.numRows;
        if (mat.numCols != n || n == 0
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, CHOLESKY_THRESHOLD)) {
            EjmlCoverage.delegated(INVERT_SPD);
            return CommonOps_DDRM.invertSPD(mat, result);
        }
        EjmlCoverage.accelerated(INVERT_SPD);
        result.reshape(n, n);
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, n * n);
        System.arraycopy(mat.data, 0, f, 0, n * n);
        int threads = threads();
        Uplo triangle = ejmlCholeskyTriangle(n);
        if (LapackCholesky.factor(threads, TYPE, triangle, n, f) != 0) {
            return false;
        }
        identity(result.data, n);
        LapackCholesky.solve(threads, TYPE, triangle, n, n, f, result.data);
        return true;
    }

    /**
     * EJML's {@code CommonOps_DDRM.pinv}: invA (reshaped to n×m) = the Moore–Penrose pseudo-inverse of the m×n A, A
     * unchanged, from LAPACK's divide-and-conquer SVD (gesdd, gesvd if it does not converge) with EJML's cut-off:
     * singular values below {@code UtilEjml.EPS·max(m, n)·σ₁} count as zero. Thrown as EJML does when the SVD fails:
     * IllegalArgumentException. invA the same matrix as A, and empty shapes, go to EJML. Not bit-identical; as a
     * solution of A·X = I (full column rank) within {@code Tolerance.luSolve()}.
     */
    static void pinv(DMatrixRMaj A, DMatrixRMaj invA) {
        int m = A.numRows;
        int n = A.numCols;
        if (A == invA || m == 0 || n == 0
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) m * n, PINV_THRESHOLD)) {
            EjmlCoverage.delegated(PINV);
            CommonOps_DDRM.pinv(A, invA);
            return;
        }
        EjmlCoverage.accelerated(PINV);
        // F = Aᵀ (n×m column-major) = U·Σ·Vᵀ, so A = V·Σ·Uᵀ and pinv(A) = U·Σ⁺·Vᵀ: an n×m product written row-major.
        int r = Math.min(m, n);
        ScratchArrays scratch = AccelerationScratch.current();
        double[] f = scratch.doubles(AccelerationScratch.FACTORS, m * n);
        System.arraycopy(A.data, 0, f, 0, m * n);
        double[] s = new double[r];
        double[] u = new double[n * r];
        double[] vt = new double[r * m];
        try {
            LapackSvd.create(TYPE, n, m, 'S').compute(threads(), f, a -> System.arraycopy(A.data, 0, a, 0, m * n),
                    s, u, vt);
        } catch (NoConvergenceException e) {
            throw new IllegalArgumentException("Invert failed, maybe a bug?", e);
        }
        double max = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double tau = UtilEjml.EPS * Math.max(m, n) * max;
        for (int j = 0; j < r; j++) {
            double inverse = max == 0 || s[j] < tau ? 0 : 1 / s[j];
            for (int i = 0; i < n; i++) {
                u[j * n + i] *= inverse;
            }
        }
        invA.reshape(n, m);
        Blas.gemm(Op.NONE, Op.NONE, 1, HostMatrix.of(TYPE, u, MatrixShape.columnMajor(n, r)),
                HostMatrix.of(TYPE, vt, MatrixShape.columnMajor(r, m)), 0,
                HostMatrix.of(TYPE, invA.data, MatrixShape.rowMajor(n, m)));
    }

    /** Writes A⁻¹ of the n×n {@code mat} into {@code out} (which may be mat's own array). */
    /**
     * Writes mat⁻¹ into {@code out}; false, {@code out} untouched, when mat is singular to working precision (an
     * exact zero pivot, or the smallest |U_ii| at most n·ε times the largest): EJML's LU may then meet an exact zero
     * pivot where LAPACK's order of operations leaves a rounding-sized one, and EJML's NaN/Inf result is the signal
     * that {@code MatrixFeatures_DDRM.hasUncountable} and SimpleMatrix.invert test for; so the caller hands such a
     * matrix to EJML and returns EJML's own result.
     */
    private static boolean inverseInto(DMatrixRMaj mat, double[] out, int n) {
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, n * n);
        int[] pivots = s.ints(AccelerationScratch.PIVOTS, n);
        System.arraycopy(mat.data, 0, f, 0, n * n);
        int threads = threads();
        if (LapackLu.factor(threads, TYPE, n, f, pivots) > 0 || singularToWorkingPrecision(f, n)) {
            return false;
        }
        // F⁻¹ = (Aᵀ)⁻¹ column-major is A⁻¹ read row-major.
        identity(out, n);
        LapackLu.solve(threads, TYPE, Trans.N, n, n, f, pivots, out);
        return true;
    }

    private static boolean singularToWorkingPrecision(double[] f, int n) {
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(f[i * n + i]);
            largest = Math.max(largest, d);
            smallest = Math.min(smallest, d);
        }
        return !(smallest > n * UtilEjml.EPS * largest);
    }

    /**
     * The triangle EJML's {@code solveSPD}/{@code invertSPD} read, as the {@code Uplo} of the column-major view Aᵀ of
     * row-major A (its upper triangle is A's lower one). Up to {@code UnrolledCholesky_DDRM.MAX} EJML's unrolled
     * Cholesky reads A's lower triangle; above, its {@code CholeskyDecompositionInner} reads A's upper triangle
     * ({@code t[i*n + j]}, j ≥ i); from {@code EjmlParameters.SWITCH_BLOCK64_CHOLESKY} its block solver reads the
     * lower blocks. A symmetric A gives the same result either way; a non-symmetric one gives EJML's.
     */
    private static Uplo ejmlCholeskyTriangle(int n) {
        boolean block = n >= EjmlParameters.SWITCH_BLOCK64_CHOLESKY
                && EjmlParameters.MEMORY == EjmlParameters.MemoryUsage.FASTER;
        return n <= UnrolledCholesky_DDRM.MAX || block ? Uplo.UPPER : Uplo.LOWER;
    }

    private static int threads() {
        return FuseContext.defaults().threads();
    }

    private static void identity(double[] out, int n) {
        java.util.Arrays.fill(out, 0, n * n, 0);
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 1;
        }
    }

    /** Writes the transpose of the row-major r×c {@code in} into {@code out} (row-major c×r), in cache blocks. */
    private static void transpose(double[] in, int r, int c, double[] out) {
        final int block = 32;
        for (int i0 = 0; i0 < r; i0 += block) {
            int i1 = Math.min(r, i0 + block);
            for (int j0 = 0; j0 < c; j0 += block) {
                int j1 = Math.min(c, j0 + block);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[j * r + i] = in[i * c + j];
                    }
                }
            }
        }
    }
}
