package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchedSolve} on random, positive definite, singular and strided stacks: every member by its normwise
 * backward error ‖A·X − B‖∞ / (n·u·‖A‖∞·‖X‖∞) (at most 4, as partial pivoting and Cholesky keep it O(1) for these
 * well-scaled members), on both the pure-Java orders (8) and LAPACK's (40), both storage orders and every type;
 * results bit-identical for 1, 2 and 7 threads; failures naming the lowest failing member.
 */
public class BatchedSolveTest {
    private static FuseContext threads(int t) {
        return FuseContext.builder().execution(Execution.HOST).threads(t).build();
    }

    public static Stack stack(DType t, int batch, int rows, int cols, Layout layout, long seed) {
        Stack s = new Stack(t, MatrixShape.dense(rows, cols, layout).batched(batch));
        SplittableRandom r = new SplittableRandom(seed);
        for (int m = 0; m < batch; m++) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    s.put(m, i, j, 2 * r.nextDouble() - 1, t.isComplex() ? 2 * r.nextDouble() - 1 : 0);
                }
            }
        }
        return s;
    }

    /**
     * Hermitian positive definite members M·Mᴴ/n + I, with NaN in the triangle {@code uplo} does not name, which a
     * correct Cholesky never reads.
     */
    public static Stack positiveDefinite(DType t, int batch, int n, Layout layout, Uplo uplo, long seed) {
        Stack m = stack(t, batch, n, n, Layout.ROW_MAJOR, seed);
        Stack s = new Stack(t, MatrixShape.dense(n, n, layout).batched(batch));
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    boolean referenced = uplo == Uplo.LOWER ? i >= j : i <= j;
                    if (!referenced) {
                        s.put(b, i, j, Double.NaN, Double.NaN);
                        continue;
                    }
                    double re = i == j ? 1 : 0;
                    double im = 0;
                    for (int p = 0; p < n; p++) { // (M·Mᴴ)(i, j) = Σ M(i, p)·conj(M(j, p))
                        double ar = m.get(b, i, p, 0);
                        double ai = m.get(b, i, p, 1);
                        double br = m.get(b, j, p, 0);
                        double bi = -m.get(b, j, p, 1);
                        re += (ar * br - ai * bi) / n;
                        im += (ar * bi + ai * br) / n;
                    }
                    s.put(b, i, j, re, i == j ? 0 : im);
                }
            }
        }
        return s;
    }

    static Arguments[] cases() {
        java.util.List<Arguments> list = new java.util.ArrayList<>();
        for (DType t : DType.values()) {
            for (int n : new int[] {1, 8, 40}) {
                for (Layout a : Layout.values()) {
                    for (Layout b : Layout.values()) {
                        for (int k : new int[] {1, 3}) {
                            list.add(Arguments.of(t, n, a, b, k));
                        }
                    }
                }
            }
        }
        return list.toArray(new Arguments[0]);
    }

    @ParameterizedTest(name = "lu {0} n={1} A {2} B {3} k={4}")
    @MethodSource("cases")
    void luSolvesEveryMemberToASmallBackwardError(DType t, int n, Layout al, Layout bl, int k) {
        int batch = 23;
        Stack a = stack(t, batch, n, n, al, 11L * n + k);
        Stack b = stack(t, batch, n, k, bl, 5L * n + k);
        HostMatrix x = BatchedSolve.lu(threads(2), a.view(), b.view());
        assertEquals(MatrixShape.dense(n, k, bl).batched(batch), x.shape());
        Stack xs = new Stack(t, x);
        for (int m = 0; m < batch; m++) {
            double e = backwardError(a, b, xs, m);
            assertTrue(e <= 4, t + " member " + m + ": backward error " + e);
        }
    }

    @ParameterizedTest(name = "cholesky {0} n={1} A {2} B {3} k={4}")
    @MethodSource("cases")
    void choleskySolvesEveryMemberReadingOneTriangle(DType t, int n, Layout al, Layout bl, int k) {
        int batch = 9;
        for (Uplo uplo : Uplo.values()) {
            Stack a = positiveDefinite(t, batch, n, al, uplo, 3L * n + k);
            Stack b = stack(t, batch, n, k, bl, 7L * n + k);
            Stack xs = new Stack(t, BatchedSolve.cholesky(threads(2), uplo, a.view(), b.view()));
            for (int m = 0; m < batch; m++) {
                double e = backwardError(a.hermitianFrom(uplo), b, xs, m);
                assertTrue(e <= 4, t + " " + uplo + " member " + m + ": backward error " + e);
            }
        }
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("orders")
    void theResultIsBitIdenticalWhateverTheThreadCount(int n) {
        for (DType t : new DType[] {DType.F64, DType.F32, DType.C128}) {
            // Enough members that even n = 8 is split into parts (the split is by work, see HostBatchedSolve).
            int batch = n <= 24 ? 3001 : 301;
            Stack a = stack(t, batch, n, n, Layout.ROW_MAJOR, n);
            Stack b = stack(t, batch, n, 2, Layout.COLUMN_MAJOR, n + 1);
            Stack spd = positiveDefinite(t, batch, n, Layout.COLUMN_MAJOR, Uplo.LOWER, n + 2);
            Object lu1 = BatchedSolve.lu(threads(1), a.view(), b.view()).array();
            Object ch1 = BatchedSolve.cholesky(threads(1), Uplo.LOWER, spd.view(), b.view()).array();
            for (int th : new int[] {2, 7}) {
                assertSameBits(lu1, BatchedSolve.lu(threads(th), a.view(), b.view()).array());
                assertSameBits(ch1, BatchedSolve.cholesky(threads(th), Uplo.LOWER, spd.view(), b.view()).array());
            }
        }
    }

    static int[] orders() {
        return new int[] {8, 16, 17, 24, 25, 40};
    }

    private static void assertSameBits(Object want, Object got) {
        if (want instanceof double[] d) {
            assertArrayEquals(d, (double[]) got, 0);
        } else {
            assertArrayEquals((float[]) want, (float[]) got, 0);
        }
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("orders")
    void aSingularMemberIsNamedWithItsZeroPivot(int n) {
        for (DType t : new DType[] {DType.F64, DType.F32, DType.C64}) {
            Stack a = stack(t, 3000, n, n, Layout.COLUMN_MAJOR, 1);
            Stack b = stack(t, 3000, n, 1, Layout.COLUMN_MAJOR, 2);
            // Member 1500: its first three columns span two dimensions (column 2 = column 0 + column 1), so the third
            // pivot is exactly zero; members 2900 and 1600 too: the lowest is reported whatever the threads.
            for (int m : new int[] {2900, 1600, 1500}) {
                for (int i = 0; i < n; i++) {
                    a.put(m, i, 0, i == 0 ? 1 : 0, 0);
                    a.put(m, i, 1, i == 1 ? 1 : 0, 0);
                    a.put(m, i, 2, i < 2 ? 1 : 0, 0);
                }
            }
            for (int th : new int[] {1, 4}) {
                SingularMatrixException e = assertThrows(SingularMatrixException.class,
                        () -> BatchedSolve.lu(threads(th), a.view(), b.view()));
                assertEquals(1500, e.batchIndex());
                assertEquals(3, e.info());
                assertTrue(e.getMessage().startsWith("batch member 1500: matrix is singular"), e.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "n={0}")
    @MethodSource("orders")
    void aMemberThatIsNotPositiveDefiniteIsNamedWithItsMinor(int n) {
        for (DType t : new DType[] {DType.F64, DType.F32, DType.C128}) {
            Stack a = positiveDefinite(t, 50, n, Layout.ROW_MAJOR, Uplo.UPPER, 4);
            Stack b = stack(t, 50, n, 1, Layout.ROW_MAJOR, 5);
            a.put(33, 4, 4, -1, 0); // the leading minors up to order 4 are untouched; that of order 5 fails
            NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                    () -> BatchedSolve.cholesky(threads(3), Uplo.UPPER, a.view(), b.view()));
            assertEquals(33, e.batchIndex());
            assertEquals(5, e.info());
        }
    }

    @Test
    void aStackOfOneIsBroadcastAndStridedMembersAreRead() {
        int n = 6;
        Stack a = stack(DType.F64, 1, n, n, Layout.ROW_MAJOR, 8);
        Stack b = stack(DType.F64, 5, n, 2, Layout.ROW_MAJOR, 9);
        HostMatrix x = BatchedSolve.lu(a.view(), b.view());
        assertEquals(5, x.shape().batch());
        Stack xs = new Stack(DType.F64, x);
        for (int m = 0; m < 5; m++) {
            HostMatrix one = LuFactorization.factor(a.view()).solve(b.member(m));
            assertArrayEquals(one.doubles(), xs.member(m).doubles(), 1e-12);
        }
        // The same five systems with A at ld = 9 inside a stride-70 stack at offset 3, B broadcast the other way.
        double[] padded = new double[3 + 5 * 70];
        MatrixShape ps = new MatrixShape(5, n, n, Layout.ROW_MAJOR, 9, 70, 3);
        for (int m = 0; m < 5; m++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    padded[(int) ps.indexOf(m, i, j)] = a.get(0, i, j, 0);
                }
            }
        }
        HostMatrix x2 = BatchedSolve.lu(HostMatrix.of(DType.F64, padded, ps), b.member(2));
        for (int m = 0; m < 5; m++) {
            assertArrayEquals(xs.member(2).doubles(), new Stack(DType.F64, x2).member(m).doubles(), 0);
        }
    }

    @Test
    void badArgumentsAreRejectedByName() {
        HostMatrix a = stack(DType.F64, 4, 3, 3, Layout.ROW_MAJOR, 1).view();
        HostMatrix b = stack(DType.F64, 4, 3, 1, Layout.ROW_MAJOR, 1).view();
        assertThrows(InvalidArgumentException.class,
                () -> BatchedSolve.lu(a, stack(DType.F32, 4, 3, 1, Layout.ROW_MAJOR, 1).view()));
        assertThrows(ShapeMismatchException.class,
                () -> BatchedSolve.lu(stack(DType.F64, 4, 3, 2, Layout.ROW_MAJOR, 1).view(), b));
        ShapeMismatchException rows = assertThrows(ShapeMismatchException.class,
                () -> BatchedSolve.lu(a, stack(DType.F64, 4, 2, 1, Layout.ROW_MAJOR, 1).view()));
        assertTrue(rows.getMessage().contains("b"), rows.getMessage());
        assertThrows(ShapeMismatchException.class,
                () -> BatchedSolve.lu(a, stack(DType.F64, 3, 3, 1, Layout.ROW_MAJOR, 1).view()));
        assertThrows(InvalidArgumentException.class, () -> BatchedSolve.cholesky(null, a, b));
        if (!CudaProbe.get().usable()) { // DEVICE without a device: one exception naming why
            DeviceUnavailableException none = assertThrows(DeviceUnavailableException.class, () -> BatchedSolve.lu(
                    FuseContext.builder().execution(Execution.device(0)).build(), a, b));
            assertEquals(CudaProbe.get().reason().orElseThrow(), none.reason());
        }
        assertEquals(0, BatchedSolve.lu(stack(DType.F64, 0, 3, 3, Layout.ROW_MAJOR, 1).view(),
                stack(DType.F64, 0, 3, 1, Layout.ROW_MAJOR, 1).view()).shape().batch());
    }

    /** ‖A_m·X_m − B_m‖∞ / (n·u·‖A_m‖∞·‖X_m‖∞), |Re| + |Im| per element. */
    public static double backwardError(Stack a, Stack b, Stack x, int m) {
        int n = (int) a.shape.rows();
        long k = b.shape.cols();
        double residual = 0;
        double na = 0;
        double nx = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            double arow = 0;
            for (int c = 0; c < k; c++) {
                double sr = -b.get(m, i, c, 0);
                double si = -b.get(m, i, c, 1);
                for (int p = 0; p < n; p++) {
                    double ar = a.get(m, i, p, 0);
                    double ai = a.get(m, i, p, 1);
                    sr += ar * x.get(m, p, c, 0) - ai * x.get(m, p, c, 1);
                    si += ar * x.get(m, p, c, 1) + ai * x.get(m, p, c, 0);
                }
                row += Math.abs(sr) + Math.abs(si);
            }
            for (int p = 0; p < n; p++) {
                arow += Math.abs(a.get(m, i, p, 0)) + Math.abs(a.get(m, i, p, 1));
            }
            double xrow = 0;
            for (int c = 0; c < k; c++) {
                xrow += Math.abs(x.get(m, i, c, 0)) + Math.abs(x.get(m, i, c, 1));
            }
            residual = Math.max(residual, row);
            na = Math.max(na, arow);
            nx = Math.max(nx, xrow);
        }
        return residual / (n * a.dtype.unitRoundoff() * na * nx);
    }

    /** A batched matrix over a fresh array, read and written by (member, row, column). */
    public static final class Stack {
        public final DType dtype;
        public final MatrixShape shape;
        public final Object data;

        Stack(DType dtype, MatrixShape shape) {
            this.dtype = dtype;
            this.shape = shape;
            int slots = (int) shape.requiredElements() * dtype.slotsPerElement();
            this.data = dtype.isSinglePrecision() ? new float[slots] : new double[slots];
        }

        public Stack(DType dtype, HostMatrix m) {
            this.dtype = dtype;
            this.shape = m.shape();
            this.data = m.array();
        }

        public HostMatrix view() {
            return HostMatrix.of(dtype, data, shape);
        }

        /** Member m alone, as a dense copy in the stack's layout. */
        public HostMatrix member(int m) {
            Stack one = new Stack(dtype, MatrixShape.dense(shape.rows(), shape.cols(), shape.layout()));
            for (int i = 0; i < shape.rows(); i++) {
                for (int j = 0; j < shape.cols(); j++) {
                    one.put(0, i, j, get(m, i, j, 0), get(m, i, j, 1));
                }
            }
            return one.view();
        }

        /** The full Hermitian stack whose {@code uplo} triangle this one holds. */
        public Stack hermitianFrom(Uplo uplo) {
            Stack full = new Stack(dtype, shape);
            for (int m = 0; m < shape.batch(); m++) {
                for (int i = 0; i < shape.rows(); i++) {
                    for (int j = 0; j < shape.cols(); j++) {
                        boolean referenced = uplo == Uplo.LOWER ? i >= j : i <= j;
                        int si = referenced ? i : j;
                        int sj = referenced ? j : i;
                        full.put(m, i, j, get(m, si, sj, 0), referenced ? get(m, si, sj, 1) : -get(m, si, sj, 1));
                    }
                }
            }
            return full;
        }

        public void put(int m, int i, int j, double re, double im) {
            int at = (int) shape.indexOf(m, i, j) * dtype.slotsPerElement();
            if (data instanceof double[] d) {
                d[at] = re;
                if (dtype.isComplex()) {
                    d[at + 1] = im;
                }
            } else {
                float[] f = (float[]) data;
                f[at] = (float) re;
                if (dtype.isComplex()) {
                    f[at + 1] = (float) im;
                }
            }
        }

        public double get(int m, long i, long j, int part) {
            if (part == 1 && !dtype.isComplex()) {
                return 0;
            }
            int at = (int) shape.indexOf(m, i, j) * dtype.slotsPerElement() + part;
            return data instanceof double[] d ? d[at] : ((float[]) data)[at];
        }
    }
}
