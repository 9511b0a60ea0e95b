package org.fusemath.ejml.differential;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.Matrix;
import org.ejml.dense.row.NormOps_DDRM;
import org.fusemath.fusion.host.VectorMath;
import org.fusemath.verify.Comparison;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;

/**
 * The bound an accelerated facade result must meet against EJML's result of the same call, by method family. Each
 * bound comes from the family's error analysis (stated on each rule); a family without a rule fails, so an
 * accelerated method can not slip through without one.
 */
final class Accuracy {

    private Accuracy() {
    }

    /**
     * Checks a value of an accelerated call against EJML's.
     *
     * @param name the method name
     * @param before the call's arguments before it ran
     * @param expected EJML's value (a matrix, or a boxed scalar for a returned determinant)
     * @param actual the facade's value
     * @return null when within the bound, else what failed
     */
    static String check(String name, Object[] before, Object expected, Object actual) {
        if (name.startsWith("mult") && !name.equals("multRows") && !name.equals("multCols")) {
            return gemm(name, before, expected, actual);
        }
        if (name.equals("solve") || name.equals("solveSPD") || name.equals("invert") || name.equals("invertSPD")
                || name.equals("pinv") || name.equals("det")) {
            return conditioned(name, before, expected, actual);
        }
        if (name.equals("elementExp") || name.equals("elementLog")) {
            return elementFunction(name, expected, actual);
        }
        if (name.equals("elementPower") && single(expected)) {
            // Both values are within 0.5 ulp and 6e-7 ulps of the exact power (EJML's: (float) Math.pow; the
            // accelerated one: e^(b ln a) in double, see PowerAcceleration_FDRM): at most one float apart.
            return judge(values(actual, 0), values(expected, 0), true, Tolerance.ulps(1));
        }
        return "no accuracy rule for accelerated method " + name + ": its results must be bit-identical or a rule added";
    }

    /**
     * The element functions: EJML's values are java.lang.Math's, within 1 ulp of the exact result (for float, the
     * double result rounded: within 0.5 ulp and a double's ulp), the accelerated kernels within the bound
     * {@link VectorMath} states for the function and type; the two differ by at most the sum.
     */
    private static String elementFunction(String name, Object expected, Object actual) {
        boolean single = single(expected);
        double lanes = name.equals("elementExp") ? (single ? VectorMath.EXP_F32_ULPS : VectorMath.EXP_F64_ULPS)
                : (single ? VectorMath.LOG_F32_ULPS : VectorMath.LOG_F64_ULPS);
        return judge(values(actual, 0), values(expected, 0), single, Tolerance.ulps(lanes + 1));
    }

    /**
     * GEMM's elementwise bound c*gamma(k+2)*(|alpha||A||B| + |C0|)(i,j) (c = 2 real, 4 complex), with transposes as
     * the name says; the added |C0| of multAdd is folded in as [|alpha||A|, |C0|] * [|B|; I].
     */
    private static String gemm(String name, Object[] before, Object expected, Object actual) {
        double alpha = 1;
        double[] scalars = new double[2];
        int scalarCount = 0;
        Object a = null;
        Object b = null;
        Object c0 = null;
        int matrices = 0;
        for (Object o : before) {
            if (o instanceof Number x && matrices == 0 && scalarCount < 2) {
                scalars[scalarCount++] = x.doubleValue();
                // A complex alpha comes as (real, imaginary).
                alpha = Math.hypot(scalars[0], scalars[1]);
            } else if (o instanceof Matrix) {
                if (matrices == 0) {
                    a = o;
                } else if (matrices == 1) {
                    b = o;
                } else {
                    c0 = o;
                }
                matrices++;
            }
        }
        boolean inner = name.startsWith("multInner");
        boolean outer = name.startsWith("multOuter");
        boolean add = name.startsWith("multAdd") || (inner || outer) && name.contains("Add");
        if (inner || outer) {
            c0 = b;
            b = a;
        }
        double[][] am = magnitudes(a, inner || name.contains("TransA"));
        double[][] bm = magnitudes(b, outer || name.contains("TransB") || name.contains("TransAB"));
        int m = am.length;
        int k = m == 0 ? 0 : am[0].length;
        int n = bm.length == 0 ? 0 : bm[0].length;
        if (k == 0 && !add) {
            // An empty sum is zero; only its sign may differ (EJML's alpha*0.0 is -0.0 for a negative alpha).
            double[] ev = values(expected, -1);
            double[] av = values(actual, -1);
            for (int i = 0; i < ev.length; i++) {
                if (ev[i] != av[i]) {
                    return "an empty product differs from EJML's beyond the sign of zero at entry " + i;
                }
            }
            return null;
        }
        int kk = add ? k + n : k;
        double[] af = new double[m * kk];
        double[] bf = new double[kk * n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                af[i * kk + p] = Math.abs(alpha) * am[i][p];
            }
        }
        for (int p = 0; p < k; p++) {
            System.arraycopy(bm[p], 0, bf, p * n, n);
        }
        if (add) {
            double[][] cm = magnitudes(c0, false);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    af[i * kk + k + j] = cm[i][j];
                }
            }
            for (int j = 0; j < n; j++) {
                bf[(k + j) * n + j] = 1;
            }
        }
        Tolerance t = Tolerance.gemm(kk, af, bf);
        boolean complex = Kind.of(expected).stride == 2;
        if (complex) {
            t = t.withConstant(4); // Higham's complex dot-product constant (see Bounds#dotConstant)
        }
        String re = judge(values(actual, 0), values(expected, 0), single(expected), t);
        return re != null || !complex ? re : judge(values(actual, 1), values(expected, 1), single(expected), t);
    }

    /**
     * Solves, inverses, pseudo-inverses and determinants: both results have a forward error of at most
     * c*n*u*kappa(A) (c = 4 for a backward-stable LU, Cholesky or SVD; Higham ch. 7 and 14), so they differ by at
     * most twice that: c = 8*kappa(A). A determinant's relative perturbation is tr(A^-1 dA), at most n*kappa(A) times
     * the backward error, so its constant carries another n. Where kappa(A)*u >= 1 the bound says nothing and the
     * values are not compared (the returned flag and the shapes still are).
     */
    private static String conditioned(String name, Object[] before, Object expected, Object actual) {
        Object a = null;
        for (Object o : before) {
            if (o instanceof Matrix) {
                a = o;
                break;
            }
        }
        DMatrixRMaj real = realEmbedding(a);
        int n = Math.max(1, Math.max(Kind.rows(a), Kind.cols(a)));
        double kappa = real.getNumElements() == 0 ? 1 : NormOps_DDRM.conditionP2(real);
        double u = single(a) ? 0x1p-24 : 0x1p-53;
        if (!(kappa >= 1 && kappa * u < 1)) {
            // Singular (EJML reports an infinite or undefined condition number) or too ill conditioned: the bound
            // says nothing.
            return null;
        }
        double c = 8 * kappa * (name.equals("det") ? n : 1);
        Tolerance t = Tolerance.normwise(c, n);
        return judge(values(actual, -1), values(expected, -1), single(a), t);
    }

    private static String judge(double[] actual, double[] expected, boolean single, Tolerance t) {
        if (actual.length != expected.length) {
            return "length " + actual.length + " != " + expected.length;
        }
        if (actual.length == 0) {
            return null;
        }
        Comparison c;
        if (single) {
            float[] af = new float[actual.length];
            float[] ef = new float[expected.length];
            for (int i = 0; i < af.length; i++) {
                af[i] = (float) actual[i];
                ef[i] = (float) expected[i];
            }
            c = Validation.compare(af, ef, t);
        } else {
            c = Validation.compare(actual, expected, t);
        }
        return c.passed() ? null : String.format(Locale.ROOT, "outside %s: %s", t, c.describe());
    }

    /** Real parts (part 0), imaginary parts (1) or all entries interleaved (-1) of a matrix or scalar. */
    private static double[] values(Object v, int part) {
        if (v instanceof Number x) {
            return new double[] {x.doubleValue()};
        }
        if (v instanceof org.ejml.data.Complex_F64 z) {
            return part == 1 ? new double[] {z.imaginary} : part == 0 ? new double[] {z.real} : new double[] {z.real, z.imaginary};
        }
        if (v instanceof org.ejml.data.Complex_F32 z) {
            return part == 1 ? new double[] {z.imaginary} : part == 0 ? new double[] {z.real} : new double[] {z.real, z.imaginary};
        }
        int stride = Kind.of(v).stride;
        int used = Kind.used(v);
        if (part < 0 || stride == 1) {
            double[] out = new double[part == 1 ? 0 : used];
            for (int i = 0; i < out.length; i++) {
                out[i] = Kind.entry(v, i);
            }
            return out;
        }
        double[] out = new double[used / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Kind.entry(v, 2 * i + part);
        }
        return out;
    }

    private static boolean single(Object v) {
        if (v instanceof Float || v instanceof org.ejml.data.Complex_F32) {
            return true;
        }
        return v instanceof Matrix && Kind.of(v).single;
    }

    /** |entries| of a matrix (moduli for complex) as rows, transposed on request. */
    private static double[][] magnitudes(Object matrix, boolean transpose) {
        int r = Kind.rows(matrix);
        int c = Kind.cols(matrix);
        int s = Kind.of(matrix).stride;
        double[][] out = transpose ? new double[c][r] : new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                int at = (i * c + j) * s;
                double mag = s == 2 ? Math.hypot(Kind.entry(matrix, at), Kind.entry(matrix, at + 1)) : Math.abs(Kind.entry(matrix, at));
                if (transpose) {
                    out[j][i] = mag;
                } else {
                    out[i][j] = mag;
                }
            }
        }
        return out;
    }

    /** A real matrix with the same singular values (each twice for complex: [[Re, -Im], [Im, Re]]). */
    private static DMatrixRMaj realEmbedding(Object matrix) {
        int r = Kind.rows(matrix);
        int c = Kind.cols(matrix);
        if (Kind.of(matrix).stride == 1) {
            DMatrixRMaj d = new DMatrixRMaj(r, c);
            for (int i = 0; i < r * c; i++) {
                d.data[i] = Kind.entry(matrix, i);
            }
            return d;
        }
        DMatrixRMaj d = new DMatrixRMaj(2 * r, 2 * c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double re = Kind.entry(matrix, 2 * (i * c + j));
                double im = Kind.entry(matrix, 2 * (i * c + j) + 1);
                d.set(i, j, re);
                d.set(i, j + c, -im);
                d.set(i + r, j, im);
                d.set(i + r, j + c, re);
            }
        }
        return d;
    }
}
