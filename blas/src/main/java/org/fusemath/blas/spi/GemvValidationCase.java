package org.fusemath.blas.spi;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Blas;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.verify.Bounds;

/**
 * One {@code validate} row for the level-2 gemv, y = alpha·op(A)·x + beta·y, on a padded A in either storage
 * order and strided vectors (on the device: cuBLAS gemv on the column-major view, a row-major A read as its
 * transpose, Aᴴ of a row-major complex A through conjugated vector images), against a double-precision
 * reference with the forward error bound c·γ(n+2)·(|alpha|·|op(A)|·|x| + |beta|·|y|), c = 2 real, 4 complex.
 */
final class GemvValidationCase implements ValidationCase {
    private final Space space;
    private final DType dtype;
    private final Op op;
    private final Layout layout;
    private final int m;
    private final int n;
    private final boolean quick;

    GemvValidationCase(Space space, DType dtype, Op op, Layout layout, int m, int n, boolean quick) {
        this.space = space;
        this.dtype = dtype;
        this.op = op;
        this.layout = layout;
        this.m = m;
        this.n = n;
        this.quick = quick;
    }

    @Override
    public String op() {
        return "gemv[" + "NTC".charAt(op.ordinal()) + "]";
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public String shape() {
        return m + "x" + n + (layout == Layout.ROW_MAJOR ? " row-major" : " column-major");
    }

    @Override
    public Space space() {
        return space;
    }

    @Override
    public boolean quick() {
        return quick;
    }

    private Object randomArray(SplittableRandom r, int elements) {
        int slots = elements * dtype.slotsPerElement();
        if (dtype.isSinglePrecision()) {
            float[] f = new float[slots];
            for (int i = 0; i < slots; i++) {
                f[i] = (float) (2 * r.nextDouble() - 1);
            }
            return f;
        }
        double[] d = new double[slots];
        for (int i = 0; i < slots; i++) {
            d[i] = 2 * r.nextDouble() - 1;
        }
        return d;
    }

    private static double slot(Object array, long i) {
        return array instanceof double[] d ? d[(int) i] : ((float[]) array)[(int) i];
    }

    /** (re, im) of element {@code e} of an array of {@code t}. */
    private double[] element(Object array, long e) {
        int s = dtype.slotsPerElement();
        return new double[] {slot(array, e * s), dtype.isComplex() ? slot(array, e * s + 1) : 0};
    }

    @Override
    public ValidationResult run(FuseContext context) {
        SplittableRandom r = new SplittableRandom(op().hashCode() * 31L + shape().hashCode() + dtype.ordinal());
        MatrixShape sa = MatrixShape.dense(m, n, layout).withLd((layout == Layout.ROW_MAJOR ? n : m) + 3).withOffset(1);
        HostMatrix a = HostMatrix.of(dtype, randomArray(r, (int) sa.requiredElements()), sa);
        int lenX = (int) op.colsOf(m, n);
        int lenY = (int) op.rowsOf(m, n);
        HostVector x = HostVector.of(dtype, randomArray(r, 2 * lenX), lenX, 1, 2);
        HostVector y = HostVector.of(dtype, randomArray(r, 3 * lenY), lenY, 0, 3);
        Scalar alpha = dtype.isComplex() ? Scalar.of(0.75, -1.25) : Scalar.of(1.25);
        Scalar beta = dtype.isComplex() ? Scalar.of(0.5, 0.25) : Scalar.of(-0.5);
        double[][] want = new double[lenY][];
        double[] bound = new double[lenY];
        double u = dtype.unitRoundoff();
        double gamma = Bounds.gamma(lenX + 2, u) * Bounds.dotConstant(dtype);
        for (int i = 0; i < lenY; i++) {
            double re = 0;
            double im = 0;
            double mag = 0;
            for (int p = 0; p < lenX; p++) {
                double[] av = element(a.array(), op == Op.NONE ? sa.indexOf(0, i, p) : sa.indexOf(0, p, i));
                double ai = op == Op.CONJUGATE_TRANSPOSE ? -av[1] : av[1];
                double[] xv = element(x.array(), x.offset() + (long) p * x.stride());
                re += av[0] * xv[0] - ai * xv[1];
                im += av[0] * xv[1] + ai * xv[0];
                mag += Math.hypot(av[0], ai) * Math.hypot(xv[0], xv[1]);
            }
            double[] yv = element(y.array(), y.offset() + (long) i * y.stride());
            want[i] = new double[] {alpha.re() * re - alpha.im() * im + beta.re() * yv[0] - beta.im() * yv[1],
                alpha.re() * im + alpha.im() * re + beta.re() * yv[1] + beta.im() * yv[0]};
            bound[i] = gamma * (Math.hypot(alpha.re(), alpha.im()) * mag + Math.hypot(beta.re(), beta.im())
                    * Math.hypot(yv[0], yv[1])) + Double.MIN_NORMAL;
        }
        FuseContext where = space == Space.DEVICE ? FuseContext.builder().execution(Execution.device(context.deviceId()))
                .threads(context.threads()).logger(context.logger()).build() : context;
        Blas.gemv(where, op, alpha, a, x, beta, y);
        double worst = 0;
        for (int i = 0; i < lenY; i++) {
            double[] got = element(y.array(), y.offset() + (long) i * y.stride());
            double err = Math.hypot(got[0] - want[i][0], got[1] - want[i][1]);
            worst = Math.max(worst, Double.isNaN(err) ? Double.POSITIVE_INFINITY : err / bound[i]);
        }
        return new ValidationResult(worst, 1.0, "max |error| / gemv forward bound");
    }

    @Override
    public String toString() {
        return op() + " " + dtype + " " + shape() + " " + space + (quick ? " (quick)" : "");
    }
}
