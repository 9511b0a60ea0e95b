package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The netlib JNI table against the JavaCPP staging table, bit for bit: both call the same OpenBLAS routines, the
 * netlib one through the Fortran (column-major) interface with row-major calls mapped onto the transposes, the
 * staging one through CBLAS, which makes the same mapping inside OpenBLAS. Every order, transpose, side,
 * triangle, offset, padded leading dimension and increment sign; the real calls must not stage.
 */
class NetlibBlasTest {
    private static final DType[] REAL = {DType.F64, DType.F32};
    private static final Trans[] NT = {Trans.N, Trans.T};
    private static NetlibBlas netlib;
    private static NetlibLapack netlibLapack;
    private static final JavacppBlas JAVACPP = new JavacppBlas();
    private static final JavacppLapack JAVACPP_LAPACK = new JavacppLapack();

    @BeforeAll
    static void load() {
        NetlibShims shims = NetlibShims.load(); // this platform ships a shim: a failure here is a failure
        netlib = new NetlibBlas(shims.blas(), new JavacppBlas());
        netlibLapack = new NetlibLapack(shims.lapack(), new JavacppLapack());
    }

    @AfterEach
    void restore() {
        CriticalCalls.setLimit(CriticalCalls.parse(System.getProperty(CriticalCalls.PROPERTY)));
    }

    /** A matrix operand's array: ld = inner + pad, from element {@code off}, {@code tail} spare elements after. */
    private static Object operand(DType t, Layout order, int rows, int cols, int pad, int off, int tail, long seed) {
        int inner = order == Layout.ROW_MAJOR ? cols : rows;
        int outer = order == Layout.ROW_MAJOR ? rows : cols;
        int ld = Math.max(1, inner) + pad;
        int elements = off + (outer - 1) * ld + inner + tail;
        return Ref.random(t, elements, seed);
    }

    private static int ld(Layout order, int rows, int cols, int pad) {
        return Math.max(1, order == Layout.ROW_MAJOR ? cols : rows) + pad;
    }

    /**
     * Runs {@code call} with each table on copies of the same inputs and asserts every array equal bit for bit
     * (NaN and the sign of zero included); returns how many staging allocations the netlib run made.
     */
    private static long same(String what, Object[] inputs, BiConsumer<NativeBlas, Object[]> call) {
        Object[] want = copies(inputs);
        call.accept(JAVACPP, want);
        Object[] got = copies(inputs);
        long staged = onFreshThread(() -> call.accept(netlib, got));
        assertSameArrays(what, want, got);
        return staged;
    }

    /** Asserts each array of {@code got} equal to {@code want}'s bit for bit (NaN and the sign of zero included). */
    private static void assertSameArrays(String what, Object[] want, Object[] got) {
        for (int i = 0; i < want.length; i++) {
            if (want[i] instanceof double[] d) {
                assertArrayEquals(d, (double[]) got[i], what + " array " + i);
            } else {
                assertArrayEquals((float[]) want[i], (float[]) got[i], what + " array " + i);
            }
        }
    }

    private static Object[] copies(Object[] arrays) {
        Object[] c = new Object[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            c[i] = Ref.copy(arrays[i]);
        }
        return c;
    }

    /** Runs on a new thread (its staging starts empty) and returns the staging allocations the run made. */
    private static long onFreshThread(Runnable r) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong staged = new AtomicLong();
        Thread worker = new Thread(() -> {
            try {
                long before = Staging.allocations();
                r.run();
                staged.set(Staging.allocations() - before);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return staged.get();
    }

    private static void unstaged(String what, long staged) {
        assertEquals(0, staged, what + ": the netlib table staged a call it should pass through");
    }

    @Test
    void gemmEqualsCblasForEveryOrderTransposeAndLayout() {
        int[][] sizes = {{5, 4, 3}, {1, 6, 2}, {37, 29, 41}};
        for (DType t : REAL) {
            for (Layout order : Layout.values()) {
                for (Trans ta : NT) {
                    for (Trans tb : NT) {
                        for (int[] s : sizes) {
                            for (int variant = 0; variant < 3; variant++) {
                                int m = s[0];
                                int n = s[1];
                                int k = s[2];
                                int pad = variant; // 0: tight leading dimension and array
                                int off = 2 * variant;
                                double beta = variant == 1 ? 0 : -0.5;
                                int ar = ta == Trans.N ? m : k;
                                int ac = ta == Trans.N ? k : m;
                                int br = tb == Trans.N ? k : n;
                                int bc = tb == Trans.N ? n : k;
                                Object[] in = {operand(t, order, ar, ac, pad, off, 0, 1),
                                    operand(t, order, br, bc, pad + 1, off + 1, 0, 2),
                                    operand(t, order, m, n, pad, off, variant, 3)};
                                int lda = ld(order, ar, ac, pad);
                                int ldb = ld(order, br, bc, pad + 1);
                                int ldc = ld(order, m, n, pad);
                                String what = t + " " + order + " " + ta + tb + " " + m + "x" + n + "x" + k + " v" + variant;
                                long staged = same("gemm " + what, in, (bl, x) -> bl.gemm(t, order, ta, tb, m, n, k, 1.25, 0,
                                        x[0], off, lda, x[1], off + 1, ldb, beta, 0, x[2], off, ldc));
                                unstaged("gemm " + what, staged);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void gemmWithKZeroScalesCThroughStaging() {
        for (DType t : REAL) {
            for (Layout order : Layout.values()) {
                Object[] in = {Ref.random(t, 1, 1), Ref.random(t, 4, 2), Ref.random(t, 12, 3)};
                boolean row = order == Layout.ROW_MAJOR;
                same("gemm k=0 " + t + order, in, (bl, x) -> bl.gemm(t, order, Trans.N, Trans.N, 3, 4, 0, 1, 0, x[0], 0,
                        row ? 1 : 3, x[1], 0, row ? 4 : 1, 0.5, 0, x[2], 0, row ? 4 : 3));
            }
        }
    }

    @Test
    void symmAndTriangularLevel3EqualCblasOnEverySideAndTriangle() {
        int m = 6;
        int n = 5;
        for (DType t : REAL) {
            for (Layout order : Layout.values()) {
                for (Side side : Side.values()) {
                    for (Uplo uplo : Uplo.values()) {
                        int ka = side == Side.LEFT ? m : n;
                        for (int pad = 0; pad < 2; pad++) {
                            int p = pad;
                            String what = t + " " + order + " " + side + " " + uplo + " pad " + pad;
                            // A diagonally dominant triangle keeps trsm well conditioned.
                            Object a = operand(t, order, ka, ka, pad, pad, 0, 4);
                            for (int i = 0; i < ka; i++) {
                                Ref.set(a, pad + (long) i * ld(order, ka, ka, pad) + i, 4.0 + i);
                            }
                            int lda = ld(order, ka, ka, pad);
                            int ldb = ld(order, m, n, pad);
                            Object[] in = {a, operand(t, order, m, n, pad, 1, 0, 5), operand(t, order, m, n, pad, 2, 0, 6)};
                            long staged = same("symm " + what, in, (bl, x) -> bl.symm(t, order, side, uplo, m, n, 0.75, 0,
                                    x[0], p, lda, x[1], 1, ldb, 1.5, 0, x[2], 2, ldb));
                            for (Trans tr : NT) {
                                for (Diag diag : Diag.values()) {
                                    staged += same("trmm " + what + " " + tr + diag, in, (bl, x) -> bl.trmm(t, order, side,
                                            uplo, tr, diag, m, n, -1.5, 0, x[0], p, lda, x[1], 1, ldb));
                                    staged += same("trsm " + what + " " + tr + diag, in, (bl, x) -> bl.trsm(t, order, side,
                                            uplo, tr, diag, m, n, 2, 0, x[0], p, lda, x[1], 1, ldb));
                                }
                            }
                            // With pad 1 each array ends at its last column's last row, short of a whole leading
                            // dimension: the shims' own checks would refuse it, so the table stages those calls
                            // (with the same results, asserted above).
                            if (pad == 0) {
                                unstaged("symm/trmm/trsm " + what, staged);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void syrkEqualsCblasOnEveryTriangleAndTranspose() {
        int n = 7;
        int k = 4;
        for (DType t : REAL) {
            for (Layout order : Layout.values()) {
                for (Uplo uplo : Uplo.values()) {
                    for (Trans tr : NT) {
                        int ar = tr == Trans.N ? n : k;
                        int ac = tr == Trans.N ? k : n;
                        Object[] in = {operand(t, order, ar, ac, 2, 1, 3, 7), operand(t, order, n, n, 1, 0, 2, 8)};
                        String what = "syrk " + t + " " + order + " " + uplo + " " + tr;
                        unstaged(what, same(what, in, (bl, x) -> bl.syrk(t, order, uplo, tr, n, k, 1.5, 0, x[0], 1,
                                ld(order, ar, ac, 2), 0.25, 0, x[1], 0, ld(order, n, n, 1))));
                    }
                }
            }
        }
    }

    @Test
    void level2EqualsCblasForEveryOrderTransposeAndIncrement() {
        int m = 6;
        int n = 4;
        int[] incs = {1, 2, -1, -3};
        for (DType t : REAL) {
            for (Layout order : Layout.values()) {
                int lda = ld(order, m, n, 1);
                Object a = operand(t, order, m, n, 1, 3, 1, 9);
                for (int incx : incs) {
                    for (int incy : new int[] {1, -2}) {
                        for (Trans tr : NT) {
                            int lx = tr == Trans.N ? n : m;
                            int ly = tr == Trans.N ? m : n;
                            Object[] in = {a, Ref.random(t, 1 + (lx - 1) * Math.abs(incx) + 1, 10),
                                Ref.random(t, 3 + (ly - 1) * Math.abs(incy), 11)};
                            String what = "gemv " + t + " " + order + " " + tr + " inc " + incx + "," + incy;
                            unstaged(what, same(what, in, (bl, x) -> bl.gemv(t, order, tr, m, n, -0.5, 0, x[0], 3, lda,
                                    x[1], 1, incx, 2, 0, x[2], 2, incy)));
                        }
                        Object[] in = {Ref.random(t, (m - 1) * Math.abs(incx) + 1, 12),
                            Ref.random(t, (n - 1) * Math.abs(incy) + 1, 13), a};
                        String what = "ger " + t + " " + order + " inc " + incx + "," + incy;
                        unstaged(what, same(what, in, (bl, x) -> bl.ger(t, order, false, m, n, 1.5, 0, x[0], 0, incx,
                                x[1], 0, incy, x[2], 3, lda)));
                    }
                    Object tri = operand(t, order, n, n, 2, 1, 2, 14);
                    for (int i = 0; i < n; i++) {
                        Ref.set(tri, 1 + (long) i * ld(order, n, n, 2) + i, 3.0 + i);
                    }
                    for (Uplo uplo : Uplo.values()) {
                        for (Trans tr : NT) {
                            for (Diag diag : Diag.values()) {
                                Object[] in = {tri, Ref.random(t, (n - 1) * Math.abs(incx) + 1, 15)};
                                String what = "trsv " + t + " " + order + " " + uplo + tr + diag + " inc " + incx;
                                unstaged(what, same(what, in, (bl, x) -> bl.trsv(t, order, uplo, tr, diag, n, x[0], 1,
                                        ld(order, n, n, 2), x[1], 0, incx)));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void level1EqualsCblasForEveryIncrement() {
        int n = 9;
        for (DType t : REAL) {
            for (int incx : new int[] {1, 3, -1, -2}) {
                for (int incy : new int[] {1, -3}) {
                    Object[] in = {Ref.random(t, 3 + (n - 1) * Math.abs(incx), 16),
                        Ref.random(t, 2 + (n - 1) * Math.abs(incy), 17)};
                    double[] dots = new double[2];
                    String what = t + " inc " + incx + "," + incy;
                    long staged = same("dot " + what, in, (bl, x) -> dots[bl == JAVACPP ? 0 : 1] =
                            bl.dot(t, false, n, x[0], 2, incx, x[1], 1, incy).re());
                    assertEquals(Double.doubleToLongBits(dots[0]), Double.doubleToLongBits(dots[1]), "dot " + what);
                    staged += same("axpy " + what, in, (bl, x) -> bl.axpy(t, n, -0.75, 0, x[0], 2, incx, x[1], 1, incy));
                    unstaged("dot/axpy " + what, staged);
                }
                Object[] in = {Ref.random(t, 3 + (n - 1) * Math.abs(incx), 18)};
                Ref.set(in[0], 2 + 4L * Math.abs(incx), 7.5); // a clear maximum for iamax
                double[][] r = new double[3][2];
                String what = t + " inc " + incx;
                long staged = same("scal " + what, in, (bl, x) -> bl.scal(t, n, 1.5, 0, x[0], 2, incx));
                staged += same("reductions " + what, in, (bl, x) -> {
                    int which = bl == JAVACPP ? 0 : 1;
                    r[0][which] = bl.nrm2(t, n, x[0], 2, incx);
                    r[1][which] = bl.asum(t, n, x[0], 2, incx);
                    r[2][which] = bl.iamax(t, n, x[0], 2, incx);
                });
                for (int i = 0; i < 3; i++) {
                    assertEquals(Double.doubleToLongBits(r[i][0]), Double.doubleToLongBits(r[i][1]), what + " reduction " + i);
                }
                if (incx > 0) {
                    assertEquals(4, r[2][1], "iamax " + what + " is 0-based");
                    unstaged("scal/reductions " + what, staged);
                }
            }
        }
    }

    @Test
    void aboveTheCriticalLimitLevel3Stages() {
        CriticalCalls.setLimit(0);
        Object[] in = {Ref.random(DType.F64, 16, 1), Ref.random(DType.F64, 16, 2), Ref.random(DType.F64, 16, 3)};
        long staged = same("gemm limit 0", in, (bl, x) -> bl.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N, 4, 4, 4,
                1, 0, x[0], 0, 4, x[1], 0, 4, 0, 0, x[2], 0, 4));
        assertTrue(staged > 0, "above the limit the netlib table must stage");
    }

    /**
     * Column-major n×n from element 1 to the end of its last leading dimension, diagonally dominant (symmetric
     * positive definite when {@code symmetric}).
     */
    private static Object square(DType t, int n, int lda, boolean symmetric, long seed) {
        Object a = Ref.random(t, 1 + n * lda, seed);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j && symmetric; i++) {
                Ref.set(a, 1 + (long) j * lda + i, Ref.get(a, 1 + (long) i * lda + j));
            }
            Ref.set(a, 1 + (long) j * lda + j, 2.0 * n);
        }
        return a;
    }

    private interface LapackCall {
        int call(NativeLapack l, Object[] x, int[] ipiv);
    }

    private static void sameLapack(String what, Object[] inputs, int pivots, LapackCall call) {
        unstaged(what, sameLapackStaging(what, inputs, pivots, call));
    }

    /** Like {@link #same} for LAPACK, info and pivots included; returns the netlib run's staging allocations. */
    private static long sameLapackStaging(String what, Object[] inputs, int pivots, LapackCall call) {
        Object[] want = copies(inputs);
        int[] wantPiv = new int[pivots];
        int wantInfo = call.call(JAVACPP_LAPACK, want, wantPiv);
        Object[] got = copies(inputs);
        int[] gotPiv = new int[pivots];
        int[] gotInfo = new int[1];
        long staged = onFreshThread(() -> gotInfo[0] = call.call(netlibLapack, got, gotPiv));
        assertEquals(wantInfo, gotInfo[0], what + " info");
        assertArrayEquals(wantPiv, gotPiv, what + " ipiv");
        assertSameArrays(what, want, got);
        return staged;
    }

    @Test
    void lapackEqualsLapackeIncludingInfoAndPivots() {
        int n = 9;
        int nrhs = 3;
        int lda = n + 2;
        for (DType t : REAL) {
            for (Trans tr : NT) {
                Object[] in = {square(t, n, lda, false, 20), Ref.random(t, (nrhs - 1) * lda + n + 1, 21)};
                sameLapack("getrf+getrs " + t + tr, in, n, (l, x, piv) -> {
                    int info = l.getrf(t, n, n, x[0], 1, lda, piv, 0);
                    return info != 0 ? info : l.getrs(t, tr, n, nrhs, x[0], 1, lda, piv, 0, x[1], 1, lda);
                });
            }
            // The last column stored short of a whole leading dimension: the shims' checks would refuse it.
            Object shortA = Ref.random(t, 1 + (n - 1) * lda + n, 28);
            for (int j = 0; j < n; j++) {
                Ref.set(shortA, 1 + (long) j * lda + j, 2.0 * n);
            }
            assertTrue(sameLapackStaging("getrf short " + t, new Object[] {shortA}, n,
                    (l, x, piv) -> l.getrf(t, n, n, x[0], 1, lda, piv, 0)) > 0, "a short last column must stage");
            Object singular = square(t, n, lda, false, 22);
            for (int i = 0; i < n; i++) {
                Ref.set(singular, 1 + 4L * lda + i, 0); // column 5 is zero: info = 5
            }
            sameLapack("getrf singular " + t, new Object[] {singular}, n, (l, x, piv) -> {
                int info = l.getrf(t, n, n, x[0], 1, lda, piv, 0);
                assertEquals(5, info, "a zero fifth column gives info 5");
                return info;
            });
            for (Uplo uplo : Uplo.values()) {
                Object[] in = {square(t, n, lda, true, 23), Ref.random(t, (nrhs - 1) * lda + n, 24)};
                sameLapack("potrf+potrs " + t + uplo, in, 0, (l, x, piv) -> {
                    int info = l.potrf(t, uplo, n, x[0], 1, lda);
                    return info != 0 ? info : l.potrs(t, uplo, n, nrhs, x[0], 1, lda, x[1], 0, lda);
                });
            }
            Object notPd = square(t, n, lda, true, 25);
            Ref.set(notPd, 1 + 2L * lda + 2, -1); // the third leading minor is not positive definite
            sameLapack("potrf not PD " + t, new Object[] {notPd}, 0, (l, x, piv) -> {
                int info = l.potrf(t, Uplo.LOWER, n, x[0], 1, lda);
                assertEquals(3, info, "a negative third pivot gives info 3");
                return info;
            });
            int m = 12;
            Object[] qr = {Ref.random(t, (n - 1) * (m + 1) + m + 3, 26), Ref.random(t, n + 1, 27)};
            sameLapack("geqrf " + t, qr, 0, (l, x, piv) -> l.geqrf(t, m, n, x[0], 2, m + 1, x[1], 1));
        }
    }

    @Test
    void theShimsCallTheOpenBlasFileJavacppLoaded() {
        NetlibShims shims = NetlibShims.load();
        List<long[]> ranges = NetlibShims.mappedRanges(shims.library());
        assertTrue(!ranges.isEmpty(), "no mapping of " + shims.library());
        long dgemm = org.bytedeco.javacpp.Loader.addressof("dgemm_").address();
        List<Boolean> inside = new ArrayList<>();
        for (long[] r : ranges) {
            inside.add(dgemm >= r[0] && dgemm < r[1]);
        }
        assertTrue(inside.contains(true), "dgemm_ resolves outside " + shims.library());
    }
}
