package org.fusemath.fusion;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.fusion.ir.Node;

/**
 * A planned expression bound to operands, as blas's {@code Matmul} is: {@link Fusion#plan} makes it (from the plan
 * cache when the structure, shapes, dtypes and space were planned before), {@link #execute} runs its launches,
 * {@link #resetOperands} binds new operands of the same dtypes and shapes (no planning work), {@link #close} frees
 * what its library launches hold. Thread-safe: calls are serialised on the instance; results are new arrays on every
 * execution ({@link #executeInto} writes the first into the caller's array instead), intermediates are reused.
 */
public final class FusionPlan implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();
    private final PlanTemplate template;
    private final PlanState state;
    private final Cleaner.Cleanable cleanable;
    private long executions;
    private boolean closed;

    FusionPlan(PlanTemplate template, List<Node> boundInputs, FuseContext context) {
        this.template = template;
        this.state = new PlanState(template.slots.size(), template.inputCount, template.steps.size(), context);
        for (int i = 0; i < template.inputCount; i++) {
            state.operands[i] = boundInputs.get(i).operand();
        }
        for (int i = template.inputCount; i < template.slots.size(); i++) {
            PlanTemplate.Slot s = template.slots.get(i);
            if (!s.result() && !template.deviceOnly(i)) {
                state.values[i] = OperandArrays.allocate(s.type(), s.shape());
            }
        }
        PlanState st = state;
        this.cleanable = CLEANER.register(this, st::close);
    }

    /** Runs the plan and returns the first expression's value (see {@link #executeAll()}). */
    public synchronized HostTensor execute() {
        return executeAll().get(0);
    }

    /** Runs every launch once and returns each planned expression's value as a new C-order tensor, in order. */
    public synchronized List<HostTensor> executeAll() {
        requireOpen();
        return run(null);
    }

    /**
     * Runs the plan with the first expression's value written into {@code out} (NumPy's {@code out=}): a
     * {@code double[]}/{@code float[]} or a C-order {@link HostTensor} of that value's dtype and shape, which must not
     * be an input's array. Returns {@code out} as a tensor; a repeated call with the same array allocates no result.
     */
    public synchronized HostTensor executeInto(Object out) {
        requireOpen();
        int root = template.rootSlots[0];
        PlanTemplate.Slot slot = template.slots.get(root);
        Arguments.requireNonNull(out, "out");
        if (out instanceof HostTensor t && t.isFortranOrder()) {
            throw new InvalidArgumentException("out", t, "a C-order tensor");
        }
        if (!(out instanceof HostTensor || out instanceof double[] || out instanceof float[])) {
            throw new InvalidArgumentException("out", out.getClass().getSimpleName(), "a HostTensor, double[] or float[]");
        }
        Object array = OperandArrays.data(out);
        long length = array instanceof double[] d ? d.length : ((float[]) array).length;
        DType dtype = out instanceof HostTensor t ? t.dtype() : array instanceof double[] ? DType.F64 : DType.F32;
        long[] dims = out instanceof HostTensor t ? t.shape() : new long[] {length};
        if (dtype != slot.type().dtype()) {
            throw new InvalidArgumentException("out", dtype, slot.type().dtype() + ", the result's dtype");
        }
        if (length != slot.shape().size() || out instanceof HostTensor && !Arrays.equals(dims, template.rootDims[0])) {
            throw new ShapeMismatchException("out", Arrays.toString(dims), Arrays.toString(template.rootDims[0])
                    + ", the result's shape");
        }
        for (int i = 0; i < template.inputCount; i++) {
            if (state.operands[i] != null && OperandArrays.data(state.operands[i]) == array) {
                throw new InvalidArgumentException("out", "the array of input '" + template.inputs.get(i).name() + "'",
                        "an array no input reads");
            }
        }
        List<HostTensor> results = run(slot.result() ? array : null);
        if (!slot.result()) {
            System.arraycopy(results.get(0).array(), 0, array, 0, (int) length);
        }
        return HostTensor.of(dtype, template.rootDims[0], array);
    }

    /** One execution; {@code firstRoot} (or null) is the array the first root's result slot is computed into. */
    private List<HostTensor> run(Object firstRoot) {
        for (int i = 0; i < template.inputCount; i++) {
            Node in = template.inputs.get(i);
            Object operand = state.operands[i];
            if (operand == null) {
                throw new InvalidArgumentException("input '" + in.name() + "'", "unbound",
                        "an operand (bind one with resetOperands)");
            }
            PlanTemplate.Slot slot = template.slots.get(i);
            state.values[i] = operand instanceof HostMatrix && !slot.denseNeeded() ? null
                    : OperandArrays.dense(operand, in.type(), in.shape());
        }
        for (int i = template.inputCount; i < template.slots.size(); i++) {
            PlanTemplate.Slot s = template.slots.get(i);
            if (s.result()) {
                state.values[i] = firstRoot != null && i == template.rootSlots[0] ? firstRoot
                        : OperandArrays.allocate(s.type(), s.shape());
            }
        }
        List<Step> steps = template.steps;
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).run(state, i);
        }
        executions++;
        int[] roots = template.rootSlots;
        HostTensor[] out = new HostTensor[roots.length];
        for (int i = 0; i < roots.length; i++) {
            PlanTemplate.Slot s = template.slots.get(roots[i]);
            out[i] = HostTensor.of(s.type().dtype(), template.rootDims[i], state.values[roots[i]]);
        }
        return Arrays.asList(out);
    }

    /**
     * Binds new operands by input name (a HostTensor, HostMatrix, double[] or float[] of the input's dtype and
     * shape); inputs not named keep theirs. Checked before anything is replaced.
     */
    public synchronized void resetOperands(Map<String, ?> operands) {
        requireOpen();
        Arguments.requireNonNull(operands, "operands");
        Object[] next = state.operands.clone();
        for (Map.Entry<String, ?> e : operands.entrySet()) {
            int slot = slotOf(e.getKey());
            Node in = template.inputs.get(slot);
            OperandArrays.check(in.name(), in.type(), in.shape(), e.getValue());
            if (!Graph.geometry(e.getValue()).equals(Graph.geometry(state.operands[slot])) && state.operands[slot] != null
                    && e.getValue() instanceof HostMatrix) {
                throw new InvalidArgumentException("operand '" + e.getKey() + "'", Graph.geometry(e.getValue()),
                        "the storage the plan was made for (" + Graph.geometry(state.operands[slot]) + "); plan again");
            }
            next[slot] = e.getValue();
        }
        System.arraycopy(next, 0, state.operands, 0, next.length);
    }

    private int slotOf(String name) {
        for (int i = 0; i < template.inputs.size(); i++) {
            if (template.inputs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new InvalidArgumentException("operand name", "'" + name + "'", "one of " + inputNames());
    }

    /** The input names, in slot order. */
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (Node n : template.inputs) {
            names.add(n.name());
        }
        return names;
    }

    /** The plan as readable text (see {@link Explanation#toString()}). */
    public String explain() {
        return explanation().toString();
    }

    /**
     * The plan as data, each launch's {@link Explanation.Launch#hostThreads()} limited by this plan's context threads
     * (and the processors, which bound the pool).
     */
    public Explanation explanation() {
        return template.explanation.withThreadLimit(Math.min(state.context.threads(),
                Runtime.getRuntime().availableProcessors()));
    }

    /** How many times this plan has executed. */
    public synchronized long executions() {
        return executions;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("fusion plan is closed");
        }
    }

    /** Frees the library launches' state; the plan cannot be used afterwards. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        cleanable.clean();
    }
}
