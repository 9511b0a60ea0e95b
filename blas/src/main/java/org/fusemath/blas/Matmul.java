package org.fusemath.blas;

import java.lang.ref.Cleaner;
import org.fusemath.api.Arguments;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.slf4j.Logger;

/**
 * A stateful matmul, as nvmath-python's {@code Matmul}: construct with a {@link MatmulSpec} and matching
 * operands, {@link #plan()} once (the provider decides kernel, flags and panels), {@link #autotune()}
 * (times candidates on the device; a no-op on the host), {@link #execute()} any number of times, swap in
 * new operands of the same geometry with {@link #resetOperands}, and {@link #close()}.
 *
 * <pre>{@code
 * MatmulOperands ops = MatmulOperands.of(a, b, c).withBias(bias);
 * MatmulSpec spec = ops.specBuilder().epilogue(Epilogue.RELU_BIAS).build();
 * try (Matmul mm = new Matmul(spec, ops)) {
 *     mm.plan();
 *     mm.execute();             // c = relu(a·b + bias)
 *     mm.resetOperands(next);   // same shapes, other arrays
 *     mm.execute();
 * }
 * }</pre>
 *
 * <p>Where it runs follows the context's {@link org.fusemath.api.Execution}: HOST and AUTO compute on the host
 * (the operands are host arrays, and no crossover for moving them has been measured yet); DEVICE plans on that
 * CUDA device through cuBLASLt, autotunes there, and each execute copies the operands in and the results
 * back, or fails at {@link #plan()} with a {@link org.fusemath.api.DeviceUnavailableException} naming why no
 * device is usable. The device cannot run a few problems the host can (see
 * {@link org.fusemath.blas.device.CublasLtMatmul}); those fail at {@link #plan()} with an
 * {@link org.fusemath.api.InvalidArgumentException} naming the argument.
 *
 * <p>Each phase logs what it decided at DEBUG on the context's logger. Methods are synchronized: one thread
 * at a time may use an instance (others wait); use one instance per thread for parallel work. A plan that is
 * not closed is released when the instance becomes unreachable.
 */
public final class Matmul implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final MatmulSpec spec;
    private final FuseContext context;
    private final PlanHolder holder = new PlanHolder();
    private final Cleaner.Cleanable cleanable;
    private MatmulOperands operands;
    private boolean closed;

    /** Holds the plan for the cleaner, which must not reach the Matmul itself. */
    private static final class PlanHolder implements Runnable {
        private MatmulPlan plan;

        @Override
        public synchronized void run() {
            if (plan != null) {
                plan.close();
                plan = null;
            }
        }
    }

    /** A matmul of {@code spec} on {@code operands} under the default context. */
    public Matmul(MatmulSpec spec, MatmulOperands operands) {
        this(spec, operands, FuseContext.defaults());
    }

    /** A matmul of {@code spec} on {@code operands}, which must match it (checked here), under {@code context}. */
    public Matmul(MatmulSpec spec, MatmulOperands operands, FuseContext context) {
        this.spec = Arguments.requireNonNull(spec, "spec");
        this.context = Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(operands, "operands").requireMatching(spec);
        this.operands = operands;
        this.cleanable = CLEANER.register(this, holder);
        Logger log = context.logger();
        if (log.isDebugEnabled()) {
            log.debug("matmul specification: {}", spec);
        }
    }

    /** The problem this instance computes. */
    public MatmulSpec spec() {
        return spec;
    }

    /** Chooses how to compute the spec (provider, kernel, call flags, panels); may be called again to re-plan. */
    public synchronized Matmul plan() {
        requireOpen();
        MatmulPlan plan = MatmulProviders.plan(spec, context);
        synchronized (holder) {
            if (holder.plan != null) {
                holder.plan.close();
            }
            holder.plan = plan;
        }
        if (Dispatch.tracing(context)) {
            Dispatch.trace(context, "Matmul.plan", MatmulProviders.providerOf(plan), "; " + plan.describe());
        }
        return this;
    }

    /** Times the plan's candidate algorithms on the current operands and keeps the fastest (host: nothing to time). */
    public synchronized Matmul autotune() {
        planned().autotune(operands);
        return this;
    }

    /** Computes the product into C and returns C (the first entry's, for a list). */
    public synchronized HostMatrix execute() {
        MatmulPlan plan = planned();
        run(plan, spec, operands);
        Logger log = context.logger();
        if (log.isTraceEnabled()) {
            log.trace("matmul executed: {}", plan.describe());
        }
        return operands.c();
    }

    /** Replaces the operands with others of the same type and geometry (checked; offsets may differ). */
    public synchronized void resetOperands(MatmulOperands replacement) {
        requireOpen();
        Arguments.requireNonNull(replacement, "operands").requireMatching(spec);
        this.operands = replacement;
    }

    /** The current operands. */
    public synchronized MatmulOperands operands() {
        return operands;
    }

    private MatmulPlan planned() {
        requireOpen();
        MatmulPlan plan = holder.plan;
        if (plan == null) {
            throw new IllegalStateException("matmul is not planned: call plan() before autotune() or execute()");
        }
        return plan;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("matmul is closed");
        }
    }

    /** Releases the plan; the instance cannot be used afterwards. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        cleanable.clean();
    }

    /** Plans and runs {@code spec} once, without an instance: the function forms of {@link Blas}, traced as {@code routine}. */
    static void runOnce(String routine, MatmulSpec spec, MatmulOperands operands, FuseContext context) {
        operands.requireMatching(spec);
        try (MatmulPlan plan = MatmulProviders.plan(spec, context)) {
            if (Dispatch.tracing(context)) {
                Dispatch.trace(context, routine, MatmulProviders.providerOf(plan), "; " + spec + "; " + plan.describe());
            }
            run(plan, spec, operands);
        }
    }

    /** Executes {@code plan}, then the operands' panel hook over all rows when the plan did not run it per panel. */
    private static void run(MatmulPlan plan, MatmulSpec spec, MatmulOperands operands) {
        plan.execute(operands);
        PanelHook hook = operands.panelHook();
        if (hook != null && !plan.runsPanelHook() && spec.m() > 0) {
            for (long e = 0; e < spec.batchCount(); e++) {
                hook.rows(e, 0, (int) spec.m());
            }
        }
    }
}
