package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.MatmulOptions.HostKernel;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** GEMM through the public API against EJML, with the GEMM forward error bound, over every type, op and layout. */
class MatmulTest {
    /** (m, n, k): empty, unit, prime, non-square, tall-skinny, and sizes on both sides of the Java-kernel crossover. */
    private static final int[][] SHAPES = {{0, 3, 2}, {3, 0, 2}, {3, 2, 0}, {1, 1, 1}, {4, 4, 4}, {7, 5, 3},
        {13, 1, 17}, {2, 11, 1}, {31, 29, 37}, {67, 3, 5}};

    private static MatrixShape shape(SplittableRandom r, Layout layout, long rows, long cols) {
        long inner = layout == Layout.ROW_MAJOR ? cols : rows;
        return MatrixShape.dense(rows, cols, layout).withLd(Math.max(1, inner) + r.nextInt(3)).withOffset(r.nextInt(4));
    }

    private static Scalar alpha(DType t) {
        return t.isComplex() ? Scalar.of(0.5, -1.5) : Scalar.of(1.5);
    }

    private static Scalar beta(DType t, boolean zero) {
        return zero ? Scalar.ZERO : t.isComplex() ? Scalar.of(-0.25, 0.75) : Scalar.of(-0.5);
    }

    private static void fillNaN(HostMatrix c) {
        int slots = java.lang.reflect.Array.getLength(c.array());
        for (int i = 0; i < slots; i++) {
            Ref.set(c.array(), i, Double.NaN);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void everyOpLayoutAndShapeMatchesEjml(DType t) {
        SplittableRandom r = new SplittableRandom(t.ordinal());
        int cases = 0;
        List<HostKernel> kernels = List.of(HostKernel.AUTO, HostKernel.NATIVE, HostKernel.JAVA);
        for (int[] mnk : SHAPES) {
            for (Op opA : Op.values()) {
                for (Op opB : Op.values()) {
                    for (Layout la : Layout.values()) {
                        for (Layout lb : Layout.values()) {
                            for (Layout lc : Layout.values()) {
                                for (HostKernel kernel : kernels) {
                                    boolean betaZero = r.nextBoolean();
                                    check(t, r, mnk, opA, opB, la, lb, lc, kernel, betaZero);
                                    cases++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cases >= SHAPES.length * 72);
    }

    private static void check(DType t, SplittableRandom r, int[] mnk, Op opA, Op opB, Layout la, Layout lb, Layout lc,
                              HostKernel kernel, boolean betaZero) {
        int m = mnk[0];
        int n = mnk[1];
        int k = mnk[2];
        HostMatrix a = Ref.random(t, shape(r, la, opA.transposes() ? k : m, opA.transposes() ? m : k), r.nextLong());
        HostMatrix b = Ref.random(t, shape(r, lb, opB.transposes() ? n : k, opB.transposes() ? k : n), r.nextLong());
        HostMatrix c = Ref.random(t, shape(r, lc, m, n), r.nextLong());
        if (betaZero) {
            fillNaN(c);
        }
        Object before = Ref.copy(c.array());
        Scalar alpha = alpha(t);
        Scalar beta = beta(t, betaZero);
        Ref.Expected want = EjmlRef.gemm(opA, opB, alpha, a, 0, b, 0, beta, HostMatrix.of(t, before, c.shape()), 0);
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        MatmulSpec spec = ops.specBuilder().opA(opA).opB(opB).alpha(alpha).beta(beta)
                .options(MatmulOptions.defaults().withHostKernel(kernel)).build();
        Blas.matmul(spec, ops);
        String what = t + " " + m + "x" + n + "x" + k + " op " + opA + "/" + opB + " layouts " + la + "/" + lb + "/" + lc
                + " kernel " + kernel + (betaZero ? " beta=0 over NaN" : "");
        double ratio = want.worstRatio(c, 0);
        assertTrue(ratio <= 1, what + ": error / bound = " + ratio);
        if (!betaZero) {
            Ref.assertGapsUnchanged(c, before);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void blasSemanticsForZeroSizesAndScalars(DType t) {
        for (HostKernel kernel : List.of(HostKernel.NATIVE, HostKernel.JAVA)) {
            MatmulOptions o = MatmulOptions.defaults().withHostKernel(kernel);
            // alpha = 0: A and B are not read (NaN there does not reach C); C = beta·C.
            HostMatrix a = Ref.random(t, MatrixShape.rowMajor(3, 4), 1);
            HostMatrix b = Ref.random(t, MatrixShape.rowMajor(4, 5), 2);
            fillNaN(a);
            fillNaN(b);
            HostMatrix c = Ref.random(t, MatrixShape.rowMajor(3, 5), 3);
            Object before = Ref.copy(c.array());
            MatmulOperands ops = MatmulOperands.of(a, b, c);
            Blas.matmul(ops.specBuilder().alpha(Scalar.ZERO).beta(2).options(o).build(), ops);
            for (int i = 0; i < 15 * t.slotsPerElement(); i++) {
                assertEquals(2 * Ref.get(before, i), Ref.get(c.array(), i), t + " " + kernel + " alpha=0 slot " + i);
            }
            // k = 0, beta = 0 over NaN: C becomes exactly 0.
            HostMatrix a0 = HostMatrix.of(t, Ref.random(t, 0, 4), MatrixShape.rowMajor(3, 0));
            HostMatrix b0 = HostMatrix.of(t, Ref.random(t, 0, 5), MatrixShape.rowMajor(0, 5));
            HostMatrix c0 = Ref.random(t, MatrixShape.rowMajor(3, 5), 6);
            fillNaN(c0);
            MatmulOperands ops0 = MatmulOperands.of(a0, b0, c0);
            Blas.matmul(ops0.specBuilder().options(o).build(), ops0);
            for (int i = 0; i < 15 * t.slotsPerElement(); i++) {
                assertEquals(0.0, Ref.get(c0.array(), i), t + " " + kernel + " k=0 slot " + i);
            }
            // m = 0 and n = 0: nothing is read or written.
            HostMatrix cm = HostMatrix.of(t, Ref.random(t, 6 * t.slotsPerElement(), 7), MatrixShape.rowMajor(0, 5).withOffset(1));
            Object cmBefore = Ref.copy(cm.array());
            MatmulOperands opsM = MatmulOperands.of(HostMatrix.of(t, Ref.random(t, 0, 8), MatrixShape.rowMajor(0, 4)), b, cm);
            Blas.matmul(opsM.specBuilder().beta(3).options(o).build(), opsM);
            Ref.assertGapsUnchanged(cm, cmBefore);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void stridedBatchBroadcastsAndListBatchMatchEjml(DType t) {
        // A: 3 entries with a padded stride; B: one matrix broadcast; C: 3 packed entries.
        MatrixShape sa = MatrixShape.rowMajor(5, 4).withOffset(2).batched(3, 5 * 4 + 7);
        HostMatrix a = Ref.random(t, sa, 1);
        HostMatrix b = Ref.random(t, MatrixShape.columnMajor(4, 6), 2);
        HostMatrix c = Ref.random(t, MatrixShape.rowMajor(5, 6).batched(3), 3);
        HostMatrix c0 = HostMatrix.of(t, Ref.copy(c.array()), c.shape());
        Scalar alpha = alpha(t);
        Scalar beta = beta(t, false);
        Blas.gemm(Op.NONE, Op.NONE, alpha, a, b, beta, c);
        for (int e = 0; e < 3; e++) {
            double ratio = EjmlRef.gemm(Op.NONE, Op.NONE, alpha, a, e, b, 0, beta, c0, e).worstRatio(c, e);
            assertTrue(ratio <= 1, t + " strided entry " + e + ": " + ratio);
        }
        // List form: entries of A at different offsets of one array, transposed B entries, separate C arrays.
        Object shared = Ref.random(t, 200 * t.slotsPerElement(), 4);
        List<HostMatrix> la = new ArrayList<>();
        List<HostMatrix> lb = new ArrayList<>();
        List<HostMatrix> lc = new ArrayList<>();
        List<HostMatrix> lc0 = new ArrayList<>();
        for (int e = 0; e < 4; e++) {
            la.add(HostMatrix.of(t, shared, MatrixShape.rowMajor(3, 4).withOffset(37L * e)));
            lb.add(Ref.random(t, MatrixShape.rowMajor(2, 4), 10 + e));
            HostMatrix ce = Ref.random(t, MatrixShape.rowMajor(3, 2), 20 + e);
            lc.add(ce);
            lc0.add(HostMatrix.of(t, Ref.copy(ce.array()), ce.shape()));
        }
        Op opB = t.isComplex() ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        Blas.gemm(Op.NONE, opB, alpha, la, lb, beta, lc);
        for (int e = 0; e < 4; e++) {
            double ratio = EjmlRef.gemm(Op.NONE, opB, alpha, la.get(e), 0, lb.get(e), 0, beta, lc0.get(e), 0)
                    .worstRatio(lc.get(e), 0);
            assertTrue(ratio <= 1, t + " list entry " + e + ": " + ratio);
        }
    }

    @Test
    void functionFormFollowsNumpyAndTakesEjmlMatrices() {
        DMatrixRMaj a = RandomMatrices_DDRM.rectangle(6, 9, new java.util.Random(1));
        DMatrixRMaj b = RandomMatrices_DDRM.rectangle(9, 4, new java.util.Random(2));
        DMatrixRMaj want = new DMatrixRMaj(6, 4);
        CommonOps_DDRM.mult(a, b, want);
        HostMatrix got = Blas.matmul(HostMatrix.of(a), HostMatrix.of(b));
        assertEquals(MatrixShape.rowMajor(6, 4), got.shape());
        for (int i = 0; i < 24; i++) {
            assertEquals(want.data[i], got.doubles()[i], 2 * Ref.gamma(11, 0x1p-53) * 9);
        }
        // 3-D @ 2-D: B broadcast over A's batch.
        HostMatrix batchA = Ref.random(DType.F32, MatrixShape.rowMajor(2, 3).batched(5), 3);
        HostMatrix single = Ref.random(DType.F32, MatrixShape.rowMajor(3, 7), 4);
        HostMatrix stacked = Blas.matmul(batchA, single);
        assertEquals(MatrixShape.rowMajor(2, 7).batched(5), stacked.shape());
        HostMatrix zero = HostMatrix.of(DType.F32, new float[2 * 7 * 5], stacked.shape());
        for (int e = 0; e < 5; e++) {
            double ratio = EjmlRef.gemm(Op.NONE, Op.NONE, Scalar.ONE, batchA, e, single, 0, Scalar.ZERO, zero, e)
                    .worstRatio(stacked, e);
            assertTrue(ratio <= 1, "entry " + e);
        }
        assertThrows(ShapeMismatchException.class, () -> Blas.matmul(HostMatrix.of(a), HostMatrix.of(a)));
        assertThrows(InvalidArgumentException.class, () -> Blas.matmul(HostMatrix.of(a), single));
    }

    @Test
    void outputsThatAliasInputsAreRejectedAndDisjointViewsOfOneArrayWork() {
        double[] shared = (double[]) Ref.random(DType.F64, 64, 5);
        HostMatrix a = HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4));
        HostMatrix overlapping = HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4).withOffset(15));
        HostMatrix disjoint = HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4).withOffset(16));
        HostMatrix b = HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4).withOffset(32));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Blas.gemm(Op.NONE, Op.NONE, 1, a, b, 0, overlapping));
        assertEquals("c", e.argument());
        assertTrue(e.getMessage().contains("does not overlap a"), e.getMessage());
        assertThrows(InvalidArgumentException.class, () -> Blas.gemm(Op.NONE, Op.NONE, 1, a, b, 0, a));
        double[] before = shared.clone();
        Blas.gemm(Op.NONE, Op.NONE, 1, a, b, 0, disjoint);
        Ref.Expected want = Ref.gemm(Op.NONE, Op.NONE, Scalar.ONE, HostMatrix.of(DType.F64, before, a.shape()), 0,
                HostMatrix.of(DType.F64, before, b.shape()), 0, Scalar.ZERO, disjoint, 0);
        assertTrue(want.worstRatio(disjoint, 0) <= 1);
        // A and B may alias each other: A·Aᵀ from one view.
        HostMatrix c = HostMatrix.of(DType.F64, new double[16], MatrixShape.rowMajor(4, 4));
        Blas.gemm(Op.NONE, Op.TRANSPOSE, 1, a, a, 0, c);
        assertEquals(c.doubles()[1], c.doubles()[4], 0.0, "A·Aᵀ is symmetric");
        // Overlapping entries of a strided C batch are rejected by the spec.
        assertThrows(InvalidArgumentException.class, () -> Blas.gemm(Op.NONE, Op.NONE, 1, a, b,
                0, HostMatrix.of(DType.F64, new double[64], MatrixShape.rowMajor(4, 4).batched(2, 8))));
    }

    @Test
    void longListsAreCheckedForAliasingToo() {
        // 10 entries = 30 spans: the sorted sweep, not the pairwise check.
        double[] shared = new double[10 * 16 + 16];
        List<HostMatrix> la = new ArrayList<>();
        List<HostMatrix> lb = new ArrayList<>();
        List<HostMatrix> lc = new ArrayList<>();
        for (int e = 0; e < 10; e++) {
            la.add(HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4).withOffset(16L * e)));
            lb.add(HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4)));
            lc.add(HostMatrix.of(DType.F64, new double[16], MatrixShape.rowMajor(4, 4)));
        }
        Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, la, lb, Scalar.ZERO, lc);
        List<HostMatrix> bad = new ArrayList<>(lc);
        bad.set(7, HostMatrix.of(DType.F64, shared, MatrixShape.rowMajor(4, 4).withOffset(16L * 3 + 8)));
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, la, lb, Scalar.ZERO, bad));
        assertEquals("c[7]", e.argument());
        List<HostMatrix> twice = new ArrayList<>(lc);
        twice.set(9, lc.get(2));
        assertThrows(InvalidArgumentException.class, () -> Blas.gemm(Op.NONE, Op.NONE, Scalar.ONE, la, lb, Scalar.ZERO, twice),
                "two entries writing the same C");
    }

    @Test
    void statefulLifecycle() {
        HostMatrix a = Ref.random(DType.F64, MatrixShape.rowMajor(8, 8), 1);
        HostMatrix b = Ref.random(DType.F64, MatrixShape.rowMajor(8, 8), 2);
        HostMatrix c = HostMatrix.of(DType.F64, new double[64], MatrixShape.rowMajor(8, 8));
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        MatmulSpec spec = ops.specBuilder().alpha(2).build();
        Matmul mm = new Matmul(spec, ops);
        assertThrows(IllegalStateException.class, mm::execute, "execute before plan");
        assertSame(mm, mm.plan().autotune());
        assertSame(c, mm.execute());
        double first = c.doubles()[9];
        // Same geometry at another offset of a bigger array: accepted, and computes there.
        double[] bigger = new double[80];
        HostMatrix c2 = HostMatrix.of(DType.F64, bigger, MatrixShape.rowMajor(8, 8).withOffset(16));
        mm.resetOperands(MatmulOperands.of(a, b, c2));
        mm.execute();
        assertEquals(first, bigger[16 + 9], 0.0);
        assertEquals(0.0, bigger[15], 0.0);
        assertThrows(ShapeMismatchException.class, () -> mm.resetOperands(MatmulOperands.of(a, b,
                HostMatrix.of(DType.F64, new double[72], MatrixShape.rowMajor(8, 9)))));
        assertThrows(InvalidArgumentException.class, () -> mm.resetOperands(MatmulOperands.of(
                Ref.random(DType.F32, MatrixShape.rowMajor(8, 8), 3), b, c)));
        mm.plan();
        mm.execute();
        mm.close();
        mm.close();
        assertThrows(IllegalStateException.class, mm::execute);
        assertThrows(IllegalStateException.class, mm::plan);
    }

    @Test
    void aDevicePlanWithoutAUsableDeviceSaysWhy() {
        assumeFalse(CudaProbe.get().usableFor(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT), "cuBLAS and cuBLASLt are usable here");
        HostMatrix a = Ref.random(DType.F64, MatrixShape.rowMajor(8, 8), 1);
        MatmulOperands ops = MatmulOperands.of(a, a, HostMatrix.of(DType.F64, new double[64], MatrixShape.rowMajor(8, 8)));
        FuseContext device = FuseContext.builder().execution(Execution.device(0)).build();
        Matmul onDevice = new Matmul(ops.specBuilder().build(), ops, device);
        assertThrows(DeviceUnavailableException.class, onDevice::plan);
        onDevice.close();
    }

    @Test
    void specChecksNameTheArgument() {
        MatrixShape s3x4 = MatrixShape.rowMajor(3, 4);
        MatrixShape s4x5 = MatrixShape.rowMajor(4, 5);
        MatrixShape s3x5 = MatrixShape.rowMajor(3, 5);
        assertEquals("b", assertThrows(ShapeMismatchException.class, () -> MatmulSpec.builder(DType.F64).a(s3x4)
                .b(s3x5).c(s3x5).build()).argument());
        assertEquals("c", assertThrows(ShapeMismatchException.class, () -> MatmulSpec.builder(DType.F64).a(s3x4)
                .b(s4x5).c(s4x5).build()).argument());
        assertEquals("alpha", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64).a(s3x4)
                .b(s4x5).c(s3x5).alpha(Scalar.of(1, 1)).build()).argument());
        assertEquals("a", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64)
                .b(s4x5).c(s3x5).build()).argument());
        assertEquals("options.resultType", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64)
                .a(s3x4).b(s4x5).c(s3x5).options(MatmulOptions.defaults().withResultType(DType.F32)).build()).argument());
        assertEquals("options.computeMode", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64)
                .a(s3x4).b(s4x5).c(s3x5).options(MatmulOptions.defaults()
                        .withComputeMode(MatmulOptions.ComputeMode.FAST_TF32)).build()).argument());
        MatmulSpec ok = MatmulSpec.builder(DType.C64).a(MatrixShape.rowMajor(4, 3), Op.CONJUGATE_TRANSPOSE)
                .b(s4x5).c(s3x5).alpha(Scalar.of(1, 2)).build();
        assertEquals(3, ok.m());
        assertEquals(5, ok.n());
        assertEquals(4, ok.k());
        assertFalse(ok.isEmptyResult());
        assertTrue(ok.toString().contains("3x5x4"), ok.toString());
    }
}
