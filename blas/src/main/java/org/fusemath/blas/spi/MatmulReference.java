package org.fusemath.blas.spi;

import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.Scalar;
import org.fusemath.verify.Bounds;

/**
 * The CPU reference of a strided matmul: EJML multiplies op(A)·op(B) in double precision (DDRM, ZDRM), alpha,
 * beta and the epilogue's formula are applied in double, and each result element gets the GEMM forward error
 * bound c·γ_{k+2}·(|α|·(|op(A)|·|op(B)|) + |β|·|C|) + u·|X| (c = 2 real, 4 complex), carried through the
 * epilogue (ReLU is 1-Lipschitz, GELU 1.13-Lipschitz; a ReLU mask bit may differ only within the bound).
 * The validation cases use it; tests of other execution paths (the device call plans) reuse it.
 */
public final class MatmulReference {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double GELU_LIPSCHITZ = 1.13;

    /** Copies of the inputs taken before the product ran (C, bias, aux and mask as the caller passed them). */
    /**
     * Copies of the inputs taken before the product ran.
     *
     * @param a    A
     * @param b    B
     * @param c    C before the product
     * @param bias the bias vector before the product, or null
     * @param aux  the GELU aux matrix before the product, or null
     * @param mask the ReLU mask bits before the product, or null
     */
    public record Inputs(HostMatrix a, HostMatrix b, HostMatrix c, HostMatrix bias, HostMatrix aux, byte[] mask) {
    }

    private MatmulReference() {
    }

    static double gamma(long n, double u) {
        return Bounds.gamma(n, u);
    }

    /** cuBLASLt's GELU, evaluated with tanh. */
    public static double gelu(double x) {
        return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    }

    /** The derivative of {@link #gelu}. */
    public static double geluPrime(double x) {
        double t = Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x);
    }

    static double get(Object array, long slot) {
        return array instanceof double[] d ? d[(int) slot] : ((float[]) array)[(int) slot];
    }

    static double re(HostMatrix m, long b, long i, long j) {
        return get(m.array(), m.shape().indexOf(m.shape().batch() == 1 ? 0 : b, i, j) * m.dtype().slotsPerElement());
    }

    static double im(HostMatrix m, long b, long i, long j) {
        return m.dtype().isComplex() ? get(m.array(), m.shape().indexOf(m.shape().batch() == 1 ? 0 : b, i, j) * 2 + 1) : 0;
    }

    private static double opRe(Op op, HostMatrix m, long b, int i, int j) {
        return op == Op.NONE ? re(m, b, i, j) : re(m, b, j, i);
    }

    private static double opIm(Op op, HostMatrix m, long b, int i, int j) {
        double v = op == Op.NONE ? im(m, b, i, j) : im(m, b, j, i);
        return op == Op.CONJUGATE_TRANSPOSE ? -v : v;
    }

    /** The worst |actual − reference| / bound over the result and the epilogue's outputs (≤ 1 passes; NaN fails). */
    public static double worstRatio(MatmulSpec spec, Inputs in, MatmulOperands out) {
        DType t = spec.dtype();
        int m = (int) spec.m();
        int n = (int) spec.n();
        int k = (int) spec.k();
        double u = t.unitRoundoff();
        double g = Bounds.dotConstant(t) * gamma(k + 2, u);
        Scalar alpha = spec.alpha();
        Scalar beta = spec.beta();
        Epilogue e = spec.epilogue();
        double worst = 0;
        for (long be = 0; be < spec.batchCount(); be++) {
            double[][] x = product(spec, in, be);
            double[] colSum = new double[n];
            double[] colBound = new double[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int el = i * n + j;
                    double mag = 0;
                    for (int p = 0; p < k; p++) {
                        mag += Math.hypot(opRe(spec.opA(), in.a(), be, i, p), opIm(spec.opA(), in.a(), be, i, p))
                                * Math.hypot(opRe(spec.opB(), in.b(), be, p, j), opIm(spec.opB(), in.b(), be, p, j));
                    }
                    double xr = alpha.re() * x[0][el] - alpha.im() * x[1][el];
                    double xi = alpha.re() * x[1][el] + alpha.im() * x[0][el];
                    double cmag = 0;
                    if (!beta.isZero()) {
                        double cr = re(in.c(), be, i, j);
                        double ci = im(in.c(), be, i, j);
                        xr += beta.re() * cr - beta.im() * ci;
                        xi += beta.re() * ci + beta.im() * cr;
                        cmag = Math.hypot(cr, ci);
                    }
                    double bound = g * (Math.hypot(alpha.re(), alpha.im()) * mag + Math.hypot(beta.re(), beta.im()) * cmag)
                            + u * Math.hypot(xr, xi) + Double.MIN_NORMAL;
                    if (e.takesBias()) {
                        xr += re(in.bias(), be, 0, j);
                        bound += u * Math.abs(xr);
                    }
                    if (e.writesAux() && e.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
                        worst = Math.max(worst, ratio(xr, re(out.aux(), be, i, j), bound));
                    }
                    if (e.writesAux() && e.auxKind() == Epilogue.AuxKind.RELU_MASK && Math.abs(xr) > bound
                            && (xr > 0) != out.reluMask().get(be, i, j)) {
                        return Double.POSITIVE_INFINITY;
                    }
                    switch (e.activation()) {
                        case RELU -> xr = Math.max(xr, 0);
                        case GELU -> {
                            double gv = gelu(xr);
                            bound = GELU_LIPSCHITZ * bound + 8 * u * (Math.abs(gv) + Math.abs(xr));
                            xr = gv;
                        }
                        case NONE -> {
                        }
                    }
                    switch (e.derivative()) {
                        case RELU -> {
                            long p = out.reluMask().shape().indexOf(be, i, j);
                            if ((in.mask()[(int) (p >>> 3)] & (1 << (p & 7))) == 0) {
                                xr = 0;
                                bound = Double.MIN_NORMAL;
                            }
                        }
                        case GELU -> {
                            double d = geluPrime(re(in.aux(), be, i, j));
                            bound = bound * Math.abs(d) + 16 * u * Math.abs(xr) * (1 + Math.abs(d));
                            xr *= d;
                        }
                        case NONE -> {
                        }
                    }
                    double err = Math.hypot(xr - re(out.c(), be, i, j), xi - im(out.c(), be, i, j));
                    worst = Math.max(worst, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / bound);
                    colSum[j] += xr;
                    colBound[j] += bound + gamma(m + 1, u) * Math.abs(xr);
                }
            }
            worst = Math.max(worst, biasGradient(spec, in, out, be, colSum, colBound));
        }
        return worst;
    }

    private static double biasGradient(MatmulSpec spec, Inputs in, MatmulOperands out, long be, double[] colSum,
                                       double[] colBound) {
        Epilogue e = spec.epilogue();
        double u = spec.dtype().unitRoundoff();
        int k = (int) spec.k();
        double worst = 0;
        switch (e.biasGradient()) {
            case RESULT_COLUMNS -> {
                for (int j = 0; j < colSum.length; j++) {
                    worst = Math.max(worst, ratio(colSum[j], re(out.bias(), be, 0, j), colBound[j] + Double.MIN_NORMAL));
                }
            }
            case A_ROWS, B_COLUMNS -> {
                boolean ofA = e.biasGradient() == Epilogue.BiasGradient.A_ROWS;
                int length = (int) (ofA ? spec.m() : spec.n());
                for (int v = 0; v < length; v++) {
                    double s = 0;
                    double mag = 0;
                    for (int p = 0; p < k; p++) {
                        double x = ofA ? opRe(spec.opA(), in.a(), be, v, p) : opRe(spec.opB(), in.b(), be, p, v);
                        s += x;
                        mag += Math.abs(x);
                    }
                    worst = Math.max(worst, ratio(s, re(out.bias(), be, 0, v), 2 * gamma(k + 1, u) * mag + Double.MIN_NORMAL));
                }
            }
            case NONE -> {
            }
        }
        return worst;
    }

    private static double ratio(double want, double got, double bound) {
        double err = Math.abs(want - got);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / bound;
    }

    /** op(A)·op(B) of entry {@code be} by EJML in double precision, as row-major (re, im). */
    private static double[][] product(MatmulSpec spec, Inputs in, long be) {
        int m = (int) spec.m();
        int n = (int) spec.n();
        int k = (int) spec.k();
        double[] re = new double[m * n];
        double[] im = new double[m * n];
        if (spec.dtype().isComplex()) {
            ZMatrixRMaj x = new ZMatrixRMaj(m, k);
            ZMatrixRMaj y = new ZMatrixRMaj(k, n);
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    x.set(i, p, opRe(spec.opA(), in.a(), be, i, p), opIm(spec.opA(), in.a(), be, i, p));
                }
            }
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    y.set(p, j, opRe(spec.opB(), in.b(), be, p, j), opIm(spec.opB(), in.b(), be, p, j));
                }
            }
            ZMatrixRMaj z = new ZMatrixRMaj(m, n);
            if (k > 0) {
                CommonOps_ZDRM.mult(x, y, z);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    re[i * n + j] = z.getReal(i, j);
                    im[i * n + j] = z.getImag(i, j);
                }
            }
        } else {
            DMatrixRMaj x = new DMatrixRMaj(m, k);
            DMatrixRMaj y = new DMatrixRMaj(k, n);
            for (int i = 0; i < m; i++) {
                for (int p = 0; p < k; p++) {
                    x.set(i, p, opRe(spec.opA(), in.a(), be, i, p));
                }
            }
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    y.set(p, j, opRe(spec.opB(), in.b(), be, p, j));
                }
            }
            DMatrixRMaj z = new DMatrixRMaj(m, n);
            if (k > 0) {
                CommonOps_DDRM.mult(x, y, z);
            }
            System.arraycopy(z.data, 0, re, 0, m * n);
        }
        return new double[][] {re, im};
    }

    /** A copy of a view's array under the same shape. */
    static HostMatrix copy(HostMatrix m) {
        if (m == null) {
            return null;
        }
        Object data = m.array() instanceof double[] d ? d.clone() : ((float[]) m.array()).clone();
        return HostMatrix.of(m.dtype(), data, m.shape());
    }

    /** Copies of the operands' arrays, to be taken before the product runs. */
    public static Inputs snapshot(MatmulOperands ops) {
        ReluMask mask = ops.reluMask();
        return new Inputs(copy(ops.a()), copy(ops.b()), copy(ops.c()), copy(ops.bias()), copy(ops.aux()),
                mask == null ? null : mask.bits().clone());
    }
}
