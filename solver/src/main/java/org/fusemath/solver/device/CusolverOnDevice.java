package org.fusemath.solver.device;

import java.util.function.Supplier;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.solver.device.CusolverCall.Routine;

/**
 * The solvers of matrices already in device memory, with no copy of an operand to or from the host. LU: {@link #factor}
 * runs {@code cusolverDnXgetrf} on a device copy of A's memory (A is left unchanged; read column-major the copy is A
 * for a Fortran-order A and Aᵀ for a C-order one, as on the host), keeping the factors on the device and reading back
 * only devInfo and the n pivots; {@link #solve} and {@link #inverse} run {@code cusolverDnXgetrs} into the caller's
 * device tensors (a C-order right-hand side of several columns is transposed on the device around the solve, since
 * getrs takes column-major B); {@link #diagonal} reads U's diagonal (n elements) for the determinant. Moves on the
 * device are one strided-copy kernel ({@link OperandCopies}). Cholesky ({@link #cholesky}, {@code Xpotrf}/{@code
 * Xpotrs}) and the QR, SVD and eigen calls ({@link #decompose}, one {@link DecompositionCall}) run on column-major
 * device images ({@link #image}) and leave their results in device tensors. The least-squares solve's products run
 * through blas's device-resident matmul ({@link #matmul}, cuBLASLt on the tensors' memory) and its diagonal scaling
 * through one small kernel ({@link #scaleRows}). Each call opens its own handles and scratch memory on
 * the context's stream and returns once its results are complete. Thread-safe.
 */
public final class CusolverOnDevice {
    /** The device side of one call: its stream's memory, the copy kernel, and result allocations that outlive it. */
    interface Session extends AutoCloseable {
        /** The stream's scratch memory and the array copies (devInfo, pivots, constants). */
        DeviceMemory memory();

        /** The strided copies on the same stream. */
        OperandCopies copies();

        /** The matrix products on the same stream. */
        DeviceProducts products();

        /** The row scaling on the same stream. */
        RowScaling rowScaling();

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
                    long dWork = scratch.allocate(work[0]);
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
        int n = f.n();
        DType t = f.image().dtype();
        return solveWith(f.image(), f.pivots(), (k) -> CusolverCall.of(Routine.X_GETRS, t, n, k, n, n, transposed,
                Uplo.LOWER, 1), b, x);
    }

    /**
     * getrs (with {@code pivots}) or potrs (null pivots) as {@code call} makes it for k right-hand sides, on the
     * column-major n×n {@code image}: B copied (or, C-order with several columns, transposed) into X's place, solved
     * there. Returns devInfo.
     */
    private int solveWith(DeviceTensor image, int[] pivots, java.util.function.IntFunction<CusolverCall> call,
                          DeviceTensor b, DeviceTensor x) {
        requireHere("b", b);
        requireHere("x", x);
        int n = Math.toIntExact(image.dim(0));
        DType t = image.dtype();
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
            CusolverCall solve = call.apply(k);
            return handles(s, pivots == null ? 0 : n, (solver, params, memory, dPiv, dInfo, scratch) -> {
                long target = x.address();
                if (wideC) {
                    // getrs reads column-major B: transpose the C-order B into scratch, solve there, transpose back.
                    target = scratch.allocate((long) n * k * bytes);
                    s.copies().copy2d(b.address(), k, 1, target, 1, n, n, k, bytes);
                } else if (b.address() != x.address()) {
                    s.copies().copy2d(b.address(), 1, 0, x.address(), 1, 0, (long) n * k, 1, bytes);
                }
                if (pivots != null) {
                    uploadPivots(memory, pivots, dPiv);
                }
                calls.run(solver, params, solve, new CusolverCalls.Operands(image.address(), target, dPiv, dInfo, 0,
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
        int n = f.n();
        DType t = f.image().dtype();
        return inverseWith(f.image(), f.pivots(), CusolverCall.of(Routine.X_GETRS, t, n, n, n, n, false, Uplo.LOWER, 1),
                out);
    }

    /** The identity filled into {@code out} on the device, then {@code call} (getrs with pivots, potrs without) on it. */
    private int inverseWith(DeviceTensor image, int[] pivots, CusolverCall call, DeviceTensor out) {
        requireHere("out", out);
        int n = Math.toIntExact(image.dim(0));
        DType t = image.dtype();
        if (out.dtype() != t || out.rank() != 2 || out.dim(0) != n || out.dim(1) != n) {
            throw new ShapeMismatchException("out", out.dtype() + " " + java.util.Arrays.toString(out.shape()),
                    t + " [" + n + ", " + n + "]");
        }
        if (n == 0) {
            return 0;
        }
        int bytes = t.elementBytes();
        try (Session s = sessions.get()) {
            return handles(s, pivots == null ? 0 : n, (solver, params, memory, dPiv, dInfo, scratch) -> {
                // {0, 1} of the type on the device, broadcast over out and then its diagonal: the identity.
                fillIdentity(s, t, scratch.allocate(2L * bytes), out.address(), n);
                if (pivots != null) {
                    uploadPivots(memory, pivots, dPiv);
                }
                calls.run(solver, params, call, new CusolverCalls.Operands(image.address(), out.address(), dPiv,
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

    // ---- Cholesky, QR, SVD and eigen on device tensors: column-major images made on the device (a C-order operand
    // transposed as it is copied, one strided copy either way), cuSOLVER's results left there as Fortran-order
    // tensors whose buffers the caller owns; only devInfo and constants cross to the host.

    /**
     * potrf's result on the device: the column-major n×n {@code image} of A with the factor in its {@code uplo}
     * triangle (the other triangle still A's), and devInfo (0, or the order of the first leading minor that is not
     * positive definite). The image's buffer belongs to whoever holds this.
     */
    public record CholeskyFactors(DeviceTensor image, Uplo uplo, int info) {
        /** The order n. */
        public int n() {
            return Math.toIntExact(image.dim(0));
        }
    }

    /**
     * What a QR, SVD or eigen call left on the device (Fortran order, null when not computed): the values (tau,
     * singular values or eigenvalues, 1-D; null when the caller passed them in, since they stay the caller's), U
     * ([ldu, columns]) or VR ([n, n]), Vᴴ ([ldvt, n]), and devInfo. On a non-zero devInfo the outputs are already
     * freed and null. {@link #close()} frees what is not null.
     */
    public record Decomposed(DeviceTensor values, DeviceTensor u, DeviceTensor vt, int info) implements AutoCloseable {
        @Override
        public void close() {
            for (DeviceTensor t : new DeviceTensor[] {values, u, vt}) {
                if (t != null) {
                    t.buffer().close();
                }
            }
        }
    }

    /**
     * The product {@code spec} (D = alpha·op(A)·op(B) + beta·C over C) on the device tensors {@code a}, {@code b},
     * {@code c}, each the dense image of the spec's geometry from its first element; queued on this call's stream
     * through blas's device-resident matmul, and complete on return.
     */
    public void matmul(MatmulSpec spec, DeviceTensor a, DeviceTensor b, DeviceTensor c) {
        Arguments.requireNonNull(spec, "spec");
        requireHere("a", a);
        requireHere("b", b);
        requireHere("c", c);
        try (Session s = sessions.get()) {
            s.products().matmul(spec, new TensorView(a), new TensorView(b), new TensorView(c));
        }
    }

    /** A tensor's memory from its first element, as the device buffer blas's resident matmul reads; closing it frees nothing. */
    private record TensorView(DeviceTensor t) implements org.fusemath.api.DeviceBuffer {
        @Override
        public int deviceId() {
            return t.deviceId();
        }

        @Override
        public DType dtype() {
            return t.dtype();
        }

        @Override
        public long elementCount() {
            return t.buffer().elementCount() - t.offset();
        }

        @Override
        public long address() {
            return t.address();
        }

        @Override
        public void close() {
        }
    }

    /** The elements of the dense device tensor {@code t} in a new host array ({@code float[]} or {@code double[]}, complex interleaved). */
    public Object toHost(DeviceTensor t) {
        requireHere("t", t);
        try (Session s = sessions.get()) {
            int slots = Math.toIntExact(t.elementCount() * t.dtype().slotsPerElement());
            Object out = DeviceMemory.hostArray(t.dtype(), slots);
            if (slots > 0) {
                s.memory().toHost(t.buffer().address(), t.offset(), out, 0, slots);
            }
            return out;
        }
    }

    /** A new dense tensor of zeros (one device zero broadcast over it). */
    public DeviceTensor zeros(DType t, long[] shape, boolean fortranOrder) {
        try (Session s = sessions.get()) {
            DeviceTensor out = s.allocate(t, shape, fortranOrder);
            if (out.elementCount() > 0) {
                long zero = zeros(s.memory(), t, 1);
                try {
                    s.copies().copy2d(zero, 0, 0, out.address(), 1, 0, out.elementCount(), 1, t.elementBytes());
                } finally {
                    s.memory().free(zero);
                }
            }
            return out;
        }
    }

    /**
     * Multiplies row i of the dense Fortran-order matrix {@code m} by {@code weights[i]} in place (both parts of a
     * complex element): the weights go to the device (rows real values) and one small kernel scales.
     */
    public void scaleRows(DeviceTensor m, double[] weights) {
        int[] mn = requireMatrix("m", m);
        Arguments.requireNonNull(weights, "weights");
        if (!m.isFortranOrder() || weights.length != mn[0]) {
            throw new InvalidArgumentException("weights", weights.length + " weights for " + m,
                    "one weight per row of a Fortran-order matrix");
        }
        if (mn[0] == 0 || mn[1] == 0) {
            return;
        }
        DType t = m.dtype();
        DType real = t.componentType();
        Object w = DeviceMemory.hostArray(real, mn[0]);
        for (int i = 0; i < mn[0]; i++) {
            java.lang.reflect.Array.set(w, i, real.isSinglePrecision() ? (Object) (float) weights[i] : (Object) weights[i]);
        }
        try (Session s = sessions.get()) {
            long scratch = s.memory().allocate((long) mn[0] * real.elementBytes());
            try {
                s.memory().toDevice(w, 0, mn[0], scratch, 0);
                s.rowScaling().scaleRows(m.address(), scratch, mn[0], mn[1], t.isSinglePrecision(), t.slotsPerElement());
            } finally {
                s.memory().free(scratch);
            }
        }
    }

    /** The real parts of the diagonal of the Fortran-order n×n {@code square}: a new 1-D tensor of its component type. */
    public DeviceTensor realDiagonal(DeviceTensor square) {
        int n = requireSquare("square", square);
        DType t = square.dtype();
        int step = t.slotsPerElement();
        try (Session s = sessions.get()) {
            DeviceTensor out = s.allocate(t.componentType(), new long[] {n}, true);
            s.copies().copy2d(square.address(), (long) step * (n + 1), 0, out.address(), 1, 0, n, 1,
                    t.componentType().elementBytes());
            return out;
        }
    }

    /** Checks that {@code t} is one matrix (rank 2) on this device; returns {rows, columns} (each within an int). */
    public int[] requireMatrix(String name, DeviceTensor t) {
        requireHere(name, t);
        if (t.rank() != 2) {
            throw new ShapeMismatchException(name, java.util.Arrays.toString(t.shape()), "a matrix (rank 2, m×n)");
        }
        return new int[] {Arguments.toInt(name + " rows", t.dim(0)), Arguments.toInt(name + " columns", t.dim(1))};
    }

    /**
     * A new Fortran-order tensor of {@code columns} (≥ the image's) columns whose first ones hold the matrix
     * {@code a} or, when {@code transpose}, aᵀ (no conjugation): the column-major image cuSOLVER overwrites.
     */
    public DeviceTensor image(DeviceTensor a, boolean transpose, long columns) {
        int[] mn = requireMatrix("a", a);
        long rows = transpose ? mn[1] : mn[0];
        long cols = transpose ? mn[0] : mn[1];
        if (columns < cols) {
            throw new InvalidArgumentException("columns", columns, ">= " + cols + " (the image's own columns)");
        }
        long rowStride = a.isFortranOrder() ? 1 : mn[1];
        long colStride = a.isFortranOrder() ? mn[0] : 1;
        try (Session s = sessions.get()) {
            DeviceTensor image = s.allocate(a.dtype(), new long[] {rows, columns}, true);
            s.copies().copy2d(a.address(), transpose ? colStride : rowStride, transpose ? rowStride : colStride,
                    image.address(), 1, rows, rows, cols, a.dtype().elementBytes());
            return image;
        }
    }

    /** A new Fortran-order rows×{@code columns} tensor holding the top-left rows×cols block of the Fortran-order {@code src}. */
    public DeviceTensor block(DeviceTensor src, long rows, long cols, long columns) {
        int[] mn = requireMatrix("src", src);
        if (!src.isFortranOrder() || rows > mn[0] || cols > mn[1] || cols > columns) {
            throw new InvalidArgumentException("block", rows + "x" + cols + " into " + columns + " columns of " + src,
                    "a block of a Fortran-order matrix, at most its size and the target's columns");
        }
        try (Session s = sessions.get()) {
            DeviceTensor out = s.allocate(src.dtype(), new long[] {rows, columns}, true);
            s.copies().copy2d(src.address(), 1, mn[0], out.address(), 1, rows, rows, cols, src.dtype().elementBytes());
            return out;
        }
    }

    /**
     * Zeros the strictly lower ({@code LOWER}) or strictly upper ({@code UPPER}) triangle of the Fortran-order
     * matrix {@code m}: one broadcast copy of a device zero per column, since the triangle is not a strided grid.
     */
    public void zeroTriangle(DeviceTensor m, Uplo triangle) {
        int[] mn = requireMatrix("m", m);
        Arguments.requireNonNull(triangle, "triangle");
        if (!m.isFortranOrder() && mn[0] > 1 && mn[1] > 1) {
            throw new InvalidArgumentException("m", m, "a Fortran-order matrix");
        }
        int bytes = m.dtype().elementBytes();
        try (Session s = sessions.get()) {
            long zero = zeros(s.memory(), m.dtype(), 1);
            try {
                for (long j = 0; j < Math.min(mn[1], triangle == Uplo.LOWER ? mn[0] : mn[1]); j++) {
                    long first = triangle == Uplo.LOWER ? j + 1 : 0;
                    long count = triangle == Uplo.LOWER ? mn[0] - j - 1 : Math.min(j, mn[0]);
                    s.copies().copy2d(zero, 0, 0, m.address() + (j * mn[0] + first) * bytes, 1, 0, count, 1, bytes);
                }
            } finally {
                s.memory().free(zero);
            }
        }
    }

    /** The complex Fortran-order image of the real matrix {@code a}: its elements as real parts, zero imaginary parts. */
    public DeviceTensor complexImage(DeviceTensor a) {
        int[] mn = requireMatrix("a", a);
        DType real = a.dtype();
        if (real.isComplex()) {
            throw new InvalidArgumentException("a", real, "F32 or F64 (a real matrix)");
        }
        DType complex = real.complexType();
        try (Session s = sessions.get()) {
            DeviceTensor image = s.allocate(complex, new long[] {mn[0], mn[1]}, true);
            long zero = zeros(s.memory(), complex, 1);
            try {
                s.copies().copy2d(zero, 0, 0, image.address(), 1, mn[0], mn[0], mn[1], complex.elementBytes());
            } finally {
                s.memory().free(zero);
            }
            // Real parts: element (i, j) to slot 2·(i + j·m) of the interleaved image, copied as a real element.
            s.copies().copy2d(a.address(), a.isFortranOrder() ? 1 : mn[1], a.isFortranOrder() ? mn[0] : 1,
                    image.address(), 2, 2L * mn[0], mn[0], mn[1], real.elementBytes());
            return image;
        }
    }

    /** A new Fortran-order n×n identity of {@code t}. */
    public DeviceTensor identity(DType t, int n) {
        Arguments.requireNonNull(t, "dtype");
        Arguments.requireNonNegative("n", n);
        try (Session s = sessions.get()) {
            DeviceTensor out = s.allocate(t, new long[] {n, n}, true);
            if (n > 0) {
                long constants = s.memory().allocate(2L * t.elementBytes());
                try {
                    fillIdentity(s, t, constants, out.address(), n);
                } finally {
                    s.memory().free(constants);
                }
            }
            return out;
        }
    }

    /** Xpotrf of the square {@code a} (unchanged) from its {@code uplo} triangle, on a new column-major device image. */
    public CholeskyFactors cholesky(DeviceTensor a, Uplo uplo) {
        int n = requireSquare("a", a);
        Arguments.requireNonNull(uplo, "uplo");
        DType t = a.dtype();
        DeviceTensor image = image(a, false, n);
        try {
            if (n == 0) {
                return new CholeskyFactors(image, uplo, 0);
            }
            CusolverCall potrf = CusolverCall.of(Routine.X_POTRF, t, n, 0, n, n, false, uplo, 1);
            try (Session s = sessions.get()) {
                int info = handles(s, 0, (solver, params, memory, dPiv, dInfo, scratch) -> {
                    long[] work = calls.bufferSize(solver, params, potrf.bufferSizeQuery(), image.address());
                    long dWork = scratch.allocate(work[0]);
                    calls.run(solver, params, potrf, new CusolverCalls.Operands(image.address(), 0, 0, dInfo, dWork,
                            work[0], work[1]));
                    return readInfo(memory, dInfo);
                });
                return new CholeskyFactors(image, uplo, info);
            }
        } catch (RuntimeException | Error e) {
            image.buffer().close();
            throw e;
        }
    }

    /** Xpotrs with the factors for B into {@code x}, as {@link #solve(Factors, boolean, DeviceTensor, DeviceTensor)}; devInfo. */
    public int solve(CholeskyFactors f, DeviceTensor b, DeviceTensor x) {
        Arguments.requireNonNull(f, "factors");
        int n = f.n();
        DType t = f.image().dtype();
        return solveWith(f.image(), null, k -> CusolverCall.of(Routine.X_POTRS, t, n, k, n, n, false, f.uplo(), 1), b, x);
    }

    /** A⁻¹ into the n×n {@code out} read column-major (Xpotrs on the identity); devInfo. */
    public int inverse(CholeskyFactors f, DeviceTensor out) {
        Arguments.requireNonNull(f, "factors");
        int n = f.n();
        DType t = f.image().dtype();
        return inverseWith(f.image(), null, CusolverCall.of(Routine.X_POTRS, t, n, n, n, n, false, f.uplo(), 1), out);
    }

    /**
     * Makes {@code call} (geqrf, orgqr, gesvd, syevd or geev; after its own workspace query) on the Fortran-order
     * {@code image} (lda rows, at least the call's columns; overwritten as cuSOLVER leaves it) with the values taken
     * from {@code valuesIn} (orgqr's tau; null: allocated) and U/VR and Vᴴ allocated as the call asks.
     */
    public Decomposed decompose(DecompositionCall call, DeviceTensor image, DeviceTensor valuesIn) {
        Arguments.requireNonNull(call, "call");
        int[] mn = requireMatrix("image", image);
        if (call.routine().query()) {
            throw new InvalidArgumentException("call", call.describe(), "not a workspace query (the call queries its own)");
        }
        if (image.dtype() != call.dtype() || !image.isFortranOrder() || mn[0] != call.lda() || mn[1] < call.n()) {
            throw new InvalidArgumentException("image", image, "a Fortran-order " + call.dtype() + " [" + call.lda()
                    + ", >= " + call.n() + "] for " + call.describe());
        }
        DType valueType = DeviceDecomposition.valueType(call);
        long valueCount = DeviceDecomposition.valueCount(call);
        if (valuesIn != null) {
            requireHere("valuesIn", valuesIn);
            if (valuesIn.dtype() != valueType || valuesIn.elementCount() < valueCount) {
                throw new InvalidArgumentException("valuesIn", valuesIn, "at least " + valueCount + " " + valueType
                        + " elements for " + call.describe());
            }
        }
        long uCount = DeviceDecomposition.uCount(call);
        long vtCount = DeviceDecomposition.vtCount(call);
        DeviceTensor values = null;
        DeviceTensor u = null;
        DeviceTensor vt = null;
        try (Session s = sessions.get()) {
            values = valuesIn != null ? valuesIn : s.allocate(valueType, new long[] {valueCount}, true);
            u = uCount == 0 ? null : s.allocate(call.dtype(), new long[] {call.ldu(), uCount / call.ldu()}, true);
            vt = vtCount == 0 ? null : s.allocate(call.dtype(), new long[] {call.ldvt(), vtCount / call.ldvt()}, true);
            long dValues = values.address();
            long dU = u == null ? 0 : u.address();
            long dVt = vt == null ? 0 : vt.address();
            int[] outcome;
            try (SolverScope scope = SolverScope.open(calls, s.memory())) {
                long dInfo = scope.allocate(4);
                outcome = DeviceDecomposition.runOn(scope, calls, java.util.List.of(call), image.address(), dValues, dU,
                        dVt, dInfo);
            }
            if (outcome[0] != 0) {
                new Decomposed(valuesIn != null ? null : values, u, vt, 0).close();
                return new Decomposed(null, null, null, outcome[0]);
            }
            return new Decomposed(valuesIn != null ? null : values, u, vt, 0);
        } catch (RuntimeException | Error e) {
            new Decomposed(valuesIn != null ? null : values, u, vt, 0).close();
            throw e;
        }
    }

    /** {@code count} zero elements of {@code t} in a new allocation of {@code memory} (the caller frees it). */
    private static long zeros(DeviceMemory memory, DType t, int count) {
        long address = memory.allocate((long) count * t.elementBytes());
        try {
            memory.toDevice(DeviceMemory.hostArray(t, count * t.slotsPerElement()), 0, count * t.slotsPerElement(),
                    address, 0);
            return address;
        } catch (RuntimeException | Error e) {
            memory.free(address);
            throw e;
        }
    }

    /**
     * The n×n identity at {@code out} (column-major): {0, 1} of {@code t} written to the two elements at
     * {@code constants}, then broadcast over out and over its diagonal.
     */
    private static void fillIdentity(Session s, DType t, long constants, long out, int n) {
        int bytes = t.elementBytes();
        Object pair = DeviceMemory.hostArray(t, 2 * t.slotsPerElement());
        java.lang.reflect.Array.set(pair, t.slotsPerElement(), t.isSinglePrecision() ? (Object) 1f : (Object) 1d);
        s.memory().toDevice(pair, 0, 2 * t.slotsPerElement(), constants, 0);
        s.copies().copy2d(constants, 0, 0, out, 1, n, n, n, bytes);
        s.copies().copy2d(constants + bytes, 0, 0, out, n + 1, 0, n, 1, bytes);
    }

    /** What runs with the handles, the int64 pivots and devInfo of one call. */
    private interface Body {
        int run(long solver, long params, DeviceMemory memory, long dPiv, long dInfo, SolverScope scratch);
    }

    private int handles(Session s, int n, Body body) {
        try (SolverScope scope = SolverScope.open(calls, s.memory())) {
            long dPiv = n == 0 ? 0 : scope.allocate(8L * n); // n: the pivots' count, 0 for routines without
            long dInfo = scope.allocate(4);
            return body.run(scope.solver(), scope.params(), s.memory(), dPiv, dInfo, scope);
        }
    }

    /** The session through fusemath-cuda: the context's stream (or one of the call's own), NVRTC's copy kernel, the pool. */
    private static final class CudaSession implements Session {
        private final CudaDeviceMemory memory;
        private final NvrtcOperandCopies copies;

        private final CublasProducts products;
        private final NvrtcRowScaling rowScaling;

        private CudaSession(CudaDeviceMemory memory, FuseContext context) {
            this.memory = memory;
            this.copies = new NvrtcOperandCopies(memory.cudaStream());
            this.products = new CublasProducts(memory.cudaStream(), context);
            this.rowScaling = new NvrtcRowScaling(memory.cudaStream());
        }

        static CudaSession open(FuseContext context) {
            return new CudaSession(CudaDeviceMemory.open(context), context);
        }

        @Override
        public DeviceProducts products() {
            return products;
        }

        @Override
        public RowScaling rowScaling() {
            return rowScaling;
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
