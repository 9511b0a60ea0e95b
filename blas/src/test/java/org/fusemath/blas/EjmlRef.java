package org.fusemath.blas;

import org.ejml.data.CMatrixRMaj;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_CDRM;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;

/**
 * EJML as the GEMM reference: op(A) and op(B) are copied into EJML matrices of the operand's precision
 * (DDRM, FDRM, ZDRM, CDRM), EJML multiplies, and alpha and beta are applied in double. The bound comes from
 * {@link Ref#gemm} (the GEMM forward error bound, doubled to cover EJML's own rounding).
 */
public final class EjmlRef {
    private EjmlRef() {
    }

    public static Ref.Expected gemm(Op opA, Op opB, Scalar alpha, HostMatrix a, long ba, HostMatrix b, long bb,
                                    Scalar beta, HostMatrix c, long bc) {
        Ref.Expected naive = Ref.gemm(opA, opB, alpha, a, ba, b, bb, beta, c, bc);
        int m = naive.m();
        int n = naive.n();
        int k = (int) opA.colsOf(a.shape().rows(), a.shape().cols());
        double[][] product = product(c.dtype(), opA, opB, a, ba, b, bb, m, n, k);
        double[] re = new double[m * n];
        double[] im = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int e = i * n + j;
                double pr = product[0][e];
                double pi = product[1][e];
                double rr = alpha.re() * pr - alpha.im() * pi;
                double ri = alpha.re() * pi + alpha.im() * pr;
                if (!beta.isZero()) {
                    double cr = Ref.re(c, bc, i, j);
                    double ci = Ref.im(c, bc, i, j);
                    rr += beta.re() * cr - beta.im() * ci;
                    ri += beta.re() * ci + beta.im() * cr;
                }
                re[e] = rr;
                im[e] = ri;
            }
        }
        return new Ref.Expected(m, n, re, im, naive.bound());
    }

    private static double op(Op op, HostMatrix x, long b, int i, int j, boolean imag) {
        if (op == Op.NONE) {
            return imag ? Ref.im(x, b, i, j) : Ref.re(x, b, i, j);
        }
        double v = imag ? Ref.im(x, b, j, i) : Ref.re(x, b, j, i);
        return imag && op == Op.CONJUGATE_TRANSPOSE ? -v : v;
    }

    /** op(A)·op(B) by EJML, as row-major (re[], im[]). */
    private static double[][] product(DType t, Op opA, Op opB, HostMatrix a, long ba, HostMatrix b, long bb, int m,
                                      int n, int k) {
        double[] re = new double[m * n];
        double[] im = new double[m * n];
        switch (t) {
            case F64 -> {
                DMatrixRMaj x = new DMatrixRMaj(m, k);
                DMatrixRMaj y = new DMatrixRMaj(k, n);
                fill(m, k, (i, j) -> x.set(i, j, op(opA, a, ba, i, j, false)));
                fill(k, n, (i, j) -> y.set(i, j, op(opB, b, bb, i, j, false)));
                DMatrixRMaj z = new DMatrixRMaj(m, n);
                CommonOps_DDRM.mult(x, y, z);
                fill(m, n, (i, j) -> re[i * n + j] = z.get(i, j));
            }
            case F32 -> {
                FMatrixRMaj x = new FMatrixRMaj(m, k);
                FMatrixRMaj y = new FMatrixRMaj(k, n);
                fill(m, k, (i, j) -> x.set(i, j, (float) op(opA, a, ba, i, j, false)));
                fill(k, n, (i, j) -> y.set(i, j, (float) op(opB, b, bb, i, j, false)));
                FMatrixRMaj z = new FMatrixRMaj(m, n);
                CommonOps_FDRM.mult(x, y, z);
                fill(m, n, (i, j) -> re[i * n + j] = z.get(i, j));
            }
            case C128 -> {
                ZMatrixRMaj x = new ZMatrixRMaj(m, k);
                ZMatrixRMaj y = new ZMatrixRMaj(k, n);
                fill(m, k, (i, j) -> x.set(i, j, op(opA, a, ba, i, j, false), op(opA, a, ba, i, j, true)));
                fill(k, n, (i, j) -> y.set(i, j, op(opB, b, bb, i, j, false), op(opB, b, bb, i, j, true)));
                ZMatrixRMaj z = new ZMatrixRMaj(m, n);
                CommonOps_ZDRM.mult(x, y, z);
                fill(m, n, (i, j) -> {
                    re[i * n + j] = z.getReal(i, j);
                    im[i * n + j] = z.getImag(i, j);
                });
            }
            case C64 -> {
                CMatrixRMaj x = new CMatrixRMaj(m, k);
                CMatrixRMaj y = new CMatrixRMaj(k, n);
                fill(m, k, (i, j) -> x.set(i, j, (float) op(opA, a, ba, i, j, false), (float) op(opA, a, ba, i, j, true)));
                fill(k, n, (i, j) -> y.set(i, j, (float) op(opB, b, bb, i, j, false), (float) op(opB, b, bb, i, j, true)));
                CMatrixRMaj z = new CMatrixRMaj(m, n);
                CommonOps_CDRM.mult(x, y, z);
                fill(m, n, (i, j) -> {
                    re[i * n + j] = z.getReal(i, j);
                    im[i * n + j] = z.getImag(i, j);
                });
            }
        }
        return new double[][] {re, im};
    }

    private interface Cell {
        void at(int i, int j);
    }

    private static void fill(int rows, int cols, Cell cell) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                cell.at(i, j);
            }
        }
    }
}
