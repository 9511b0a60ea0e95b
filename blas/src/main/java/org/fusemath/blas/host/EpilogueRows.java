package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.ReluMask;

/**
 * Applies a matmul epilogue to a panel of result rows right after the panel's GEMM, while it is in cache:
 * bias, aux output, activation or activation gradient row by row in double precision (F32 rows are widened
 * into a work row and rounded back), and the bias gradient of the panel accumulated with a gemv against a
 * vector of ones. BGRADA and BGRADB do not touch the result; they reduce op(A) or op(B) with one gemv.
 *
 * <p>Holds per-plan work rows; used by one thread at a time (the plan's).
 */
final class EpilogueRows {
    /** √(2/π), the GELU tanh approximation's scale. */
    static final double GELU_SCALE = 0.7978845608028654;
    /** The cubic coefficient of cuBLASLt's GELU approximation. */
    static final double GELU_CUBIC = 0.044715;

    private final MatmulSpec spec;
    private final Epilogue epilogue;
    private final DType t;
    private final NativeBlas blas;
    private final int n;
    private final double[] row;
    private final double[] auxRow;
    private final double[] biasRow;
    private final Object ones;

    EpilogueRows(MatmulSpec spec, NativeBlas blas, int panelRows) {
        this.spec = spec;
        this.epilogue = spec.epilogue();
        this.t = spec.dtype();
        this.blas = blas;
        this.n = (int) spec.n();
        boolean widen = t == DType.F32;
        this.row = widen ? new double[Math.max(n, panelRows)] : null;
        this.auxRow = widen && epilogue.readsAux() && epilogue.auxKind() == Epilogue.AuxKind.GELU_INPUT ? new double[n] : null;
        this.biasRow = epilogue.takesBias() ? new double[n] : null;
        int onesLength = switch (epilogue.biasGradient()) {
            case RESULT_COLUMNS -> panelRows;
            case A_ROWS, B_COLUMNS -> (int) spec.k();
            case NONE -> 0;
        };
        this.ones = onesLength > 0 ? HostArrays.ones(t, onesLength) : null;
    }

    /** Whether the epilogue works on result rows (everything but DEFAULT, BGRADA and BGRADB). */
    boolean touchesRows() {
        return epilogue.activation() != Epilogue.Activation.NONE || epilogue.takesBias()
                || epilogue.auxKind() != Epilogue.AuxKind.NONE
                || epilogue.biasGradient() == Epilogue.BiasGradient.RESULT_COLUMNS;
    }

    private static int vectorOffset(HostMatrix v, long entry) {
        return (int) v.shape().indexOf(v.shape().batch() == 1 ? 0 : entry, 0, 0);
    }

    /** Prepares entry {@code entry}: widens its bias into a work row. */
    void begin(MatmulOperands ops, long entry) {
        if (biasRow != null) {
            HostArrays.toDoubles(ops.bias().array(), vectorOffset(ops.bias(), entry), biasRow, 0, n);
        }
    }

    /**
     * Finishes rows [r0, r0 + rows) of entry {@code entry} whose GEMM just ran; {@code cOff} is the element
     * offset of row r0 in C.
     */
    void rows(MatmulOperands ops, long entry, Object c, int cOff, int ldc, Layout layout, int r0, int rows) {
        if (layout == Layout.COLUMN_MAJOR) {
            // Only RELU and GELU take a column-major result (MatmulSpec): a column segment is a contiguous run.
            for (int j = 0; j < n; j++) {
                activateRun(c, cOff + j * ldc, rows);
            }
            return;
        }
        for (int i = r0; i < r0 + rows; i++) {
            int at = cOff + (i - r0) * ldc;
            double[] v;
            int vo;
            if (row != null) {
                HostArrays.toDoubles(c, at, row, 0, n);
                v = row;
                vo = 0;
            } else {
                v = (double[]) c;
                vo = at;
            }
            finishRow(ops, entry, i, v, vo);
            if (row != null) {
                HostArrays.fromDoubles(row, 0, c, at, n);
            }
        }
        if (epilogue.biasGradient() == Epilogue.BiasGradient.RESULT_COLUMNS) {
            HostMatrix bias = ops.bias();
            // bgrad[j] (+)= Σ_i D[i, j] over the panel's rows: D_panelᵀ · 1.
            blas.gemv(t, Layout.ROW_MAJOR, Trans.T, rows, n, 1, 0, c, cOff, ldc, ones, 0, 1, r0 == 0 ? 0 : 1, 0,
                    bias.array(), vectorOffset(bias, entry), 1);
        }
    }

    private void activateRun(Object c, int at, int length) {
        double[] v;
        int vo;
        if (row != null) {
            HostArrays.toDoubles(c, at, row, 0, length);
            v = row;
            vo = 0;
        } else {
            v = (double[]) c;
            vo = at;
        }
        activate(v, vo, length);
        if (row != null) {
            HostArrays.fromDoubles(row, 0, c, at, length);
        }
    }

    private void finishRow(MatmulOperands ops, long entry, int i, double[] v, int vo) {
        if (biasRow != null && epilogue.activation() == Epilogue.Activation.RELU && !epilogue.writesAux()
                && epilogue.derivative() == Epilogue.Activation.NONE) {
            // RELU_BIAS, the common case: one pass over the row, which streams from memory once.
            for (int j = 0; j < n; j++) {
                v[vo + j] = relu(v[vo + j] + biasRow[j]);
            }
            return;
        }
        if (biasRow != null) {
            for (int j = 0; j < n; j++) {
                v[vo + j] += biasRow[j];
            }
        }
        if (epilogue.writesAux()) {
            if (epilogue.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
                HostMatrix aux = ops.aux();
                HostArrays.fromDoubles(v, vo, aux.array(), (int) aux.shape().indexOf(entry, i, 0), n);
            } else {
                writeMask(ops.reluMask(), entry, i, v, vo);
            }
        }
        activate(v, vo, n);
        switch (epilogue.derivative()) {
            case RELU -> applyMask(ops.reluMask(), entry, i, v, vo);
            case GELU -> {
                HostMatrix aux = ops.aux();
                int at = (int) aux.shape().indexOf(entry, i, 0);
                double[] x;
                int xo;
                if (auxRow != null) {
                    HostArrays.toDoubles(aux.array(), at, auxRow, 0, n);
                    x = auxRow;
                    xo = 0;
                } else {
                    x = (double[]) aux.array();
                    xo = at;
                }
                for (int j = 0; j < n; j++) {
                    v[vo + j] *= geluDerivative(x[xo + j]);
                }
            }
            case NONE -> {
            }
        }
    }

    private void activate(double[] v, int vo, int length) {
        switch (epilogue.activation()) {
            case RELU -> {
                for (int j = vo; j < vo + length; j++) {
                    v[j] = relu(v[j]);
                }
            }
            case GELU -> {
                for (int j = vo; j < vo + length; j++) {
                    v[j] = gelu(v[j]);
                }
            }
            case NONE -> {
            }
        }
    }

    /**
     * max(x, 0): NaN stays NaN and −0.0 becomes +0.0, as in cuBLASLt. Math.max rather than a comparison
     * because it compiles without a branch and vectorizes: on a result whose signs are random the branch
     * mispredicts half the time, and a bias + ReLU pass over a 2048² F64 result took 25 ms that way against 3 ms
     * (measured 2026-11-28, JDK 17 and 25).
     */
    static double relu(double x) {
        return Math.max(x, 0.0);
    }

    /** cuBLASLt's GELU, 0.5·x·(1 + tanh(y)) with y = √(2/π)(x + 0.044715x³), computed as x / (1 + e^(−2y)). */
    static double gelu(double x) {
        double y = GELU_SCALE * (x + GELU_CUBIC * x * x * x);
        return x / (1 + Math.exp(-2 * y));
    }

    /** d/dx of {@link #gelu}: 0.5·(1 + tanh y) + 0.5·x·(1 − tanh² y)·√(2/π)(1 + 3·0.044715x²). */
    static double geluDerivative(double x) {
        double th = Math.tanh(GELU_SCALE * (x + GELU_CUBIC * x * x * x));
        return 0.5 * (1 + th) + 0.5 * x * (1 - th * th) * GELU_SCALE * (1 + 3 * GELU_CUBIC * x * x);
    }

    private void writeMask(ReluMask mask, long entry, int i, double[] v, int vo) {
        byte[] bits = mask.bits();
        long base = mask.shape().indexOf(entry, i, 0);
        for (int j = 0; j < n; j++) {
            long p = base + j;
            int byteIndex = (int) (p >>> 3);
            int bit = 1 << (p & 7);
            bits[byteIndex] = (byte) (v[vo + j] > 0 ? bits[byteIndex] | bit : bits[byteIndex] & ~bit);
        }
    }

    private void applyMask(ReluMask mask, long entry, int i, double[] v, int vo) {
        byte[] bits = mask.bits();
        long base = mask.shape().indexOf(entry, i, 0);
        for (int j = 0; j < n; j++) {
            long p = base + j;
            // All ones where the bit is set, zero where it is clear: a select without an unpredictable branch.
            long keep = -((bits[(int) (p >>> 3)] >>> (p & 7)) & 1L);
            v[vo + j] = Double.longBitsToDouble(Double.doubleToRawLongBits(v[vo + j]) & keep);
        }
    }

    /** BGRADA / BGRADB: the bias vector receives the row sums of op(A) or the column sums of op(B). */
    void inputGradient(MatmulOperands ops, long entry, Object a, int aOff, Object b, int bOff) {
        HostMatrix bias = ops.bias();
        int biasOff = vectorOffset(bias, entry);
        int k = (int) spec.k();
        boolean rowsOfA = epilogue.biasGradient() == Epilogue.BiasGradient.A_ROWS;
        int length = (int) (rowsOfA ? spec.m() : spec.n());
        if (length == 0) {
            return;
        }
        if (k == 0) {
            HostArrays.zero(bias.array(), biasOff * t.slotsPerElement(), length * t.slotsPerElement());
            return;
        }
        MatrixShape s = rowsOfA ? spec.a() : spec.b();
        // Σ over the inner dimension: op(A)·1 for A (A·1 or Aᵀ·1), op(B)ᵀ·1 for B (Bᵀ·1 or B·1).
        boolean transposeStorage = rowsOfA ? spec.opA().transposes() : !spec.opB().transposes();
        blas.gemv(t, s.layout(), transposeStorage ? Trans.T : Trans.N, (int) s.rows(), (int) s.cols(), 1, 0,
                rowsOfA ? a : b, rowsOfA ? aOff : bOff, BlasInts.ld(rowsOfA ? "a.ld" : "b.ld", s), ones, 0, 1, 0, 0,
                bias.array(), biasOff, 1);
    }

    /** With no result rows (m = 0) the column sums of the result are empty sums: the bias gradient is 0. */
    void noRows(MatmulOperands ops, long entry) {
        if (epilogue.biasGradient() == Epilogue.BiasGradient.RESULT_COLUMNS && n > 0) {
            HostMatrix bias = ops.bias();
            HostArrays.zero(bias.array(), vectorOffset(bias, entry) * t.slotsPerElement(), n * t.slotsPerElement());
        }
    }
}
