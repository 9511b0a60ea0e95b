package org.fusemath.ejml.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.ejml.CommonOps_DDRM;
import org.fusemath.ejml.CommonOps_FDRM;
import org.fusemath.verify.Comparison;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;

/**
 * The EJML facades' {@code fusemath validate} cases: {@code org.fusemath.ejml.CommonOps_DDRM/_FDRM} mult, solve,
 * invert and det against {@code org.ejml.dense.row.CommonOps_DDRM/_FDRM} on the same inputs, at the execution
 * settings in force (by default accelerated above each family's measured threshold), A = I + R/n with R uniform in
 * [-1, 1]. Both results carry their own
 * rounding error, so each bound is twice one result's: mult elementwise within 2·2·γ(n+2)·(|A|·|B|)ᵢⱼ; solve and invert
 * normwise within 2·4·n·u·κ₂(A) (forward error of a backward-stable LU), det relatively within 2·4·n²·u·κ₂(A)
 * (δdet/det = tr(A⁻¹·δA)). F64 and F32 at n = 1, 7, 64 and 256; the quick subset is n = 7 and 256 in F64. The
 * decomposition factories' cases are {@link EjmlDecompositionCases}, the element-wise functions' {@link EjmlElementCases}.
 */
public final class EjmlValidationSuite implements ValidationSuite {
    @Override
    public String domain() {
        return "ejml";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (String op : new String[] {"mult", "solve", "invert", "det"}) {
            for (DType t : new DType[] {DType.F64, DType.F32}) {
                for (int n : new int[] {1, 7, 64, 256}) {
                    cases.add(new Case(op, t, n, t == DType.F64 && (n == 7 || n == 256)));
                }
            }
        }
        cases.addAll(EjmlDecompositionCases.cases());
        cases.addAll(EjmlElementCases.cases());
        return cases;
    }

    private record Case(String op, DType dtype, int n, boolean quick) implements ValidationCase {
        @Override
        public String op() {
            return "ejml " + op;
        }

        @Override
        public String shape() {
            return n + "x" + n;
        }

        @Override
        public Space space() {
            return Space.HOST;
        }

        @Override
        public ValidationResult run(FuseContext context) {
            Random r = new Random(31L * n + op.hashCode() + dtype.ordinal());
            // A = I + R/n, R uniform in [-1, 1]: well conditioned (so the solve bounds say something) and with a
            // determinant of order 1 at every n (no overflow in F32).
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, -1.0 / n, 1.0 / n, r);
            for (int i = 0; i < n; i++) {
                a.add(i, i, 1);
            }
            DMatrixRMaj b = RandomMatrices_DDRM.rectangle(n, op.equals("solve") ? 3 : n, -1, 1, r);
            boolean single = dtype == DType.F32;
            if (single) {
                // The bounds are computed from the float inputs the F32 calls see.
                a = toDouble(toFloat(a));
                b = toDouble(toFloat(b));
            }
            double[][] results = single ? runFloat(toFloat(a), toFloat(b)) : runDouble(a, b);
            double[] facade = results[0];
            double[] ejml = results[1];
            Tolerance t;
            if (op.equals("mult")) {
                // Twice GEMM's c = 2: the facade's and EJML's errors may add up.
                t = Tolerance.gemm(n, a.data, b.data).withConstant(4);
            } else {
                double kappa = NormOps_DDRM.conditionP2(a);
                t = Tolerance.normwise(8 * kappa * (op.equals("det") ? n : 1), n);
            }
            Comparison c = single ? Validation.compare(toFloatArray(facade), toFloatArray(ejml), t)
                    : Validation.compare(facade, ejml, t);
            return new ValidationResult(c.observed(), c.bound(), c.quantity() + " vs EJML");
        }

        private double[][] runDouble(DMatrixRMaj a, DMatrixRMaj b) {
            return switch (op) {
                case "mult" -> new double[][] {CommonOps_DDRM.mult(a, b, null).data,
                        org.ejml.dense.row.CommonOps_DDRM.mult(a, b, null).data};
                case "solve" -> new double[][] {solve(a, b, true), solve(a, b, false)};
                case "invert" -> new double[][] {invert(a, true), invert(a, false)};
                default -> new double[][] {{CommonOps_DDRM.det(a)}, {org.ejml.dense.row.CommonOps_DDRM.det(a)}};
            };
        }

        private double[][] runFloat(FMatrixRMaj a, FMatrixRMaj b) {
            return switch (op) {
                case "mult" -> new double[][] {toDouble(CommonOps_FDRM.mult(a, b, null)).data,
                        toDouble(org.ejml.dense.row.CommonOps_FDRM.mult(a, b, null)).data};
                case "solve" -> {
                    FMatrixRMaj x = new FMatrixRMaj(b.numRows, b.numCols);
                    FMatrixRMaj y = new FMatrixRMaj(b.numRows, b.numCols);
                    CommonOps_FDRM.solve(a.copy(), b.copy(), x);
                    org.ejml.dense.row.CommonOps_FDRM.solve(a.copy(), b.copy(), y);
                    yield new double[][] {toDouble(x).data, toDouble(y).data};
                }
                case "invert" -> {
                    FMatrixRMaj x = new FMatrixRMaj(a.numRows, a.numCols);
                    FMatrixRMaj y = new FMatrixRMaj(a.numRows, a.numCols);
                    CommonOps_FDRM.invert(a.copy(), x);
                    org.ejml.dense.row.CommonOps_FDRM.invert(a.copy(), y);
                    yield new double[][] {toDouble(x).data, toDouble(y).data};
                }
                default -> new double[][] {{CommonOps_FDRM.det(a.copy())}, {org.ejml.dense.row.CommonOps_FDRM.det(a.copy())}};
            };
        }

        private static double[] solve(DMatrixRMaj a, DMatrixRMaj b, boolean facade) {
            DMatrixRMaj x = new DMatrixRMaj(b.numRows, b.numCols);
            if (facade) {
                CommonOps_DDRM.solve(a.copy(), b.copy(), x);
            } else {
                org.ejml.dense.row.CommonOps_DDRM.solve(a.copy(), b.copy(), x);
            }
            return x.data;
        }

        private static double[] invert(DMatrixRMaj a, boolean facade) {
            DMatrixRMaj x = new DMatrixRMaj(a.numRows, a.numCols);
            if (facade) {
                CommonOps_DDRM.invert(a.copy(), x);
            } else {
                org.ejml.dense.row.CommonOps_DDRM.invert(a.copy(), x);
            }
            return x.data;
        }
    }

    private static FMatrixRMaj toFloat(DMatrixRMaj d) {
        FMatrixRMaj f = new FMatrixRMaj(d.numRows, d.numCols);
        for (int i = 0; i < d.getNumElements(); i++) {
            f.data[i] = (float) d.data[i];
        }
        return f;
    }

    private static DMatrixRMaj toDouble(FMatrixRMaj f) {
        DMatrixRMaj d = new DMatrixRMaj(f.numRows, f.numCols);
        for (int i = 0; i < f.getNumElements(); i++) {
            d.data[i] = f.data[i];
        }
        return d;
    }

    private static float[] toFloatArray(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
