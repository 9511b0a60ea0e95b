package org.fusemath.ejml.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.decomposition.EigenDecomposition;
import org.ejml.interfaces.decomposition.LUDecomposition;
import org.ejml.interfaces.decomposition.LUDecomposition_F32;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The solver and decomposition factories against EJML's: every public static factory method of
 * {@code LinearSolverFactory_DDRM/_FDRM} and {@code DecompositionFactory_DDRM/_FDRM} is called on both classes with
 * the same arguments (each boolean combination), and the two objects are driven the same way on equal inputs,
 * below and above the decomposition threshold: the same {@code setA}/{@code decompose} answers, the same shapes,
 * an unmodified input wherever {@code modifiesA()}/{@code modifiesB()}/{@code inputModified()} say so, and solutions
 * and determinants equal (bit for bit below the threshold) or within 8·n·u·κ(A) (twice the forward error bound of
 * a backward-stable solve; for determinants one more factor n).
 */
class FactoryDifferentialTest {

    static final List<String> FACTORIES = List.of(
            "org.ejml.dense.row.factory.LinearSolverFactory_DDRM", "org.ejml.dense.row.factory.LinearSolverFactory_FDRM",
            "org.ejml.dense.row.factory.DecompositionFactory_DDRM", "org.ejml.dense.row.factory.DecompositionFactory_FDRM");

    @TestFactory
    Stream<DynamicContainer> everyFactoryMethodBehavesLikeEjml() {
        return FacadePair.of(FACTORIES).stream().map(pair -> DynamicContainer.dynamicContainer(pair.label(),
                FacadeDifferentialTest.publicStatics(pair.ejml()).stream()
                        .filter(m -> m.getParameterCount() == countSimple(m))
                        .map(m -> DynamicTest.dynamicTest(FacadeDifferentialTest.signature(m), () -> check(pair, m)))));
    }

    /** Factory methods whose parameters are all int or boolean (the others take a decomposition or matrices). */
    private static long countSimple(Method m) {
        return Arrays.stream(m.getParameterTypes()).filter(t -> t == int.class || t == boolean.class).count();
    }

    private static void check(FacadePair pair, Method ejmlMethod) throws Exception {
        Method facadeMethod = pair.facade().getMethod(ejmlMethod.getName(), ejmlMethod.getParameterTypes());
        boolean single = pair.ejml().getSimpleName().endsWith("FDRM");
        List<String> failures = new ArrayList<>();
        int driven = 0;
        for (Acceleration.Side side : Acceleration.Side.values()) {
            Acceleration.force(side);
            try {
                for (int[] shape : new int[][] {{6, 6}, {9, 5}, {17, 17}}) {
                    for (int bits = 0; bits < 1 << booleans(ejmlMethod); bits++) {
                        Object[] args = args(ejmlMethod, shape, bits);
                        String where = side + " " + shape[0] + "x" + shape[1] + " " + Arrays.toString(args) + ": ";
                        Outcome e = Outcome.invoke(ejmlMethod, args);
                        Outcome f = Outcome.invoke(facadeMethod, args);
                        String thrown = thrown("factory", e.thrown(), f.thrown());
                        if (thrown != null) {
                            failures.add(where + thrown);
                        } else if (e.thrown() == null) {
                            try {
                                for (String d : drive(e.result(), f.result(), shape, single)) {
                                    failures.add(where + d);
                                }
                            } catch (Step s) {
                                if (s.getMessage() != null) {
                                    failures.add(where + s.getMessage());
                                }
                            }
                        }
                        driven++;
                    }
                }
            } finally {
                Acceleration.reset();
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " differences; first: \n  " + String.join("\n  ", failures.subList(0, Math.min(8, failures.size()))));
        }
        assertTrue(driven > 0);
    }

    private static int booleans(Method m) {
        return (int) Arrays.stream(m.getParameterTypes()).filter(t -> t == boolean.class).count();
    }

    /** ints: the rows then the columns of A; booleans: the bits of {@code bits}. */
    private static Object[] args(Method m, int[] shape, int bits) {
        Class<?>[] t = m.getParameterTypes();
        Object[] a = new Object[t.length];
        int ints = 0;
        int bools = 0;
        for (int i = 0; i < t.length; i++) {
            a[i] = t[i] == int.class ? (Object) shape[Math.min(ints++, 1)] : (Object) ((bits >> bools++ & 1) == 1);
        }
        return a;
    }

    /** A symmetric positive definite n x n (square shapes) or a random m x n: every factory accepts one of them. */
    private static DMatrixRMaj input(int[] shape) {
        Random r = new Random(shape[0] * 31L + shape[1]);
        DMatrixRMaj a = new DMatrixRMaj(shape[0], shape[1]);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = 2 * r.nextDouble() - 1;
        }
        if (shape[0] != shape[1]) {
            return a;
        }
        DMatrixRMaj spd = new DMatrixRMaj(shape[0], shape[0]);
        org.ejml.dense.row.CommonOps_DDRM.multTransB(a, a, spd);
        for (int i = 0; i < shape[0]; i++) {
            spd.add(i, i, shape[0]);
        }
        return spd;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> drive(Object e, Object f, int[] shape, boolean single) {
        List<String> d = new ArrayList<>();
        DMatrixRMaj a64 = input(shape);
        Matrix a = single ? toFloat(a64) : a64;
        if (e instanceof LinearSolverDense es && f instanceof LinearSolverDense fs) {
            Matrix ae = a.copy();
            Matrix af = a.copy();
            boolean okE = both("setA", () -> es.setA(ae), () -> fs.setA(af));
            if (!fs.modifiesA() && !same(a, af)) {
                d.add("modifiesA() is false but setA changed A");
            }
            if (!okE) {
                return d;
            }
            Matrix b = single ? toFloat(input(new int[] {shape[0], 2})) : input(new int[] {shape[0], 2});
            Matrix be = b.copy();
            Matrix bf = b.copy();
            Matrix xe = single ? new FMatrixRMaj(1, 1) : new DMatrixRMaj(1, 1);
            Matrix xf = xe.copy();
            both("solve", () -> {
                es.solve(be, xe);
                return true;
            }, () -> {
                fs.solve(bf, xf);
                return true;
            });
            if (!fs.modifiesB() && !same(b, bf)) {
                d.add("modifiesB() is false but solve changed B");
            }
            compare("solve", a64, xe, xf, single, false, d);
        } else if (e instanceof DecompositionInterface ed && f instanceof DecompositionInterface fd) {
            Matrix ae = a.copy();
            Matrix af = a.copy();
            boolean okE = both("decompose", () -> ed.decompose(ae), () -> fd.decompose(af));
            if (!fd.inputModified() && !same(a, af)) {
                d.add("inputModified() is false but decompose changed A");
            }
            if (!okE) {
                return d;
            }
            if (e instanceof LUDecomposition el && f instanceof LUDecomposition fl) {
                if (shape[0] == shape[1]) { // EJML defines the determinant of square matrices only
                    compare("lu determinant", a64, scalar(determinant(el)), scalar(determinant(fl)), single, true, d);
                }
                shapes("lu lower", el.getLower(null), fl.getLower(null), d);
                shapes("lu upper", el.getUpper(null), fl.getUpper(null), d);
            } else if (e instanceof QRDecomposition eq && f instanceof QRDecomposition fq) {
                for (boolean compact : new boolean[] {true, false}) {
                    shapes("qr Q compact=" + compact, eq.getQ(null, compact), fq.getQ(null, compact), d);
                    shapes("qr R compact=" + compact, eq.getR(null, compact), fq.getR(null, compact), d);
                }
            } else if (e instanceof CholeskyDecomposition ec && f instanceof CholeskyDecomposition fc) {
                assertEquals(ec.isLower(), fc.isLower(), "isLower");
                shapes("cholesky T", ec.getT(null), fc.getT(null), d);
            } else if (e instanceof SingularValueDecomposition es && f instanceof SingularValueDecomposition fs) {
                if (es.numberOfSingularValues() != fs.numberOfSingularValues()) {
                    d.add("numberOfSingularValues " + es.numberOfSingularValues() + " vs " + fs.numberOfSingularValues());
                }
                shapes("svd W", es.getW(null), fs.getW(null), d);
            } else if (e instanceof EigenDecomposition ee && f instanceof EigenDecomposition fe) {
                if (ee.getNumberOfEigenvalues() != fe.getNumberOfEigenvalues()) {
                    d.add("getNumberOfEigenvalues " + ee.getNumberOfEigenvalues() + " vs " + fe.getNumberOfEigenvalues());
                }
            }
        } else {
            assertFalse(e == null || f == null, "factory returned null");
            if (e.getClass().getInterfaces().length > 0 && !Arrays.stream(e.getClass().getInterfaces()).allMatch(i -> i.isInstance(f))) {
                d.add("facade's " + f.getClass().getSimpleName() + " lacks an interface of EJML's " + e.getClass().getSimpleName());
            }
        }
        return d;
    }

    /** Ends driving a pair: with a message when the two sides differ, without one when both threw alike. */
    private static final class Step extends RuntimeException {
        Step(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs one step on both sides: the same exception class on both ends the pair quietly, one side throwing or
     * different answers end it with the difference.
     */
    private static boolean both(String step, Callable<Boolean> ejml,
                                Callable<Boolean> facade) {
        Boolean e = null;
        Boolean f = null;
        Throwable te = null;
        Throwable tf = null;
        try {
            e = ejml.call();
        } catch (Exception x) {
            te = x;
        }
        try {
            f = facade.call();
        } catch (Exception x) {
            tf = x;
        }
        String t = thrown(step, te, tf);
        if (t != null || te != null) {
            throw new Step(t);
        }
        if (!e.equals(f)) {
            throw new Step(step + ": EJML " + e + ", facade " + f);
        }
        return e;
    }

    /** Null when neither threw or both threw the same class, else the difference. */
    private static String thrown(String step, Throwable e, Throwable f) {
        if (e == null && f == null) {
            return null;
        }
        if (e == null || f == null || e.getClass() != f.getClass()) {
            return step + ": EJML " + (e == null ? "returned" : "threw " + e) + ", facade " + (f == null ? "returned" : "threw " + f);
        }
        return null;
    }

    private static Object determinant(LUDecomposition<?> lu) {
        return lu instanceof LUDecomposition_F64<?> d ? d.computeDeterminant() : ((LUDecomposition_F32<?>) lu).computeDeterminant();
    }

    private static Matrix scalar(Object complex) {
        double re = complex instanceof org.ejml.data.Complex_F64 z ? z.real : ((org.ejml.data.Complex_F32) complex).real;
        return new DMatrixRMaj(1, 1, true, re);
    }

    private static void shapes(String what, Matrix e, Matrix f, List<String> d) {
        if (e.getNumRows() != f.getNumRows() || e.getNumCols() != f.getNumCols()) {
            d.add(what + ": EJML " + e.getNumRows() + "x" + e.getNumCols() + ", facade " + f.getNumRows() + "x" + f.getNumCols());
        }
    }

    private static void compare(String what, DMatrixRMaj a, Matrix e, Matrix f, boolean single, boolean det, List<String> d) {
        shapes(what, e, f, d);
        if (e.getNumRows() != f.getNumRows() || e.getNumCols() != f.getNumCols()) {
            return;
        }
        double[] ev = values(e);
        double[] fv = values(f);
        if (Arrays.equals(ev, fv)) {
            return;
        }
        int n = Math.max(a.numRows, a.numCols);
        double kappa = NormOps_DDRM.conditionP2(a);
        Tolerance t = Tolerance.normwise(8 * kappa * (det ? n : 1), n);
        var c = single ? Validation.compare(toFloats(fv), toFloats(ev), t) : Validation.compare(fv, ev, t);
        if (!c.passed()) {
            d.add(what + " outside " + t + ": " + c.describe());
        }
    }

    private static boolean same(Matrix x, Matrix y) {
        return Arrays.equals(values(x), values(y)) && x.getNumRows() == y.getNumRows() && x.getNumCols() == y.getNumCols();
    }

    private static double[] values(Matrix m) {
        double[] v = new double[Kind.used(m)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Kind.entry(m, i);
        }
        return v;
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static FMatrixRMaj toFloat(DMatrixRMaj d) {
        FMatrixRMaj f = new FMatrixRMaj(d.numRows, d.numCols);
        for (int i = 0; i < f.data.length; i++) {
            f.data[i] = (float) d.data[i];
        }
        return f;
    }
}
