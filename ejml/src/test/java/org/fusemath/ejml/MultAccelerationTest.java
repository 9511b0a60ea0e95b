package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ejml.data.DMatrix1Row;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrix1Row;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;
import org.ejml.data.MatrixType;
import org.ejml.data.ReshapeMatrix;
import org.fusemath.ejml.EjmlExecution.Family;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accelerated mult family of the four real facades against EJML's own methods on random, empty, 1x1 and
 * non-square operands, with and without alpha, outputs declared (null), reshaped (wrong shape, NaN-filled) and
 * reused: below the threshold bit-identical (EJML runs), above it within verify's GEMM bound; incompatible shapes
 * and aliased outputs throw what EJML throws. Coverage counts show which path ran.
 */
class MultAccelerationTest {
    static final List<String> FACADES = List.of("CommonOps_DDRM", "CommonOps_FDRM", "CommonOps_MT_DDRM",
            "CommonOps_MT_FDRM");
    static final List<String> PRODUCTS = List.of("mult", "multTransA", "multTransB", "multTransAB");
    static final List<String> ADDS = List.of("multAdd", "multAddTransA", "multAddTransB", "multAddTransAB");
    /** (m, n, k) of the result m×n and the inner dimension k; includes empty, 1x1, vectors and non-square. */
    static final int[][] SHAPES = {{0, 5, 3}, {4, 0, 3}, {4, 6, 0}, {1, 1, 1}, {3, 1, 5}, {1, 4, 6}, {7, 5, 3},
        {33, 41, 70}};

    @BeforeEach
    void countCalls() {
        EjmlExecution.reset();
        EjmlCoverage.reset();
        EjmlCoverage.enable();
    }

    @AfterEach
    void restore() {
        EjmlExecution.reset();
        EjmlCoverage.disable();
        EjmlCoverage.reset();
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String f : FACADES) {
            for (String name : concat(PRODUCTS, ADDS)) {
                for (boolean alpha : new boolean[] {false, true}) {
                    for (int[] s : SHAPES) {
                        for (boolean above : new boolean[] {false, true}) {
                            out.add(Arguments.of(f, name, alpha, s[0], s[1], s[2], above));
                        }
                    }
                }
            }
            for (String name : List.of("multInner", "multOuter")) {
                for (int[] s : SHAPES) {
                    for (boolean above : new boolean[] {false, true}) {
                        out.add(Arguments.of(f, name, false, s[0], s[0], s[2], above));
                    }
                }
            }
        }
        return out.stream();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @ParameterizedTest(name = "{0}.{1} alpha={2} m={3} n={4} k={5} above={6}")
    @MethodSource("cases")
    void matchesEjml(String facade, String name, boolean alpha, int m, int n, int k, boolean above) throws Throwable {
        EjmlExecution.setThreshold(Family.MULT, above ? 0 : Long.MAX_VALUE);
        boolean single = facade.endsWith("FDRM");
        Random rnd = new Random(31L * m + 17L * n + k + name.hashCode());
        boolean transA = name.contains("TransA");
        boolean transB = name.contains("TransB") || name.contains("TransAB");
        boolean inner = name.equals("multInner");
        boolean outer = name.equals("multOuter");
        ReshapeMatrix a;
        ReshapeMatrix b = null;
        if (inner) {
            a = random(single, k, m, rnd); // output = aᵀa is m×m
        } else if (outer) {
            a = random(single, m, k, rnd); // output = a·aᵀ is m×m
        } else {
            a = transA ? random(single, k, m, rnd) : random(single, m, k, rnd);
            b = transB ? random(single, n, k, rnd) : random(single, k, n, rnd);
        }
        boolean add = name.startsWith("multAdd");
        double alphaValue = 1.75;

        for (int form = 0; form < (add ? 1 : 3); form++) {
            // form 0: reuse a right-shaped output (multAdd: c is read); 1: null (declared); 2: wrong shape, NaN
            ReshapeMatrix outF = output(single, form, m, n, rnd);
            ReshapeMatrix outE = outF == null ? null : outF.copy();
            ReshapeMatrix c0 = outF == null ? null : outF.copy();
            EjmlCoverage.reset();
            Object rf = call(fusemathClass(facade), name, alpha, alphaValue, single, a, b, outF);
            Object re = call(ejmlClass(facade), name, alpha, alphaValue, single, a, b, outE);
            ReshapeMatrix gotF = add ? outF : (ReshapeMatrix) rf;
            ReshapeMatrix gotE = add ? outE : (ReshapeMatrix) re;
            assertNotNull(gotF);
            if (outF != null && !add) {
                assertSame(outF, gotF, "the given output is returned");
            }
            assertEquals(gotE.getNumRows(), gotF.getNumRows(), "rows");
            assertEquals(gotE.getNumCols(), gotF.getNumCols(), "cols");
            assertEquals(gotE.getType(), gotF.getType(), "declared type");

            boolean vector = !alpha && ((name.equals("mult") || name.equals("multTransA") || name.equals("multAdd")
                    || name.equals("multAddTransA")) && n == 1 || (name.equals("multTransB")
                    || name.equals("multTransAB")) && n == 1);
            boolean accelerated = above && !vector;
            EjmlCoverage.Counts counts = EjmlCoverage.snapshot().get(key(facade, name, alpha, single));
            assertNotNull(counts, "the call was counted under its key");
            assertEquals(accelerated ? 1 : 0, counts.accelerated(), "accelerated count");
            assertEquals(accelerated ? 0 : 1, counts.delegated(), "delegated count");

            double[] f = data(gotF);
            double[] e = data(gotE);
            if (!accelerated) {
                assertArrayEquals(e, f, "EJML ran: bit-identical");
            } else if (k == 0) {
                assertArrayEquals(e, f, "an empty inner dimension: zeros, or c unchanged");
            } else if (f.length > 0) {
                Tolerance tol = bound(name, alpha ? alphaValue : 1, a, b, add ? c0 : null, m, n, k, inner, outer,
                        transA, transB);
                // Both results carry rounding error against the exact product: their difference is within twice it.
                Tolerance both = tol.withConstant(2 * tol.constant());
                if (single) {
                    Validation.assertWithinBound(toFloat(f), e, both);
                } else {
                    Validation.assertWithinBound(f, e, both);
                }
            }
        }
    }

    /**
     * The GEMM bound of op(A)·op(B) (+ C): for multAdd the product is written as [alpha·op(A) | C]·[op(B) ; I], whose
     * k + n terms bound the sum with c included.
     */
    private static Tolerance bound(String name, double alpha, ReshapeMatrix a, ReshapeMatrix b, ReshapeMatrix c,
                                   int m, int n, int k, boolean inner, boolean outer, boolean transA, boolean transB) {
        double[] ad = data(a);
        double[][] opA = new double[m][k];
        double[][] opB = new double[k][n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                opA[i][p] = alpha * (inner || transA ? ad[p * m + i] : ad[i * k + p]);
            }
        }
        if (inner || outer) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    opB[p][j] = inner ? ad[p * m + j] : ad[j * k + p];
                }
            }
        } else {
            double[] bd = data(b);
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    opB[p][j] = transB ? bd[j * k + p] : bd[p * n + j];
                }
            }
        }
        int kk = k + (c == null ? 0 : n);
        double[] aa = new double[m * kk];
        double[] bb = new double[kk * n];
        double[] cd = c == null ? null : data(c);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                aa[i * kk + p] = opA[i][p];
            }
            for (int j = 0; c != null && j < n; j++) {
                aa[i * kk + k + j] = cd[i * n + j];
            }
        }
        for (int p = 0; p < k; p++) {
            System.arraycopy(opB[p], 0, bb, p * n, n);
        }
        for (int j = 0; c != null && j < n; j++) {
            bb[(k + j) * n + j] = 1;
        }
        return Tolerance.gemm(kk, aa, bb);
    }

    static String key(String facade, String name, boolean alpha, boolean single) {
        int matrices = name.equals("multInner") || name.equals("multOuter") ? 2 : 3;
        String row = single ? "FMatrix1Row" : "DMatrix1Row";
        StringBuilder sb = new StringBuilder(facade).append('.').append(name).append('(');
        if (alpha) {
            sb.append(single ? "float," : "double,");
        }
        for (int i = 0; i < matrices; i++) {
            sb.append(i == 0 ? "" : ",").append(row);
        }
        return sb.append(')').toString();
    }

    static Class<?> fusemathClass(String facade) throws ClassNotFoundException {
        return Class.forName("org.fusemath.ejml." + facade);
    }

    static Class<?> ejmlClass(String facade) throws ClassNotFoundException {
        return Class.forName("org.ejml.dense.row." + facade);
    }

    /** Invokes {@code name} on {@code owner}, unwrapping the exception it throws. */
    static Object call(Class<?> owner, String name, boolean alpha, double alphaValue, boolean single,
                       ReshapeMatrix a, ReshapeMatrix b, ReshapeMatrix out) throws Throwable {
        Class<?> row = single ? FMatrix1Row.class : DMatrix1Row.class;
        List<Class<?>> types = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (alpha) {
            types.add(single ? float.class : double.class);
            args.add(single ? (Object) (float) alphaValue : (Object) alphaValue);
        }
        types.add(row);
        args.add(a);
        if (b != null) {
            types.add(row);
            args.add(b);
        }
        types.add(row);
        args.add(out);
        Method m = owner.getMethod(name, types.toArray(new Class<?>[0]));
        try {
            return m.invoke(null, args.toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static ReshapeMatrix random(boolean single, int rows, int cols, Random rnd) {
        if (single) {
            FMatrixRMaj m = new FMatrixRMaj(rows, cols);
            for (int i = 0; i < m.data.length; i++) {
                m.data[i] = (float) (rnd.nextDouble() * 2 - 1);
            }
            return m;
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rnd.nextDouble() * 2 - 1;
        }
        return m;
    }

    private static ReshapeMatrix output(boolean single, int form, int m, int n, Random rnd) {
        switch (form) {
            case 0:
                return random(single, m, n, rnd);
            case 1:
                return null;
            default:
                ReshapeMatrix w = single ? new FMatrixRMaj(2, 3) : new DMatrixRMaj(2, 3);
                if (single) {
                    Arrays.fill(((FMatrixRMaj) w).data, Float.NaN);
                } else {
                    Arrays.fill(((DMatrixRMaj) w).data, Double.NaN);
                }
                return w;
        }
    }

    /** The matrix's numRows*numCols values (the array may be longer after a reshape) as doubles. */
    static double[] data(Matrix m) {
        int len = m.getNumRows() * m.getNumCols();
        double[] out = new double[len];
        if (m.getType() == MatrixType.FDRM) {
            float[] d = ((FMatrixRMaj) m).data;
            for (int i = 0; i < len; i++) {
                out[i] = d[i];
            }
        } else {
            System.arraycopy(((DMatrixRMaj) m).data, 0, out, 0, len);
        }
        return out;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static Stream<Arguments> facades() {
        return FACADES.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("facades")
    void incompatibleShapesAndAliasedOutputsThrowWhatEjmlThrows(String facade) throws Throwable {
        EjmlExecution.setThreshold(Family.MULT, 0);
        boolean single = facade.endsWith("FDRM");
        Random rnd = new Random(5);
        ReshapeMatrix a = random(single, 6, 6, rnd);
        ReshapeMatrix b = random(single, 5, 6, rnd);
        ReshapeMatrix sq = random(single, 6, 6, rnd);
        for (String name : concat(PRODUCTS, ADDS)) {
            for (boolean alpha : new boolean[] {false, true}) {
                // b is 5x6: every form but the transposed-B ones is incompatible with a 6x6 a
                assertSameFailure(facade, name, alpha, single, a.copy(), b, random(single, 6, 6, rnd));
                // the output is an input
                ReshapeMatrix x = sq.copy();
                assertSameFailure(facade, name, alpha, single, x, sq.copy(), x, x);
            }
        }
        for (String name : List.of("multInner", "multOuter")) {
            ReshapeMatrix x = sq.copy();
            assertSameFailure(facade, name, false, single, x, null, x, x);
        }
    }

    private static void assertSameFailure(String facade, String name, boolean alpha, boolean single, ReshapeMatrix a,
                                          ReshapeMatrix b, ReshapeMatrix out) throws Throwable {
        assertSameFailure(facade, name, alpha, single, a, b, out, null);
    }

    /** Both classes either throw the same exception type and message, or both succeed with a's values untouched. */
    private static void assertSameFailure(String facade, String name, boolean alpha, boolean single, ReshapeMatrix a,
                                          ReshapeMatrix b, ReshapeMatrix out, ReshapeMatrix aliasOfA)
            throws Throwable {
        ReshapeMatrix aE = a.copy();
        ReshapeMatrix bE = b == null ? null : b.copy();
        ReshapeMatrix outE = aliasOfA != null ? aE : out == null ? null : out.copy();
        Throwable tf = null;
        Throwable te = null;
        Object rf = null;
        Object re = null;
        try {
            rf = call(fusemathClass(facade), name, alpha, 1.5, single, a, b, out);
        } catch (RuntimeException e) {
            tf = e;
        }
        try {
            re = call(ejmlClass(facade), name, alpha, 1.5, single, aE, bE, outE);
        } catch (RuntimeException e) {
            te = e;
        }
        String what = facade + "." + name + (alpha ? " with alpha" : "");
        if (te != null) {
            assertNotNull(tf, what + ": EJML threw " + te + ", the facade did not");
            assertEquals(te.getClass(), tf.getClass(), what);
            assertEquals(te.getMessage(), tf.getMessage(), what);
        } else {
            assertTrue(tf == null, what + ": the facade threw " + tf + ", EJML did not");
            assertArrayEquals(data(aE), data(a), what + ": a");
            // A compatible call ran on fusemath's path: its values are checked against the bound by matchesEjml.
            if (rf != null) {
                assertEquals(((Matrix) re).getNumRows(), ((Matrix) rf).getNumRows(), what + ": result rows");
                assertEquals(((Matrix) re).getNumCols(), ((Matrix) rf).getNumCols(), what + ": result cols");
            }
        }
    }
}
