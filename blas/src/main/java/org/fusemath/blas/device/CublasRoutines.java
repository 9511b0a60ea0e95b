package org.fusemath.blas.device;

import java.util.function.Function;
import java.util.function.Supplier;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.blas.Diag;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.device.CublasRoutineCall.Back;
import org.fusemath.blas.device.CublasRoutineCall.Fill;
import org.fusemath.blas.device.CublasRoutineCall.Operand;
import org.fusemath.blas.device.CublasRoutineCall.Role;
import org.fusemath.blas.device.RoutineDescriptions.Planned;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;

/**
 * The device provider of the level 1–3 routines, for host operands: each call is described in plain Java first
 * ({@link RoutineDescriptions}: the {@link CublasRoutineCall} in cuBLAS's column-major view), then the device
 * probe is asked (a {@link org.fusemath.api.DeviceUnavailableException} naming its reason when the device or
 * cuBLAS is unusable, also for an empty problem), then one image per operand is allocated on the context's
 * stream (or one this call creates), filled, the routine called with host scalars and host results, what it
 * wrote copied back, and everything released, newest first, also when a step fails. Reductions return what
 * the host API returns: iamax's 1-based cuBLAS index comes back 0-based (-1 for an empty vector), an empty dot
 * is 0.
 *
 * <p>Arguments are those {@link org.fusemath.blas.Blas} checked. Thread-safe: every call takes its own pooled
 * cuBLAS handle and its own device memory; calls on disjoint outputs may run concurrently.
 */
public final class CublasRoutines {
    /** How the routines reach a device: its pooled handles, and stream calls opened for a context. */
    record DeviceAccess(CublasHandles handles, Function<FuseContext, DeviceStreamCalls> streams) {
    }

    private static final ThreadLocal<DeviceAccess> OVERRIDE = new ThreadLocal<>();

    private CublasRoutines() {
    }

    /**
     * Runs {@code body} with this thread's device routines going to {@code access} instead of the probed device:
     * the seam through which tests run the whole path, {@link org.fusemath.blas.Blas} included, on a CPU fake.
     */
    static <T> T withAccess(DeviceAccess access, Supplier<T> body) {
        DeviceAccess before = OVERRIDE.get();
        OVERRIDE.set(access);
        try {
            return body.get();
        } finally {
            OVERRIDE.set(before);
        }
    }

    private static DeviceAccess access(FuseContext context) {
        DeviceAccess given = OVERRIDE.get();
        if (given != null) {
            return given;
        }
        int id = context.deviceId();
        CudaDevices.require(id, CudaLibrary.CUBLAS);
        return new DeviceAccess(CublasHandles.forDevice(id), CudaStreamCalls::open);
    }

    /** Σ xᵢyᵢ, or Σ conj(xᵢ)yᵢ when {@code conjugateX}. */
    public static Scalar dot(FuseContext context, boolean conjugateX, HostVector x, HostVector y) {
        Scalar r = run(context, RoutineDescriptions.dot(conjugateX, x, y));
        return r == null ? Scalar.ZERO : r;
    }

    /** y = alpha·x + y. */
    public static void axpy(FuseContext context, Scalar alpha, HostVector x, HostVector y) {
        run(context, RoutineDescriptions.axpy(alpha, x, y));
    }

    /** x = alpha·x. */
    public static void scal(FuseContext context, Scalar alpha, HostVector x) {
        run(context, RoutineDescriptions.scal(alpha, x));
    }

    /** ‖x‖₂ (0 for an empty x). */
    public static double nrm2(FuseContext context, HostVector x) {
        Scalar r = run(context, RoutineDescriptions.reduction(CublasRoutine.NRM2, x));
        return r == null ? 0 : r.re();
    }

    /** Σ |Re xᵢ| + |Im xᵢ| (0 for an empty x). */
    public static double asum(FuseContext context, HostVector x) {
        Scalar r = run(context, RoutineDescriptions.reduction(CublasRoutine.ASUM, x));
        return r == null ? 0 : r.re();
    }

    /** The 0-based index of the first largest |Re| + |Im| (cuBLAS counts from 1), -1 for an empty x. */
    public static int iamax(FuseContext context, HostVector x) {
        Scalar r = run(context, RoutineDescriptions.reduction(CublasRoutine.IAMAX, x));
        return r == null ? -1 : Math.toIntExact((long) r.re() - 1);
    }

    /** y = alpha·op(A)·x + beta·y. */
    public static void gemv(FuseContext context, Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta,
                            HostVector y) {
        run(context, RoutineDescriptions.gemv(op, alpha, a, x, beta, y));
    }

    /** A = alpha·x·yᵀ + A, or alpha·x·yᴴ + A when {@code conjugateY}. */
    public static void ger(FuseContext context, boolean conjugateY, Scalar alpha, HostVector x, HostVector y,
                           HostMatrix a) {
        run(context, RoutineDescriptions.ger(conjugateY, alpha, x, y, a));
    }

    /** Solves op(A)·z = x in place of x. */
    public static void trsv(FuseContext context, Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        run(context, RoutineDescriptions.trsv(uplo, op, diag, a, x));
    }

    /** trsm when {@code solve}, trmm otherwise; A and B share a storage order. */
    public static void triangular(FuseContext context, boolean solve, Side side, Uplo uplo, Op op, Diag diag,
                                  Scalar alpha, HostMatrix a, HostMatrix b) {
        run(context, RoutineDescriptions.triangular(solve, side, uplo, op, diag, alpha, a, b));
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on one triangle; A and C share a storage order. */
    public static void syrk(FuseContext context, Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta,
                            HostMatrix c) {
        run(context, RoutineDescriptions.syrk(uplo, op, alpha, a, beta, c));
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on one triangle (complex); A and C share a storage order. */
    public static void herk(FuseContext context, Uplo uplo, Op op, double alpha, HostMatrix a, double beta,
                            HostMatrix c) {
        run(context, RoutineDescriptions.herk(uplo, op, alpha, a, beta, c));
    }

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT), A symmetric; all share a storage order. */
    public static void symm(FuseContext context, Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b,
                            Scalar beta, HostMatrix c) {
        run(context, RoutineDescriptions.symm(side, uplo, alpha, a, b, beta, c));
    }

    /** Elements of a single view from its first element to its last. */
    private static long span(HostMatrix view) {
        return view.shape().requiredElements() - view.shape().offset();
    }

    /** Asks the probe, then makes the planned call; the reduction's host result, or null. */
    private static Scalar run(FuseContext context, Planned planned) {
        DeviceAccess access = access(context);
        CublasRoutineCall call = planned.call();
        if (call == null) {
            context.logger().debug("device BLAS: nothing to compute (empty problem)");
            return null;
        }
        context.logger().debug("device BLAS: {}", call.describe());
        ReleaseStack resources = new ReleaseStack();
        Scalar result;
        try {
            result = make(context, access, call, planned, resources);
        } catch (RuntimeException | Error e) {
            release(resources);
            if (resources.failure() != null) {
                e.addSuppressed(resources.failure());
            }
            throw e;
        }
        release(resources);
        if (resources.failure() != null) {
            throw resources.failure();
        }
        return result;
    }

    private static void release(ReleaseStack resources) {
        resources.closingByOwner();
        resources.run();
    }

    /** Allocates, fills, calls, copies back; every resource goes onto {@code resources} as it is made. */
    private static Scalar make(FuseContext context, DeviceAccess access, CublasRoutineCall call, Planned planned,
                               ReleaseStack resources) {
        CublasHandles handles = access.handles();
        DeviceStreamCalls device = access.streams().apply(context);
        resources.push("the call's stream calls", device::close);
        long handle = handles.takeBlas();
        resources.push("cuBLAS handle", () -> handles.giveBackBlas(handle));
        long[] addresses = new long[Role.values().length];
        for (Operand o : call.operands()) {
            // At least one element, so that an operand cuBLAS does not read (k = 0) still has a valid address.
            long bytes = Math.max(1, span(planned.views().get(o.source()))) * call.dtype().elementBytes();
            long at = device.allocate(bytes);
            resources.push(bytes + " bytes of device memory for " + o.role(), () -> device.free(at));
            addresses[o.role().ordinal()] = at;
        }
        for (Operand o : call.operands()) {
            HostMatrix view = planned.views().get(o.source());
            long at = addresses[o.role().ordinal()];
            if (o.fill() == Fill.ZERO) {
                device.zero(at);
            } else {
                HostImage.upload(device, view, span(view), at, 0, o.fill() == Fill.UPLOAD_CONJUGATED);
            }
        }
        Scalar result = handles.calls().routine(handle, device.stream(), call, addresses);
        for (Operand o : call.operands()) {
            if (o.back() != Back.NOTHING) {
                HostMatrix view = planned.views().get(o.source());
                HostImage.download(device, addresses[o.role().ordinal()], 0, view, span(view), o.back() == Back.CONJUGATED);
            }
        }
        return result;
    }
}
