package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.junit.jupiter.api.Test;

/** The interpreter against loops written out as NumPy defines each operation. */
class InterpreterTest {
    @Test
    void broadcastingRowsColumnsWhereAndPromotion() {
        int m = 3, n = 4;
        double[] x = Data.doubles(m * n, 1);
        float[] row = Data.floats(n, 2);
        double[] col = Data.doubles(m, 3);
        Expr ex = Expr.input("x", x, m, n);
        Expr er = Expr.input("r", row);
        Expr ec = Expr.input("c", col, m, 1);
        Expr y = Expr.where(ex.gt(er), ex.sub(ec), er.mul(2).add(ec));
        HostTensor got = Interpreter.evaluate(y).get(0);
        assertEquals(DType.F64, got.dtype());
        assertArrayEquals(new long[] {m, n}, got.shape());
        double[] g = (double[]) got.array();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double xv = x[i * n + j];
                double rv = row[j];
                double want = xv > rv ? xv - col[i] : (double) (row[j] * 2f) + col[i];
                assertEquals(want, g[i * n + j], 0.0);
            }
        }
    }

    @Test
    void reductionsAlongEachAxisAndAllKeepDims() {
        int m = 3, n = 5;
        double[] x = Data.doubles(m * n, 4);
        Expr e = Expr.input("x", x, m, n);
        HostTensor s0 = Interpreter.evaluate(e.sum(0)).get(0);
        HostTensor mx1 = Interpreter.evaluate(e.max(1)).get(0);
        HostTensor mnAll = Interpreter.evaluate(e.min()).get(0);
        HostTensor mean1 = Interpreter.evaluate(e.mean(-1)).get(0);
        assertArrayEquals(new long[] {1, n}, s0.shape());
        assertArrayEquals(new long[] {m, 1}, mx1.shape());
        assertArrayEquals(new long[] {1, 1}, mnAll.shape());
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += x[i * n + j];
                min = Math.min(min, x[i * n + j]);
            }
            assertEquals(s, ((double[]) s0.array())[j], 0.0);
        }
        assertEquals(min, ((double[]) mnAll.array())[0], 0.0);
        for (int i = 0; i < m; i++) {
            double mx = Double.NEGATIVE_INFINITY;
            double s = 0;
            for (int j = 0; j < n; j++) {
                mx = Math.max(mx, x[i * n + j]);
                s += x[i * n + j];
            }
            assertEquals(mx, ((double[]) mx1.array())[i], 0.0);
            assertEquals(s / n, ((double[]) mean1.array())[i], 0.0);
        }
    }

    @Test
    void matmulWithTransposesBatchesAndStoredLayouts() {
        int b = 2, m = 3, k = 4, n = 2;
        double[] a = Data.doubles(b * k * m, 5);       // b × (k×m), used transposed
        double[] w = Data.doubles(k * n, 6);           // one k×n matrix broadcast over the batch
        Expr y = Expr.input("A", a, b, k, m).matmul(Expr.input("W", w, k, n), true, false);
        HostTensor got = Interpreter.evaluate(y).get(0);
        assertArrayEquals(new long[] {b, m, n}, got.shape());
        double[] g = (double[]) got.array();
        for (int p = 0; p < b; p++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s += a[p * k * m + q * m + i] * w[q * n + j];
                    }
                    assertEquals(s, g[p * m * n + i * n + j], 0.0);
                }
            }
        }
        // the planned library call on the same problem, and on a column-major stored operand
        try (FusionPlan plan = Fusion.plan(y)) {
            double[] lib = (double[]) plan.execute().array();
            for (int i = 0; i < g.length; i++) {
                assertEquals(g[i], lib[i], 1e-14 * k);
            }
        }
        double[] colMajor = new double[m * k];
        double[] rowMajor = Data.doubles(m * k, 7);
        for (int i = 0; i < m; i++) {
            for (int q = 0; q < k; q++) {
                colMajor[q * m + i] = rowMajor[i * k + q];
            }
        }
        HostMatrix cm = HostMatrix.of(DType.F64, colMajor, MatrixShape.dense(m, k, Layout.COLUMN_MAJOR));
        Expr z = Expr.input("C", cm).matmul(Expr.input("W", w, k, n)).exp();
        Expr zr = Expr.input("R", rowMajor, m, k).matmul(Expr.input("W", w, k, n)).exp();
        double[] viaPlan = (double[]) Fusion.evaluate(z).get(0).array();
        double[] ref = (double[]) Interpreter.evaluate(zr).get(0).array();
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], viaPlan[i], 1e-13 * Math.abs(ref[i]));
        }
    }

    @Test
    void float32ResultsAreRoundedAfterEveryOperation() {
        float[] x = {1e8f, 3f, -7.25f};
        Expr e = Expr.input("x", x);
        float[] got = (float[]) Interpreter.evaluate(e.add(1).sub(e)).get(0).array();
        for (int i = 0; i < x.length; i++) {
            assertEquals((x[i] + 1f) - x[i], got[i], 0.0f);
        }
        float[] gelu = (float[]) Interpreter.evaluate(e.gelu()).get(0).array();
        assertEquals(1e8f, gelu[0], 0.0f);
        assertEquals((float) (0.5 * 3 * (1 + 0.9973002039367398)), gelu[1], Math.ulp(3f));
    }
}
