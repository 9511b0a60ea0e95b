package org.fusemath.fusion.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class GroupInterpreterTest {
    private static float[] randomFloats(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (r.nextGaussian() * 3);
        }
        return x;
    }

    @Test
    void softmaxAlongRowsIsThreeLoopsAndMatchesARowLoop() {
        int m = 5;
        int n = 7;
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(ScalarType.F64, Shape.of(m, n));
        int mx = g.reduce(OpKind.REDUCE_MAX, x, 1);
        int e = g.op(OpKind.EXP, g.op(OpKind.SUB, x, mx));
        int s = g.reduce(OpKind.REDUCE_SUM, e, 1);
        g.output(g.op(OpKind.DIV, e, s));
        g.output(s);
        FusedGroup group = g.build();
        assertEquals(3, group.stages());
        assertEquals(List.of(0, 1), group.loopBody(0).stream().map(FusedGroup.Op::index).toList());
        assertEquals(List.of(0, 2, 3, 4), group.loopBody(1).stream().map(FusedGroup.Op::index).toList());

        double[] in = new double[m * n];
        Random r = new Random(3);
        for (int i = 0; i < in.length; i++) {
            in[i] = r.nextGaussian() * 10;
        }
        double[] out = new double[m * n];
        double[] sums = new double[m];
        new GroupInterpreter(group).run(new Object[] {in}, new Object[] {out, sums});
        for (int i = 0; i < m; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                max = Math.max(max, in[i * n + j]);
            }
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += Math.exp(in[i * n + j] - max);
            }
            assertEquals(sum, sums[i], 0.0);
            for (int j = 0; j < n; j++) {
                assertEquals(Math.exp(in[i * n + j] - max) / sum, out[i * n + j], 0.0);
            }
        }
    }

    @Test
    void broadcastRowAndColumnVectorsAndFloatRoundingPerOp() {
        int m = 4;
        int n = 6;
        GroupBuilder g = new GroupBuilder(Shape.of(m, n));
        int x = g.input(ScalarType.F32, Shape.of(m, n));
        int row = g.input(ScalarType.F32, Shape.of(n));
        int col = g.input(ScalarType.F32, Shape.of(m, 1));
        int y = g.op(OpKind.MUL, g.op(OpKind.ADD, x, row), col);
        g.output(g.op(OpKind.WHERE, g.op(OpKind.GT, y, g.constant(0, ScalarType.F32)), y,
                g.op(OpKind.NEG, y)));
        FusedGroup group = g.build();
        assertArrayEquals(new long[] {0, 1}, group.inputs().get(1).strides());
        assertArrayEquals(new long[] {1, 0}, group.inputs().get(2).strides());
        float[] xs = randomFloats(m * n, 1);
        float[] rs = randomFloats(n, 2);
        float[] cs = randomFloats(m, 3);
        float[] out = new float[m * n];
        new GroupInterpreter(group).run(new Object[] {xs, rs, cs}, new Object[] {out});
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float v = (xs[i * n + j] + rs[j]) * cs[i];
                assertEquals(Math.abs(v), out[i * n + j], 0.0f);
            }
        }
    }

    @Test
    void panelsOfRowsCoverTheSameResultAsOneRun() {
        GroupBuilder g = new GroupBuilder(Shape.of(6, 3));
        int x = g.input(ScalarType.F64, Shape.of(6, 3));
        g.output(g.op(OpKind.SUB, x, g.reduce(OpKind.REDUCE_MAX, x, 1)));
        GroupInterpreter k = new GroupInterpreter(g.build());
        double[] in = new double[18];
        for (int i = 0; i < 18; i++) {
            in[i] = (i * 7) % 11;
        }
        double[] whole = new double[18];
        double[] panels = new double[18];
        k.run(new Object[] {in}, new Object[] {whole});
        k.run(new Object[] {in}, new Object[] {panels}, 0, 4);
        k.run(new Object[] {in}, new Object[] {panels}, 4, 6);
        assertArrayEquals(whole, panels);
    }

    @Test
    void groupsAreCheckedWhenBuilt() {
        GroupBuilder g = new GroupBuilder(Shape.of(2, 3));
        int x = g.input(ScalarType.F32, Shape.of(2, 3));
        g.reduce(OpKind.REDUCE_SUM, x, 1);
        assertThrows(InvalidArgumentException.class, () -> g.reduce(OpKind.REDUCE_SUM, x, 0));
        int y = g.input(ScalarType.F64, Shape.of(3));
        assertThrows(InvalidArgumentException.class, () -> {
            g.op(OpKind.ADD, x, y);
            g.build();
        });
        assertThrows(InvalidArgumentException.class, () -> new GroupBuilder(Shape.of(2, 3)).input(ScalarType.F32, Shape.of(4)));
    }

    @Test
    void allAxesReductionAndNaNPropagation() {
        GroupBuilder g = new GroupBuilder(Shape.of(3, 2));
        int x = g.input(ScalarType.F64, Shape.of(3, 2));
        g.output(g.reduce(OpKind.REDUCE_MAX, x, 0, 1));
        FusedGroup group = g.build();
        double[] out = new double[1];
        new GroupInterpreter(group).run(new Object[] {new double[] {1, 5, 2, Double.NaN, 3, 4}}, new Object[] {out});
        assertEquals(Double.NaN, out[0]);
        new GroupInterpreter(group).run(new Object[] {new double[] {1, 5, 2, -1, 3, 4}}, new Object[] {out});
        assertEquals(5.0, out[0]);
    }
}
