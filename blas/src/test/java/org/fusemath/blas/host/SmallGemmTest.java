package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Blas;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The function form's shortcut computes exactly what the planned Java kernel computes, and declines the rest. */
class SmallGemmTest {
    private static final int[][] SHAPES = {{1, 1, 1}, {2, 3, 4}, {5, 1, 3}, {3, 4, 0}, {6, 6, 6}};

    private static MatrixShape shape(SplittableRandom r, Layout l, int rows, int cols) {
        long inner = l == Layout.ROW_MAJOR ? cols : rows;
        return MatrixShape.dense(rows, cols, l).withLd(Math.max(1, inner) + r.nextInt(2)).withOffset(r.nextInt(3));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void matchesThePlannedJavaKernelBitForBit(DType t) {
        SplittableRandom r = new SplittableRandom(7 + t.ordinal());
        int cases = 0;
        for (int[] mnk : SHAPES) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    for (Layout la : Layout.values()) {
                        for (Layout lc : Layout.values()) {
                            int m = mnk[0];
                            int n = mnk[1];
                            int k = mnk[2];
                            HostMatrix a = Ref.random(t, shape(r, la, opA.transposes() ? k : m, opA.transposes() ? m : k), r.nextLong());
                            HostMatrix b = Ref.random(t, shape(r, la.transposed(), opB.transposes() ? n : k, opB.transposes() ? k : n), r.nextLong());
                            HostMatrix c = Ref.random(t, shape(r, lc, m, n), r.nextLong());
                            boolean betaZero = r.nextBoolean();
                            if (betaZero) {
                                for (int i = 0; i < java.lang.reflect.Array.getLength(c.array()); i++) {
                                    Ref.set(c.array(), i, Double.NaN);
                                }
                            }
                            Scalar alpha = t.isComplex() ? Scalar.of(1.25, -0.75) : Scalar.of(1.25);
                            Scalar beta = betaZero ? Scalar.ZERO : t.isComplex() ? Scalar.of(-0.5, 0.25) : Scalar.of(-0.5);
                            HostMatrix planned = HostMatrix.of(t, Ref.copy(c.array()), c.shape());
                            MatmulOperands ops = MatmulOperands.of(a, b, planned);
                            Blas.matmul(ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta)
                                    .options(MatmulOptions.defaults().withHostKernel(MatmulOptions.HostKernel.JAVA)).build(), ops);
                            String what = t + " " + m + "x" + n + "x" + k + " " + opA + "/" + opB + " " + la + "/" + lc;
                            assertTrue(SmallGemm.tryRun(opA, opB, alpha, a, b, beta, c), what);
                            if (!t.isSinglePrecision()) {
                                assertArrayEquals((double[]) planned.array(), (double[]) c.array(), what);
                            } else {
                                assertArrayEquals((float[]) planned.array(), (float[]) c.array(), what);
                            }
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(SHAPES.length * 36, cases);
    }

    @Test
    void declinesWhatTheGeneralPathMustCheckOrCompute() {
        HostMatrix a = Ref.random(DType.F64, MatrixShape.rowMajor(2, 3), 1);
        HostMatrix b = Ref.random(DType.F64, MatrixShape.rowMajor(3, 2), 2);
        HostMatrix c = Ref.random(DType.F64, MatrixShape.rowMajor(2, 2), 3);
        double[] before = ((double[]) c.array()).clone();
        // Complex scalars on a real type, batches, sizes above the crossover, a C sharing an array with A,
        // mismatched shapes, empty results and null arguments all go to the general path, with C untouched here.
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, Scalar.of(1, 1), a, b, Scalar.ZERO, c), "complex alpha on F64");
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, Scalar.ONE, a, b, null, c));
        HostMatrix batched = Ref.random(DType.F64, MatrixShape.rowMajor(2, 3).batched(2), 6);
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, batched, b, 0, c));
        HostMatrix big = Ref.random(DType.F64, MatrixShape.rowMajor(11, 11), 7);
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, big, big, 0, Ref.random(DType.F64, MatrixShape.rowMajor(11, 11), 8)));
        double[] shared = new double[12];
        HostMatrix inA = HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(2, 3));
        HostMatrix afterA = HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(2, 2).withOffset(6));
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, inA, b, 0, afterA), "disjoint views of one array: general path");
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, a, a, 0, c), "k of A (3) against rows of B (2)");
        assertFalse(SmallGemm.tryRun(Op.TRANSPOSE, Op.NONE, 1, a, b, 0, c), "op(A) is 3x2");
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, a, b, 0, Ref.random(DType.F64, MatrixShape.rowMajor(2, 3), 9)));
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, a, b, 0, Ref.random(DType.F32, MatrixShape.rowMajor(2, 2), 9)));
        assertFalse(SmallGemm.tryRun(null, Op.NONE, 1, a, b, 0, c));
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, a, null, 0, c));
        HostMatrix emptyA = HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(0, 3));
        assertFalse(SmallGemm.tryRun(Op.NONE, Op.NONE, 1, emptyA, b, 0,
                HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(0, 2))));
        assertArrayEquals(before, (double[]) c.array());
    }
}
