package org.fusemath.fusion.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * One fused launch of element-wise and reduction work: what a code generator (host Java, CUDA C) or the
 * {@link GroupInterpreter} turns into one loop nest. Immutable and thread-safe.
 *
 * <p><b>Iteration space.</b> {@link #shape()} is the index space every non-reduced value lives on. Element
 * (i₀, …, iₙ₋₁) of {@link Input} k is at {@code Σ iₐ·input.strides()[a]} in that input's dense C-order array
 * (a stride is 0 along every axis it is broadcast along: a row vector bias of shape (n,) over (m, n) has strides
 * (0, 1), a column vector (m, 1) has (1, 0), a scalar array all zeros). Outputs are addressed the same way.
 *
 * <p><b>Ops.</b> {@link #ops()} is a topologically ordered SSA list: op i's {@code args} name earlier ops by index.
 * INPUT loads input {@code op.input()}, CONSTANT is {@code op.constant()} of the op's type, the other kinds apply
 * {@link ScalarSemantics} to their arguments. Every argument of an arithmetic op has the op's type (the IR is
 * explicitly typed: only CAST converts; comparisons yield BOOL; WHERE's first argument is BOOL).
 *
 * <p><b>Reductions.</b> A group with reductions ({@link #hasReduction()}) reduces every one of them along the same
 * axes, {@link #reducedAxes()}; the other axes are the "outer" index. Each op has a {@link Op#stage() stage}:
 * loads and constants stage 0; an element-wise op the highest stage at which all its arguments are available;
 * a reduction is accumulated in the loop of its argument's stage and its value is available, as one value per
 * outer index (broadcast along the reduced axes), from the next stage on. A generator runs, per outer index,
 * the loops 0 … {@link #stages()}−1 over the reduced axes; loop s evaluates {@link #loopBody(int)} (recomputing
 * earlier-stage element-wise values rather than storing them), accumulates the reductions of stage s, and stores
 * the element outputs of stage s; a reduction output is stored once its loop ends. Softmax along rows is three
 * loops: max, then sum of exp(x − max), then exp(x − max) / sum. Accumulation is in the op's type or wider
 * (the interpreter accumulates F32 sums in double); reductions are NaN-propagating for max and min.
 *
 * <p>An element-wise op whose value does not vary along the reduced axes (it reads only reductions, constants and
 * inputs broadcast along them: {@code var + eps} in a layer norm) may also be an output at the reduced shape; its
 * stores along the reduced axes repeat one value (a generator may store it once per outer index instead).
 *
 * <p>Without reductions there is one loop over the whole shape (stage 0); every op is in {@link #loopBody(int)}.
 */
public final class FusedGroup {
    /** One array the group reads: its type, its own (dense C-order) shape, and its strides over the group's shape. */
    public record Input(ScalarType type, Shape shape, long[] strides) {
        /** Checks and copies. */
        public Input {
            Arguments.requireNonNull(type, "type");
            Arguments.requireNonNull(shape, "shape");
            strides = strides.clone();
        }

        @Override
        public long[] strides() {
            return strides.clone();
        }

        /** Whether any axis is broadcast (a stride of 0 along an axis of extent &gt; 1). */
        public boolean isBroadcast(Shape over) {
            for (int a = 0; a < strides.length; a++) {
                if (strides[a] == 0 && over.dim(a) > 1) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Input i && type == i.type && shape.equals(i.shape) && Arrays.equals(strides, i.strides);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 * 31 + shape.hashCode() * 31 + Arrays.hashCode(strides);
        }

        @Override
        public String toString() {
            return type + shape.toString() + " strides " + Arrays.toString(strides);
        }
    }

    /**
     * One scalar operation. {@code input} is the input index of an INPUT (else −1), {@code constant} the value of
     * a CONSTANT (else 0), {@code stage} as described on {@link FusedGroup}.
     */
    public record Op(int index, OpKind kind, ScalarType type, int[] args, int input, double constant, int stage) {
        /** Checks and copies. */
        public Op {
            Arguments.requireNonNull(kind, "kind");
            Arguments.requireNonNull(type, "type");
            args = args.clone();
            if (args.length != kind.arity()) {
                throw new InvalidArgumentException("args", Arrays.toString(args), kind.arity() + " operands for " + kind);
            }
            if (kind == OpKind.MATMUL) {
                throw new InvalidArgumentException("kind", kind, "an element-wise or reduction kind (a matmul is a library call)");
            }
        }

        @Override
        public int[] args() {
            return args.clone();
        }

        /** Operand {@code i}'s op index. */
        public int arg(int i) {
            return args[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Op p && index == p.index && kind == p.kind && type == p.type
                    && Arrays.equals(args, p.args) && input == p.input
                    && Double.doubleToLongBits(constant) == Double.doubleToLongBits(p.constant) && stage == p.stage;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(args) * 31 + kind.hashCode() * 7 + index;
        }

        @Override
        public String toString() {
            String body = switch (kind) {
                case INPUT -> "in" + input;
                case CONSTANT -> Node.literalText(constant);
                default -> {
                    StringBuilder sb = new StringBuilder(kind.numpyName()).append('(');
                    for (int i = 0; i < args.length; i++) {
                        sb.append(i == 0 ? "" : ", ").append('v').append(args[i]);
                    }
                    yield sb.append(')').toString();
                }
            };
            return "v" + index + ":" + type + " = " + body + (stage > 0 ? " @stage" + stage : "");
        }
    }

    /**
     * One array the group writes: the op whose value is stored, its dense C-order shape (the group's shape, with
     * extent 1 on the reduced axes for a reduction's value) and its strides over the group's shape.
     */
    public record Output(int op, ScalarType type, Shape shape, long[] strides) {
        /** Checks and copies. */
        public Output {
            Arguments.requireNonNull(type, "type");
            Arguments.requireNonNull(shape, "shape");
            strides = strides.clone();
        }

        @Override
        public long[] strides() {
            return strides.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Output p && op == p.op && type == p.type && shape.equals(p.shape)
                    && Arrays.equals(strides, p.strides);
        }

        @Override
        public int hashCode() {
            return op * 31 + shape.hashCode();
        }

        @Override
        public String toString() {
            return "out v" + op + ":" + type + shape + " strides " + Arrays.toString(strides);
        }
    }

    private final Shape shape;
    private final int[] reducedAxes;
    private final List<Input> inputs;
    private final List<Op> ops;
    private final List<Output> outputs;
    private final int stages;
    private final String key;

    /**
     * A group; checked: ops topologically ordered and typed as described, every reduction along
     * {@code reducedAxes}, inputs broadcasting to {@code shape}, outputs of element ops at {@code shape} and of
     * reductions at {@code shape} reduced. Stages are recomputed from the ops (the given ones must agree).
     */
    public FusedGroup(Shape shape, int[] reducedAxes, List<Input> inputs, List<Op> ops, List<Output> outputs) {
        this.shape = Arguments.requireNonNull(shape, "shape");
        this.reducedAxes = Arguments.requireNonNull(reducedAxes, "reducedAxes").clone();
        this.inputs = List.copyOf(inputs);
        this.ops = List.copyOf(ops);
        this.outputs = List.copyOf(outputs);
        int maxStage = 0;
        Shape reduced = shape.reduced(this.reducedAxes);
        for (int i = 0; i < this.ops.size(); i++) {
            Op op = this.ops.get(i);
            if (op.index() != i) {
                throw new InvalidArgumentException("ops[" + i + "].index", op.index(), "its position " + i);
            }
            int stage = 0;
            for (int a : op.args) {
                if (a < 0 || a >= i) {
                    throw new InvalidArgumentException("ops[" + i + "].args", Arrays.toString(op.args),
                            "indices of earlier ops (topological order)");
                }
                Op arg = this.ops.get(a);
                stage = Math.max(stage, arg.stage() + (arg.kind().isReduction() ? 1 : 0));
            }
            if (op.stage() != stage) {
                throw new InvalidArgumentException("ops[" + i + "].stage", op.stage(), "stage " + stage + " (from its operands)");
            }
            checkTypes(i, op);
            if (op.kind() == OpKind.INPUT && (op.input() < 0 || op.input() >= this.inputs.size()
                    || this.inputs.get(op.input()).type() != op.type())) {
                throw new InvalidArgumentException("ops[" + i + "].input", op.input(), "an input index of type " + op.type());
            }
            maxStage = Math.max(maxStage, stage);
        }
        if (hasReduction() != (this.reducedAxes.length > 0)) {
            throw new InvalidArgumentException("reducedAxes", Arrays.toString(this.reducedAxes),
                    "axes exactly when the group has reductions");
        }
        for (Input in : this.inputs) {
            if (in.strides.length != shape.rank()) {
                throw new InvalidArgumentException("input strides", Arrays.toString(in.strides), "rank " + shape.rank());
            }
        }
        for (Output out : this.outputs) {
            Op op = this.ops.get(out.op());
            boolean fits = op.kind().isReduction() ? out.shape().equals(reduced)
                    : out.shape().equals(shape) || (this.reducedAxes.length > 0 && out.shape().equals(reduced));
            if (!fits || op.type() != out.type() || op.type() == ScalarType.BOOL
                    || !Arrays.equals(out.strides(), out.shape().stridesIn(shape))) {
                throw new InvalidArgumentException("output of v" + out.op(), out, (op.kind().isReduction() ? reduced : shape)
                        + " of type " + op.type() + " with its C-order strides");
            }
        }
        this.stages = maxStage + 1;
        this.key = computeKey();
    }

    private void checkTypes(int i, Op op) {
        ScalarType expect = switch (op.kind()) {
            case INPUT, CONSTANT, CAST -> null;
            case WHERE -> op.type();
            default -> op.kind().isComparison() ? null : op.type();
        };
        if (op.kind().isComparison()) {
            ScalarType t0 = ops.get(op.arg(0)).type();
            if (op.type() != ScalarType.BOOL || t0 == ScalarType.BOOL || ops.get(op.arg(1)).type() != t0) {
                throw new InvalidArgumentException("ops[" + i + "]", op, "a BOOL comparison of two values of one real type");
            }
            return;
        }
        if (op.kind() == OpKind.WHERE) {
            if (ops.get(op.arg(0)).type() != ScalarType.BOOL || ops.get(op.arg(1)).type() != expect
                    || ops.get(op.arg(2)).type() != expect) {
                throw new InvalidArgumentException("ops[" + i + "]", op, "where(BOOL, T, T) of type T");
            }
            return;
        }
        if (op.kind() == OpKind.CAST && ops.get(op.arg(0)).type() == ScalarType.BOOL) {
            throw new InvalidArgumentException("ops[" + i + "]", op, "a cast of a real value");
        }
        if (expect != null) {
            for (int a : op.args) {
                if (ops.get(a).type() != expect) {
                    throw new InvalidArgumentException("ops[" + i + "]", op, "operands of type " + expect);
                }
            }
        }
    }

    /** The iteration space. */
    public Shape shape() {
        return shape;
    }

    /** The axes every reduction of the group reduces (ascending), empty without reductions. */
    public int[] reducedAxes() {
        return reducedAxes.clone();
    }

    /** Whether any op is a reduction. */
    public boolean hasReduction() {
        for (Op op : ops) {
            if (op.kind().isReduction()) {
                return true;
            }
        }
        return false;
    }

    /** The arrays read, in argument order. */
    public List<Input> inputs() {
        return inputs;
    }

    /** The scalar ops, topologically ordered. */
    public List<Op> ops() {
        return ops;
    }

    /** The arrays written, in argument order. */
    public List<Output> outputs() {
        return outputs;
    }

    /** The number of loops per outer index (1 without reductions; softmax 3). */
    public int stages() {
        return stages;
    }

    /**
     * The ops loop {@code stage} evaluates per element, in order: every non-reduction op of stage ≤ {@code stage}
     * needed by a reduction accumulated in this loop or by an element output stored in it. Reductions of earlier
     * stages appear as arguments only (their values are already known per outer index); reductions accumulated
     * in this loop are included, last among their dependencies.
     */
    public List<Op> loopBody(int stage) {
        if (stage < 0 || stage >= stages) {
            throw new InvalidArgumentException("stage", stage, "a stage in [0, " + stages + ")");
        }
        BitSet need = new BitSet();
        for (Op op : ops) {
            if (op.kind().isReduction() && op.stage() == stage) {
                need.set(op.index());
            }
        }
        for (Output out : outputs) {
            Op op = ops.get(out.op());
            if (!op.kind().isReduction() && op.stage() == stage) {
                need.set(op.index());
            }
        }
        for (int i = ops.size() - 1; i >= 0; i--) {
            if (need.get(i)) {
                for (int a : ops.get(i).args) {
                    Op arg = ops.get(a);
                    if (!(arg.kind().isReduction() && arg.stage() < stage)) {
                        need.set(a);
                    }
                }
            }
        }
        List<Op> body = new ArrayList<>();
        for (int i = need.nextSetBit(0); i >= 0; i = need.nextSetBit(i + 1)) {
            body.add(ops.get(i));
        }
        return body;
    }

    /**
     * The outputs of loop {@code stage}: element outputs are stored per element inside it, reduction outputs once
     * per outer index when it ends.
     */
    public List<Output> outputsAt(int stage) {
        List<Output> at = new ArrayList<>();
        for (Output out : outputs) {
            if (ops.get(out.op()).stage() == stage) {
                at.add(out);
            }
        }
        return at;
    }

    /**
     * A canonical text of everything that determines the generated code (shape, axes, inputs' types, shapes and
     * strides, ops, outputs): equal keys mean the same kernel; generators cache by it.
     */
    public String key() {
        return key;
    }

    private String computeKey() {
        StringBuilder sb = new StringBuilder("shape").append(shape).append(" reduce").append(Arrays.toString(reducedAxes));
        for (Input in : inputs) {
            sb.append("|in ").append(in);
        }
        for (Op op : ops) {
            sb.append("|").append(op);
        }
        for (Output out : outputs) {
            sb.append("|").append(out);
        }
        return sb.toString();
    }

    /** The group as readable lines: inputs, ops and outputs. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("group over ").append(shape);
        if (reducedAxes.length > 0) {
            sb.append(" reducing axes ").append(Arrays.toString(reducedAxes)).append(" in ").append(stages).append(" loops");
        }
        sb.append('\n');
        for (int i = 0; i < inputs.size(); i++) {
            sb.append("  in").append(i).append(": ").append(inputs.get(i)).append('\n');
        }
        for (Op op : ops) {
            sb.append("  ").append(op).append('\n');
        }
        for (Output out : outputs) {
            sb.append("  ").append(out).append('\n');
        }
        return sb.toString();
    }
}
