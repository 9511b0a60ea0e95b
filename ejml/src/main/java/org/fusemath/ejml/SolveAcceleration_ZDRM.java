package org.fusemath.ejml;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.ScratchArrays;
import org.fusemath.blas.host.Trans;
import org.fusemath.solver.host.LapackLu;

/**
 * EJML's {@code CommonOps_ZDRM} solve, invert and det on LAPACK's complex getrf/getrs (through fusemath's host call
 * table) above a measured size, EJML's own method below it.
 *
 * <p>Each method has EJML's exact signature and contract (the same reshaping, unmodified inputs, returned values
 * and, for arguments EJML rejects, EJML's own exception: such calls are handed to EJML). EJML's interleaved
 * (re, im) row-major array read column-major is Aᵀ (a plain transpose, not the conjugate one), so LAPACK factors a
 * copy of it and solves with the transposed flag; one right-hand side is solved in x's own array, k &gt; 1 go
 * through a column-major scratch. Results are not bit-identical to EJML; they satisfy the backward-error bound
 * {@code org.fusemath.verify.Tolerance#luSolve} (4·n·u) as EJML's do. Thread-safe (per-thread scratch only).
 */
final class SolveAcceleration_ZDRM {
    /**
     * Measured default: solve, invert and det of an n×n A run on LAPACK when n·n ≥ this many elements (n ≥ 16);
     * EJML below. Paired speed-ups of solve with n right-hand sides (EJML time ÷ this class's, one OpenBLAS thread,
     * loaded machine; bench/README.md, section "EJML solve facade"): 1.4× at n = 4, 0.72× at 8, 2.9× at 16 and 32,
     * 2.6× at 64. Command: {@code OPENBLAS_NUM_THREADS=1 java -XX:ActiveProcessorCount=1 -jar
     * bench/target/benchmarks.jar 'EjmlSolveBenchmark.pairedZsolve$' -p m=4,8,16,32,64 -f 1 -wi 2 -i 3 -w 1s -r 1s
     * -jvmArgsAppend -XX:ActiveProcessorCount=1}. Override with {@code -Dfusemath.ejml.threshold.solve=<elements>}
     * or {@link EjmlExecution#setThreshold}.
     */
    static final long LU_THRESHOLD = 16 * 16;

    private static final DType TYPE = DType.C128;
    private static final String CLASS = "CommonOps_ZDRM.";
    private static final String SOLVE = CLASS + "solve(ZMatrixRMaj,ZMatrixRMaj,ZMatrixRMaj)";
    private static final String INVERT = CLASS + "invert(ZMatrixRMaj)";
    private static final String INVERT_TO = CLASS + "invert(ZMatrixRMaj,ZMatrixRMaj)";
    private static final String DET = CLASS + "det(ZMatrixRMaj)";

    private SolveAcceleration_ZDRM() {
    }

    /**
     * EJML's {@code CommonOps_ZDRM.solve}: x = A⁻¹·b for a square A, x reshaped to n×k (x may be b); true, also for a
     * singular A (as EJML's LU: the zero pivot gives infinities or NaN). Non-square A (EJML's QR least squares) and
     * every shape EJML rejects go to EJML. Within {@code Tolerance.luSolve()}.
     */
    static boolean solve(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj x) {
        int n = a.numRows;
        int k = b.numCols;
        if (a.numCols != n || b.numRows != n || n == 0 || k == 0 || x == a
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, LU_THRESHOLD)) {
            EjmlCoverage.delegated(SOLVE);
            return CommonOps_ZDRM.solve(a, b, x);
        }
        EjmlCoverage.accelerated(SOLVE);
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, 2 * n * n);
        int[] pivots = s.ints(AccelerationScratch.PIVOTS, n);
        System.arraycopy(a.data, 0, f, 0, 2 * n * n);
        int threads = threads();
        LapackLu.factor(threads, TYPE, n, f, pivots);
        if (k == 1) {
            x.reshape(n, 1);
            if (x != b) {
                System.arraycopy(b.data, 0, x.data, 0, 2 * n);
            }
            LapackLu.solve(threads, TYPE, Trans.T, n, 1, f, pivots, x.data);
        } else {
            double[] w = s.doubles(AccelerationScratch.COLUMNS, 2 * n * k);
            transpose(b.data, n, k, w);
            LapackLu.solve(threads, TYPE, Trans.T, n, k, f, pivots, w);
            x.reshape(n, k);
            transpose(w, k, n, x.data);
        }
        return true;
    }

    /** EJML's {@code CommonOps_ZDRM.invert(A)}: A = A⁻¹ in place; true (also when singular, as EJML's LU). */
    static boolean invert(ZMatrixRMaj A) {
        int n = A.numRows;
        if (A.numCols != n || n == 0
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, LU_THRESHOLD)) {
            EjmlCoverage.delegated(INVERT);
            return CommonOps_ZDRM.invert(A);
        }
        double[] f = factor(A, n);
        if (f == null) {
            EjmlCoverage.delegated(INVERT);
            return CommonOps_ZDRM.invert(A);
        }
        EjmlCoverage.accelerated(INVERT);
        invertFactored(f, A.data, n);
        return true;
    }

    /**
     * EJML's {@code CommonOps_ZDRM.invert(input, output)}: output (reshaped to n×n; may be input) = input⁻¹, input
     * unchanged; true (also when singular).
     */
    static boolean invert(ZMatrixRMaj input, ZMatrixRMaj output) {
        int n = input.numRows;
        if (input.numCols != n || n == 0
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, LU_THRESHOLD)) {
            EjmlCoverage.delegated(INVERT_TO);
            return CommonOps_ZDRM.invert(input, output);
        }
        // Copy first: output may be input, and reshaping it must not lose input's values.
        double[] f = factor(input, n);
        if (f == null) {
            EjmlCoverage.delegated(INVERT_TO);
            return CommonOps_ZDRM.invert(input, output);
        }
        EjmlCoverage.accelerated(INVERT_TO);
        output.reshape(n, n);
        invertFactored(f, output.data, n);
        return true;
    }

    /**
     * EJML's {@code CommonOps_ZDRM.det}: det(mat) as a new Complex_F64, mat unchanged; the product of the LU pivots
     * (0 for an exactly singular mat). Relative difference to EJML within c·n·u·κ(A).
     */
    static Complex_F64 det(ZMatrixRMaj mat) {
        int n = mat.numRows;
        if (mat.numCols != n || n == 0
                || !EjmlExecution.accelerate(EjmlExecution.Family.SOLVE, (long) n * n, LU_THRESHOLD)) {
            EjmlCoverage.delegated(DET);
            return CommonOps_ZDRM.det(mat);
        }
        EjmlCoverage.accelerated(DET);
        double[] f = factor(mat, n);
        if (f == null) {
            return new Complex_F64(0, 0); // an exact zero pivot: the product of the pivots is 0
        }
        int[] pivots = AccelerationScratch.current().ints(AccelerationScratch.PIVOTS, n);
        double re = 1;
        double im = 0;
        for (int i = 0; i < n; i++) {
            int d = 2 * (i * n + i);
            double r = re * f[d] - im * f[d + 1];
            im = re * f[d + 1] + im * f[d];
            re = r;
            // det(Aᵀ) = det(A); getrf's pivots are 1-based, each interchange flips the sign.
            if (pivots[i] != i + 1) {
                re = -re;
                im = -im;
            }
        }
        return new Complex_F64(re, im);
    }

    /**
     * Copies the n×n {@code mat} into the factor scratch and factors it (pivots in the pivot scratch); null on an
     * exact zero pivot, where EJML's LU divides by it and leaves NaN/Inf in an inverse: the callers that must give
     * that signal hand the matrix to EJML.
     */
    private static double[] factor(ZMatrixRMaj mat, int n) {
        ScratchArrays s = AccelerationScratch.current();
        double[] f = s.doubles(AccelerationScratch.FACTORS, 2 * n * n);
        System.arraycopy(mat.data, 0, f, 0, 2 * n * n);
        return LapackLu.factor(threads(), TYPE, n, f, s.ints(AccelerationScratch.PIVOTS, n)) > 0 ? null : f;
    }

    /** Writes F⁻¹ (column-major), which is A⁻¹ read row-major, into {@code out}. */
    private static void invertFactored(double[] f, double[] out, int n) {
        java.util.Arrays.fill(out, 0, 2 * n * n, 0);
        for (int i = 0; i < n; i++) {
            out[2 * (i * n + i)] = 1;
        }
        int[] pivots = AccelerationScratch.current().ints(AccelerationScratch.PIVOTS, n);
        LapackLu.solve(threads(), TYPE, Trans.N, n, n, f, pivots, out);
    }

    private static int threads() {
        return FuseContext.defaults().threads();
    }

    /** Writes the transpose of the row-major complex r×c {@code in} into {@code out} (c×r), in cache blocks. */
    private static void transpose(double[] in, int r, int c, double[] out) {
        final int block = 32;
        for (int i0 = 0; i0 < r; i0 += block) {
            int i1 = Math.min(r, i0 + block);
            for (int j0 = 0; j0 < c; j0 += block) {
                int j1 = Math.min(c, j0 + block);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[2 * (j * r + i)] = in[2 * (i * c + j)];
                        out[2 * (j * r + i) + 1] = in[2 * (i * c + j) + 1];
                    }
                }
            }
        }
    }
}
