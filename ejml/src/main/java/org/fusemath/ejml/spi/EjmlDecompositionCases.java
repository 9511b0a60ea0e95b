package org.fusemath.ejml.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.RandomMatrices_ZDRM;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.ejml.ComplexEigenDecomposition_F64;
import org.fusemath.ejml.DecompositionFactory_DDRM;
import org.fusemath.ejml.DecompositionFactory_ZDRM;
import org.fusemath.verify.Comparison;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;

/**
 * The {@code fusemath validate} cases of the EJML decomposition factories ({@code org.fusemath.ejml.
 * DecompositionFactory_DDRM} / {@code _ZDRM}), at the execution settings in force: the backward error of each
 * decomposition of a random A, ‖A − F‖_F / ‖A‖_F ≤ 4·n·u with F the product of the returned factors (Pᵀ·L·U, L·Lᵀ,
 * Q·R, U·W·Vᵀ; {@link Tolerance#factorization()}); symmetric and Hermitian eigen decompositions by the residual and
 * the orthogonality of the vectors ({@link Tolerance#eigen()}); the general eigen decomposition, of a matrix with
 * real eigenvalues, by each pair's backward error ‖A·v − λ·v‖₂ / (‖A‖_F·‖v‖₂) ≤ 4·n·u (the normwise backward error of
 * an eigenpair, which a backward-stable QR algorithm keeps at working precision). F64 (C128 for the Hermitian one)
 * at n = 7 and 64; the quick subset is n = 64.
 */
final class EjmlDecompositionCases {
    private EjmlDecompositionCases() {
    }

    static List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (String op : new String[] {"lu", "chol", "qr", "svd", "eig symmetric", "eig general", "eigHermitian"}) {
            for (int n : new int[] {7, 64}) {
                cases.add(new Case(op, n, n == 64));
            }
        }
        return cases;
    }

    private record Case(String decomposition, int n, boolean quick) implements ValidationCase {
        @Override
        public String op() {
            return "ejml " + decomposition;
        }

        @Override
        public DType dtype() {
            return decomposition.equals("eigHermitian") ? DType.C128 : DType.F64;
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
            Random r = new Random(977L * n + decomposition.hashCode());
            DMatrixRMaj a = RandomMatrices_DDRM.rectangle(n, n, -1, 1, r);
            Comparison c = switch (decomposition) {
                case "lu" -> lu(a);
                case "chol" -> chol(spd(a));
                case "qr" -> qr(a);
                case "svd" -> svd(a);
                case "eig symmetric" -> symmetricEigen(symmetric(a));
                case "eigHermitian" -> hermitianEigen(r);
                default -> null;
            };
            if (c == null) {
                return generalEigen(a, r);
            }
            return new ValidationResult(c.observed(), c.bound(), c.quantity());
        }

        private Comparison lu(DMatrixRMaj a) {
            var lu = DecompositionFactory_DDRM.lu(n, n);
            require(lu.decompose(a.copy()));
            DMatrixRMaj pl = CommonOps_DDRM.multTransA(lu.getRowPivot(null), lu.getLower(null), null);
            return factorization(a, CommonOps_DDRM.mult(pl, lu.getUpper(null), null));
        }

        private Comparison chol(DMatrixRMaj a) {
            var chol = DecompositionFactory_DDRM.chol(n, true);
            require(chol.decompose(a.copy()));
            DMatrixRMaj l = chol.getT(null);
            return factorization(a, CommonOps_DDRM.multTransB(l, l, null));
        }

        private Comparison qr(DMatrixRMaj a) {
            var qr = DecompositionFactory_DDRM.qr(n, n);
            require(qr.decompose(a.copy()));
            return factorization(a, CommonOps_DDRM.mult(qr.getQ(null, false), qr.getR(null, false), null));
        }

        private Comparison svd(DMatrixRMaj a) {
            var svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
            require(svd.decompose(a.copy()));
            DMatrixRMaj uw = CommonOps_DDRM.mult(svd.getU(null, false), svd.getW(null), null);
            return factorization(a, CommonOps_DDRM.multTransB(uw, svd.getV(null, false), null));
        }

        private Comparison symmetricEigen(DMatrixRMaj a) {
            var eig = DecompositionFactory_DDRM.eig(n, true, true);
            require(eig.decompose(a.copy()));
            double[] values = new double[n];
            DMatrixRMaj v = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                values[i] = eig.getEigenvalue(i).real;
                DMatrixRMaj vi = eig.getEigenVector(i);
                for (int row = 0; row < n; row++) {
                    v.set(row, i, vi.get(row, 0));
                }
            }
            return Validation.symmetricEigen(a.data, values, v.data, Tolerance.eigen());
        }

        private Comparison hermitianEigen(Random r) {
            ZMatrixRMaj b = RandomMatrices_ZDRM.rectangle(n, n, -1, 1, r);
            ZMatrixRMaj a = new ZMatrixRMaj(n, n);
            org.ejml.dense.row.CommonOps_ZDRM.transposeConjugate(b, a);
            org.ejml.dense.row.CommonOps_ZDRM.add(a, b, a);
            ComplexEigenDecomposition_F64 eig = DecompositionFactory_ZDRM.eigHermitian(n, true);
            require(eig.decompose(a.copy()));
            double[] values = new double[n];
            ZMatrixRMaj v = new ZMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                values[i] = eig.getEigenvalue(i).real;
                ZMatrixRMaj vi = eig.getEigenVector(i);
                for (int row = 0; row < n; row++) {
                    Complex_F64 z = new Complex_F64();
                    vi.get(row, 0, z);
                    v.set(row, i, z.real, z.imaginary);
                }
            }
            return Validation.symmetricEigen(HostMatrix.of(a), values, HostMatrix.of(v), Tolerance.eigen());
        }

        /** A = Q·T·Qᵀ with T upper triangular with distinct diagonal 1..n: real eigenvalues, not symmetric. */
        private ValidationResult generalEigen(DMatrixRMaj random, Random r) {
            DMatrixRMaj t = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                t.set(i, i, i + 1);
                for (int j = i + 1; j < n; j++) {
                    t.set(i, j, random.get(i, j));
                }
            }
            var qrOfRandom = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(n, n);
            qrOfRandom.decompose(RandomMatrices_DDRM.rectangle(n, n, -1, 1, r));
            DMatrixRMaj q = qrOfRandom.getQ(null, false);
            DMatrixRMaj a = CommonOps_DDRM.multTransB(CommonOps_DDRM.mult(q, t, null), q, null);
            var eig = DecompositionFactory_DDRM.eig(n, true, false);
            require(eig.decompose(a.copy()));
            double normA = NormOps_DDRM.normF(a);
            double worst = 0;
            for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
                Complex_F64 lambda = eig.getEigenvalue(i);
                DMatrixRMaj v = eig.getEigenVector(i);
                if (!lambda.isReal() || v == null) {
                    return new ValidationResult(Double.POSITIVE_INFINITY, 0, "eigenvalue " + i + " is not real: " + lambda);
                }
                DMatrixRMaj res = CommonOps_DDRM.mult(a, v, null);
                CommonOps_DDRM.addEquals(res, -lambda.real, v);
                worst = Math.max(worst, NormOps_DDRM.normF(res) / (normA * NormOps_DDRM.normF(v)));
            }
            return new ValidationResult(worst, 4.0 * n * 0x1p-53, "max |Av - lambda v|_2/(|A|_F |v|_2)");
        }

        private static Comparison factorization(DMatrixRMaj a, DMatrixRMaj product) {
            return Validation.factorization(a.data, product.data, a.numRows, a.numCols, Tolerance.factorization());
        }

        private static DMatrixRMaj spd(DMatrixRMaj a) {
            DMatrixRMaj s = CommonOps_DDRM.multTransA(a, a, null);
            for (int i = 0; i < s.numRows; i++) {
                s.add(i, i, s.numRows);
            }
            return s;
        }

        private static DMatrixRMaj symmetric(DMatrixRMaj a) {
            DMatrixRMaj s = new DMatrixRMaj(a.numRows, a.numCols);
            CommonOps_DDRM.transpose(a, s);
            CommonOps_DDRM.addEquals(s, a);
            return s;
        }

        private void require(boolean decomposed) {
            if (!decomposed) {
                throw new IllegalStateException("ejml " + decomposition + " " + n + "x" + n + ": decompose returned false");
            }
        }
    }
}
