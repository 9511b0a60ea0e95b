package org.fusemath.blas;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Space;
import org.fusemath.blas.device.CublasLtMatmul;
import org.fusemath.blas.host.OpenBlasMatmul;
import org.fusemath.blas.host.SmallGemm;

/**
 * Chooses the provider of a matmul in the space {@link Dispatch#space} gives. On the host: the small-product
 * shortcut of the function forms ({@link #tryShortcut}: the Java kernel, no spec or plan built) when the call
 * qualifies, otherwise a host plan ({@link OpenBlasMatmul}: OpenBLAS, or the Java kernel below the call path's
 * crossover). On the device: cuBLASLt ({@link CublasLtMatmul}): the operands are copied in and the results back,
 * and an unusable device is a {@link org.fusemath.api.DeviceUnavailableException} naming why. Every choice is
 * traced by {@link Dispatch#trace}, in the same form as the level 1–3 routines'.
 */
final class MatmulProviders {
    private MatmulProviders() {
    }

    static MatmulPlan plan(MatmulSpec spec, FuseContext context) {
        return switch (Dispatch.space(context)) {
            case DEVICE -> CublasLtMatmul.plan(spec, context);
            case HOST -> OpenBlasMatmul.plan(spec, context);
        };
    }

    /** The provider that computes with {@code plan}, for the trace. */
    static Provider providerOf(MatmulPlan plan) {
        if (plan instanceof OpenBlasMatmul host) {
            return host.usesJavaKernel() ? Provider.JAVA_KERNEL : Provider.OPENBLAS;
        }
        return Provider.CUBLASLT;
    }

    /**
     * The function forms' shortcut: when the call runs on the host and is a valid single product below the Java
     * kernel's crossover ({@link SmallGemm}), computes C = alpha·op(A)·op(B) + beta·C there, traces it and
     * returns true; otherwise returns false, touching nothing, and the caller plans the product. Scalars come as
     * (re, im) doubles and nothing is allocated unless the trace is on.
     */
    static boolean tryShortcut(String routine, FuseContext context, Op opA, Op opB, double alphaRe, double alphaIm,
                               HostMatrix a, HostMatrix b, double betaRe, double betaIm, HostMatrix c) {
        if (Dispatch.space(context) != Space.HOST
                || !SmallGemm.tryRun(opA, opB, alphaRe, alphaIm, a, b, betaRe, betaIm, c)) {
            return false;
        }
        if (Dispatch.tracing(context)) {
            DType t = c.dtype();
            long k = opA.colsOf(a.shape().rows(), a.shape().cols());
            Dispatch.trace(context, routine, Provider.JAVA_KERNEL, "; small " + t + " product " + c.shape().rows() + "x"
                    + c.shape().cols() + "x" + k + " (m·n·k within the crossover " + SmallGemm.crossover(t)
                    + "), computed without a spec or plan");
        }
        return true;
    }
}
