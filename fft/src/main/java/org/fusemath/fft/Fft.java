package org.fusemath.fft;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
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
    private final Plans plans;
    private final Cleaner.Cleanable cleanable;
    private HostTensor operand;
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
        if (options.inPlace() && kind != FftKind.C2C) {
            throw new InvalidArgumentException("inPlace", "true for " + kind, "C2C: a " + kind + " result has another"
                    + " shape than its operand, which a dense tensor cannot share storage with");
        }
        this.operand = operand;
        this.plans = new Plans();
        // Spec errors (axes, lengths) surface here, at planning, as nvmath's do.
        FftSpec probe = spec(kind == FftKind.C2R ? FftDirection.INVERSE : FftDirection.FORWARD);
        LOG.debug("fft specification: {} on {} ({} threads)", probe, provider.describe(), options.threads());
        this.cleanable = CLEANER.register(this, plans);
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
                .norm(options.norm()).inputStrides(TensorLayout.strides(operand)).inPlace(options.inPlace());
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

    /** Replaces the operand by one of the same dtype, shape and storage order (the plans stay valid). */
    public void resetOperands(HostTensor value) {
        requireOpen("resetOperands");
        Arguments.requireNonNull(value, "operand");
        if (value.dtype() != operandType) {
            throw new InvalidArgumentException("operand", value.dtype(), operandType + ", the planned operand's type");
        }
        if (!Arrays.equals(value.shape(), operandShape) || value.isFortranOrder() != fortran) {
            throw new ShapeMismatchException("operand", Arrays.toString(value.shape()) + (value.isFortranOrder() ? " F" : " C"),
                    Arrays.toString(operandShape) + (fortran ? " F" : " C") + ", the planned operand's shape and order");
        }
        operand = value;
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
            if (forward != null) {
                forward.close();
            }
            if (inverse != null) {
                inverse.close();
            }
        }
    }
}
