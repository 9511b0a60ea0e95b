package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.Trans;
import org.fusemath.solver.host.LapackLu;
import org.fusemath.solver.host.LapackQr;

/**
 * {@link DenseKernels} on the host: LAPACK through the host call table with the context's thread count (open for
 * {@link QrPlan}'s kernels, which replace the QR routines with planned ones).
 */
class HostKernels implements DenseKernels {
    private final FuseContext context;

    HostKernels(FuseContext context) {
        this.context = context;
    }

    @Override
    public int getrf(DType t, int n, Object a, int[] pivots) {
        return LapackLu.factor(context.threads(), t, n, a, pivots);
    }

    @Override
    public void getrs(DType t, Trans trans, int n, int k, Object factors, int[] pivots, Object x) {
        LapackLu.solve(context.threads(), t, trans, n, k, factors, pivots, x);
    }

    @Override
    public void geqrf(DType t, int m, int n, Object a, Object tau) {
        LapackQr.factor(context.threads(), t, m, n, a, tau);
    }

    @Override
    public void orgqr(DType t, int m, int cols, int k, Object q, Object tau) {
        LapackQr.formQ(context.threads(), t, m, cols, k, q, tau);
    }

    @Override
    public Svd svd(HostMatrix a, SvdMode mode) {
        return SvdPlan.oneShot(context, a, mode).execute(a);
    }

    @Override
    public Eigen eig(HostMatrix a, boolean vectors) {
        return EigenPlan.create(context, a.dtype(), a.shape().rows(), vectors).execute(a);
    }

    @Override
    public HermitianEigen eigh(HostMatrix a, Uplo uplo, boolean vectors) {
        return HermitianEigenPlan.create(context, a.dtype(), a.shape().rows(), a.shape().layout(), uplo, vectors)
                .execute(a);
    }
}
