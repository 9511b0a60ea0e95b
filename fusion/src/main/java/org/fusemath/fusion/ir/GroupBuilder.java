package org.fusemath.fusion.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * Assembles a {@link FusedGroup} op by op, working out types' consistency, stages and strides: what the planner
 * lowers a fusible region with, and a convenient way to write a group by hand in a generator's tests. Not
 * thread-safe; one builder per group.
 *
 * <pre>{@code
 * GroupBuilder g = new GroupBuilder(Shape.of(m, n));            // softmax along rows
 * int x = g.input(ScalarType.F32, Shape.of(m, n));
 * int mx = g.reduce(OpKind.REDUCE_MAX, x, 1);
 * int e = g.op(OpKind.EXP, g.op(OpKind.SUB, x, mx));
 * g.output(g.op(OpKind.DIV, e, g.reduce(OpKind.REDUCE_SUM, e, 1)));
 * FusedGroup group = g.build();
 * }</pre>
 */
public final class GroupBuilder {
    private final Shape shape;
    private final List<FusedGroup.Input> inputs = new ArrayList<>();
    private final List<FusedGroup.Op> ops = new ArrayList<>();
    private final List<FusedGroup.Output> outputs = new ArrayList<>();
    private int[] reducedAxes = new int[0];

    /** A builder of a group iterating over {@code shape}. */
    public GroupBuilder(Shape shape) {
        this.shape = Arguments.requireNonNull(shape, "shape");
    }

    /** The iteration space. */
    public Shape shape() {
        return shape;
    }

    /** Adds an input array of {@code type} and {@code arrayShape} (broadcast to the group's shape); returns the op loading it. */
    public int input(ScalarType type, Shape arrayShape) {
        inputs.add(new FusedGroup.Input(type, arrayShape, arrayShape.stridesIn(shape)));
        return add(OpKind.INPUT, type, new int[0], inputs.size() - 1, 0);
    }

    /** Adds a constant of {@code type} (rounded to it); returns its op. */
    public int constant(double value, ScalarType type) {
        return add(OpKind.CONSTANT, type, new int[0], -1, ScalarSemantics.round(type, value));
    }

    /** Adds an element-wise op whose type follows its operands (BOOL for comparisons; WHERE: its branches). */
    public int op(OpKind kind, int... args) {
        Arguments.requireNonNull(kind, "kind");
        if (kind == OpKind.CAST || kind.isReduction() || kind.arity() == 0 || kind == OpKind.MATMUL) {
            throw new InvalidArgumentException("kind", kind, "an element-wise kind (use cast, reduce, input, constant)");
        }
        ScalarType type = kind.isComparison() ? ScalarType.BOOL
                : type(args[kind == OpKind.WHERE ? 1 : 0]);
        return add(kind, type, args, -1, 0);
    }

    /** Adds a conversion of {@code arg} to {@code type}. */
    public int cast(int arg, ScalarType type) {
        return add(OpKind.CAST, type, new int[] {arg}, -1, 0);
    }

    /** Adds a reduction of {@code arg} along {@code axes} (ascending; every reduction of a group the same axes). */
    public int reduce(OpKind kind, int arg, int... axes) {
        int[] sorted = axes.clone();
        Arrays.sort(sorted);
        if (reducedAxes.length == 0) {
            reducedAxes = sorted;
        } else if (!Arrays.equals(reducedAxes, sorted)) {
            throw new InvalidArgumentException("axes", Arrays.toString(axes),
                    "the group's reduced axes " + Arrays.toString(reducedAxes) + " (one set per group)");
        }
        return add(kind, type(arg), new int[] {arg}, -1, 0);
    }

    /** Stores op {@code op}'s value as the next output (a reduction's at the reduced shape); returns its index. */
    public int output(int op) {
        return output(op, ops.get(op).kind().isReduction());
    }

    /**
     * Stores op {@code op}'s value as the next output, at the reduced shape when {@code reducedShape} (a reduction,
     * or an op whose value does not vary along the reduced axes); returns its index.
     */
    public int output(int op, boolean reducedShape) {
        FusedGroup.Op o = ops.get(op);
        Shape s = reducedShape ? shape.reduced(reducedAxes) : shape;
        outputs.add(new FusedGroup.Output(op, o.type(), s, s.stridesIn(shape)));
        return outputs.size() - 1;
    }

    /** The type of op {@code op}. */
    public ScalarType type(int op) {
        if (op < 0 || op >= ops.size()) {
            throw new InvalidArgumentException("op", op, "an op index in [0, " + ops.size() + ")");
        }
        return ops.get(op).type();
    }

    /** The checked group. */
    public FusedGroup build() {
        return new FusedGroup(shape, reducedAxes, inputs, ops, outputs);
    }

    private int add(OpKind kind, ScalarType type, int[] args, int input, double constant) {
        int stage = 0;
        for (int a : args) {
            FusedGroup.Op arg = ops.get(Arguments.requireNonNegative("arg", a) < ops.size() ? a : fail(a));
            stage = Math.max(stage, arg.stage() + (arg.kind().isReduction() ? 1 : 0));
        }
        ops.add(new FusedGroup.Op(ops.size(), kind, type, args, input, constant, stage));
        return ops.size() - 1;
    }

    private int fail(int a) {
        throw new InvalidArgumentException("arg", a, "an op index in [0, " + ops.size() + ")");
    }
}
