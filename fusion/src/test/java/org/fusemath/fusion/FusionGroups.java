package org.fusemath.fusion;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/** The groups the generator tests compile: each kind of loop nest and every op kind at least once. */
public final class FusionGroups {
    private FusionGroups() {
    }

    /** max(a*x + b, 0) * y - c, two dense inputs. */
    public static FusedGroup chain(ScalarType t, long... dims) {
        GroupBuilder g = new GroupBuilder(Shape.of(dims));
        int x = g.input(t, Shape.of(dims));
        int y = g.input(t, Shape.of(dims));
        int r = g.op(OpKind.MAX, g.op(OpKind.ADD, g.op(OpKind.MUL, g.constant(1.5, t), x), g.constant(-0.25, t)), g.constant(0, t));
        g.output(g.op(OpKind.SUB, g.op(OpKind.MUL, r, y), g.constant(0.75, t)));
        return g.build();
    }

    /** Every unary and binary kind, casts, where, a row bias and a scalar input. */
    public static FusedGroup everyKind(long m, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(ScalarType.F32, Shape.of(m, n));
        int bias = g.input(ScalarType.F32, Shape.of(n));
        int s = g.input(ScalarType.F64, Shape.of());
        int v = g.op(OpKind.ADD, x, bias);
        int acc = v;
        for (OpKind k : new OpKind[] {OpKind.NEG, OpKind.ABS, OpKind.SQRT, OpKind.RSQRT, OpKind.EXP, OpKind.LOG, OpKind.TANH,
            OpKind.SIGMOID, OpKind.RELU, OpKind.GELU_ERF, OpKind.GELU_TANH, OpKind.SQUARE}) {
            acc = g.op(OpKind.ADD, acc, g.op(k, v));
        }
        for (OpKind k : new OpKind[] {OpKind.SUB, OpKind.MUL, OpKind.DIV, OpKind.POW, OpKind.MIN, OpKind.MAX}) {
            acc = g.op(OpKind.ADD, acc, g.op(k, v, x));
        }
        int d = g.op(OpKind.MUL, g.cast(acc, ScalarType.F64), s);
        int cond = g.op(OpKind.LT, x, bias);
        for (OpKind k : new OpKind[] {OpKind.LE, OpKind.GT, OpKind.GE, OpKind.EQ, OpKind.NE}) {
            g.op(k, x, bias);
        }
        g.output(g.op(OpKind.WHERE, g.op(OpKind.GT, x, bias), d, g.op(OpKind.NEG, d)));
        g.output(g.op(OpKind.WHERE, cond, acc, x));
        return g.build();
    }

    /** softmax along rows: three stages. */
    public static FusedGroup softmax(ScalarType t, long m, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(t, Shape.of(m, n));
        int mx = g.reduce(OpKind.REDUCE_MAX, x, 1);
        int e = g.op(OpKind.EXP, g.op(OpKind.SUB, x, mx));
        g.output(g.op(OpKind.DIV, e, g.reduce(OpKind.REDUCE_SUM, e, 1)));
        return g.build();
    }

    /** (x - mean) / sqrt(var + eps) along rows, with the row sums written as a second output. */
    public static FusedGroup layerNorm(ScalarType t, long m, long n) {
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(t, Shape.of(m, n));
        int sum = g.reduce(OpKind.REDUCE_SUM, x, 1);
        int mean = g.op(OpKind.DIV, sum, g.constant(n, t));
        int dev = g.op(OpKind.SUB, x, mean);
        int var = g.op(OpKind.DIV, g.reduce(OpKind.REDUCE_SUM, g.op(OpKind.SQUARE, dev), 1), g.constant(n, t));
        g.output(g.op(OpKind.MUL, dev, g.op(OpKind.RSQRT, g.op(OpKind.ADD, var, g.constant(1e-5, t)))));
        g.output(sum);
        return g.build();
    }

    /**
     * softmax along {@code axes} of {@code dims} with max(x) + 1 as a second output at the reduced shape (three stages;
     * axes scattered among kept ones, or a trailing block with axis 0 kept).
     */
    public static FusedGroup softmaxOver(ScalarType t, long[] dims, int... axes) {
        Shape s = Shape.of(dims);
        GroupBuilder g = new GroupBuilder(s);
        int x = g.input(t, s);
        int mx = g.reduce(OpKind.REDUCE_MAX, x, axes);
        int e = g.op(OpKind.EXP, g.op(OpKind.SUB, x, mx));
        g.output(g.op(OpKind.DIV, e, g.reduce(OpKind.REDUCE_SUM, e, axes)));
        g.output(g.op(OpKind.ADD, mx, g.constant(1, t)), true);
        return g.build();
    }

    /** Named groups for the compile tests; {@code big}'s grid-stride indices pass 2^31. */
    public static Map<String, FusedGroup> all() {
        Map<String, FusedGroup> m = new LinkedHashMap<>();
        m.put("chain f32", chain(ScalarType.F32, 1000, 1000));
        m.put("chain f64", chain(ScalarType.F64, 4097));
        m.put("every kind", everyKind(33, 65));
        m.put("softmax f32", softmax(ScalarType.F32, 64, 1000));
        m.put("layer norm f64", layerNorm(ScalarType.F64, 7, 300));
        m.put("softmax axes (0, 2) f32", softmaxOver(ScalarType.F32, new long[] {6, 5, 300}, 0, 2));
        m.put("softmax axes (1, 2) f64", softmaxOver(ScalarType.F64, new long[] {4, 30, 50}, 1, 2));
        m.put("chain f32 big", chain(ScalarType.F32, 2_000_000_000L));
        return m;
    }
}
