package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.solver.host.PlannedQr;

/**
 * Householder QR of m×n matrices of one type, planned once and run on any number of matrices of that shape:
 * LAPACK's geqrf workspace is queried when the plan is made, orgqr/ungqr's the first time a factorisation it made
 * forms Q (thin or full), and both are reused from then on, where {@link QrFactorization#factor} queries per call.
 * Each {@link #execute} returns a {@link QrFactorization} with the same results as {@code QrFactorization.factor}
 * (bit for bit: the same LAPACK calls with the same workspace sizes), in either storage order of A.
 *
 * <p>Thread-safe: the LAPACK calls of the plan and of the factorisations it returned are serialised on the plan
 * (its workspaces are its state); use one plan per thread for parallel factorisations. Host only.
 */
public final class QrPlan {
    private final FuseContext context;
    private final DType dtype;
    private final int m;
    private final int n;
    private final Kernels kernels;

    private QrPlan(FuseContext context, DType dtype, int m, int n, NativeLapack lapack) {
        this.context = context;
        this.dtype = dtype;
        this.m = m;
        this.n = n;
        this.kernels = new Kernels(context, new PlannedQr(lapack, dtype, m, n));
    }

    /** A plan for m×n matrices of {@code dtype}, on the host with the context's thread count. */
    public static QrPlan create(FuseContext context, DType dtype, long rows, long cols) {
        return create(context, dtype, rows, cols, NativeCalls.lapack());
    }

    /** A plan for matrices shaped and typed like {@code a}. */
    public static QrPlan create(FuseContext context, HostMatrix a) {
        Arguments.requireNonNull(a, "a");
        return create(context, a.dtype(), a.shape().rows(), a.shape().cols());
    }

    /** {@link #create(FuseContext, DType, long, long)} over a given call table (tests count its calls). */
    static QrPlan create(FuseContext context, DType dtype, long rows, long cols, NativeLapack lapack) {
        SpectralInputs.hostOnly(context, "a QR plan");
        Arguments.requireNonNull(dtype, "dtype");
        return new QrPlan(context, dtype, SpectralInputs.dimension("rows", rows), SpectralInputs.dimension("cols", cols),
                lapack);
    }

    /** The QR factorisation of {@code a} (left unchanged), which must have the plan's type and shape. */
    public QrFactorization execute(HostMatrix a) {
        SpectralInputs.matches(a, dtype, m, n);
        Operands.requireOne("a", a);
        return QrFactorization.factor(kernels, context, a);
    }

    /** The host kernels with geqrf and orgqr/ungqr on the plan's workspaces. */
    private static final class Kernels extends HostKernels {
        private final FuseContext context;
        private final PlannedQr qr;

        Kernels(FuseContext context, PlannedQr qr) {
            super(context);
            this.context = context;
            this.qr = qr;
        }

        @Override
        public void geqrf(DType t, int m, int n, Object a, Object tau) {
            qr.factor(context.threads(), a, tau);
        }

        @Override
        public void orgqr(DType t, int m, int cols, int k, Object q, Object tau) {
            qr.formQ(context.threads(), cols, k, q, tau);
        }
    }
}
