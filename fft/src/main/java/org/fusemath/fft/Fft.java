package org.fusemath.fft;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.function.Function;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.fft.device.CufftCall;
import org.fusemath.fft.device.CufftOnDevice;
import org.fusemath.fft.device.CufftSession;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful FFT in nvmath-python's {@code FFT} shape: plan once for an operand's shape, type, layout and axes, then
 * {@link #execute(FftDirection)} as many times as needed (the operand's current values each time), swap operands of
 * the same geometry with {@link #resetOperands}, and {@link #close()}. Plans are made on first use of each direction
 * and kept; one not closed is released by a {@link Cleaner} when this object becomes unreachable. Each phase logs its
 * decision at debug level ({@code org.fusemath.fft.Fft}).
 *
 * <p>Created over a {@link DeviceTensor}, it runs on the tensor's device, on its memory, and its results are device
 * tensors ({@link #create(FuseContext, DeviceTensor, int[], FftOptions)}); one stateful object, one memory space.
 *
 * <p>Not thread-safe: one instance serves one thread at a time (its operand is state). {@link #plan(FftSpec, FftOptions)}
 * returns a provider plan that may be shared across threads.
 */
public final class Fft implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Fft.class);
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "fusemath-fft-cleaner");
        t.setDaemon(true);
        return t;
    });

    private final FftOptions options;
    private final FftProvider provider;
    private final FftKind kind;
    private final int[] axes;
    private final DType operandType;
    private final long[] operandShape;
    private final boolean fortran;
    private final long[] operandStrides;
    private final Plans plans;
    private final Cleaner.Cleanable cleanable;
    private HostTensor operand;
    /** The operand of a device-planned FFT (null for a host one): one stateful object, one memory space. */
    private DeviceTensor deviceOperand;
    private final FuseContext deviceContext;
    private final Function<FuseContext, CufftSession> sessions;
    private boolean closed;

    private Fft(HostTensor operand, int[] axes, FftOptions options) {
        this.options = Arguments.requireNonNull(options, "options");
        Arguments.requireNonNull(operand, "operand");
        this.provider = Providers.select(options.provider(), options.execution());
        this.operandType = operand.dtype();
        this.operandShape = operand.shape();
        this.fortran = operand.isFortranOrder();
        if (operandShape.length == 0) {
            throw new InvalidArgumentException("operand", "a 0-d array", "an array of at least one dimension");
        }
        this.axes = FftSpec.normalizeAxes(axes, operandShape.length);
        this.kind = kindFor(options.fftType(), operandType);
        requireInPlaceC2c(options, kind);
        this.operand = operand;
        this.operandStrides = TensorLayout.strides(operand);
        this.deviceContext = null;
        this.sessions = null;
        this.plans = new Plans();
        // Spec errors (axes, lengths) surface here, at planning, as nvmath's do.
        FftSpec probe = spec(kind == FftKind.C2R ? FftDirection.INVERSE : FftDirection.FORWARD);
        LOG.debug("fft specification: {} on {} ({} threads)", probe, provider.describe(), options.threads());
        this.cleanable = CLEANER.register(this, plans);
    }

    private Fft(FuseContext context, DeviceTensor operand, int[] axes, FftOptions options,
            Function<FuseContext, CufftSession> sessions) {
        this.options = Arguments.requireNonNull(options, "options");
        Arguments.requireNonNull(operand, "operand");
        Execution asked = options.execution();
        if (asked.kind() == Execution.Kind.DEVICE && asked.deviceId() != operand.deviceId()) {
            throw new InvalidArgumentException("operand", "a tensor on device " + operand.deviceId(), "a tensor on device "
                    + asked.deviceId() + ", where the options execute");
        }
        this.deviceContext = DeviceCall.on(context, "operand", operand.deviceId());
        this.sessions = sessions;
        this.provider = null;
        this.operandType = operand.dtype();
        this.operandShape = operand.shape();
        this.fortran = operand.isFortranOrder();
        if (operandShape.length == 0) {
            throw new InvalidArgumentException("operand", "a 0-d array", "an array of at least one dimension");
        }
        this.axes = FftSpec.normalizeAxes(axes, operandShape.length);
        this.kind = kindFor(options.fftType(), operandType);
        requireInPlaceC2c(options, kind);
        if (options.inPlace() && fortran && operandShape.length > 1) {
            throw new InvalidArgumentException("inPlace", true, "false for a Fortran-order device operand (in-place"
                    + " device results are C order)");
        }
        this.deviceOperand = operand;
        this.operandStrides = DeviceCall.strides(operandShape, fortran);
        this.plans = new Plans();
        FftSpec probe = spec(kind == FftKind.C2R ? FftDirection.INVERSE : FftDirection.FORWARD);
        CufftCall.of(probe, true); // a layout cuFFT cannot plan is rejected here, at planning
        LOG.debug("fft specification: {} on device {} (operand {})", probe, deviceContext.deviceId(), operand);
        this.cleanable = CLEANER.register(this, plans);
    }

    private static void requireInPlaceC2c(FftOptions options, FftKind kind) {
        if (options.inPlace() && kind != FftKind.C2C) {
            throw new InvalidArgumentException("inPlace", "true for " + kind, "C2C: a " + kind + " result has another"
                    + " shape than its operand, which a dense tensor cannot share storage with");
        }
    }

    /**
     * A stateful FFT over {@code axes} (null: all) of a tensor in device memory: it runs by cuFFT on the tensor's
     * device, on its memory, each result a device tensor ({@link #execute(FftDirection, DeviceTensor)}); cuFFT's plans
     * are cached by the device path. {@code context} (null: the tensor's device and a stream per execution) supplies
     * the stream and must execute AUTO or DEVICE on the tensor's ordinal; the options' execution, when DEVICE, must
     * name that ordinal too.
     */
    public static Fft create(FuseContext context, DeviceTensor operand, int[] axes, FftOptions options) {
        return new Fft(context, operand, axes, options, DeviceCall.CUDA);
    }

    /** {@link #create(FuseContext, DeviceTensor, int[], FftOptions)} through the given sessions (tests: a CPU fake). */
    static Fft create(FuseContext context, DeviceTensor operand, int[] axes, FftOptions options,
            Function<FuseContext, CufftSession> sessions) {
        return new Fft(context, operand, axes, options, sessions);
    }

    /** A stateful FFT over every axis of {@code operand}. */
    public static Fft create(HostTensor operand, FftOptions options) {
        return new Fft(operand, null, options);
    }

    /** A stateful FFT over {@code axes} of {@code operand} (null: all; negative axes count from the end). */
    public static Fft create(HostTensor operand, int[] axes, FftOptions options) {
        return new Fft(operand, axes, options);
    }

    /**
     * A provider plan for an explicit spec (any strided layout, offsets, in-place): the caller executes and closes
     * it; it may be executed from several threads at once.
     */
    public static FftPlan plan(FftSpec spec, FftOptions options) {
        Arguments.requireNonNull(spec, "spec");
        Arguments.requireNonNull(options, "options");
        FftProvider p = Providers.select(options.provider(), options.execution());
        p.unsupported(spec).ifPresent(reason -> {
            throw new InvalidArgumentException("spec", spec, "a transform " + p.name() + " can run: " + reason);
        });
        FftPlan plan = p.plan(spec, options.threads());
        LOG.debug("fft plan: {} on {}", spec, p.describe());
        return plan;
    }

    private static FftKind kindFor(FftKind asked, DType type) {
        boolean complex = type.isComplex();
        if (asked == null) {
            return complex ? FftKind.C2C : FftKind.R2C;
        }
        if (asked == FftKind.R2C && complex) {
            throw new InvalidArgumentException("operand", type, "a real operand (F32 or F64) for an R2C transform");
        }
        if (asked != FftKind.R2C && !complex) {
            throw new InvalidArgumentException("operand", type, "a complex operand (C64 or C128) for a " + asked
                    + " transform");
        }
        return asked;
    }

    /** The transform type planned. */
    public FftKind kind() {
        return kind;
    }

    /** The spec executed for {@code direction}. */
    public FftSpec spec(FftDirection direction) {
        requireDirection(direction);
        FftSpec.Builder b = FftSpec.builder(kind, operandType.componentType(), operandShape).axes(axes)
                .norm(options.norm()).inputStrides(operandStrides).inPlace(options.inPlace());
        if (kind == FftKind.C2C) {
            b.direction(direction);
        }
        if (kind == FftKind.C2R) {
            long m = operandShape[axes[axes.length - 1]];
            b.outputLength(options.lastAxisParity() == FftOptions.Parity.EVEN ? 2 * (m - 1) : 2 * m - 1);
        }
        return b.build();
    }

    private void requireDirection(FftDirection direction) {
        Arguments.requireNonNull(direction, "direction");
        if ((kind == FftKind.R2C && direction != FftDirection.FORWARD)
                || (kind == FftKind.C2R && direction != FftDirection.INVERSE)) {
            throw new InvalidArgumentException("direction", direction, (kind == FftKind.R2C ? "FORWARD" : "INVERSE")
                    + ", the only direction of a " + kind + " transform");
        }
    }

    /**
     * Transforms the current operand in {@code direction}; returns the result (a new C-order tensor, or the operand
     * itself when in place).
     */
    public HostTensor execute(FftDirection direction) {
        requireOpen("execute");
        requireDirection(direction);
        requireSpace(false, "execute");
        FftPlan plan = plans.get(direction, this);
        FftSpec s = plan.spec();
        HostTensor out;
        if (s.inPlace()) {
            out = operand;
        } else {
            out = HostTensor.zeros(s.outputType(), s.outputShape());
        }
        if (s.precision() == DType.F64) {
            plan.execute((double[]) operand.array(), (double[]) out.array());
        } else {
            plan.execute((float[]) operand.array(), (float[]) out.array());
        }
        return out;
    }

    /**
     * Transforms the current device operand in {@code direction} on its device into {@code out} (a C-order device
     * tensor of the result's dtype and shape on the same device) or, when null, into a result allocated from the
     * device's stream-ordered pool (the caller closes its buffer); in place, the operand itself is the result.
     * Returns once the result is complete.
     */
    public DeviceTensor execute(FftDirection direction, DeviceTensor out) {
        requireOpen("execute");
        requireDirection(direction);
        requireSpace(true, "execute");
        FftSpec s = spec(direction);
        DeviceTensor in = deviceOperand;
        if (s.inPlace()) {
            if (out != null && (out.buffer() != in.buffer() || out.address() != in.address())) {
                throw new InvalidArgumentException("out", out, "null or the operand itself (the plan is in place)");
            }
            out = in;
        } else if (out != null) {
            in.requireSameDevice("out", out);
            DeviceCall.checkOut(out, s.outputType(), s.outputShape());
        }
        try (CufftSession session = sessions.apply(deviceContext)) {
            DeviceTensor result = out != null ? out : session.allocate(s.outputType(), s.outputShape());
            try {
                CufftOnDevice.run(session, s, in, result);
            } catch (RuntimeException | Error e) {
                if (out == null) {
                    result.buffer().close();
                }
                throw e;
            }
            LOG.debug("fft execution: {} on device {}", direction, deviceContext.deviceId());
            return result;
        }
    }

    /** Replaces the operand by one of the same dtype, shape and storage order (the plans stay valid). */
    public void resetOperands(HostTensor value) {
        requireOpen("resetOperands");
        Arguments.requireNonNull(value, "operand");
        requireSpace(false, "resetOperands");
        requireSame(value.dtype(), value.shape(), value.isFortranOrder());
        operand = value;
    }

    /** Replaces the device operand by one of the same dtype, shape and storage order on the same device. */
    public void resetOperands(DeviceTensor value) {
        requireOpen("resetOperands");
        Arguments.requireNonNull(value, "operand");
        requireSpace(true, "resetOperands");
        deviceOperand.requireSameDevice("operand", value);
        requireSame(value.dtype(), value.shape(), value.isFortranOrder());
        deviceOperand = value;
    }

    private void requireSame(DType dtype, long[] shape, boolean fortranOrder) {
        if (dtype != operandType) {
            throw new InvalidArgumentException("operand", dtype, operandType + ", the planned operand's type");
        }
        if (!Arrays.equals(shape, operandShape) || fortranOrder != fortran) {
            throw new ShapeMismatchException("operand", Arrays.toString(shape) + (fortranOrder ? " F" : " C"),
                    Arrays.toString(operandShape) + (fortran ? " F" : " C") + ", the planned operand's shape and order");
        }
    }

    /** One stateful object, one memory space: host calls on a host plan, device calls on a device plan. */
    private void requireSpace(boolean device, String call) {
        if (device != (deviceOperand != null)) {
            throw new InvalidArgumentException("operand", deviceOperand != null ? "a device operand" : "a host operand",
                    (device ? "a device operand" : "a host operand") + " for " + call + "(" + (device ? "DeviceTensor" : "")
                            + "): this Fft was planned for " + (deviceOperand != null ? "device" : "host") + " memory");
        }
    }

    /** Releases the plans; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }

    private void requireOpen(String call) {
        if (closed) {
            throw new PlanClosedException("Fft", call);
        }
    }

    /** The plans, one per direction, shared with the Cleaner (so it holds no reference to the Fft itself). */
    private static final class Plans implements Runnable {
        private FftPlan forward;
        private FftPlan inverse;

        FftPlan get(FftDirection direction, Fft owner) {
            if (direction == FftDirection.FORWARD) {
                if (forward == null) {
                    forward = plan(direction, owner);
                }
                return forward;
            }
            if (inverse == null) {
                inverse = plan(direction, owner);
            }
            return inverse;
        }

        private static FftPlan plan(FftDirection direction, Fft owner) {
            FftSpec spec = owner.spec(direction);
            FftPlan p = owner.provider.plan(spec, owner.options.threads());
            LOG.debug("fft planning: {} direction on {}", direction, owner.provider.describe());
            return p;
        }

        @Override
        public synchronized void run() {
            // A device Fft holds no plan here: cuFFT's plans live in the device path's cache.
            if (forward != null) {
                forward.close();
            }
            if (inverse != null) {
                inverse.close();
            }
        }
    }
}
