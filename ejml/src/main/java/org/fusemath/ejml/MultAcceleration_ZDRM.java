package org.fusemath.ejml;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * EJML's {@code CommonOps_ZDRM} mult family (mult, multAdd, multTransA/B/AB, multAddTransA/B/AB, each with and
 * without the complex alpha given as a real and an imaginary part) on fusemath's complex GEMM (OpenBLAS zgemm on
 * EJML's interleaved (re, im) row-major arrays, no copies) above a measured size, EJML's loops below it.
 *
 * <p>Each method has EJML's exact signature and contract: "Trans" is the conjugate transpose, as in EJML; c is not
 * reshaped (EJML requires its shape); an aliased output ({@code a == c} or {@code b == c}) or a shape EJML rejects
 * is handed to EJML, which throws its IllegalArgumentException or MatrixDimensionException. Results are not
 * bit-identical (the sums are ordered differently); each element is within
 * {@code org.fusemath.verify.Tolerance#gemm} (c·γ(k+2)·(|A|·|B|)ᵢⱼ) of the exact product, as EJML's are.
 * Thread-safe (stateless).
 */
final class MultAcceleration_ZDRM {
    /**
     * Measured default: a product runs on zgemm when its multiply-adds m·n·k reach this many (32³); EJML's loops
     * below. Paired speed-ups of square mult (EJML time ÷ this class's, one OpenBLAS thread, loaded machine;
     * bench/README.md, section "EJML solve facade"): 0.66× at m = 8, 0.75× at 16, 0.70× at 24, 1.16× at 32, 1.39× at
     * 64, 3.6× at 256. Command: {@code OPENBLAS_NUM_THREADS=1 java -XX:ActiveProcessorCount=1 -jar
     * bench/target/benchmarks.jar 'EjmlSolveBenchmark.pairedZgemm$' -f 1 -wi 2 -i 3 -w 1s -r 1s -jvmArgsAppend
     * -XX:ActiveProcessorCount=1}. Override with {@code -Dfusemath.ejml.threshold.mult=<multiply-adds>} or
     * {@link EjmlExecution#setThreshold}.
     */
    static final long MULT_THRESHOLD = 32L * 32 * 32;

    private static final String CLASS = "CommonOps_ZDRM.";
    private static final String MATRICES = "ZMatrixRMaj,ZMatrixRMaj,ZMatrixRMaj)";
    private static final String SCALED = "double,double," + MATRICES;

    private MultAcceleration_ZDRM() {
    }

    /** EJML's {@code CommonOps_ZDRM.mult(a, b, c)}: c = a·b. */
    static void mult(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "mult(" + MATRICES, a, b, c, false, false)) {
            gemm(false, false, 1, 0, a, b, 0, c);
        } else {
            CommonOps_ZDRM.mult(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.mult(realAlpha, imagAlpha, a, b, c)}: c = α·a·b with α = realAlpha + i·imagAlpha. */
    static void mult(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "mult(" + SCALED, a, b, c, false, false)) {
            gemm(false, false, realAlpha, imagAlpha, a, b, 0, c);
        } else {
            CommonOps_ZDRM.mult(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAdd(a, b, c)}: c = c + a·b. */
    static void multAdd(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAdd(" + MATRICES, a, b, c, false, false)) {
            gemm(false, false, 1, 0, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAdd(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAdd(realAlpha, imagAlpha, a, b, c)}: c = c + α·a·b with α = realAlpha + i·imagAlpha. */
    static void multAdd(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAdd(" + SCALED, a, b, c, false, false)) {
            gemm(false, false, realAlpha, imagAlpha, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAdd(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multTransA(a, b, c)}: c = aᴴ·b. */
    static void multTransA(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multTransA(" + MATRICES, a, b, c, true, false)) {
            gemm(true, false, 1, 0, a, b, 0, c);
        } else {
            CommonOps_ZDRM.multTransA(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multTransA(realAlpha, imagAlpha, a, b, c)}: c = α·aᴴ·b with α = realAlpha + i·imagAlpha. */
    static void multTransA(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multTransA(" + SCALED, a, b, c, true, false)) {
            gemm(true, false, realAlpha, imagAlpha, a, b, 0, c);
        } else {
            CommonOps_ZDRM.multTransA(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multTransB(a, b, c)}: c = a·bᴴ. */
    static void multTransB(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multTransB(" + MATRICES, a, b, c, false, true)) {
            gemm(false, true, 1, 0, a, b, 0, c);
        } else {
            CommonOps_ZDRM.multTransB(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multTransB(realAlpha, imagAlpha, a, b, c)}: c = α·a·bᴴ with α = realAlpha + i·imagAlpha. */
    static void multTransB(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multTransB(" + SCALED, a, b, c, false, true)) {
            gemm(false, true, realAlpha, imagAlpha, a, b, 0, c);
        } else {
            CommonOps_ZDRM.multTransB(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multTransAB(a, b, c)}: c = aᴴ·bᴴ. */
    static void multTransAB(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multTransAB(" + MATRICES, a, b, c, true, true)) {
            gemm(true, true, 1, 0, a, b, 0, c);
        } else {
            CommonOps_ZDRM.multTransAB(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multTransAB(realAlpha, imagAlpha, a, b, c)}: c = α·aᴴ·bᴴ with α = realAlpha + i·imagAlpha. */
    static void multTransAB(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multTransAB(" + SCALED, a, b, c, true, true)) {
            gemm(true, true, realAlpha, imagAlpha, a, b, 0, c);
        } else {
            CommonOps_ZDRM.multTransAB(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAddTransA(a, b, c)}: c = c + aᴴ·b. */
    static void multAddTransA(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAddTransA(" + MATRICES, a, b, c, true, false)) {
            gemm(true, false, 1, 0, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAddTransA(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAddTransA(realAlpha, imagAlpha, a, b, c)}: c = c + α·aᴴ·b with α = realAlpha + i·imagAlpha. */
    static void multAddTransA(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAddTransA(" + SCALED, a, b, c, true, false)) {
            gemm(true, false, realAlpha, imagAlpha, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAddTransA(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAddTransB(a, b, c)}: c = c + a·bᴴ. */
    static void multAddTransB(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAddTransB(" + MATRICES, a, b, c, false, true)) {
            gemm(false, true, 1, 0, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAddTransB(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAddTransB(realAlpha, imagAlpha, a, b, c)}: c = c + α·a·bᴴ with α = realAlpha + i·imagAlpha. */
    static void multAddTransB(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAddTransB(" + SCALED, a, b, c, false, true)) {
            gemm(false, true, realAlpha, imagAlpha, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAddTransB(realAlpha, imagAlpha, a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAddTransAB(a, b, c)}: c = c + aᴴ·bᴴ. */
    static void multAddTransAB(ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAddTransAB(" + MATRICES, a, b, c, true, true)) {
            gemm(true, true, 1, 0, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAddTransAB(a, b, c);
        }
    }

    /** EJML's {@code CommonOps_ZDRM.multAddTransAB(realAlpha, imagAlpha, a, b, c)}: c = c + α·aᴴ·bᴴ with α = realAlpha + i·imagAlpha. */
    static void multAddTransAB(double realAlpha, double imagAlpha, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c) {
        if (accelerated(CLASS + "multAddTransAB(" + SCALED, a, b, c, true, true)) {
            gemm(true, true, realAlpha, imagAlpha, a, b, 1, c);
        } else {
            CommonOps_ZDRM.multAddTransAB(realAlpha, imagAlpha, a, b, c);
        }
    }

    /**
     * Whether op(a)·op(b) into c takes the GEMM path (and records the call's coverage either way): c is neither a
     * nor b, the shapes agree as EJML requires, no dimension is 0 and m·n·k reaches the threshold.
     */
    private static boolean accelerated(String key, ZMatrixRMaj a, ZMatrixRMaj b, ZMatrixRMaj c, boolean transA,
                                       boolean transB) {
        int m = transA ? a.numCols : a.numRows;
        int k = transA ? a.numRows : a.numCols;
        int kb = transB ? b.numCols : b.numRows;
        int n = transB ? b.numRows : b.numCols;
        boolean fast = a != c && b != c && k == kb && c.numRows == m && c.numCols == n && m > 0 && n > 0 && k > 0
                && EjmlExecution.accelerate(EjmlExecution.Family.MULT, (long) m * n * k, MULT_THRESHOLD);
        if (fast) {
            EjmlCoverage.accelerated(key);
        } else {
            EjmlCoverage.delegated(key);
        }
        return fast;
    }

    /** c = α·op(a)·op(b) + β·c with op the conjugate transpose where asked, on EJML's arrays in place. */
    private static void gemm(boolean transA, boolean transB, double alphaRe, double alphaIm, ZMatrixRMaj a,
                             ZMatrixRMaj b, double beta, ZMatrixRMaj c) {
        Blas.gemm(transA ? Op.CONJUGATE_TRANSPOSE : Op.NONE, transB ? Op.CONJUGATE_TRANSPOSE : Op.NONE,
                Scalar.of(alphaRe, alphaIm), HostMatrix.of(a), HostMatrix.of(b), Scalar.of(beta), HostMatrix.of(c));
    }
}
