package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.junit.jupiter.api.Test;

/**
 * The panel hook runs once per host GEMM panel, in row order, after the panel's epilogue and before the next
 * panel is computed: when it runs, its rows hold the final values (bit-equal to a run without a hook) and the
 * rows below are still untouched.
 */
class PanelHookTest {
    private static final double UNTOUCHED = -12345.5;

    @Test
    void hookSeesEachFinishedPanelBeforeTheNext() {
        for (Epilogue e : new Epilogue[] {Epilogue.DEFAULT, Epilogue.RELU_BIAS, Epilogue.GELU}) {
            for (int panelRows : new int[] {1, 3, 10, 0}) {
                for (MatmulOptions.HostKernel kernel : new MatmulOptions.HostKernel[] {MatmulOptions.HostKernel.JAVA,
                        MatmulOptions.HostKernel.NATIVE}) {
                    check(e, panelRows, kernel, 10, 7, 5);
                }
            }
        }
    }

    private static void check(Epilogue e, int panelRows, MatmulOptions.HostKernel kernel, int m, int n, int k) {
        SplittableRandom r = new SplittableRandom(m * 31L + panelRows);
        HostMatrix a = Ref.random(DType.F64, MatrixShape.rowMajor(m, k), r.nextLong());
        HostMatrix b = Ref.random(DType.F64, MatrixShape.rowMajor(k, n), r.nextLong());
        HostMatrix bias = Ref.random(DType.F64, MatrixShape.rowMajor(1, n), r.nextLong());
        double[] expected = run(e, panelRows, kernel, a, b, bias, null);
        List<int[]> calls = new ArrayList<>();
        double[][] c = new double[1][];
        double[] got = run(e, panelRows, kernel, a, b, bias, (entry, first, rows) -> {
            assertEquals(0, entry);
            calls.add(new int[] {first, rows});
            for (int i = 0; i < m; i++) {
                double[] row = Arrays.copyOfRange(c[0], i * n, i * n + n);
                if (i < first + rows) {
                    assertArrayEquals(Arrays.copyOfRange(expected, i * n, i * n + n), row, 0, "row " + i + " final");
                } else {
                    for (double v : row) {
                        assertEquals(UNTOUCHED, v, 0, "row " + i + " not yet computed when rows " + first + ".." + (first + rows) + " are handed over");
                    }
                }
            }
        }, c);
        assertArrayEquals(expected, got, 0);
        int next = 0;
        for (int[] call : calls) {
            assertEquals(next, call[0], e + " panels " + panelRows + ": panels in row order");
            assertTrue(call[1] > 0);
            next += call[1];
        }
        assertEquals(m, next, "the panels cover every row once");
        int expectPanels = panelRows == 0 ? 1 : (m + panelRows - 1) / panelRows;
        assertEquals(expectPanels, calls.size());
    }

    private static double[] run(Epilogue e, int panelRows, MatmulOptions.HostKernel kernel, HostMatrix a, HostMatrix b,
            HostMatrix bias, PanelHook hook, double[]... cOut) {
        int m = (int) a.shape().rows();
        int n = (int) b.shape().cols();
        double[] c = new double[m * n];
        Arrays.fill(c, UNTOUCHED);
        if (cOut.length > 0) {
            cOut[0] = c;
        }
        MatmulOperands ops = MatmulOperands.of(a, b, HostMatrix.of(DType.F64, c, MatrixShape.rowMajor(m, n)));
        if (e.takesBias()) {
            ops = ops.withBias(bias);
        }
        if (hook != null) {
            ops = ops.withPanelHook(hook);
        }
        MatmulSpec spec = ops.specBuilder().epilogue(e)
                .options(MatmulOptions.defaults().withHostKernel(kernel).withHostPanelRows(panelRows)).build();
        try (Matmul mm = new Matmul(spec, ops)) {
            mm.plan().execute();
        }
        return c;
    }
}
