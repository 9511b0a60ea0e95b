package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.solver.device.DeviceJacobiSvd;
import org.fusemath.solver.device.JacobiSvdCall;
import org.fusemath.solver.device.JacobiSvdCall.Routine;

/**
 * The device SVD's Jacobi routes: {@code cusolverDn<t>gesvdj} for one matrix of at most {@link #JACOBI_MAX_ORDER}
 * rows and columns, {@code cusolverDn<t>gesvdjBatched} for a stack of matrices of at most 32 rows and columns, and the
 * conversion of cuSOLVER's column-major U and V into fusemath's U and Vᴴ in A's storage order.
 *
 * <p>Why {@value #JACOBI_MAX_ORDER}: {@code Xgesvd} reduces A to bidiagonal form by a chain of min(m, n) dependent
 * Householder steps, each a few small kernel launches, so at small orders it is bound by launch latency, not
 * arithmetic; one-sided Jacobi does about twice gesvd's flops per sweep (6–10 sweeps to machine precision) but
 * rotates all n/2 column pairs of a sweep at once. PyTorch runs gesvdj for every CUDA SVD by default and CuPy runs
 * gesvdjBatched for stacks up to 32; past a few hundred columns gesvd's blocked (BLAS-3) reduction wins on flops.
 * The crossover has not been measured on a GPU here: 256 is the conservative side of those choices, and every
 * route meets the same error bounds, so the threshold only moves speed.
 *
 * <p>The Jacobi tolerance is the type's machine epsilon and the sweeps are capped at cuSOLVER's default of 100; a
 * matrix (or stack member) that does not converge within them (devInfo min(m, n) + 1) is decomposed again, alone,
 * by {@code Xgesvd}, as the host falls back from gesdd to gesvd; only when that fails too is it a
 * {@link NoConvergenceException}, naming both routines. Stateless.
 */
final class JacobiSvds {
    /** gesvdj runs for max(m, n) ≤ this on the device; Xgesvd for larger matrices. */
    static final int JACOBI_MAX_ORDER = 256;

    private JacobiSvds() {
    }

    /** Whether the single-matrix device SVD of an m×n A runs gesvdj. */
    static boolean singleRoute(long m, long n) {
        return Math.max(m, n) <= JACOBI_MAX_ORDER;
    }

    /** Whether a stack of {@code batch} m×n matrices runs gesvdjBatched (more than one member, m, n ≤ 32, none empty). */
    static boolean batchedRoute(long batch, long m, long n) {
        return batch > 1 && m >= 1 && n >= 1 && m <= JacobiSvdCall.BATCHED_MAX_ORDER && n <= JacobiSvdCall.BATCHED_MAX_ORDER;
    }

    /**
     * The SVD of the non-empty, finite {@code a} by gesvdj, made by {@code device} (one-shot or a plan); when the
     * sweeps do not converge, by {@code fallback} (Xgesvd), as the host falls back from gesdd to gesvd.
     */
    static Svd single(DeviceKernels.JacobiRunner device, HostMatrix a, SvdMode mode, Fallback fallback) {
        DType t = a.dtype();
        int m = Math.toIntExact(a.shape().rows());
        int n = Math.toIntExact(a.shape().cols());
        JacobiSvdCall call = singleCall(t, m, n, mode);
        DeviceJacobiSvd.Result r = device.run(call, Dense.copy(a, Layout.COLUMN_MAJOR));
        int info = r.info()[0];
        if (info > 0) {
            return rerun(fallback, a, call.function(), info);
        }
        DeviceKernels.requireAccepted(call.function(), info);
        return member(call, r, 0, mode, a.shape().layout());
    }

    /** The SVD of one matrix by Xgesvd (in the matrix's layout). */
    interface Fallback {
        Svd svd(HostMatrix a);
    }

    /** {@code a} by the fallback after {@code jacobi} reported {@code info}; no convergence only when that fails too. */
    private static Svd rerun(Fallback fallback, HostMatrix a, String jacobi, int info) {
        try {
            return fallback.svd(a);
        } catch (NoConvergenceException e) {
            NoConvergenceException both = new NoConvergenceException(jacobi + " (devInfo " + info
                    + ") and its fallback cusolverDnXgesvd", e.info());
            both.addSuppressed(e);
            throw both;
        }
    }

    /** gesvdj of a non-empty m×n A: econ for the thin mode and, keeping the unreferenced U and V at k columns, values. */
    static JacobiSvdCall singleCall(DType t, int m, int n, SvdMode mode) {
        return JacobiSvdCall.of(Routine.GESVDJ, t, m, n, mode != SvdMode.VALUES, mode != SvdMode.FULL, 1);
    }

    /**
     * The SVDs of the {@code batch} members of the finite stack {@code members} (each m×n, column-major, packed) by
     * one gesvdjBatched call; U and V come back full, the thin mode keeps their first min(m, n) columns.
     */
    static Svd[] batched(DeviceKernels.JacobiRunner device, DType t, int batch, int m, int n, Object members, SvdMode mode,
                         Layout layout, Fallback fallback) {
        JacobiSvdCall call = JacobiSvdCall.of(Routine.GESVDJ_BATCHED, t, m, n, mode != SvdMode.VALUES, false, batch);
        DeviceJacobiSvd.Result r = device.run(call, members);
        for (int b = 0; b < batch; b++) {
            if (r.info()[b] < 0) {
                DeviceKernels.requireAccepted(call.function() + " on stack member " + b, r.info()[b]);
            }
        }
        Svd[] out = new Svd[batch];
        int elements = m * n * t.slotsPerElement();
        for (int b = 0; b < batch; b++) {
            if (r.info()[b] > 0) {
                // This member alone again by Xgesvd, from its column-major image in the stack, in the caller's layout.
                Object image = Dense.allocate(t, (long) m * n);
                System.arraycopy(members, b * elements, image, 0, elements);
                HostMatrix member = HostMatrix.of(t, image, MatrixShape.columnMajor(m, n));
                out[b] = rerun(fallback, HostMatrix.of(t, Dense.copy(member, layout), MatrixShape.dense(m, n, layout)),
                        call.function() + " on stack member " + b, r.info()[b]);
            } else {
                out[b] = member(call, r, b, mode, layout);
            }
        }
        return out;
    }

    /** Member {@code b} of {@code r} as an {@link Svd} in {@code layout}. */
    private static Svd member(JacobiSvdCall call, DeviceJacobiSvd.Result r, int b, SvdMode mode, Layout layout) {
        DType t = call.dtype();
        DType real = t.componentType();
        int m = (int) call.m();
        int n = (int) call.n();
        int k = (int) call.k();
        Object s = Dense.allocate(real, k);
        System.arraycopy(r.s(), b * k, s, 0, k);
        HostMatrix values = HostMatrix.of(real, s, MatrixShape.columnMajor(k, 1));
        if (mode == SvdMode.VALUES) {
            return new Svd(null, values, null);
        }
        int uCols = mode == SvdMode.FULL ? m : k;
        int vhRows = mode == SvdMode.FULL ? n : k;
        long uBase = (long) b * call.ldu() * call.uCols();
        long vBase = (long) b * call.ldv() * call.vCols();
        HostMatrix u = HostMatrix.of(t, gather(t, r.u(), uBase, (int) call.ldu(), m, uCols, false, layout),
                MatrixShape.dense(m, uCols, layout));
        HostMatrix vh = HostMatrix.of(t, gather(t, r.v(), vBase, (int) call.ldv(), vhRows, n, true, layout),
                MatrixShape.dense(vhRows, n, layout));
        return new Svd(u, values, vh);
    }

    /**
     * The rows×cols matrix, dense in {@code layout}, whose element (i, j) is the column-major source's (i, j) from
     * element {@code base} with leading dimension {@code ld}, or with {@code adjoint} conj of its (j, i): Vᴴ from V.
     */
    private static Object gather(DType t, Object source, long base, int ld, int rows, int cols, boolean adjoint,
                                 Layout layout) {
        int slots = t.slotsPerElement();
        Object out = Dense.allocate(t, (long) rows * cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                long from = base + (adjoint ? j + (long) i * ld : i + (long) j * ld);
                int to = layout == Layout.ROW_MAJOR ? i * cols + j : i + j * rows;
                for (int p = 0; p < slots; p++) {
                    double x = Dense.get(source, (int) (from * slots + p));
                    Dense.set(out, to * slots + p, adjoint && p == 1 ? -x : x);
                }
            }
        }
        return out;
    }
}
