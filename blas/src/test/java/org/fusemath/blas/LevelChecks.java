package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;

/**
 * The checks of the level 1–3 routines on one type (both layouts where a matrix is involved, every uplo, side, op
 * and diag) within their error bounds, run through {@link Blas}'s context-taking forms: on the host by
 * {@link LevelRoutinesTest}, on the device path (a CPU fake of cuBLAS, or a GPU) by the device tests.
 */
public final class LevelChecks {
    private LevelChecks() {
    }

    private static HostVector vector(DType t, int n, int offset, int stride, long seed) {
        int slots = (offset + Math.max(0, n - 1) * stride + 1) * t.slotsPerElement();
        return HostVector.of(t, Ref.random(t, slots, seed), n, offset, stride);
    }

    private static MatrixShape shape(Layout l, int rows, int cols) {
        int inner = l == Layout.ROW_MAJOR ? cols : rows;
        return MatrixShape.dense(rows, cols, l).withLd(Math.max(1, inner) + 1).withOffset(2);
    }

    private static Scalar alpha(DType t) {
        return t.isComplex() ? Scalar.of(0.75, -0.5) : Scalar.of(-1.25);
    }

    private static Scalar beta(DType t) {
        return t.isComplex() ? Scalar.of(0.5, 0.25) : Scalar.of(0.5);
    }

    private static double c(DType t) {
        return t.isComplex() ? 4 : 2;
    }

    private static void within(Dense want, Dense bound, Dense got, String what) {
        for (int i = 0; i < want.rows; i++) {
            for (int j = 0; j < want.cols; j++) {
                int e = i * want.cols + j;
                double err = Math.hypot(want.re[e] - got.re[e], want.im[e] - got.im[e]);
                assertTrue(err <= bound.re[e] + Double.MIN_NORMAL, what + " (" + i + "," + j + "): |error| " + err
                        + " > bound " + bound.re[e]);
            }
        }
    }

    /** dot, dotc, asum, nrm2, iamax, axpy, scal on n = 0, 1, 17, strided; shape and aliasing errors. */
    public static void level1(DType t, FuseContext context) {
        double u = t.unitRoundoff();
        for (int n : new int[] {0, 1, 17}) {
            HostVector x = vector(t, n, 3, 2, 1);
            HostVector y = vector(t, n, 1, 3, 2);
            Dense dx = Dense.of(x);
            Dense dy = Dense.of(y);
            double mag = 0;
            double sr = 0;
            double si = 0;
            double scr = 0;
            double sci = 0;
            double asum = 0;
            double sq = 0;
            int amax = -1;
            double best = -1;
            for (int i = 0; i < n; i++) {
                sr += dx.re[i] * dy.re[i] - dx.im[i] * dy.im[i];
                si += dx.re[i] * dy.im[i] + dx.im[i] * dy.re[i];
                scr += dx.re[i] * dy.re[i] + dx.im[i] * dy.im[i];
                sci += dx.re[i] * dy.im[i] - dx.im[i] * dy.re[i];
                mag += dx.abs(i, 0) * dy.abs(i, 0);
                double l1 = Math.abs(dx.re[i]) + Math.abs(dx.im[i]);
                asum += l1;
                sq += dx.re[i] * dx.re[i] + dx.im[i] * dx.im[i];
                if (l1 > best) {
                    best = l1;
                    amax = i;
                }
            }
            double dotBound = c(t) * Ref.gamma(n + 1, u) * mag + Double.MIN_NORMAL;
            Scalar dot = Blas.dot(context, x, y);
            assertTrue(Math.hypot(dot.re() - sr, dot.im() - si) <= dotBound, t + " dot n=" + n);
            Scalar dotc = Blas.dotc(context, x, y);
            assertTrue(Math.hypot(dotc.re() - scr, dotc.im() - sci) <= dotBound, t + " dotc n=" + n);
            assertEquals(asum, Blas.asum(context, x), c(t) * Ref.gamma(n + 1, u) * asum + Double.MIN_NORMAL, t + " asum");
            assertEquals(Math.sqrt(sq), Blas.nrm2(context, x), c(t) * (n + 2) * u * Math.sqrt(sq) + Double.MIN_NORMAL, t + " nrm2");
            assertEquals(amax, Blas.iamax(context, x), t + " iamax");

            Scalar a = alpha(t);
            Object yBefore = Ref.copy(y.array());
            Blas.axpy(context, a, x, y);
            Dense want = dx.scaled(a).plus(dy);
            Dense got = Dense.of(y);
            Dense bound = Dense.of(n, 1, (i, j) -> new double[] {c(t) * u * (2 * Math.hypot(a.re(), a.im()) * dx.abs(i, 0)
                    + dy.abs(i, 0)), 0});
            within(want, bound, got, t + " axpy");
            // Slots between strided elements are untouched.
            for (int i = 0; i < java.lang.reflect.Array.getLength(yBefore); i++) {
                boolean element = i >= y.offset() * t.slotsPerElement() && (i / t.slotsPerElement() - y.offset()) % y.stride() == 0
                        && (i / t.slotsPerElement() - y.offset()) / y.stride() < n;
                if (!element) {
                    assertEquals(Ref.get(yBefore, i), Ref.get(y.array(), i), t + " axpy gap slot " + i);
                }
            }
            Blas.scal(context, a, x);
            within(dx.scaled(a), Dense.of(n, 1, (i, j) -> new double[] {c(t) * u * Math.hypot(a.re(), a.im()) * dx.abs(i, 0), 0}),
                    Dense.of(x), t + " scal");
        }
        assertThrows(ShapeMismatchException.class, () -> Blas.dot(context, vector(t, 3, 0, 1, 1), vector(t, 4, 0, 1, 2)));
        HostVector shared = vector(t, 8, 0, 1, 3);
        HostVector head = HostVector.of(t, shared.array(), 5, 0, 1);
        HostVector tail = HostVector.of(t, shared.array(), 5, 3, 1);
        assertEquals("y", assertThrows(InvalidArgumentException.class, () -> Blas.axpy(context, Scalar.ONE, head, tail)).argument());
    }

    /** gemv (every op and layout, beta = 0 over NaN, an empty x), ger and gerc, trsv (every uplo, op, diag). */
    public static void gemvGerTrsv(DType t, FuseContext context) {
        double u = t.unitRoundoff();
        SplittableRandom r = new SplittableRandom(t.ordinal());
        for (Layout l : Layout.values()) {
            for (Op op : Op.values()) {
                HostMatrix a = Ref.random(t, shape(l, 5, 7), r.nextLong());
                int inner = (int) op.colsOf(5, 7);
                int outer = (int) op.rowsOf(5, 7);
                HostVector x = vector(t, inner, 1, 2, r.nextLong());
                HostVector y = vector(t, outer, 0, 3, r.nextLong());
                Dense da = Dense.of(a, op);
                Dense dx = Dense.of(x);
                Dense dy = Dense.of(y);
                Scalar al = alpha(t);
                Scalar be = beta(t);
                Blas.gemv(context, op, al, a, x, be, y);
                Dense want = da.times(dx).scaled(al).plus(dy.scaled(be));
                Dense mag = da.absTimes(dx);
                double g = c(t) * Ref.gamma(inner + 2, u);
                within(want, Dense.of(outer, 1, (i, j) -> new double[] {g * (Math.hypot(al.re(), al.im()) * mag.re[i]
                        + Math.hypot(be.re(), be.im()) * dy.abs(i, 0)), 0}), Dense.of(y), t + " gemv " + l + " " + op);
            }
            // beta = 0 does not read y (NaN in y does not leak), and an empty x leaves y = beta·y.
            HostMatrix a = Ref.random(t, shape(l, 4, 3), r.nextLong());
            HostVector x = vector(t, 3, 0, 1, r.nextLong());
            HostVector y = vector(t, 4, 0, 1, r.nextLong());
            for (int i = 0; i < 4 * t.slotsPerElement(); i++) {
                Ref.set(y.array(), i, Double.NaN);
            }
            Blas.gemv(context, Op.NONE, Scalar.ONE, a, x, Scalar.ZERO, y);
            for (int i = 0; i < 4 * t.slotsPerElement(); i++) {
                assertTrue(!Double.isNaN(Ref.get(y.array(), i)), t + " gemv leaked NaN from y");
            }
            HostMatrix empty = HostMatrix.of(t, Ref.random(t, 0, 1), MatrixShape.dense(4, 0, l));
            HostVector y2 = vector(t, 4, 0, 1, 9);
            Dense dy2 = Dense.of(y2);
            Blas.gemv(context, Op.NONE, Scalar.ONE, empty, HostVector.of(t, Ref.random(t, 0, 1), 0, 0, 1), Scalar.of(2), y2);
            within(dy2.scaled(Scalar.of(2)), Dense.of(4, 1, (i, j) -> new double[] {0, 0}), Dense.of(y2), t + " gemv k=0");

            HostMatrix g = Ref.random(t, shape(l, 4, 6), r.nextLong());
            HostVector gx = vector(t, 4, 2, 1, r.nextLong());
            HostVector gy = vector(t, 6, 0, 2, r.nextLong());
            for (boolean conj : new boolean[] {false, true}) {
                HostMatrix gc = HostMatrix.of(t, Ref.copy(g.array()), g.shape());
                Dense dyt = Dense.of(gy);
                Dense yRow = Dense.of(1, 6, (i, j) -> new double[] {dyt.re[j], conj ? -dyt.im[j] : dyt.im[j]});
                Dense want = Dense.of(gx).times(yRow).scaled(alpha(t)).plus(Dense.of(gc, Op.NONE));
                if (conj) {
                    Blas.gerc(context, alpha(t), gx, gy, gc);
                } else {
                    Blas.ger(context, alpha(t), gx, gy, gc);
                }
                Dense got = Dense.of(gc, Op.NONE);
                within(want, Dense.of(4, 6, (i, j) -> new double[] {c(t) * 3 * u * (2 + want.abs(i, j)), 0}), got,
                        t + " ger " + l + (conj ? " conj" : ""));
            }
            for (Uplo uplo : Uplo.values()) {
                for (Op op : Op.values()) {
                    for (Diag diag : Diag.values()) {
                        HostMatrix tri = triangular(t, l, 6, r.nextLong());
                        HostVector b = vector(t, 6, 1, 2, r.nextLong());
                        Dense db = Dense.of(b);
                        Blas.trsv(context, uplo, op, diag, tri, b);
                        Dense dt = triangle(Dense.of(tri, Op.NONE), uplo, diag, op);
                        Dense z = Dense.of(b);
                        // Backward stability: |op(T)·z − b| ≤ γ_n·|op(T)|·|z|.
                        Dense mag = dt.absTimes(z);
                        within(db, Dense.of(6, 1, (i, j) -> new double[] {c(t) * Ref.gamma(8, u) * mag.re[i], 0}),
                                dt.times(z), t + " trsv " + l + " " + uplo + " " + op + " " + diag);
                    }
                }
            }
        }
    }

    /** A random n×n matrix with a dominant diagonal (a well-conditioned triangle). */
    private static HostMatrix triangular(DType t, Layout l, int n, long seed) {
        HostMatrix m = Ref.random(t, shape(l, n, n), seed);
        for (int i = 0; i < n; i++) {
            long at = m.shape().indexOf(0, i, i) * t.slotsPerElement();
            Ref.set(m.array(), at, Ref.get(m.array(), at) + 2 * n);
        }
        return m;
    }

    /** op of the {@code uplo} triangle of d (unit diagonal when asked). */
    private static Dense triangle(Dense d, Uplo uplo, Diag diag, Op op) {
        Dense tri = Dense.of(d.rows, d.cols, (i, j) -> {
            boolean in = uplo == Uplo.UPPER ? j >= i : j <= i;
            if (!in) {
                return new double[] {0, 0};
            }
            if (i == j && diag == Diag.UNIT) {
                return new double[] {1, 0};
            }
            return new double[] {d.re[i * d.cols + j], d.im[i * d.cols + j]};
        });
        if (op == Op.NONE) {
            return tri;
        }
        return Dense.of(d.cols, d.rows, (i, j) -> new double[] {tri.re[j * tri.cols + i],
            op == Op.CONJUGATE_TRANSPOSE ? -tri.im[j * tri.cols + i] : tri.im[j * tri.cols + i]});
    }

    /** trmm, trsm, syrk or herk, symm for every layout pair, side, uplo, op and diag; shape and aliasing errors. */
    public static void level3(DType t, FuseContext context) {
        double u = t.unitRoundoff();
        SplittableRandom r = new SplittableRandom(100 + t.ordinal());
        for (Layout l : Layout.values()) {
            for (Side side : Side.values()) {
                for (Uplo uplo : Uplo.values()) {
                    for (Op op : Op.values()) {
                        for (Diag diag : Diag.values()) {
                          for (Layout la : Layout.values()) {
                            int m = 5;
                            int n = 4;
                            int na = side == Side.LEFT ? m : n;
                            HostMatrix tri = triangular(t, la, na, r.nextLong());
                            Dense dt = triangle(Dense.of(tri, Op.NONE), uplo, diag, op);
                            HostMatrix b = Ref.random(t, shape(l, m, n), r.nextLong());
                            Dense db = Dense.of(b, Op.NONE);
                            Scalar al = alpha(t);
                            HostMatrix bm = HostMatrix.of(t, Ref.copy(b.array()), b.shape());
                            Blas.trmm(context, side, uplo, op, diag, al, tri, bm);
                            Dense want = (side == Side.LEFT ? dt.times(db) : db.times(dt)).scaled(al);
                            Dense mag = side == Side.LEFT ? dt.absTimes(db) : db.absTimes(dt);
                            double a = Math.hypot(al.re(), al.im());
                            String what = t + " " + l + " A " + la + " " + side + " " + uplo + " " + op + " " + diag;
                            within(want, Dense.of(m, n, (i, j) -> new double[] {c(t) * Ref.gamma(na + 2, u) * a * mag.re[i * n + j], 0}),
                                    Dense.of(bm, Op.NONE), "trmm " + what);
                            Blas.trsm(context, side, uplo, op, diag, al, tri, b);
                            Dense x = Dense.of(b, Op.NONE);
                            Dense back = side == Side.LEFT ? dt.times(x) : x.times(dt);
                            Dense bmag = side == Side.LEFT ? dt.absTimes(x) : x.absTimes(dt);
                            within(db.scaled(al), Dense.of(m, n, (i, j) -> new double[] {c(t) * Ref.gamma(na + 2, u)
                                    * (bmag.re[i * n + j] + a * db.abs(i, j)), 0}), back, "trsm " + what);
                          }
                        }
                    }
                }
            }
            for (Uplo uplo : Uplo.values()) {
                for (Op op : new Op[] {Op.NONE, t.isComplex() ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE}) {
                  for (Layout la : Layout.values()) {
                    HostMatrix a = Ref.random(t, op == Op.NONE ? shape(la, 6, 3) : shape(la, 3, 6), r.nextLong());
                    HostMatrix cm = Ref.random(t, shape(l, 6, 6), r.nextLong());
                    Object before = Ref.copy(cm.array());
                    Dense dc = Dense.of(cm, Op.NONE);
                    Dense oa = Dense.of(a, op);
                    boolean herm = t.isComplex();
                    Op second = op == Op.NONE ? (herm ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE) : Op.NONE;
                    Dense ob = Dense.of(a, second);
                    Scalar al = herm ? Scalar.of(0.75) : alpha(t);
                    Scalar be = herm ? Scalar.of(-0.5) : beta(t);
                    if (herm) {
                        Blas.herk(context, uplo, op, al.re(), a, be.re(), cm);
                    } else {
                        Blas.syrk(context, uplo, op, al, a, be, cm);
                    }
                    Dense want = oa.times(ob).scaled(al).plus(dc.scaled(be));
                    Dense mag = oa.absTimes(ob);
                    Dense got = Dense.of(cm, Op.NONE);
                    for (int i = 0; i < 6; i++) {
                        for (int j = 0; j < 6; j++) {
                            boolean in = uplo == Uplo.UPPER ? j >= i : j <= i;
                            int e = i * 6 + j;
                            if (in) {
                                double bound = c(t) * Ref.gamma(5, u) * (Math.abs(al.re()) * mag.re[e] + Math.hypot(be.re(), be.im()) * dc.abs(i, j));
                                double wi = herm && i == j ? 0 : want.im[e];
                                assertTrue(Math.hypot(want.re[e] - got.re[e], wi - got.im[e]) <= bound,
                                        t + " " + (herm ? "herk" : "syrk") + " " + l + " A " + la + " " + uplo + " " + op + " (" + i + "," + j + ")");
                            } else {
                                long slot = cm.shape().indexOf(0, i, j) * t.slotsPerElement();
                                assertEquals(Ref.get(before, slot), Ref.get(cm.array(), slot), "other triangle untouched");
                            }
                        }
                    }
                  }
                }
            }
            for (Side side : Side.values()) {
                for (Uplo uplo : Uplo.values()) {
                  for (Layout la : Layout.values()) {
                    int m = 4;
                    int n = 6;
                    int na = side == Side.LEFT ? m : n;
                    HostMatrix a = Ref.random(t, shape(la, na, na), r.nextLong());
                    HostMatrix b = Ref.random(t, shape(la, m, n), r.nextLong());
                    HostMatrix cm = Ref.random(t, shape(l, m, n), r.nextLong());
                    Dense full = Dense.of(a, Op.NONE);
                    Dense sym = Dense.of(na, na, (i, j) -> {
                        boolean in = uplo == Uplo.UPPER ? j >= i : j <= i;
                        int e = in ? i * na + j : j * na + i;
                        return new double[] {full.re[e], full.im[e]};
                    });
                    Dense db = Dense.of(b, Op.NONE);
                    Dense dc = Dense.of(cm, Op.NONE);
                    Blas.symm(context, side, uplo, alpha(t), a, b, beta(t), cm);
                    Dense prod = side == Side.LEFT ? sym.times(db) : db.times(sym);
                    Dense mag = side == Side.LEFT ? sym.absTimes(db) : db.absTimes(sym);
                    Dense want = prod.scaled(alpha(t)).plus(dc.scaled(beta(t)));
                    double aa = Math.hypot(alpha(t).re(), alpha(t).im());
                    double bb = Math.hypot(beta(t).re(), beta(t).im());
                    within(want, Dense.of(m, n, (i, j) -> new double[] {c(t) * Ref.gamma(na + 2, u)
                            * (aa * mag.re[i * n + j] + bb * dc.abs(i, j)), 0}), Dense.of(cm, Op.NONE),
                            t + " symm " + l + " A, B " + la + " " + side + " " + uplo);
                  }
                }
            }
        }
        HostMatrix sq = Ref.random(t, MatrixShape.rowMajor(3, 3), 1);
        assertEquals("a", assertThrows(ShapeMismatchException.class, () -> Blas.trsm(context, Side.LEFT, Uplo.UPPER, Op.NONE,
                Diag.NON_UNIT, Scalar.ONE, Ref.random(t, MatrixShape.rowMajor(2, 2), 3), sq)).argument());
        assertEquals("b", assertThrows(InvalidArgumentException.class, () -> Blas.trmm(context, Side.LEFT, Uplo.UPPER, Op.NONE,
                Diag.NON_UNIT, Scalar.ONE, sq, sq)).argument(), "B aliases A");
    }
}
