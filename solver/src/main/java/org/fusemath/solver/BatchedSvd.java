package org.fusemath.solver;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverDevice;

/**
 * The SVDs of every member of a stack of m×n matrices (a batched {@link HostMatrix}, e.g.
 * {@code MatrixShape.rowMajor(m, n).batched(count)} over one flat array), as {@code numpy.linalg.svd} computes them
 * for an (..., M, N) array; each result as {@link Linalg#svd(FuseContext, HostMatrix, SvdMode)} returns it for that
 * member alone (U and Vᴴ in A's storage order).
 *
 * <p>On the host (HOST and AUTO) one {@link SvdPlan} is made for the members' shape and its workspace reused for
 * every member. Under {@code Execution.device()} a stack of more than one member of at most 32 rows and columns is
 * decomposed by one {@code cusolverDn<t>gesvdjBatched} call (the Jacobi method, all members at once); other stacks
 * member by member as the single-matrix device SVD ({@code gesvdj} up to 256 rows and columns, {@code Xgesvd}
 * past that). Without a usable device, DEVICE is a {@link org.fusemath.api.DeviceUnavailableException} naming why.
 * NaN or infinity in any member is rejected (on the device before any call); a member that does not converge is a
 * {@link org.fusemath.api.NoConvergenceException} naming it. The input is never modified. Thread-safe (stateless).
 */
public final class BatchedSvd {
    private BatchedSvd() {
    }

    /** The SVD of each member of {@code a} as {@code mode} says, with the default context. */
    public static List<Svd> compute(HostMatrix a, SvdMode mode) {
        return compute(FuseContext.defaults(), a, mode);
    }

    /** The SVD of each member of {@code a} as {@code mode} says, in the context's execution space. */
    public static List<Svd> compute(FuseContext context, HostMatrix a, SvdMode mode) {
        check(context, a, mode);
        CusolverDevice device = context.execution().kind() == Execution.Kind.DEVICE ? CusolverDevice.open(context) : null;
        return compute(context, device, a, mode);
    }

    private static void check(FuseContext context, HostMatrix a, SvdMode mode) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(mode, "mode");
        Arguments.toInt("a's batch", a.shape().batch());
        Arguments.toInt("a slots", Arguments.multiply("a slots", a.shape().size(), a.dtype().slotsPerElement()));
    }

    /** The stack on the host (a null {@code device}) or on {@code device} (tests pass the CPU fakes' provider). */
    static List<Svd> compute(FuseContext context, CusolverDevice device, HostMatrix a, SvdMode mode) {
        check(context, a, mode);
        MatrixShape s = a.shape();
        int batch = (int) s.batch();
        List<HostMatrix> members = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            members.add(HostMatrix.of(a.dtype(), a.array(),
                    new MatrixShape(1, s.rows(), s.cols(), s.layout(), s.ld(), s.batchStride(), s.offset() + b * s.batchStride())));
        }
        List<Svd> out = new ArrayList<>(batch);
        if (device == null) {
            SvdPlan plan = SvdPlan.create(context, a.dtype(), s.rows(), s.cols(), s.layout(), mode);
            for (HostMatrix m : members) {
                out.add(plan.execute(m));
            }
            return out;
        }
        for (HostMatrix m : members) {
            SpectralInputs.finite(m, (Uplo) null);
        }
        if (JacobiSvds.batchedRoute(batch, s.rows(), s.cols())) {
            DType t = a.dtype();
            int elements = (int) (s.rows() * s.cols());
            Object packed = Dense.allocate(t, (long) elements * batch);
            Object one = Dense.allocate(t, elements);
            for (int b = 0; b < batch; b++) {
                Dense.copyInto(members.get(b), Layout.COLUMN_MAJOR, one);
                System.arraycopy(one, 0, packed, b * elements * t.slotsPerElement(), elements * t.slotsPerElement());
            }
            DeviceKernels kernels = new DeviceKernels(device);
            return List.of(JacobiSvds.batched(device::jacobiSvd, t, batch, (int) s.rows(), (int) s.cols(), packed, mode,
                    s.layout(), member -> kernels.gesvd(member, mode)));
        }
        DeviceKernels kernels = new DeviceKernels(device);
        for (HostMatrix m : members) {
            out.add(kernels.svd(m, mode));
        }
        return out;
    }
}
