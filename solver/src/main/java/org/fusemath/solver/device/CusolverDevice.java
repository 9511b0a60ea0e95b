package org.fusemath.solver.device;

import java.util.List;
import java.util.function.Supplier;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;

/**
 * The device provider's entry points for the solver API on one device: the single-matrix LU
 * ({@code cusolverDnXgetrf}/{@code Xgetrs}) and the QR, SVD and eigen sequences of {@link DeviceDecomposition}, on
 * host arrays copied in and back. {@link #open} asks the CUDA probe first, so a missing device or cuSOLVER is one
 * {@link DeviceUnavailableException} naming why, before anything is loaded. Each call opens its own handles and
 * stream allocations and frees them; thread-safe.
 */
public final class CusolverDevice {
    private final Supplier<DeviceMemory> memory;
    private final CusolverCalls calls;

    CusolverDevice(Supplier<DeviceMemory> memory, CusolverCalls calls) {
        this.memory = memory;
        this.calls = calls;
    }

    /**
     * The provider on the context's device.
     *
     * @throws DeviceUnavailableException when that device or cuSOLVER is not usable, with the probe's reason
     */
    public static CusolverDevice open(FuseContext context) {
        Arguments.requireNonNull(context, "context");
        CudaDevices.require(context.deviceId(), CudaLibrary.CUSOLVER);
        return new CusolverDevice(() -> CudaDeviceMemory.open(context), new JavacppCusolver(context.deviceId()));
    }

    /**
     * LU with partial pivoting of the column-major n×n image {@code a} (its first n·n elements overwritten with the
     * factors, {@code pivots} with the 1-based interchanges); devInfo: 0, or the 1-based index of the first zero pivot.
     */
    public int getrf(DType t, int n, Object a, int[] pivots) {
        try (DeviceMemory m = memory.get()) {
            return DeviceLu.factor(calls, m, t, n, a, pivots);
        }
    }

    /**
     * Overwrites the column-major n×k {@code x} with X solving op(A)·X = B (op = A, or Aᵀ when {@code transposed})
     * from {@link #getrf}'s factors and pivots; devInfo: 0, or minus the index of an argument cuSOLVER rejected.
     */
    public int getrs(DType t, boolean transposed, int n, int k, Object factors, int[] pivots, Object x) {
        try (DeviceMemory m = memory.get()) {
            return DeviceLu.solve(calls, m, t, transposed, n, k, factors, pivots, x);
        }
    }

    /**
     * Runs {@code sequence} on a copy of the column-major image {@code a}; {@code valuesIn} is the values array's
     * initial content (tau for an orgqr that does not follow geqrf), or null. See {@link DeviceDecomposition}.
     */
    public DeviceDecomposition.Result decompose(List<DecompositionCall> sequence, Object a, Object valuesIn) {
        DeviceDecomposition.check(sequence, a);
        try (DeviceMemory m = memory.get()) {
            return DeviceDecomposition.run(sequence, a, valuesIn, calls, m);
        }
    }

    /**
     * Runs the Jacobi SVD {@code call} (gesvdj or gesvdjBatched) on a copy of the column-major images {@code a}
     * (batch·lda·n elements); see {@link DeviceJacobiSvd}.
     */
    public DeviceJacobiSvd.Result jacobiSvd(JacobiSvdCall call, Object a) {
        DeviceJacobiSvd.check(call, a);
        try (DeviceMemory m = memory.get()) {
            return DeviceJacobiSvd.run(call, a, calls, m);
        }
    }

    /**
     * A plan for {@code call} on this device: handle, buffers and workspace (one {@code *_bufferSize} query) made
     * now and reused by every execute until it is closed.
     */
    public DecompositionPlan plan(DecompositionCall call) {
        return new DecompositionPlan(call, memory.get(), calls);
    }

    /** A plan for the Jacobi SVD {@code call} on this device, prepared as {@link #plan(DecompositionCall)}'s. */
    public JacobiSvdPlan plan(JacobiSvdCall call) {
        return new JacobiSvdPlan(call, memory.get(), calls);
    }

    /**
     * Cholesky of the column-major n×n image {@code a} from its {@code uplo} triangle (that triangle overwritten with
     * the factor); devInfo: 0, or the order of the first leading minor that is not positive definite.
     */
    public int potrf(DType t, org.fusemath.blas.Uplo uplo, int n, Object a) {
        try (DeviceMemory m = memory.get()) {
            return DeviceCholesky.factor(calls, m, t, uplo, n, a);
        }
    }

    /**
     * Overwrites the column-major n×k {@code x} with X solving A·X = B from {@link #potrf}'s {@code uplo} factor;
     * devInfo: 0, or minus the index of an argument cuSOLVER rejected.
     */
    public int potrs(DType t, org.fusemath.blas.Uplo uplo, int n, int k, Object factor, Object x) {
        try (DeviceMemory m = memory.get()) {
            return DeviceCholesky.solve(calls, m, t, uplo, n, k, factor, x);
        }
    }
}
