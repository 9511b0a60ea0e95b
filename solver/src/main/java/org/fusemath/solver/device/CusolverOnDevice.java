package org.fusemath.solver.device;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.solver.device.CusolverCall.Routine;

/**
 * The LU of matrices already in device memory, with no copy of an operand to or from the host: {@link #factor}
 * runs {@code cusolverDnXgetrf} on a device copy of A's memory (A is left unchanged; read column-major the copy is A
 * for a Fortran-order A and Aᵀ for a C-order one, as on the host), keeping the factors on the device and reading back
 * only devInfo and the n pivots; {@link #solve} and {@link #inverse} run {@code cusolverDnXgetrs} into the caller's
 * device tensors (a C-order right-hand side of several columns is transposed on the device around the solve, since
 * getrs takes column-major B); {@link #diagonal} reads U's diagonal (n elements) for the determinant. Moves on the
 * device are one strided-copy kernel ({@link OperandCopies}). Each call opens its own handles and scratch memory on
 * the context's stream and returns once its results are complete. Thread-safe.
 */
public final class CusolverOnDevice {
    /** The device side of one call: its stream's memory, the copy kernel, and result allocations that outlive it. */
    interface Session extends AutoCloseable {
        /** The stream's scratch memory and the array copies (devInfo, pivots, constants). */
        DeviceMemory memory();

        /** The strided copies on the same stream. */
        OperandCopies copies();

        /** A dense tensor of {@code dtype} and {@code shape} the caller owns (its buffer outlives the session). */
        DeviceTensor allocate(DType dtype, long[] shape, boolean fortranOrder);

        @Override
        void close();
    }

    /**
     * getrf's result on the device: the n×n column-major {@code image} (factors of A, or of Aᵀ for a C-order A),
     * the 1-based {@code pivots}, devInfo (0, or the 1-based index of the first zero pivot). The image's buffer
     * belongs to whoever holds this.
     */
    public record Factors(DeviceTensor image, int[] pivots, int info) {
        /** The order n. */
        public int n() {
            return pivots.length;
        }
    }

    private final int deviceId;
    private final CusolverCalls calls;
    private final Supplier<Session> sessions;

    CusolverOnDevice(int deviceId, CusolverCalls calls, Supplier<Session> sessions) {
        this.deviceId = deviceId;
        this.calls = calls;
        this.sessions = sessions;
    }

    /**
     * The device-operand LU on {@code context}'s device and stream (a stream per call when it names none).
     *
     * @throws org.fusemath.api.DeviceUnavailableException when that device, cuSOLVER or NVRTC is not usable, naming why
     */
    public static CusolverOnDevice open(FuseContext context) {
        Arguments.requireNonNull(context, "context");
        int device = context.deviceId();
        CudaDevices.require(device, CudaLibrary.CUSOLVER);
        CudaDevices.require(device, CudaLibrary.NVRTC);
        return new CusolverOnDevice(device, new JavacppCusolver(device), () -> CudaSession.open(context));
    }

    /** The device ordinal the calls run on. */
    public int deviceId() {
        return deviceId;
    }

    /** Checks that {@code t} is one square matrix on this device; returns its order. */
    public int requireSquare(String name, DeviceTensor t) {
        requireHere(name, t);
        if (t.rank() != 2 || t.dim(0) != t.dim(1)) {
            throw new ShapeMismatchException(name, java.util.Arrays.toString(t.shape()), "a square matrix (rank 2, n×n)");
        }
        return Arguments.toInt(name + " order", t.dim(0));
    }

    private void requireHere(String name, DeviceTensor t) {
        Arguments.requireNonNull(t, name);
        if (t.deviceId() != deviceId) {
            throw new InvalidArgumentException(name, "a tensor on device " + t.deviceId(), "a tensor on device "
                    + deviceId + ", where the solver runs");
        }
    }

    /** A dense result tensor on this device (the caller closes its buffer). */
    public DeviceTensor allocate(DType dtype, long[] shape, boolean fortranOrder) {
        try (Session s = sessions.get()) {
            return s.allocate(dtype, shape, fortranOrder);
        }
    }

    /** getrf of the square {@code a} (unchanged) into a new device image; see {@link Factors}. */
    public Factors factor(DeviceTensor a) {
        int n = requireSquare("a", a);
        DType t = a.dtype();
        try (Session s = sessions.get()) {
            DeviceTensor image = s.allocate(t, new long[] {n, n}, true);
            try {
                if (n == 0) {
                    return new Factors(image, new int[0], 0);
                }
                int[] pivots = new int[n];
                long elements = (long) n * n;
                s.copies().copy2d(a.address(), 1, 0, image.address(), 1, 0, elements, 1, t.elementBytes());
                CusolverCall getrf = CusolverCall.of(Routine.X_GETRF, t, n, 0, n, n, false, Uplo.LOWER, 1);
                int info = handles(s, n, (solver, params, memory, dPiv, dInfo, scratch) -> {
                    long[] work = calls.bufferSize(solver, params, getrf.bufferSizeQuery(), image.address());
                    long dWork = scratch.track(memory.allocate(work[0]));
                    calls.run(solver, params, getrf, new CusolverCalls.Operands(image.address(), 0, dPiv, dInfo, dWork,
                            work[0], work[1]));
                    int[] words = new int[2 * n];
                    memory.toHost(dPiv, 0, words, 0, 2 * n);
                    for (int i = 0; i < n; i++) {
                        pivots[i] = words[2 * i];
                    }
                    return readInfo(memory, dInfo);
                });
                return new Factors(image, pivots, info);
            } catch (RuntimeException | Error e) {
                image.buffer().close();
                throw e;
            }
        }
    }

    /**
     * Writes X solving op(F)·X = B into {@code x} (B's shape, dtype and order; may be {@code b} itself) for the
     * factors' image F, op = F or Fᵀ ({@code transposed}); {@code b} ([n] or [n, k], either order) is unchanged
     * unless it is {@code x}. Returns devInfo (0, or minus the index of an argument cuSOLVER rejected).
     */
    public int solve(Factors f, boolean transposed, DeviceTensor b, DeviceTensor x) {
        Arguments.requireNonNull(f, "factors");
        requireHere("b", b);
        requireHere("x", x);
        int n = f.n();
        DType t = f.image().dtype();
        if (b.dtype() != t || x.dtype() != t) {
            throw new InvalidArgumentException(b.dtype() != t ? "b" : "x", b.dtype() != t ? b.dtype() : x.dtype(),
                    t + " (the type of A)");
        }
        if (b.rank() < 1 || b.rank() > 2 || b.dim(0) != n || !java.util.Arrays.equals(b.shape(), x.shape())
                || b.rank() == 2 && b.isFortranOrder() != x.isFortranOrder()) {
            throw new ShapeMismatchException(b.rank() < 1 || b.rank() > 2 || b.dim(0) != n ? "b" : "x",
                    java.util.Arrays.toString((b.rank() >= 1 && b.rank() <= 2 && b.dim(0) == n ? x : b).shape()),
                    "[" + n + "] or [" + n + ", k] (A is " + n + "x" + n + "), x as b in shape and order");
        }
        int k = Arguments.toInt("b columns", b.rank() == 1 ? 1 : b.dim(1));
        if (n == 0 || k == 0) {
            return 0;
        }
        int bytes = t.elementBytes();
        boolean wideC = b.rank() == 2 && !b.isFortranOrder() && k > 1;
        try (Session s = sessions.get()) {
            CusolverCall getrs = CusolverCall.of(Routine.X_GETRS, t, n, k, n, n, transposed, Uplo.LOWER, 1);
            return handles(s, n, (solver, params, memory, dPiv, dInfo, scratch) -> {
                long target = x.address();
                if (wideC) {
                    // getrs reads column-major B: transpose the C-order B into scratch, solve there, transpose back.
                    target = scratch.track(memory.allocate((long) n * k * bytes));
                    s.copies().copy2d(b.address(), k, 1, target, 1, n, n, k, bytes);
                } else if (b.address() != x.address()) {
                    s.copies().copy2d(b.address(), 1, 0, x.address(), 1, 0, (long) n * k, 1, bytes);
                }
                uploadPivots(memory, f.pivots(), dPiv);
                calls.run(solver, params, getrs, new CusolverCalls.Operands(f.image().address(), target, dPiv, dInfo, 0,
                        0, 0));
                if (wideC) {
                    s.copies().copy2d(target, 1, n, x.address(), k, 1, n, k, bytes);
                }
                return readInfo(memory, dInfo);
            });
        }
    }

    /**
     * Writes F⁻¹ for the factors' image F into the dense n×n {@code out} read column-major (for a C-order A, whose
     * image is Aᵀ, that memory read in C order is A⁻¹): an identity filled on the device, then getrs. Returns devInfo.
     */
    public int inverse(Factors f, DeviceTensor out) {
        Arguments.requireNonNull(f, "factors");
        requireHere("out", out);
        int n = f.n();
        DType t = f.image().dtype();
        if (out.dtype() != t || out.rank() != 2 || out.dim(0) != n || out.dim(1) != n) {
            throw new ShapeMismatchException("out", out.dtype() + " " + java.util.Arrays.toString(out.shape()),
                    t + " [" + n + ", " + n + "]");
        }
        if (n == 0) {
            return 0;
        }
        int bytes = t.elementBytes();
        try (Session s = sessions.get()) {
            CusolverCall getrs = CusolverCall.of(Routine.X_GETRS, t, n, n, n, n, false, Uplo.LOWER, 1);
            return handles(s, n, (solver, params, memory, dPiv, dInfo, scratch) -> {
                // {0, 1} of the type on the device, broadcast over out and then its diagonal: the identity.
                Object constants = t.isSinglePrecision() ? new float[2 * t.slotsPerElement()] : new double[2 * t.slotsPerElement()];
                java.lang.reflect.Array.set(constants, t.slotsPerElement(), t.isSinglePrecision() ? (Object) 1f : (Object) 1d);
                long dConstants = scratch.track(memory.allocate(2L * bytes));
                memory.toDevice(constants, 0, 2 * t.slotsPerElement(), dConstants, 0);
                s.copies().copy2d(dConstants, 0, 0, out.address(), 1, n, n, n, bytes);
                s.copies().copy2d(dConstants + bytes, 0, 0, out.address(), n + 1, 0, n, 1, bytes);
                uploadPivots(memory, f.pivots(), dPiv);
                calls.run(solver, params, getrs, new CusolverCalls.Operands(f.image().address(), out.address(), dPiv,
                        dInfo, 0, 0, 0));
                return readInfo(memory, dInfo);
            });
        }
    }

    /** U's diagonal of the factors' image, n elements copied to a host array ({@code float[]} or {@code double[]}, interleaved when complex). */
    public Object diagonal(Factors f) {
        Arguments.requireNonNull(f, "factors");
        int n = f.n();
        DType t = f.image().dtype();
        int slots = n * t.slotsPerElement();
        Object diagonal = t.isSinglePrecision() ? new float[slots] : new double[slots];
        if (n == 0) {
            return diagonal;
        }
        try (Session s = sessions.get()) {
            DeviceMemory memory = s.memory();
            long d = memory.allocate((long) n * t.elementBytes());
            try {
                s.copies().copy2d(f.image().address(), n + 1, 0, d, 1, 0, n, 1, t.elementBytes());
                memory.toHost(d, 0, diagonal, 0, slots);
            } finally {
                memory.free(d);
            }
        }
        return diagonal;
    }

    private static void uploadPivots(DeviceMemory memory, int[] pivots, long dPiv) {
        int[] words = new int[2 * pivots.length];
        for (int i = 0; i < pivots.length; i++) {
            words[2 * i] = pivots[i]; // int64 little-endian: the high word of any pivot an int holds is 0
        }
        memory.toDevice(words, 0, words.length, dPiv, 0);
    }

    /** devInfo, copied back once everything queued before it has run (so the results are complete). */
    private static int readInfo(DeviceMemory memory, long dInfo) {
        int[] info = new int[1];
        memory.toHost(dInfo, 0, info, 0, 1);
        return info[0];
    }

    /** Scratch allocations of one call, freed when it ends. */
    private static final class Scratch {
        final List<Long> addresses = new ArrayList<>();

        long track(long address) {
            addresses.add(address);
            return address;
        }
    }

    /** What runs with the handles, the int64 pivots and devInfo of one call. */
    private interface Body {
        int run(long solver, long params, DeviceMemory memory, long dPiv, long dInfo, Scratch scratch);
    }

    private int handles(Session s, int n, Body body) {
        DeviceMemory memory = s.memory();
        Scratch scratch = new Scratch();
        long solver = 0;
        long params = 0;
        try {
            long dPiv = scratch.track(memory.allocate(8L * n));
            long dInfo = scratch.track(memory.allocate(4));
            solver = calls.solverCreate();
            calls.solverSetStream(solver, memory.stream());
            params = calls.paramsCreate();
            return body.run(solver, params, memory, dPiv, dInfo, scratch);
        } finally {
            for (long a : scratch.addresses) {
                memory.free(a);
            }
            if (params != 0) {
                calls.paramsDestroy(params);
            }
            if (solver != 0) {
                calls.solverDestroy(solver);
            }
        }
    }

    /** The session through fusemath-cuda: the context's stream (or one of the call's own), NVRTC's copy kernel, the pool. */
    private static final class CudaSession implements Session {
        private final CudaDeviceMemory memory;
        private final NvrtcOperandCopies copies;

        private CudaSession(CudaDeviceMemory memory) {
            this.memory = memory;
            this.copies = new NvrtcOperandCopies(memory.cudaStream());
        }

        static CudaSession open(FuseContext context) {
            return new CudaSession(CudaDeviceMemory.open(context));
        }

        @Override
        public DeviceMemory memory() {
            return memory;
        }

        @Override
        public OperandCopies copies() {
            return copies;
        }

        @Override
        public DeviceTensor allocate(DType dtype, long[] shape, boolean fortranOrder) {
            long count = 1;
            for (long d : shape) {
                count = Arguments.multiply("result elements", count, d);
            }
            DeviceTensor t = DeviceTensor.of(CudaBuffer.allocate(memory.cudaStream(), dtype, count), shape, fortranOrder);
            // Allocated in order on this call's stream; later calls may use another one, so let the pool finish here.
            memory.cudaStream().synchronize();
            return t;
        }

        @Override
        public void close() {
            memory.close();
        }
    }
}
