package org.fusemath.ejml.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.ejml.CommonOps_DDRM;
import org.fusemath.ejml.CommonOps_FDRM;
import org.fusemath.fusion.host.VectorMath;
import org.fusemath.verify.Comparison;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;

/**
 * The {@code fusemath validate} cases of the accelerated element-wise functions, at the execution settings in force:
 * the facade's elementExp and elementLog (F64, F32) and float elementPower against EJML's on the same matrix. EJML's
 * values are {@code java.lang.Math}'s (within 1 ulp of the exact result), the vectorised ones within the ulps
 * {@link VectorMath} states, so the two differ by at most the sum; float elementPower, computed in double, by at
 * most 1 ulp. Inputs: exp on [-80, 80] (no overflow in F32 either), log and pow bases on (0, 1000], exponents of
 * pow in [-4, 4]. 1 x 16 (below the default thresholds: bit-identical) and 1 x 65536; the quick subset is 1 x 65536.
 */
final class EjmlElementCases {
    private EjmlElementCases() {
    }

    static List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (int n : new int[] {16, 65536}) {
            for (DType t : new DType[] {DType.F64, DType.F32}) {
                cases.add(new Case("elementExp", t, n));
                cases.add(new Case("elementLog", t, n));
            }
            cases.add(new Case("elementPower", DType.F32, n));
        }
        return cases;
    }

    private record Case(String function, DType dtype, int n) implements ValidationCase {
        @Override
        public String op() {
            return "ejml " + function;
        }

        @Override
        public String shape() {
            return "1x" + n;
        }

        @Override
        public Space space() {
            return Space.HOST;
        }

        @Override
        public boolean quick() {
            return n > 16;
        }

        @Override
        public ValidationResult run(FuseContext context) {
            Random r = new Random(n * 31L + function.hashCode() + dtype.ordinal());
            double[] x = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = function.equals("elementExp") ? 160 * r.nextDouble() - 80 : 1000 * (1 - r.nextDouble());
                e[i] = 8 * r.nextDouble() - 4;
            }
            Comparison c;
            if (dtype == DType.F64) {
                DMatrixRMaj a = new DMatrixRMaj(1, n, true, x);
                DMatrixRMaj facade = function.equals("elementExp") ? CommonOps_DDRM.elementExp(a, null)
                        : CommonOps_DDRM.elementLog(a, null);
                DMatrixRMaj ejml = function.equals("elementExp") ? org.ejml.dense.row.CommonOps_DDRM.elementExp(a, null)
                        : org.ejml.dense.row.CommonOps_DDRM.elementLog(a, null);
                double lanes = function.equals("elementExp") ? VectorMath.EXP_F64_ULPS : VectorMath.LOG_F64_ULPS;
                c = Validation.compare(facade.data, ejml.data, Tolerance.ulps(lanes + 1));
            } else {
                FMatrixRMaj a = new FMatrixRMaj(1, n);
                FMatrixRMaj b = new FMatrixRMaj(1, n);
                for (int i = 0; i < n; i++) {
                    a.data[i] = (float) x[i];
                    b.data[i] = (float) e[i];
                }
                FMatrixRMaj facade;
                FMatrixRMaj ejml;
                Tolerance t;
                switch (function) {
                    case "elementExp" -> {
                        facade = CommonOps_FDRM.elementExp(a, null);
                        ejml = org.ejml.dense.row.CommonOps_FDRM.elementExp(a, null);
                        t = Tolerance.ulps(VectorMath.EXP_F32_ULPS + 1);
                    }
                    case "elementLog" -> {
                        facade = CommonOps_FDRM.elementLog(a, null);
                        ejml = org.ejml.dense.row.CommonOps_FDRM.elementLog(a, null);
                        t = Tolerance.ulps(VectorMath.LOG_F32_ULPS + 1);
                    }
                    default -> {
                        facade = CommonOps_FDRM.elementPower(a, b, null);
                        ejml = org.ejml.dense.row.CommonOps_FDRM.elementPower(a, b, null);
                        t = Tolerance.ulps(1);
                    }
                }
                c = Validation.compare(facade.data, ejml.data, t);
            }
            return new ValidationResult(c.observed(), c.bound(), c.quantity() + " vs EJML");
        }
    }
}
