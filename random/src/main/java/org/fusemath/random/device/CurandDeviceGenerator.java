package org.fusemath.random.device;

import java.lang.ref.Cleaner;
import java.util.function.LongConsumer;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.Availability;
import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * A cuRAND device generator ({@code curandCreateGenerator}) in the default ordering: plans each call as a
 * {@link CurandCall} and makes it through a {@link CurandApi}. Owns its native generator: {@link #close()}
 * destroys it, and a {@link Cleaner} does if the owner forgets. Not thread-safe; the public
 * {@code org.fusemath.random.Generator} serialises calls.
 */
public final class CurandDeviceGenerator implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final RngType type;
    private final int device;
    private final CurandApi api;
    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private long seed;
    private long offset;
    private boolean reposition = true;

    /** The native generator, destroyed once, by close or by the cleaner. */
    private static final class Handle implements Runnable {
        private final CurandApi api;
        private final long generator;
        private boolean destroyed;

        Handle(CurandApi api, long generator) {
            this.api = api;
            this.generator = generator;
        }

        @Override
        public synchronized void run() {
            if (!destroyed) {
                destroyed = true;
                api.destroyGenerator(generator);
            }
        }
    }

    CurandDeviceGenerator(RngType type, int device, CurandApi api) {
        this.type = Arguments.requireNonNull(type, "type");
        this.device = device;
        this.api = Arguments.requireNonNull(api, "api");
        this.handle = new Handle(api, api.createGenerator(type.curandValue()));
        this.cleanable = CLEANER.register(this, handle);
    }

    /** Whether cuRAND can run here, and if not why; never throws. */
    public static Availability probe() {
        CurandProbe.Result r = CurandProbe.result();
        return r.usable() ? Availability.ok() : Availability.unusable(r.reason() + ": " + r.detail(), r.reason().remedy());
    }

    /** cuRAND's version when usable (e.g. 10402), else 0. */
    public static int curandVersion() {
        return CurandProbe.result().curandVersion();
    }

    /**
     * A device generator of {@code type} on the context's device.
     *
     * @throws DeviceUnavailableException when cuRAND cannot run here, naming why
     */
    public static CurandDeviceGenerator open(RngType type, FuseContext context) {
        Arguments.requireNonNull(context, "context");
        CurandProbe.Result r = CurandProbe.result();
        if (!r.usable()) {
            throw new DeviceUnavailableException(r.reason(), r.detail());
        }
        if (context.deviceId() >= r.devices()) {
            throw new DeviceUnavailableException(org.fusemath.api.UnavailableReason.NO_SUCH_DEVICE,
                    "device " + context.deviceId() + " requested, " + r.devices() + " present");
        }
        CurandDeviceGenerator g = new CurandDeviceGenerator(type, context.deviceId(), new JavaCppCurand(context.deviceId()));
        context.logger().debug("cuRAND {} generator created on device {}", type, context.deviceId());
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
        generateThenCopy(d, length, memory -> api.copyToHost(memory, out, from, length));
    }

    /** Generates {@code length} float values into device memory and copies them to {@code out[from..]}. */
    public void fillHost(Distribution d, float[] out, int from, int length) {
        generateThenCopy(d, length, memory -> api.copyToHost(memory, out, from, length));
    }

    /** Generates {@code length} double values into device memory and copies them to {@code out[from..]}. */
    public void fillHost(Distribution d, double[] out, int from, int length) {
        generateThenCopy(d, length, memory -> api.copyToHost(memory, out, from, length));
    }

    /** Generates {@code length} values into temporary device memory and hands its address to {@code copyOut}. */
    private void generateThenCopy(Distribution d, int length, LongConsumer copyOut) {
        CurandCall call = plan(d, length);
        long memory = api.allocate(call.outputBytes());
        try {
            run(call, memory);
            copyOut.accept(memory);
        } finally {
            api.free(memory);
        }
    }

    /** Fills the whole of {@code buffer} (checked with {@link #checkBuffer}; on this generator's device) on its device. */
    public void fillDevice(Distribution d, DeviceBuffer buffer) {
        checkBuffer(d, buffer);
        if (buffer.deviceId() != device) {
            throw new InvalidArgumentException("buffer", "a buffer on device " + buffer.deviceId(),
                    "a buffer on device " + device + ", where this generator runs");
        }
        run(plan(d, buffer.elementCount()), buffer.address());
    }

    private void run(CurandCall call, long output) {
        call.execute(api, handle.generator, output);
        reposition = false;
    }

    /** Destroys the native generator; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
