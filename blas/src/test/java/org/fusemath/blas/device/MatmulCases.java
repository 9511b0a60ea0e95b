package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.ReluMask;

/** Operands the device matmul tests share: padded, offset, batched views, and each epilogue's extra operands. */
final class MatmulCases {
    private MatmulCases() {
    }

    static MatrixShape shape(SplittableRandom r, Layout l, long rows, long cols, long batch) {
        long inner = l == Layout.ROW_MAJOR ? cols : rows;
        long ld = Math.max(1, inner) + r.nextInt(3);
        long outer = l == Layout.ROW_MAJOR ? rows : cols;
        return new MatrixShape(batch, rows, cols, l, ld, ld * Math.max(1, outer) + r.nextInt(2), r.nextInt(3));
    }

    /** Fills a float[] or double[] with NaN: with beta = 0 none of it may reach the result. */
    static void fillNaN(Object array) {
        if (array instanceof double[] d) {
            java.util.Arrays.fill(d, Double.NaN);
        } else {
            java.util.Arrays.fill((float[]) array, Float.NaN);
        }
    }

    static MatmulOperands epilogueCase(SplittableRandom r, DType t, Epilogue e, long batch, Op opA) {
        int m = 7;
        int n = 9;
        int k = 5;
        HostMatrix a = Ref.random(t, shape(r, Layout.COLUMN_MAJOR, opA.transposes() ? k : m, opA.transposes() ? m : k, batch), r.nextLong());
        HostMatrix b = Ref.random(t, shape(r, Layout.ROW_MAJOR, k, n, batch), r.nextLong());
        HostMatrix c = Ref.random(t, MatrixShape.rowMajor(m, n).withLd(n + 2).batched(batch).withOffset(3), r.nextLong());
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        if (e.usesBiasVector()) {
            long len = e.biasLength(m, n);
            boolean written = e.biasGradient() != Epilogue.BiasGradient.NONE;
            ops = ops.withBias(Ref.random(t, MatrixShape.rowMajor(1, len).batched(written ? batch : 1, len + 1).withOffset(1), r.nextLong()));
        }
        if (e.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
            long ld = e.alignedAuxLd(n);
            ops = ops.withAux(Ref.random(t, MatrixShape.rowMajor(m, n).withLd(ld).batched(batch, ld * m).withOffset(2), r.nextLong()));
        } else if (e.auxKind() == Epilogue.AuxKind.RELU_MASK) {
            // An offset of 5 bits: the device image must start at a byte, so the bits are shifted on the way.
            MatrixShape s = ReluMask.allocate(batch, m, n).shape().withOffset(5);
            byte[] bits = new byte[(int) ((s.requiredElements() + 7) / 8) + 1];
            r.nextBytes(bits);
            ops = ops.withReluMask(ReluMask.of(bits, s));
        }
        return ops;
    }

    static void assertMaskPaddingKept(ReluMask mask, byte[] before) {
        MatrixShape s = mask.shape();
        boolean[] element = new boolean[before.length * 8];
        for (long b = 0; b < s.batch(); b++) {
            for (long i = 0; i < s.rows(); i++) {
                for (long j = 0; j < s.cols(); j++) {
                    element[(int) s.indexOf(b, i, j)] = true;
                }
            }
        }
        for (int p = 0; p < element.length; p++) {
            if (!element[p]) {
                assertEquals((before[p >>> 3] >>> (p & 7)) & 1, (mask.bits()[p >>> 3] >>> (p & 7)) & 1, "mask padding bit " + p);
            }
        }
    }

}
