package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.solver.device.CusolverOnDevice;

/**
 * numpy.linalg.lstsq on device tensors by the SVD route, everything on the device: the thin SVD A = U·Σ·Vᴴ
 * ({@link DeviceSpectral#svd}, {@code Xgesvd}), then X = V·(W·(Uᴴ·B)): two device matrix products (blas's
 * device-resident matmul) around one row-scaling kernel, W the diagonal of 1/σᵢ for σᵢ &gt; rcond·σ₁ and 0 for the
 * rest (rcond &lt; 0: the type's unit roundoff, as gelsd). Only the min(m, n) singular values come to the host (the
 * rank is a host number) and the min(m, n) weights go back. Residuals as NumPy, when rank = n &lt; m: R = B − A·X by
 * one product, then the diagonal of Rᴴ·R (the squared column norms), which keeps full relative accuracy where
 * ‖B‖² − ‖Uᴴ·B‖² would cancel. Stateless.
 */
final class DeviceLstsqRoute {
    private DeviceLstsqRoute() {
    }

    static DeviceLstsq lstsq(CusolverOnDevice device, DeviceTensor a, DeviceTensor b, double rcond) {
        int[] mn = device.requireMatrix("a", a);
        int m = mn[0];
        int n = mn[1];
        Arguments.requireNonNull(b, "b");
        a.requireSameDevice("b", b);
        if ((b.rank() != 1 && b.rank() != 2) || b.dim(0) != m) {
            throw new ShapeMismatchException("b", java.util.Arrays.toString(b.shape()),
                    "[" + m + "] or [" + m + ", k] (as many rows as a)");
        }
        DType t = a.dtype();
        if (b.dtype() != t) {
            throw new InvalidArgumentException("b", b.dtype(), t + " (a's type)");
        }
        if (Double.isNaN(rcond)) {
            throw new InvalidArgumentException("rcond", rcond, "a number (negative: machine precision)");
        }
        boolean vector = b.rank() == 1;
        int nrhs = vector ? 1 : Arguments.toInt("b columns", b.dim(1));
        int k = Math.min(m, n);
        boolean xFortran = vector || b.isFortranOrder();
        long[] xShape = vector ? new long[] {n} : new long[] {n, nrhs};
        DeviceTensor b2 = vector ? DeviceTensor.of(b.buffer(), new long[] {m, 1}, true, b.offset()) : b;
        MatrixShape bShape = shape(b2);
        Op adjoint = t.isComplex() ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;

        DeviceTensor s;
        int rank = 0;
        DeviceTensor x;
        if (k == 0 || nrhs == 0) {
            s = k == 0 ? device.allocate(t.componentType(), new long[] {0}, true)
                    : DeviceSpectral.svd(device, a, SvdMode.VALUES).s();
            try {
                rank = k == 0 ? 0 : rank(device, s, t, rcond, k, new double[k]);
                x = device.zeros(t, xShape, xFortran);
            } catch (RuntimeException | Error ex) {
                DeviceSpectral.closeAll(s);
                throw ex;
            }
        } else {
            DeviceSvd svd = DeviceSpectral.svd(device, a, SvdMode.THIN);
            s = svd.s();
            DeviceTensor c = null;
            x = null;
            try {
                double[] weights = new double[k];
                rank = rank(device, s, t, rcond, k, weights);
                c = device.allocate(t, new long[] {k, nrhs}, true);
                device.matmul(MatmulSpec.builder(t).a(shape(svd.u()), adjoint).b(bShape)
                        .c(MatrixShape.columnMajor(k, nrhs)).build(), svd.u(), b2, c);
                device.scaleRows(c, weights);
                x = device.allocate(t, xShape, xFortran);
                device.matmul(MatmulSpec.builder(t).a(shape(svd.vh()), adjoint).b(MatrixShape.columnMajor(k, nrhs))
                        .c(MatrixShape.dense(n, nrhs, xFortran ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR)).build(),
                        svd.vh(), c, x);
            } catch (RuntimeException | Error ex) {
                DeviceSpectral.closeAll(s, x);
                throw ex;
            } finally {
                DeviceSpectral.closeAll(svd.u(), svd.vh(), c);
            }
        }
        DeviceTensor residuals = null;
        try {
            residuals = rank == n && m > n && nrhs > 0 ? residuals(device, a, b2, x, m, n, nrhs, xFortran)
                    : device.allocate(t.componentType(), new long[] {0}, true);
        } catch (RuntimeException | Error ex) {
            DeviceSpectral.closeAll(s, x);
            throw ex;
        }
        return new DeviceLstsq(x, residuals, rank, s);
    }

    /** The rank rcond decides from the singular values (read back to the host) and the weights 1/σᵢ of the kept ones. */
    private static int rank(CusolverOnDevice device, DeviceTensor s, DType t, double rcond, int k, double[] weights) {
        Object sv = device.toHost(s);
        double s0 = Dense.get(sv, 0);
        double threshold = (rcond < 0 ? t.unitRoundoff() : rcond) * s0;
        int rank = 0;
        while (rank < k && Dense.get(sv, rank) > threshold) {
            weights[rank] = 1 / Dense.get(sv, rank);
            rank++;
        }
        return rank;
    }

    /** The squared column norms of B − A·X: the real diagonal of Rᴴ·R, R = B − A·X formed in a Fortran copy of B. */
    private static DeviceTensor residuals(CusolverOnDevice device, DeviceTensor a, DeviceTensor b2, DeviceTensor x,
            int m, int n, int nrhs, boolean xFortran) {
        DType t = a.dtype();
        DeviceTensor r = device.image(b2, false, nrhs);
        DeviceTensor g = null;
        try {
            device.matmul(MatmulSpec.builder(t).a(shape(a)).b(MatrixShape.dense(n, nrhs, xFortran ? Layout.COLUMN_MAJOR
                    : Layout.ROW_MAJOR)).c(MatrixShape.columnMajor(m, nrhs)).alpha(-1).beta(1).build(), a, x, r);
            g = device.allocate(t, new long[] {nrhs, nrhs}, true);
            device.matmul(MatmulSpec.builder(t).a(MatrixShape.columnMajor(m, nrhs), t.isComplex()
                    ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE).b(MatrixShape.columnMajor(m, nrhs))
                    .c(MatrixShape.columnMajor(nrhs, nrhs)).build(), r, r, g);
            return device.realDiagonal(g);
        } finally {
            DeviceSpectral.closeAll(r, g);
        }
    }

    /** The dense geometry of the device matrix {@code t}. */
    private static MatrixShape shape(DeviceTensor t) {
        return MatrixShape.dense(t.dim(0), t.dim(1), t.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR);
    }
}
