package org.fusemath.random.device;

import java.lang.ref.Cleaner;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.fusemath.api.Arguments;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.Availability;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * A cuRAND device generator ({@code curandCreateGenerator}) in the default ordering, generating on one stream
 * of the fusemath-cuda runtime (the context's, or one it creates): plans each call as a {@link CurandCall} and
 * makes it through a {@link CurandApi}, into memory from the device's stream-ordered pool, copied back through
 * fusemath-cuda's staged copies ({@link StreamCalls}). Owns its native generator and any stream it created:
 * {@link #close()} destroys them, and a {@link Cleaner} does if the owner forgets. Not thread-safe; the public
 * {@code org.fusemath.random.Generator} serialises calls.
 */
public final class CurandDeviceGenerator implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final RngType type;
    private final CurandApi api;
    private final StreamCalls stream;
    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private long seed;
    private long offset;
    private boolean reposition = true;

    /** The native generator and the stream calls, released once, by close or by the cleaner. */
    private static final class Handle implements Runnable {
        private final CurandApi api;
        private final StreamCalls stream;
        private final long generator;
        private boolean released;

        Handle(CurandApi api, StreamCalls stream, long generator) {
            this.api = api;
            this.stream = stream;
            this.generator = generator;
        }

        @Override
        public synchronized void run() {
            if (!released) {
                released = true;
                try {
                    api.destroyGenerator(generator);
                } finally {
                    stream.close();
                }
            }
        }
    }

    /** A generator of {@code type} made through {@code api}, generating on {@code stream}, which it now owns. */
    CurandDeviceGenerator(RngType type, CurandApi api, StreamCalls stream) {
        this.type = Arguments.requireNonNull(type, "type");
        this.api = Arguments.requireNonNull(api, "api");
        this.stream = Arguments.requireNonNull(stream, "stream");
        long generator;
        try {
            generator = api.createGenerator(type.curandValue());
        } catch (RuntimeException | Error e) {
            stream.close();
            throw e;
        }
        this.handle = new Handle(api, stream, generator);
        this.cleanable = CLEANER.register(this, handle);
        try {
            api.setStream(generator, stream.stream());
        } catch (RuntimeException | Error e) {
            cleanable.clean();
            throw e;
        }
    }

    /** Whether cuRAND can run on device 0, and if not why (the device probe's reason); never throws. */
    public static Availability probe() {
        Optional<DeviceUnavailableException> failure = CudaProbe.get().failure(0, CudaLibrary.CURAND);
        return failure.map(e -> Availability.unusable(e.reason() + ": " + e.detail(), e.reason().remedy()))
                .orElse(Availability.ok());
    }

    /** cuRAND's version when the probe found it usable (e.g. 10402), else 0; never throws. */
    public static int curandVersion() {
        if (!probe().usable()) {
            return 0;
        }
        try {
            return JavaCppCurand.version();
        } catch (CudaLibraryException e) {
            return 0;
        }
    }

    /**
     * A device generator of {@code type} on the context's device, generating on the context's stream (or on one
     * it creates).
     *
     * @throws DeviceUnavailableException when the device or cuRAND is not usable, naming why (the device probe's reason)
     */
    public static CurandDeviceGenerator open(RngType type, FuseContext context) {
        Arguments.requireNonNull(type, "type");
        Arguments.requireNonNull(context, "context");
        int deviceId = context.deviceId();
        CudaDevices.require(deviceId, CudaLibrary.CURAND);
        CurandDeviceGenerator g = new CurandDeviceGenerator(type, new JavaCppCurand(deviceId), CudaStreamCalls.open(context));
        context.logger().debug("cuRAND {} generator created on device {}", type, deviceId);
        return g;
    }

    /** Checks that {@code buffer} can hold values of {@code d}: 4-byte elements for integer and float kinds, 8 for doubles. */
    public static void checkBuffer(Distribution d, DeviceBuffer buffer) {
        Arguments.requireNonNull(d, "distribution");
        Arguments.requireNonNull(buffer, "buffer");
        DType expected = d.kind().elementType() == SampleKind.ElementType.DOUBLE ? DType.F64 : DType.F32;
        if (buffer.dtype() != expected) {
            throw new InvalidArgumentException("buffer", "a " + buffer.dtype() + " buffer", "a " + expected + " buffer for "
                    + d.kind().cliName() + (d.kind().elementType() == SampleKind.ElementType.INT
                    ? " (32-bit integers are written into F32-sized elements)" : ""));
        }
    }

    /** Positions the generator: the next call first sets this seed and offset on the native generator. */
    public void position(long seed, long offset) {
        this.seed = seed;
        this.offset = Arguments.requireNonNegative("offset", offset);
        this.reposition = true;
    }

    /** The plan for generating {@code count} values of {@code d} next. */
    public CurandCall plan(Distribution d, long count) {
        return new CurandCall(type, seed, offset, reposition, d, count);
    }

    /** Generates {@code length} integer values into device memory and copies them to {@code out[from..]}. */
    public void fillHost(Distribution d, int[] out, int from, int length) {
        generateThenCopy(d, length, memory -> stream.copyToHost(memory, out, from, length));
    }

    /** Generates {@code length} float values into device memory and copies them to {@code out[from..]}. */
    public void fillHost(Distribution d, float[] out, int from, int length) {
        generateThenCopy(d, length, memory -> stream.copyToHost(memory, out, from, length));
    }

    /** Generates {@code length} double values into device memory and copies them to {@code out[from..]}. */
    public void fillHost(Distribution d, double[] out, int from, int length) {
        generateThenCopy(d, length, memory -> stream.copyToHost(memory, out, from, length));
    }

    /** Generates {@code length} values into pooled device memory and hands its address to {@code copyOut} (which waits). */
    private void generateThenCopy(Distribution d, int length, LongConsumer copyOut) {
        CurandCall call = plan(d, length);
        long memory = stream.allocate(call.outputBytes());
        try {
            run(call, memory);
            copyOut.accept(memory);
        } finally {
            stream.free(memory);
        }
    }

    /**
     * Fills the whole of {@code buffer} (checked with {@link #checkBuffer}; on this generator's device) and waits
     * until it is filled. The buffer must be ready for this generator's stream: allocated on it, or with the work
     * of the stream it was allocated on finished.
     */
    public void fillDevice(Distribution d, DeviceBuffer buffer) {
        checkBuffer(d, buffer);
        if (buffer.deviceId() != stream.deviceId()) {
            throw new InvalidArgumentException("buffer", "a buffer on device " + buffer.deviceId(),
                    "a buffer on device " + stream.deviceId() + ", where this generator runs");
        }
        run(plan(d, buffer.elementCount()), buffer.address());
        stream.synchronize();
    }

    private void run(CurandCall call, long output) {
        call.execute(api, handle.generator, output);
        reposition = false;
    }

    /** Destroys the native generator and releases the stream calls; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
