package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Execution;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;
import org.fusemath.fusion.spi.HostKernel;

/**
 * One library matmul with the epilogue {@link MatmulFusion} found: a blas {@link Matmul}, made and planned on
 * the plan's first execution and given new operands ({@code resetOperands}) on the next ones. On the host, the
 * element-wise group that finishes C (when the planner found one) runs as the matmul's {@link
 * org.fusemath.blas.PanelHook}: over each panel of C's rows right after the panel's GEMM and epilogue, in place.
 */
final class MatmulStep implements Step {
    final MatmulFusion f;
    final int aSlot;
    final int bSlot;
    final int cSlot;
    final int biasSlot;
    final int resultSlot;
    final int auxSlot;
    private final boolean onDevice;
    /** The element-wise group finishing C in place per GEMM panel, or null. */
    private final KernelStep panel;

    MatmulStep(MatmulFusion f, int aSlot, int bSlot, int cSlot, int biasSlot, int resultSlot, int auxSlot,
               boolean onDevice, KernelStep panel) {
        this.f = f;
        this.aSlot = aSlot;
        this.bSlot = bSlot;
        this.cSlot = cSlot;
        this.biasSlot = biasSlot;
        this.resultSlot = resultSlot;
        this.auxSlot = auxSlot;
        this.onDevice = onDevice;
        this.panel = panel;
    }

    @Override
    public void run(PlanState state, int index) {
        Node a = f.matmul.arg(0);
        Node b = f.matmul.arg(1);
        HostMatrix ma = matrix(state, aSlot, a.type(), a.shape());
        HostMatrix mb = matrix(state, bSlot, b.type(), b.shape());
        Object resultArray = state.values[resultSlot];
        Shape rs = f.result.shape();
        if (f.c != null) {
            Object cValues = state.values[cSlot];
            System.arraycopy(cValues, 0, resultArray, 0, (int) rs.size());
        }
        HostMatrix mc = OperandArrays.matrixOf(resultArray, f.result.type(), rs);
        MatmulOperands ops = MatmulOperands.of(ma, mb, mc);
        if (f.bias != null) {
            Object bias = state.values[biasSlot];
            if (f.biasScale != 1) {
                bias = scaled(bias, f.biasScale);
            }
            long n = rs.dim(1);
            ops = ops.withBias(HostMatrix.of(f.result.type().dtype(), bias, MatrixShape.rowMajor(1, n)));
        }
        if (f.aux != null) {
            ops = ops.withAux(OperandArrays.matrixOf(state.values[auxSlot], f.aux.type(), f.aux.shape()));
        }
        if (panel != null) {
            Object[] in = panel.inputs(state);
            Object[] out = panel.outputs(state);
            HostKernel k = panel.kernel;
            ops = ops.withPanelHook((entry, first, rows) -> k.run(in, out, first, first + rows));
        }
        Matmul m = (Matmul) state.perStep[index];
        if (m == null) {
            MatmulOptions options = MatmulOptions.defaults();
            if (panel != null) {
                options = options.withHostPanelRows(panelRows());
            }
            MatmulSpec spec = ops.specBuilder()
                    .opA(f.matmul.transA() ? Op.TRANSPOSE : Op.NONE)
                    .opB(f.matmul.transB() ? Op.TRANSPOSE : Op.NONE)
                    .alpha(f.alpha).beta(f.beta).epilogue(f.epilogue()).options(options).build();
            m = new Matmul(spec, ops, state.context).plan();
            state.perStep[index] = m;
        } else {
            m.resetOperands(ops);
        }
        m.execute();
    }

    /**
     * Rows per GEMM panel when a group finishes C ({@code rowBytes} per row of C, {@code k} the inner dimension,
     * {@code m} the rows of C): panels of {@link #PANEL_BYTES} of C, so that the group reads each panel back from the
     * last-level cache, but at least {@link #MIN_PANEL_ROWS} rows; and all {@code m} rows (one GEMM call, the group
     * after it) when such a panel has fewer than {@link #PANEL_ROWS_PER_K}·k rows, since every panel's gemm re-packs
     * B (k·n values) while a panel in cache saves at most one pass over its rows·n values.
     */
    static int panelRows(long rowBytes, long k, long m) {
        long rows = Math.max(MIN_PANEL_ROWS, PANEL_BYTES / Math.max(1, rowBytes));
        if (rows < PANEL_ROWS_PER_K * k) {
            rows = m;
        }
        return (int) Math.max(1, Math.min(Math.min(rows, m), Integer.MAX_VALUE));
    }

    /** Half the 32 MiB last-level cache of the machines measured. */
    static final long PANEL_BYTES = 16L << 20;
    /** Fewest rows per panel: below this the re-packing of B for every panel costs more than the cache saves. */
    static final int MIN_PANEL_ROWS = 256;
    /**
     * Fewest rows per panel for each row of B (each unit of k): measured at m = n = k = 2048 F64 on one thread, one
     * re-packing of B cost about 4% of the GEMM (two 1024-row panels against one call: 490 against 468 ms CPU time),
     * about 5 ns per value of B, while a whole pass of the group over C from memory cost about 1.8 ns per value of C
     * (7.4 ms): a split pays only when a panel has several times k rows.
     */
    static final long PANEL_ROWS_PER_K = 4;

    /** {@code bias} times {@code s}, in a new array (s is a power of two: exact). */
    static Object scaled(Object bias, double s) {
        if (bias instanceof float[] fb) {
            float[] out = new float[fb.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (fb[i] * s);
            }
            return out;
        }
        double[] db = (double[]) bias;
        double[] out = new double[db.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = db[i] * s;
        }
        return out;
    }

    /** Rows per GEMM panel of this launch's result (see {@link #panelRows(long, long, long)}). */
    private int panelRows() {
        Shape rs = f.result.shape();
        Node a = f.matmul.arg(0);
        long k = f.matmul.transA() ? a.shape().dim(0) : a.shape().dim(1);
        return panelRows(rs.dim(1) * f.result.type().bytes(), k, rs.dim(0));
    }

    /** The operand in slot {@code slot} as a matrix: a bound HostMatrix as it is, else its dense array. */
    private static HostMatrix matrix(PlanState state, int slot, ScalarType type, Shape shape) {
        if (slot < state.operands.length && state.operands[slot] instanceof HostMatrix hm) {
            return hm;
        }
        return OperandArrays.matrixOf(state.values[slot], type, shape);
    }

    @Override
    public Explanation.Launch describe() {
        Node a = f.matmul.arg(0);
        Node b = f.matmul.arg(1);
        long read = bytes(a) + bytes(b) + (f.c != null ? bytes(f.c) : 0) + (f.bias != null ? bytes(f.bias) : 0);
        long written = bytes(f.result) + (f.aux != null ? bytes(f.aux) : 0);
        List<String> nodes = new ArrayList<>();
        for (Node n : f.covered) {
            nodes.add(n.describe());
        }
        if (panel != null) {
            for (Node n : panel.inputNodes) {
                if (n != f.result && n != a && n != b && n != f.c && n != f.bias) {
                    read += bytes(n);
                }
            }
            for (Node n : panel.covered) {
                nodes.add(n.describe());
            }
        }
        String executor = (onDevice ? "cuBLASLt " : "OpenBLAS ") + f.epilogue() + (f.alpha != 1 ? " alpha=" + f.alpha : "")
                + (f.beta != 0 ? " beta=" + f.beta : "");
        StringBuilder detail = new StringBuilder("op(A) " + (f.matmul.transA() ? "T " : "N ") + a.shape()
                + ", op(B) " + (f.matmul.transB() ? "T " : "N ") + b.shape() + " -> " + f.result.shape() + " " + f.result.type());
        if (f.c != null) {
            detail.append("\nC = ").append(f.c.describe());
        }
        if (f.bias != null) {
            detail.append("\nbias = ").append(f.bias.describe()).append(f.biasScale != 1 ? " scaled by " + f.biasScale : "");
        }
        if (f.aux != null) {
            detail.append("\naux (pre-activation, also stored) = ").append(f.aux.describe());
        }
        if (panel != null) {
            int rows = panelRows();
            long m = f.result.shape().dim(0);
            long rowBytes = f.result.shape().dim(1) * f.result.type().bytes();
            String panels;
            if (rows < m) {
                panels = (m + rows - 1) / rows + " panels of " + rows + " rows, about " + (PANEL_BYTES >> 20)
                        + " MiB each, finished while in cache";
            } else if (m * rowBytes <= PANEL_BYTES) {
                panels = "one panel of all " + m + " rows, " + m * rowBytes + " B";
            } else {
                panels = "one panel of all " + m + " rows, one GEMM call: a split would re-pack B for each panel, "
                        + "costing more than a panel in cache saves";
            }
            detail.append("\nthen per GEMM panel of C (").append(panels)
                    .append("), in place, by ").append(panel.executor).append(":\n").append(panel.describe().detail());
        }
        return new Explanation.Launch(Explanation.LaunchKind.LIBRARY_MATMUL, executor, nodes, read, written,
                detail.toString());
    }

    private static long bytes(Node n) {
        return n.shape().size() * n.type().bytes();
    }

    /** Whether the context asks for the device. */
    static boolean device(Execution e) {
        return e.kind() == Execution.Kind.DEVICE;
    }
}
