package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.host.LapackCholesky;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.api.Test;

/**
 * The host function forms copy only what LAPACK reads, in one pass: Cholesky copies the triangle potrf reads into a
 * fresh (zero) array and never zeroes the other triangle afterwards; the SVD plan copies A into its own reused array
 * and screens it for NaN and infinity in the same pass. Each is checked against the path it replaced (a full dense
 * copy, potrf, a zeroing pass; a separate scan and a fresh copy): the same LAPACK call on the same numbers, so the
 * same bits.
 */
class HostCopyPassesTest {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();

    /** The factor as the function form made it before: potrf on a full dense copy, then the other triangle zeroed. */
    private static Object fullCopyFactor(HostMatrix a, Uplo uplo) {
        Layout layout = a.shape().layout();
        int n = (int) a.shape().rows();
        Uplo stored = layout == Layout.COLUMN_MAJOR ? uplo : uplo.flipped();
        Object f = Dense.copy(a, layout);
        assertEquals(0, LapackCholesky.factor(HOST.threads(), a.dtype(), stored, n, f));
        Dense.zeroTriangle(a.dtype(), f, n, stored == Uplo.UPPER);
        return f;
    }

    /** A copy of {@code a} with NaN in every element of the triangle opposite {@code uplo} (never read). */
    private static HostMatrix poisoned(HostMatrix a, Uplo uplo) {
        Object data = a.array() instanceof double[] d ? d.clone() : ((float[]) a.array()).clone();
        HostMatrix p = HostMatrix.of(a.dtype(), data, a.shape());
        int n = (int) a.shape().rows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (uplo == Uplo.LOWER ? j > i : j < i) {
                    SpectralSamplesAccess.put(p, i, j, Double.NaN);
                }
            }
        }
        return p;
    }

    private static long bits(Object array, int slot) {
        return array instanceof double[] d ? Double.doubleToRawLongBits(d[slot])
                : Float.floatToRawIntBits(((float[]) array)[slot]);
    }

    private static boolean sameBits(Object x, Object y) {
        return x instanceof double[] d ? Arrays.equals(d, (double[]) y) : Arrays.equals((float[]) x, (float[]) y);
    }

    @Test
    void choleskysOtherTriangleIsPositiveZeroAndTheFactorIsTheFullCopysBitForBit() {
        // 200 and 300 take OpenBLAS's blocked and threaded potrf (recursive, with SYRK/TRSM updates of the panels).
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                for (int n : t == DType.F64 ? new int[] {1, 2, 7, 64, 200, 300} : new int[] {1, 7, 64, 200}) {
                    HostMatrix a = CholeskyTest.spd(t, n, layout, n);
                    HostMatrix unreadNaN = poisoned(a, Uplo.LOWER);
                    Object expected = fullCopyFactor(a, Uplo.LOWER);
                    HostMatrix l = Linalg.cholesky(unreadNaN);
                    String where = t + " " + layout + " n=" + n;
                    assertEquals(MatrixShape.dense(n, n, layout), l.shape(), where);
                    assertTrue(sameBits(expected, l.array()), where + ": not the full copy's factor");
                    int slots = t.slotsPerElement();
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            int at = (int) l.shape().indexOf(0, i, j) * slots;
                            for (int p = 0; p < slots; p++) {
                                assertEquals(0, bits(l.array(), at + p), where + " (" + i + ", " + j + ")");
                            }
                        }
                    }
                    // The factorisation object (either triangle) copies the same triangle: same bits again.
                    for (Uplo uplo : Uplo.values()) {
                        HostMatrix f = CholeskyFactorization.factor(HOST, poisoned(a, uplo), uplo).triangularFactor();
                        assertTrue(sameBits(fullCopyFactor(a, uplo), f.array()), where + " " + uplo);
                    }
                }
            }
        }
    }

    @Test
    void aStridedOrOffsetViewFactorsLikeItsDenseCopy() {
        for (DType t : new DType[] {DType.F64, DType.C64}) {
            for (Layout layout : Layout.values()) {
                int n = 70;
                HostMatrix dense = CholeskyTest.spd(t, n, layout, 5);
                MatrixShape view = MatrixShape.dense(n, n, layout).withLd(n + 3).withOffset(5);
                int slots = t.slotsPerElement();
                Object data = Dense.allocate(t, view.requiredElements());
                if (data instanceof double[] d) {
                    Arrays.fill(d, Double.NaN); // the gaps between the lines are never read either
                } else {
                    Arrays.fill((float[]) data, Float.NaN);
                }
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        System.arraycopy(dense.array(), (int) dense.shape().indexOf(0, i, j) * slots, data,
                                (int) view.indexOf(0, i, j) * slots, slots);
                    }
                }
                HostMatrix strided = HostMatrix.of(t, data, view);
                assertTrue(sameBits(Linalg.cholesky(dense).array(), Linalg.cholesky(strided).array()), t + " " + layout);
            }
        }
    }

    @Test
    void nanInTheReadTriangleStillPropagatesIntoTheFactorAsBefore() {
        for (Layout layout : Layout.values()) {
            HostMatrix a = CholeskyTest.spd(DType.F64, 50, layout, 9);
            SpectralSamplesAccess.put(a, 20, 3, Double.NaN); // lower triangle: read
            SpectralSamplesAccess.put(a, 3, 20, Double.NaN); // keep A symmetric
            HostMatrix l = Linalg.cholesky(a);
            assertTrue(sameBits(fullCopyFactor(a, Uplo.LOWER), l.array()), layout.toString());
            assertTrue(Double.isNaN(l.doubles()[(int) l.shape().indexOf(0, 20, 3)]), layout.toString());
            assertEquals(0.0, l.doubles()[(int) l.shape().indexOf(0, 3, 20)], layout.toString());
        }
    }

    @Test
    void theFusedCopyFindsEveryNonFiniteSlotAndCopiesExactly() {
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.longBitsToDouble(0xfff8_0000_0000_0000L)};
        double[] good = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0, Double.MIN_NORMAL, 1.5};
        for (DType t : DType.values()) {
            for (Layout source : Layout.values()) {
                for (Layout target : Layout.values()) {
                    int rows = 5;
                    int cols = 7;
                    int slots = rows * cols * t.slotsPerElement();
                    for (int at : new int[] {0, 1, slots / 2, slots - 2, slots - 1}) {
                        for (double v : bad) {
                            check(t, source, target, rows, cols, at, v, false);
                        }
                        for (double v : good) {
                            // Values a float cannot hold stay finite only in double precision.
                            boolean finite = !t.isSinglePrecision() || Float.isFinite((float) v);
                            check(t, source, target, rows, cols, at, v, finite);
                        }
                    }
                }
            }
        }
    }

    private static void check(DType t, Layout source, Layout target, int rows, int cols, int at, double v,
                              boolean finite) {
        HostMatrix m = SpectralSamples.random(t, rows, cols, source, at);
        Dense.set(m.array(), at, v);
        Object fused = Dense.allocate(t, (long) rows * cols);
        Object plain = Dense.allocate(t, (long) rows * cols);
        boolean answer = Dense.copyIntoFinite(m, target, fused);
        Dense.copyInto(m, target, plain);
        String where = t + " " + source + "->" + target + " slot " + at + " = " + v;
        assertEquals(finite, answer, where);
        assertTrue(sameBits(plain, fused), where + ": the copy differs");
    }

    @Test
    void theSvdPlanNamesTheFirstNonFiniteElementAsBeforeAndStaysUsable() {
        for (Layout layout : Layout.values()) {
            for (DType t : new DType[] {DType.F64, DType.F32, DType.C128}) {
                HostMatrix good = SpectralSamples.random(t, 9, 6, layout, 2);
                SvdPlan plan = SvdPlan.create(HOST, good, SvdMode.THIN);
                Svd first = plan.execute(good);
                HostMatrix bad = SpectralSamples.random(t, 9, 6, layout, 3);
                SpectralSamplesAccess.put(bad, 7, 0, Double.POSITIVE_INFINITY);
                SpectralSamplesAccess.put(bad, 2, 4, Double.NaN);
                InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> plan.execute(bad));
                // SpectralInputs.finite's row-by-row order: (2, 4) comes before (7, 0) whatever the storage order.
                assertTrue(e.getMessage().contains("(2, 4)"), e.getMessage());
                assertFalse(e.getMessage().contains("(7, 0)"), e.getMessage());
                // The plan's reused copy of A carries nothing over: the same LAPACK call, the same bits.
                Svd again = plan.execute(good);
                assertTrue(sameBits(first.s().array(), again.s().array()), t + " " + layout);
                assertTrue(sameBits(first.u().array(), again.u().array()), t + " " + layout);
                assertTrue(sameBits(first.vh().array(), again.vh().array()), t + " " + layout);
                assertTrue(sameBits(first.s().array(), SvdPlan.create(HOST, good, SvdMode.THIN).execute(good).s().array()));
                // Results are fresh per call, never the plan's arrays.
                assertFalse(first.u().array() == again.u().array());
            }
        }
    }

    @Test
    void anSvdPlanGivenTheOtherStorageOrderCopiesAndScreensThroughTheGeneralPath() {
        HostMatrix rows = SpectralSamples.random(DType.F64, 8, 5, Layout.ROW_MAJOR, 4);
        double[] columns = new double[40];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 5; j++) {
                columns[j * 8 + i] = rows.doubles()[i * 5 + j];
            }
        }
        HostMatrix sameInColumns = HostMatrix.of(DType.F64, columns, MatrixShape.columnMajor(8, 5));
        SvdPlan plan = SvdPlan.create(HOST, rows, SvdMode.FULL);
        Svd expected = plan.execute(rows);
        Svd actual = plan.execute(sameInColumns);
        assertArrayEquals(expected.s().doubles(), actual.s().doubles());
        assertArrayEquals(expected.u().doubles(), actual.u().doubles());
        assertArrayEquals(expected.vh().doubles(), actual.vh().doubles());
        columns[3 * 8 + 6] = Double.NEGATIVE_INFINITY;
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> plan.execute(sameInColumns));
        assertTrue(e.getMessage().contains("(6, 3)"), e.getMessage());
    }
    @Test
    void oneShotSvdsOfOneShapeReuseTheThreadsPlanAndGiveTheFreshPlansBits() {
        HostMatrix a = SpectralSamples.random(DType.F64, 40, 30, Layout.ROW_MAJOR, 6);
        HostMatrix b = SpectralSamples.random(DType.F64, 40, 30, Layout.ROW_MAJOR, 7);
        SvdPlan first = SvdPlan.oneShot(HOST, a, SvdMode.THIN);
        assertTrue(first == SvdPlan.oneShot(HOST, b, SvdMode.THIN), "the same shape, mode and threads: kept");
        // A change of mode, shape, order, type or thread count makes (and keeps) another plan.
        assertFalse(first == SvdPlan.oneShot(HOST, a, SvdMode.FULL));
        assertFalse(first == SvdPlan.oneShot(HOST, a, SvdMode.THIN), "replaced by the FULL plan");
        SvdPlan thin = SvdPlan.oneShot(HOST, a, SvdMode.THIN);
        FuseContext oneThread = FuseContext.builder().execution(Execution.HOST).threads(1).build();
        assertFalse(thin == SvdPlan.oneShot(oneThread, a, SvdMode.THIN));
        assertFalse(SvdPlan.oneShot(HOST, a, SvdMode.THIN)
                == SvdPlan.oneShot(HOST, SpectralSamples.random(DType.F64, 30, 40, Layout.ROW_MAJOR, 6), SvdMode.THIN));
        assertFalse(SvdPlan.oneShot(HOST, a, SvdMode.THIN)
                == SvdPlan.oneShot(HOST, SpectralSamples.random(DType.F64, 40, 30, Layout.COLUMN_MAJOR, 6), SvdMode.THIN));
        assertFalse(SvdPlan.oneShot(HOST, a, SvdMode.THIN)
                == SvdPlan.oneShot(HOST, SpectralSamples.random(DType.F32, 40, 30, Layout.ROW_MAJOR, 6), SvdMode.THIN));
        // The function form through the kept plan: a fresh plan's bits, call after call, in fresh arrays.
        Svd expected = SvdPlan.create(HOST, b, SvdMode.THIN).execute(b);
        Svd x = Linalg.svd(HOST, b, SvdMode.THIN);
        Linalg.svd(HOST, a, SvdMode.THIN);
        Svd y = Linalg.svd(HOST, b, SvdMode.THIN);
        for (Svd r : new Svd[] {x, y}) {
            assertTrue(sameBits(expected.s().array(), r.s().array()));
            assertTrue(sameBits(expected.u().array(), r.u().array()));
            assertTrue(sameBits(expected.vh().array(), r.vh().array()));
        }
        assertFalse(x.u().array() == y.u().array());
        // Another thread has its own plan.
        SvdPlan mine = SvdPlan.oneShot(HOST, a, SvdMode.THIN);
        SvdPlan[] theirs = new SvdPlan[1];
        Thread other = new Thread(() -> theirs[0] = SvdPlan.oneShot(HOST, a, SvdMode.THIN));
        other.start();
        assertTrue(join(other));
        assertFalse(mine == theirs[0]);
    }

    private static boolean join(Thread t) {
        try {
            t.join();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
