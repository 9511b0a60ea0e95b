package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Consumer;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Legal geometry past int range, which no 32-bit BLAS argument can carry: the leading dimension of a view with one
 * row (row-major) or one column (column-major), which addresses nothing, and the other extent of an empty operand
 * (NumPy's {@code zeros((0, 3e9)) @ zeros((3e9, 0))} is a 0×0 result). Each computes what the same call on dense
 * views computes, or nothing, never an ArithmeticException; plus NumPy's empty stacks (a batch of 0).
 */
class WideGeometryTest {
    /** A leading dimension past int range. */
    private static final long WIDE = (1L << 32) + 3;
    /** An extent past int range. */
    private static final long HUGE = 3_000_000_000L;

    /** A random view of one row (row-major) or one column (column-major) with ld = WIDE, and its dense twin. */
    private static HostMatrix[] oneLine(DType t, Layout l, int rows, int cols, long seed) {
        HostMatrix dense = Ref.random(t, MatrixShape.dense(rows, cols, l), seed);
        HostMatrix wide = HostMatrix.of(t, Ref.copy(dense.array()), MatrixShape.dense(rows, cols, l).withLd(WIDE));
        return new HostMatrix[] {wide, dense};
    }

    private static Scalar alpha(DType t) {
        return t.isComplex() ? Scalar.of(0.75, -0.5) : Scalar.of(-1.25);
    }

    private static void assertSame(HostMatrix want, HostMatrix got, String what) {
        assertSameSlots(want.array(), got.array(), what);
    }

    private static void assertSameSlots(Object want, Object got, String what) {
        // The leading dimension of these views addresses no element: the same kernel must give the same bits.
        if (want instanceof double[] d) {
            assertArrayEquals(d, (double[]) got, what);
        } else {
            assertArrayEquals((float[]) want, (float[]) got, what);
        }
    }

    /** Runs {@code call} on the wide views and on their dense twins; the output (last) must come out the same. */
    private static void same(String what, Consumer<HostMatrix[]> call, HostMatrix[]... pairs) {
        HostMatrix[] wide = new HostMatrix[pairs.length];
        HostMatrix[] dense = new HostMatrix[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            wide[i] = pairs[i][0];
            dense[i] = pairs[i][1];
        }
        call.accept(wide);
        call.accept(dense);
        assertSame(dense[dense.length - 1], wide[wide.length - 1], what);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void oneRowViewsWithALeadingDimensionPastIntRange(DType t) {
        Scalar alpha = alpha(t);
        Scalar beta = t.isComplex() ? Scalar.of(0.5, 0.25) : Scalar.of(0.5);
        same("gemm", m -> Blas.gemm(Op.NONE, Op.NONE, alpha, m[0], m[1], beta, m[2]),
                oneLine(t, Layout.ROW_MAJOR, 1, 3, 1), oneLine(t, Layout.COLUMN_MAJOR, 3, 1, 2),
                oneLine(t, Layout.ROW_MAJOR, 1, 1, 3));
        same("gemm, op(A) of a one-column A", m -> Blas.gemm(Op.TRANSPOSE, Op.NONE, 1, m[0], m[1], 0, m[2]),
                oneLine(t, Layout.COLUMN_MAJOR, 3, 1, 4), new HostMatrix[] {
                    Ref.random(t, MatrixShape.rowMajor(3, 2), 5), Ref.random(t, MatrixShape.rowMajor(3, 2), 5)},
                oneLine(t, Layout.ROW_MAJOR, 1, 2, 6));
        same("the OpenBLAS plan", m -> {
            MatmulOperands ops = MatmulOperands.of(m[0], m[1], m[2]);
            Blas.matmul(ops.specBuilder().alpha(alpha).options(MatmulOptions.defaults()
                    .withHostKernel(MatmulOptions.HostKernel.NATIVE)).build(), ops);
        }, oneLine(t, Layout.ROW_MAJOR, 1, 3, 31), oneLine(t, Layout.COLUMN_MAJOR, 3, 1, 32),
                oneLine(t, Layout.ROW_MAJOR, 1, 1, 33));
        HostMatrix[] a = oneLine(t, Layout.ROW_MAJOR, 1, 4, 7);
        HostMatrix b = Ref.random(t, MatrixShape.rowMajor(4, 2), 8);
        assertSame(Blas.matmul(a[1], b), Blas.matmul(a[0], b), "matmul");
        HostMatrix[] c = oneLine(t, Layout.ROW_MAJOR, 1, 2, 9);
        same("gemm (list)", m -> Blas.gemm(Op.NONE, Op.NONE, alpha, List.of(m[0]), List.of(b), Scalar.ZERO,
                List.of(m[1])), a, c);

        HostVector x = HostVector.of(t, Ref.random(t, 4 * t.slotsPerElement(), 10), 4, 0, 1);
        HostVector yWide = HostVector.of(t, Ref.random(t, t.slotsPerElement(), 0), 1, 0, 1);
        HostVector yDense = HostVector.of(t, Ref.random(t, t.slotsPerElement(), 0), 1, 0, 1);
        HostMatrix[] g = oneLine(t, Layout.ROW_MAJOR, 1, 4, 11);
        Blas.gemv(Op.NONE, alpha, g[0], x, beta, yWide);
        Blas.gemv(Op.NONE, alpha, g[1], x, beta, yDense);
        assertSameSlots(yDense.array(), yWide.array(), "gemv");
        HostVector one = HostVector.of(t, Ref.random(t, t.slotsPerElement(), 12), 1, 0, 1);
        same("ger", m -> Blas.ger(alpha, one, x, m[0]), oneLine(t, Layout.ROW_MAJOR, 1, 4, 13));
        same("gerc", m -> Blas.gerc(alpha, x, one, m[0]), oneLine(t, Layout.COLUMN_MAJOR, 4, 1, 14));

        HostMatrix[] unit = oneLine(t, Layout.ROW_MAJOR, 1, 1, 15);
        same("trsm", m -> Blas.trsm(Side.LEFT, Uplo.UPPER, Op.NONE, Diag.UNIT, alpha, m[0], m[1]), unit,
                oneLine(t, Layout.ROW_MAJOR, 1, 3, 16));
        same("trmm", m -> Blas.trmm(Side.RIGHT, Uplo.LOWER, Op.TRANSPOSE, Diag.NON_UNIT, alpha, m[0], m[1]),
                unit, oneLine(t, Layout.COLUMN_MAJOR, 3, 1, 17));
        same("symm", m -> Blas.symm(Side.LEFT, Uplo.UPPER, alpha, m[0], m[1], beta, m[2]), unit,
                oneLine(t, Layout.ROW_MAJOR, 1, 3, 18), oneLine(t, Layout.ROW_MAJOR, 1, 3, 19));
        if (t.isComplex()) {
            same("herk", m -> Blas.herk(Uplo.LOWER, Op.NONE, 0.5, m[0], 2, m[1]),
                    oneLine(t, Layout.ROW_MAJOR, 1, 3, 20), oneLine(t, Layout.ROW_MAJOR, 1, 1, 21));
        } else {
            same("syrk", m -> Blas.syrk(Uplo.LOWER, Op.NONE, alpha, m[0], beta, m[1]),
                    oneLine(t, Layout.ROW_MAJOR, 1, 3, 20), oneLine(t, Layout.ROW_MAJOR, 1, 1, 21));
        }
        HostMatrix[] tri = oneLine(t, Layout.COLUMN_MAJOR, 1, 1, 22);
        HostVector z = HostVector.of(t, Ref.random(t, t.slotsPerElement(), 23), 1, 0, 1);
        HostVector zDense = HostVector.of(t, Ref.copy(z.array()), 1, 0, 1);
        Blas.trsv(Uplo.LOWER, Op.NONE, Diag.NON_UNIT, tri[0], z);
        Blas.trsv(Uplo.LOWER, Op.NONE, Diag.NON_UNIT, tri[1], zDense);
        assertSameSlots(zDense.array(), z.array(), "trsv");
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void emptyOperandsWithALeadingDimensionPastIntRangeStillScaleTheOutput(DType t) {
        // k = 0: C = beta·C (NumPy's zeros((2, 0)) @ zeros((0, 2)) is zeros((2, 2))); the empty A and B address nothing.
        Object none = t.isSinglePrecision() ? new float[0] : new double[0];
        HostMatrix a = HostMatrix.of(t, none, MatrixShape.rowMajor(2, 0).withLd(WIDE));
        HostMatrix b = HostMatrix.of(t, none, MatrixShape.columnMajor(0, 2).withLd(WIDE));
        Scalar beta = t.isComplex() ? Scalar.of(0.5, 0.25) : Scalar.of(0.5);
        HostMatrix[] c = {Ref.random(t, MatrixShape.rowMajor(2, 2), 1), Ref.random(t, MatrixShape.rowMajor(2, 2), 1)};
        Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, a, b, beta, c[0]);
        Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, empty(t, 2, 0, Layout.ROW_MAJOR), empty(t, 0, 2, Layout.COLUMN_MAJOR),
                beta, c[1]);
        assertSame(c[1], c[0], "gemm with k = 0");
        MatmulOperands ops = MatmulOperands.of(a, b, c[0]);
        Blas.matmul(ops.specBuilder().beta(beta).options(MatmulOptions.defaults()
                .withHostKernel(MatmulOptions.HostKernel.NATIVE)).build(), ops);
        ops = MatmulOperands.of(empty(t, 2, 0, Layout.ROW_MAJOR), empty(t, 0, 2, Layout.COLUMN_MAJOR), c[1]);
        Blas.matmul(ops.specBuilder().beta(beta).options(MatmulOptions.defaults()
                .withHostKernel(MatmulOptions.HostKernel.NATIVE)).build(), ops);
        assertSame(c[1], c[0], "the OpenBLAS plan with k = 0");
        if (t.isComplex()) {
            Blas.herk(Uplo.UPPER, Op.NONE, 1, a, 0.5, c[0]);
            Blas.herk(Uplo.UPPER, Op.NONE, 1, empty(t, 2, 0, Layout.ROW_MAJOR), 0.5, c[1]);
        } else {
            Blas.syrk(Uplo.UPPER, Op.NONE, Scalar.ONE, a, beta, c[0]);
            Blas.syrk(Uplo.UPPER, Op.NONE, Scalar.ONE, empty(t, 2, 0, Layout.ROW_MAJOR), beta, c[1]);
        }
        assertSame(c[1], c[0], "syrk/herk with k = 0");
        HostVector x = HostVector.of(t, none, 0, 0, 1);
        HostVector[] y = {HostVector.of(t, Ref.random(t, 2 * t.slotsPerElement(), 2), 2, 0, 1),
            HostVector.of(t, Ref.random(t, 2 * t.slotsPerElement(), 2), 2, 0, 1)};
        Blas.gemv(Op.NONE, Scalar.ONE, a, x, beta, y[0]);
        Blas.gemv(Op.NONE, Scalar.ONE, empty(t, 2, 0, Layout.ROW_MAJOR), x, beta, y[1]);
        assertSameSlots(y[1].array(), y[0].array(), "gemv with an empty x");
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64"})
    void biasGradientsOfOneLineOperandsWithALeadingDimensionPastIntRange(DType t) {
        // k = 4 > 3, the leading dimension truncated to an int: a truncation would be refused as lda < k.
        HostMatrix b = Ref.random(t, MatrixShape.rowMajor(4, 2), 1);
        HostMatrix[] a = oneLine(t, Layout.ROW_MAJOR, 1, 4, 2);
        HostMatrix[] bias = {Ref.random(t, MatrixShape.rowMajor(1, 1), 3), Ref.random(t, MatrixShape.rowMajor(1, 1), 3)};
        HostMatrix[] c = {Ref.random(t, MatrixShape.rowMajor(1, 2), 4), Ref.random(t, MatrixShape.rowMajor(1, 2), 4)};
        for (int i = 0; i < 2; i++) {
            MatmulOperands ops = MatmulOperands.of(a[i], b, c[i]).withBias(bias[i]);
            Blas.matmul(ops.specBuilder().epilogue(Epilogue.BGRADA).build(), ops);
        }
        assertSame(c[1], c[0], "BGRADA product");
        assertSame(bias[1], bias[0], "BGRADA: the row sum of a one-row A");
        HostMatrix[] bw = oneLine(t, Layout.COLUMN_MAJOR, 4, 1, 5);
        HostMatrix a2 = Ref.random(t, MatrixShape.rowMajor(2, 4), 6);
        for (int i = 0; i < 2; i++) {
            MatmulOperands ops = MatmulOperands.of(a2, bw[i], c[i].withShape(MatrixShape.rowMajor(2, 1))).withBias(bias[i]);
            Blas.matmul(ops.specBuilder().epilogue(Epilogue.BGRADB).build(), ops);
        }
        assertSame(bias[1], bias[0], "BGRADB: the column sum of a one-column B");
    }

    private static HostMatrix empty(DType t, long rows, long cols, Layout l) {
        return HostMatrix.of(t, t.isSinglePrecision() ? new float[0] : new double[0], MatrixShape.dense(rows, cols, l));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void emptyOperandsWithAnExtentPastIntRangeGiveTheEmptyResult(DType t) {
        HostMatrix a = empty(t, 0, HUGE, Layout.ROW_MAJOR);
        HostMatrix b = empty(t, HUGE, 0, Layout.ROW_MAJOR);
        HostMatrix c = Blas.matmul(a, b);
        assertEquals(MatrixShape.rowMajor(0, 0), c.shape());
        Blas.gemm(Op.NONE, Op.NONE, 1, a, b, 0, c);
        Blas.gemm(Op.TRANSPOSE, Op.TRANSPOSE, Scalar.ONE, empty(t, HUGE, 0, Layout.COLUMN_MAJOR),
                empty(t, 0, HUGE, Layout.COLUMN_MAJOR), Scalar.ONE, c);
        Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, List.of(a, a), List.of(b, b), Scalar.ZERO, List.of(c, c));
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        Blas.matmul(ops.specBuilder().epilogue(t.isComplex() ? Epilogue.DEFAULT : Epilogue.RELU).build(), ops);
        HostMatrix tall = empty(t, HUGE, 0, Layout.ROW_MAJOR);
        assertEquals(HUGE, Blas.matmul(tall, empty(t, 0, 0, Layout.ROW_MAJOR)).shape().rows(), "HUGE x 0 result");
        // A non-empty result that large cannot be a heap array: refused by name, before any native call.
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Blas.matmul(empty(t, 3, 0, Layout.ROW_MAJOR), empty(t, 0, HUGE, Layout.ROW_MAJOR)));
        assertEquals("result size", e.argument());

        HostMatrix none = empty(t, 0, 0, Layout.ROW_MAJOR);
        HostMatrix wideEmpty = empty(t, 0, HUGE, Layout.ROW_MAJOR);
        Blas.trsm(Side.LEFT, Uplo.UPPER, Op.NONE, Diag.NON_UNIT, Scalar.ONE, none, wideEmpty);
        Blas.trmm(Side.RIGHT, Uplo.LOWER, Op.TRANSPOSE, Diag.UNIT, Scalar.ONE, none, empty(t, HUGE, 0, Layout.COLUMN_MAJOR));
        Blas.symm(Side.LEFT, Uplo.UPPER, Scalar.ONE, none, wideEmpty, Scalar.ONE, empty(t, 0, HUGE, Layout.ROW_MAJOR));
        if (t.isComplex()) {
            Blas.herk(Uplo.UPPER, Op.NONE, 1, wideEmpty, 1, none);
        } else {
            Blas.syrk(Uplo.UPPER, Op.NONE, Scalar.ONE, wideEmpty, Scalar.ONE, none);
        }
        HostVector nothing = HostVector.of(t, t.isSinglePrecision() ? new float[0] : new double[0], 0, 0, 1);
        Blas.gemv(Op.NONE, Scalar.ONE, empty(t, 0, 0, Layout.COLUMN_MAJOR), nothing, Scalar.ONE, nothing);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void emptyStacksGiveTheEmptyStack(DType t) {
        HostMatrix stack = HostMatrix.of(t, t.isSinglePrecision() ? new float[0] : new double[0],
                MatrixShape.rowMajor(2, 3).batched(0));
        HostMatrix b = Ref.random(t, MatrixShape.rowMajor(3, 4), 1);
        HostMatrix c = Blas.matmul(stack, b);
        assertEquals(MatrixShape.rowMajor(2, 4).batched(0), c.shape());
        HostMatrix a = Ref.random(t, MatrixShape.rowMajor(4, 2), 2);
        assertEquals(MatrixShape.rowMajor(4, 3).batched(0), Blas.matmul(a, stack).shape());
        HostMatrix out = HostMatrix.of(t, t.isSinglePrecision() ? new float[0] : new double[0],
                MatrixShape.rowMajor(4, 3).batched(0));
        Blas.gemm(Op.NONE, Op.NONE, 1, a, stack, 0, out);
        HostMatrix two = Ref.random(t, MatrixShape.rowMajor(3, 4).batched(2), 3);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> Blas.matmul(stack, two));
        assertEquals("b", e.argument());
    }

    @Test
    void vectorStridesPastIntRangeAreRefusedByName() {
        for (long stride : new long[] {1L << 32, (1L << 31), Long.MAX_VALUE}) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                    () -> HostVector.of(DType.F64, new double[1], 1, 0, stride));
            assertEquals("stride", e.argument());
            assertEquals("stride", assertThrows(InvalidArgumentException.class,
                    () -> HostVector.of(DType.F32, new float[0], 0, 0, stride)).argument());
        }
        assertEquals(Integer.MAX_VALUE, HostVector.of(DType.F64, new double[1], 1, 0, Integer.MAX_VALUE).stride());
        // A row or column of a view whose leading dimension is past int range has one element (or none): stride 1.
        HostMatrix oneRow = HostMatrix.of(DType.F64, new double[] {1, 2, 3}, MatrixShape.rowMajor(1, 3).withLd(WIDE));
        HostVector col = HostVector.column(oneRow, 2);
        assertEquals(1, col.length());
        assertEquals(2, col.offset());
        assertEquals(1, col.stride());
        assertEquals(6, Blas.asum(HostVector.row(oneRow, 0)));
        HostMatrix oneCol = HostMatrix.of(DType.C128, new double[] {1, 2, 3, 4}, MatrixShape.columnMajor(2, 1).withLd(WIDE));
        assertEquals(1, HostVector.row(oneCol, 1).stride());
        assertEquals(1, HostVector.row(oneCol, 1).offset());
        HostMatrix emptyRows = HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(5, 0).withLd(WIDE));
        assertEquals(0, HostVector.row(emptyRows, 4).length(), "an empty row of an r x 0 view");
    }
}
