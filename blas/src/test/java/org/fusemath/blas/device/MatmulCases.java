package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.ReluMask;
import org.fusemath.blas.Scalar;

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

    /** One plain product: its spec, operands (C already NaN when beta = 0) and a label for messages. */
    record PlainCase(String label, MatmulSpec spec, MatmulOperands ops) {
    }

    /**
     * Every type × opA × opB × storage order of A, B and C for an m×n×k product on padded, offset views with a
     * random batch (A sometimes broadcast); beta is 0 over a NaN C in about one case of {@code betaZeroOneIn}
     * (never when 0).
     */
    static List<PlainCase> plainCases(SplittableRandom r, int m, int n, int k, int betaZeroOneIn) {
        List<PlainCase> cases = new ArrayList<>();
        for (DType t : DType.values()) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    for (Layout la : Layout.values()) {
                        for (Layout lb : Layout.values()) {
                            for (Layout lc : Layout.values()) {
                                long batch = 1 + r.nextInt(3);
                                long batchA = r.nextBoolean() ? 1 : batch;
                                HostMatrix a = Ref.random(t, shape(r, la, opA.transposes() ? k : m, opA.transposes() ? m : k, batchA), r.nextLong());
                                HostMatrix b = Ref.random(t, shape(r, lb, opB.transposes() ? n : k, opB.transposes() ? k : n, batch), r.nextLong());
                                HostMatrix c = Ref.random(t, shape(r, lc, m, n, batch), r.nextLong());
                                boolean betaZero = betaZeroOneIn > 0 && r.nextInt(betaZeroOneIn) == 0;
                                if (betaZero) {
                                    fillNaN(c.array());
                                }
                                MatmulOperands ops = MatmulOperands.of(a, b, c);
                                MatmulSpec spec = ops.specBuilder().opA(opA).opB(opB)
                                        .alpha(t.isComplex() ? Scalar.of(0.5, 1) : Scalar.of(1.5))
                                        .beta(betaZero ? Scalar.ZERO : t.isComplex() ? Scalar.of(-1, 0.25) : Scalar.of(0.5)).build();
                                cases.add(new PlainCase(t + " " + opA + "/" + opB + " " + la + "/" + lb + "/" + lc + " batch " + batch
                                        + (betaZero ? " beta=0" : ""), spec, ops));
                            }
                        }
                    }
                }
            }
        }
        return cases;
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
