package org.fusemath.ejml;

import org.ejml.UtilEjml;
import org.ejml.data.FMatrixD1;
import org.ejml.dense.row.CommonOps_FDRM;
import org.fusemath.fusion.host.F64Lanes;
import org.fusemath.fusion.host.VectorMath;

/**
 * EJML's {@code CommonOps_FDRM.elementPower} (all three forms) as e^(b·ln a) in double on fusion's vectorised
 * double log and exp ({@link VectorMath}) above a measured element count, EJML's {@code (float) Math.pow} loop below.
 *
 * <p>Why only float: the error of e^(b·ln a) grows with |b·ln a| (an error δ in y = b·ln a becomes a relative error δ
 * of e^y). In double, with ln a and e^y within {@link VectorMath#LOG_F64_ULPS} and {@link VectorMath#EXP_F64_ULPS}
 * ulps, |y| up to 745 gives up to about 1100 ulps of a double result: too far from {@code Math.pow}'s 1 ulp, so
 * {@code CommonOps_DDRM.elementPower} stays EJML's. For a float result |y| is at most 104 (beyond it the result
 * overflows or underflows a float); ln a within 1 ulp and the product within half an ulp put y within 1.5·|y|·2⁻⁵²,
 * so the double result is within (1.5 + 1.5·104)·2⁻⁵² ≈ 3.5·10⁻¹⁴ relative of the exact power, and the rounding to float adds half an ulp: each value is within 0.5 + 6·10⁻⁷ ulps
 * of the exact power, as EJML's {@code (float) Math.pow} is, so the two differ by at most 1 ulp (one float apart).
 *
 * <p>Special values give {@code Math.pow}'s results: inputs outside (0, +∞) for the base (zero, negative, infinite,
 * NaN), where Java's pow has its own rules (signed results for integer exponents, pow(x, ±0) = 1 even for a NaN x),
 * are recomputed by {@code Math.pow}; exponents 0, ±∞ and NaN follow from IEEE arithmetic on y (e^0 = 1, e^±∞, NaN
 * for pow(1, ±∞) and for a NaN exponent, as Java specifies). A scalar base outside (0, +∞) sends the whole call to
 * EJML. Argument checks and output reshaping are EJML's ({@code elementPower(A, B, out)} with A and B of different
 * shapes goes to EJML, which throws its {@code MatrixDimensionException}); the output may be A or B.
 * Thread-safe (per-thread scratch).
 */
final class PowerAcceleration_FDRM {
    /** Measured default: a call on at least this many elements runs vectorised (see {@link ElementThresholds}). */
    static final long THRESHOLD = ElementThresholds.POWER_F32_ELEMENTS;

    private static final String CLASS = "CommonOps_FDRM.";
    private static final String MATRIX_MATRIX = CLASS + "elementPower(FMatrixD1,FMatrixD1,FMatrixD1)";
    private static final String SCALAR_MATRIX = CLASS + "elementPower(float,FMatrixD1,FMatrixD1)";
    private static final String MATRIX_SCALAR = CLASS + "elementPower(FMatrixD1,float,FMatrixD1)";
    private static final int CHUNK = F64Lanes.CHUNK;

    private PowerAcceleration_FDRM() {
    }

    /** EJML's {@code elementPower(A, B, output)}: output(i) = A(i)^B(i); within 1 ulp of EJML's value. */
    static <T extends FMatrixD1> T elementPower(T A, T B, T output) {
        int size = A.getNumElements();
        if (A.numRows != B.numRows || A.numCols != B.numCols
                || !EjmlExecution.accelerate(EjmlExecution.Family.ELEMENTWISE, size, THRESHOLD)) {
            EjmlCoverage.delegated(MATRIX_MATRIX);
            return CommonOps_FDRM.elementPower(A, B, output);
        }
        EjmlCoverage.accelerated(MATRIX_MATRIX);
        output = UtilEjml.reshapeOrDeclare(output, A);
        power(A.data, B.data, 0, output.data, size);
        return output;
    }

    /** EJML's {@code elementPower(A, b, output)}: output(i) = A(i)^b; within 1 ulp of EJML's value. */
    static <T extends FMatrixD1> T elementPower(T A, float b, T output) {
        int size = A.getNumElements();
        if (!EjmlExecution.accelerate(EjmlExecution.Family.ELEMENTWISE, size, THRESHOLD)) {
            EjmlCoverage.delegated(MATRIX_SCALAR);
            return CommonOps_FDRM.elementPower(A, b, output);
        }
        EjmlCoverage.accelerated(MATRIX_SCALAR);
        output = UtilEjml.reshapeOrDeclare(output, A);
        power(A.data, null, b, output.data, size);
        return output;
    }

    /** EJML's {@code elementPower(a, B, output)}: output(i) = a^B(i); within 1 ulp of EJML's value. */
    static <T extends FMatrixD1> T elementPower(float a, T B, T output) {
        int size = B.getNumElements();
        if (!(a > 0 && a < Float.POSITIVE_INFINITY)
                || !EjmlExecution.accelerate(EjmlExecution.Family.ELEMENTWISE, size, THRESHOLD)) {
            EjmlCoverage.delegated(SCALAR_MATRIX);
            return CommonOps_FDRM.elementPower(a, B, output);
        }
        EjmlCoverage.accelerated(SCALAR_MATRIX);
        output = UtilEjml.reshapeOrDeclare(output, B);
        double logA = Math.log(a); // within 1 ulp, as the lanes' log
        double[] y = AccelerationScratch.current().doubles(AccelerationScratch.FACTORS, CHUNK);
        float[] b = B.data;
        float[] out = output.data;
        for (int o = 0; o < size; o += CHUNK) {
            int c = Math.min(CHUNK, size - o);
            for (int i = 0; i < c; i++) {
                y[i] = b[o + i] * logA;
            }
            VectorMath.apply(VectorMath.Function.EXP, y, 0, y, 0, c);
            for (int i = 0; i < c; i++) {
                out[o + i] = (float) y[i];
            }
        }
        return output;
    }

    /** out(i) = a(i)^(b == null ? scalar : b(i)) for i below size; out may be a or b. */
    private static void power(float[] a, float[] b, float scalar, float[] out, int size) {
        double[] y = AccelerationScratch.current().doubles(AccelerationScratch.FACTORS, CHUNK);
        for (int o = 0; o < size; o += CHUNK) {
            int c = Math.min(CHUNK, size - o);
            boolean special = false;
            for (int i = 0; i < c; i++) {
                float ai = a[o + i];
                special |= !(ai > 0 && ai < Float.POSITIVE_INFINITY);
                y[i] = ai;
            }
            VectorMath.apply(VectorMath.Function.LOG, y, 0, y, 0, c);
            if (b == null) {
                for (int i = 0; i < c; i++) {
                    y[i] *= scalar;
                }
            } else {
                for (int i = 0; i < c; i++) {
                    y[i] *= b[o + i];
                }
            }
            VectorMath.apply(VectorMath.Function.EXP, y, 0, y, 0, c);
            if (special) {
                // Bases outside (0, +inf): Java's pow rules, from the inputs (read before out, which may alias them,
                // is written).
                for (int i = 0; i < c; i++) {
                    float ai = a[o + i];
                    if (!(ai > 0 && ai < Float.POSITIVE_INFINITY)) {
                        y[i] = Math.pow(ai, b == null ? scalar : b[o + i]);
                    }
                }
            }
            for (int i = 0; i < c; i++) {
                out[o + i] = (float) y[i];
            }
        }
    }
}
