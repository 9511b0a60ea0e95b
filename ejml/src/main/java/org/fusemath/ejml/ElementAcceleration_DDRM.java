package org.fusemath.ejml;

import org.ejml.UtilEjml;
import org.ejml.data.DMatrixD1;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.fusion.host.VectorMath;

/**
 * EJML's {@code CommonOps_DDRM} elementExp and elementLog on fusion's vectorised exp and log ({@link VectorMath}:
 * branch-free polynomial kernels that HotSpot compiles to SIMD code) above a measured element count, EJML's own
 * {@code Math.exp} / {@code Math.log} loops below it.
 *
 * <p>Each method has EJML's signature and contract: the output is reshaped to A's shape (or declared when null) as
 * EJML does it, may be A, and A is not modified. Both methods accept every matrix EJML accepts; a null A throws
 * the {@code NullPointerException} EJML's throws.
 *
 * <p>Results: not bit-identical to EJML. Each value is within {@link VectorMath#EXP_F64_ULPS} (exp) or
 * {@link VectorMath#LOG_F64_ULPS} (log) units in the last place of the exact result, EJML's within 1 (the
 * accuracy {@code java.lang.Math} documents), so the two differ by at most the sum; IEEE special values (NaN, ±∞,
 * ±0, negative inputs to log) give the same results as EJML's. elementPower is EJML's own loop in the 64-bit
 * class and {@code PowerAcceleration_FDRM}'s in the 32-bit one; the arithmetic element-wise methods (add, scale,
 * elementMult, elementDiv, ...) stay EJML's own: docs/ejml-migration.md says why.
 * Thread-safe (the kernels keep per-thread scratch).
 */
final class ElementAcceleration_DDRM {
    /** Measured default: elementExp of at least this many elements runs vectorised (see {@link ElementThresholds}). */
    static final long EXP_THRESHOLD = ElementThresholds.EXP_F64_ELEMENTS;
    /** Measured default for elementLog, in elements (see {@link ElementThresholds}). */
    static final long LOG_THRESHOLD = ElementThresholds.LOG_F64_ELEMENTS;

    private static final String CLASS = "CommonOps_DDRM.";
    private static final String EXP = CLASS + "elementExp(DMatrixD1,DMatrixD1)";
    private static final String LOG = CLASS + "elementLog(DMatrixD1,DMatrixD1)";

    private ElementAcceleration_DDRM() {
    }

    /**
     * EJML's {@code CommonOps_DDRM.elementExp}: output(i) = e^A(i); output reshaped to A's shape (declared when
     * null; may be A). Within {@link VectorMath#EXP_F64_ULPS} + 1 ulps of EJML's value.
     */
    static <T extends DMatrixD1> T elementExp(T A, T output) {
        int size = A.getNumElements();
        if (!EjmlExecution.accelerate(EjmlExecution.Family.ELEMENTWISE, size, EXP_THRESHOLD)) {
            EjmlCoverage.delegated(EXP);
            return CommonOps_DDRM.elementExp(A, output);
        }
        EjmlCoverage.accelerated(EXP);
        output = UtilEjml.reshapeOrDeclare(output, A);
        VectorMath.apply(VectorMath.Function.EXP, A.data, 0, output.data, 0, size);
        return output;
    }

    /**
     * EJML's {@code CommonOps_DDRM.elementLog}: output(i) = ln A(i); output reshaped to A's shape (declared when
     * null; may be A). Within {@link VectorMath#LOG_F64_ULPS} + 1 ulps of EJML's value.
     */
    static <T extends DMatrixD1> T elementLog(T A, T output) {
        int size = A.getNumElements();
        if (!EjmlExecution.accelerate(EjmlExecution.Family.ELEMENTWISE, size, LOG_THRESHOLD)) {
            EjmlCoverage.delegated(LOG);
            return CommonOps_DDRM.elementLog(A, output);
        }
        EjmlCoverage.accelerated(LOG);
        output = UtilEjml.reshapeOrDeclare(output, A);
        VectorMath.apply(VectorMath.Function.LOG, A.data, 0, output.data, 0, size);
        return output;
    }
}
