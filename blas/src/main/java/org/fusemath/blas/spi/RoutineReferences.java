package org.fusemath.blas.spi;

import static org.fusemath.blas.spi.DenseComplex.complexity;
import static org.fusemath.blas.spi.DenseComplex.gamma;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The references the level 1–3 validation cases check {@link BlasRoutines} against: each routine's formula
 * evaluated in double precision with a bound of the form c·γ(n)·|A|·|x| (triangular solves by their residual), and
 * a seeded sample request. Stateless.
 */
final class RoutineReferences {
    /** How far a routine's outputs are from its formula, and a sample request to run it on. */
    record Reference(Check check, Sample sample) {
    }

    /** The worst error / bound ratio of outputs for a request (passing at ≤ 1). */
    interface Check {
        double worstRatio(ExecRequest request, List<HostTensor> outputs);
    }

    /** A random request whose operands have dimension {@code n}. */
    interface Sample {
        ExecRequest of(DType type, int n, SplittableRandom random);
    }

    private static final Map<String, Reference> BY_NAME = Map.ofEntries(
            Map.entry("dot", dot(false)), Map.entry("dotc", dot(true)), Map.entry("axpy", axpy()), Map.entry("scal", scal()),
            Map.entry("nrm2", reduction(false)), Map.entry("asum", reduction(true)), Map.entry("iamax", iamax()),
            Map.entry("gemv", gemv()), Map.entry("ger", ger(false)), Map.entry("gerc", ger(true)), Map.entry("trsv", trsv()),
            Map.entry("trsm", triangular3(true)), Map.entry("trmm", triangular3(false)), Map.entry("syrk", rankK(false)),
            Map.entry("herk", rankK(true)), Map.entry("symm", symm()));

    private RoutineReferences() {
    }

    /** The reference of the routine named {@code name}. */
    static Reference of(String name) {
        Reference r = BY_NAME.get(name);
        if (r == null) {
            throw new IllegalStateException("no reference for the routine '" + name + "'");
        }
        return r;
    }

    // ---- level 1 ----

    private static Reference dot(boolean conjugate) {
        Op first = conjugate ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        return new Reference(
                (r, out) -> {
                    DenseComplex x = input(r, 0);
                    DenseComplex y = input(r, 1);
                    DenseComplex want = x.op(first).times(y);
                    double bound = complexity(dtype(r)) * gamma(x.rows + 1, dtype(r)) * x.op(first).absTimes(y).re(0, 0);
                    return want.worstRatio(DenseComplex.of(out.get(0)), bounds(1, 1, bound), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of(), random(t, rnd, n), random(t, rnd, n)));
    }

    private static Reference axpy() {
        return new Reference(
                (r, out) -> {
                    Scalar alpha = scalar(r, BlasParameters.ALPHA.name());
                    DenseComplex x = input(r, 0);
                    DenseComplex y = input(r, 1);
                    return x.scaled(alpha).plus(y).worstRatio(DenseComplex.of(out.get(0)),
                            scale(x.magnitudes(abs(alpha), y, 1), complexity(dtype(r)) * gamma(3, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("alpha", alpha(t)), random(t, rnd, n), random(t, rnd, n)));
    }

    private static Reference scal() {
        return new Reference(
                (r, out) -> {
                    Scalar alpha = scalar(r, BlasParameters.ALPHA.name());
                    DenseComplex x = input(r, 0);
                    return x.scaled(alpha).worstRatio(DenseComplex.of(out.get(0)),
                            scale(x.magnitudes(abs(alpha), null, 0), complexity(dtype(r)) * gamma(2, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("alpha", alpha(t)), random(t, rnd, n)));
    }

    /** nrm2 and asum: one real number from x, with a relative bound. */
    private static Reference reduction(boolean sumOfParts) {
        return new Reference(
                (r, out) -> {
                    DenseComplex x = input(r, 0);
                    double want = 0;
                    for (int i = 0; i < x.rows; i++) {
                        want += sumOfParts ? Math.abs(x.re(i, 0)) + Math.abs(x.im(i, 0)) : x.abs(i, 0) * x.abs(i, 0);
                    }
                    want = sumOfParts ? want : Math.sqrt(want);
                    double bound = complexity(dtype(r)) * gamma(x.rows + 2, dtype(r)) * want;
                    final double value = want;
                    return DenseComplex.of(1, 1, (i, j) -> new double[] {value, 0}).worstRatio(DenseComplex.of(out.get(0)),
                            bounds(1, 1, bound), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of(), random(t, rnd, n)));
    }

    private static Reference iamax() {
        return new Reference(
                (r, out) -> {
                    DenseComplex x = input(r, 0);
                    int got = (int) DenseComplex.of(out.get(0)).re(0, 0);
                    if (x.rows == 0) {
                        return got == -1 ? 0 : Double.POSITIVE_INFINITY;
                    }
                    if (got < 0 || got >= x.rows) {
                        return Double.POSITIVE_INFINITY;
                    }
                    double max = 0;
                    for (int i = 0; i < x.rows; i++) {
                        max = Math.max(max, Math.abs(x.re(i, 0)) + Math.abs(x.im(i, 0)));
                    }
                    // |re| + |im| is rounded in the operand type: a near-tie may pick another maximum.
                    double v = Math.abs(x.re(got, 0)) + Math.abs(x.im(got, 0));
                    return max == v ? 0 : (max - v) / (2 * dtype(r).unitRoundoff() * max);
                },
                (t, n, rnd) -> request(Map.of(), random(t, rnd, n)));
    }

    // ---- level 2 ----

    private static Reference gemv() {
        return new Reference(
                (r, out) -> {
                    Op op = Op.parse(r.option(BlasParameters.TRANS));
                    Scalar alpha = scalar(r, "alpha");
                    Scalar beta = r.inputs().size() > 2 ? scalar(r, "beta") : Scalar.ZERO;
                    DenseComplex am = input(r, 0).op(op);
                    DenseComplex x = input(r, 1);
                    DenseComplex y = r.inputs().size() > 2 ? input(r, 2) : zeros(am.rows, 1);
                    DenseComplex want = am.times(x).scaled(alpha).plus(y.scaled(beta));
                    DenseComplex mag = am.absTimes(x).magnitudes(abs(alpha), y, abs(beta));
                    return want.worstRatio(DenseComplex.of(out.get(0)),
                            scale(mag, complexity(dtype(r)) * gamma(am.cols + 2, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("trans", t.isComplex() ? "c" : "t", "alpha", alpha(t), "beta", "-0.5"),
                        random(t, rnd, n + 2, n), random(t, rnd, n + 2), random(t, rnd, n)));
    }

    private static Reference ger(boolean conjugate) {
        Op second = conjugate ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        return new Reference(
                (r, out) -> {
                    Scalar alpha = scalar(r, "alpha");
                    DenseComplex am = input(r, 0);
                    DenseComplex x = input(r, 1);
                    DenseComplex yt = input(r, 2).op(second);
                    DenseComplex want = x.times(yt).scaled(alpha).plus(am);
                    DenseComplex mag = x.absTimes(yt).magnitudes(abs(alpha), am, 1);
                    return want.worstRatio(DenseComplex.of(out.get(0)), scale(mag, complexity(dtype(r)) * gamma(3, dtype(r))),
                            DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("alpha", alpha(t)), random(t, rnd, n + 1, n), random(t, rnd, n + 1), random(t, rnd, n)));
    }

    private static Reference trsv() {
        return new Reference(
                (r, out) -> residualRatio(r, triangle(r).op(Op.parse(r.option(BlasParameters.TRANS))), DenseComplex.of(out.get(0)),
                        true, input(r, 1)),
                (t, n, rnd) -> request(Map.of("uplo", "l", "trans", "t"), triangular(t, rnd, n), random(t, rnd, n)));
    }

    // ---- level 3 ----

    private static Reference triangular3(boolean solve) {
        return new Reference(
                (r, out) -> {
                    DenseComplex t = triangle(r).op(Op.parse(r.option(BlasParameters.TRANS)));
                    boolean left = RoutineArgs.side(r) == Side.LEFT;
                    Scalar alpha = scalar(r, "alpha");
                    DenseComplex b = input(r, 1);
                    DenseComplex got = DenseComplex.of(out.get(0));
                    if (solve) {
                        return residualRatio(r, t, got, left, b.scaled(alpha));
                    }
                    DenseComplex want = (left ? t.times(b) : b.times(t)).scaled(alpha);
                    DenseComplex mag = (left ? t.absTimes(b) : b.absTimes(t)).magnitudes(abs(alpha), null, 0);
                    return want.worstRatio(got, scale(mag, complexity(dtype(r)) * gamma(t.rows + 2, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("side", "r", "uplo", "l", "trans", t.isComplex() ? "c" : "t", "diag", "n",
                        "alpha", alpha(t)), triangular(t, rnd, n), random(t, rnd, n + 3, n)));
    }

    private static Reference rankK(boolean hermitian) {
        Op flag = hermitian ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        return new Reference(
                (r, out) -> {
                    Op op = Op.parse(r.option(BlasParameters.TRANS));
                    Scalar alpha = scalar(r, "alpha");
                    DenseComplex am = input(r, 0).op(op);
                    DenseComplex product = am.times(am.op(flag));
                    int n = product.rows;
                    boolean hasC = r.inputs().size() > 1;
                    Scalar beta = hasC ? scalar(r, "beta") : Scalar.ZERO;
                    DenseComplex c = hasC ? input(r, 1) : zeros(n, n);
                    // herk reads no imaginary part on C's diagonal and writes zeros there.
                    DenseComplex cRead = hermitian ? c.withRealDiagonal() : c;
                    DenseComplex want = product.scaled(alpha).plus(cRead.scaled(beta));
                    DenseComplex mag = am.absTimes(am.op(flag)).magnitudes(abs(alpha), cRead, abs(beta));
                    boolean upper = RoutineArgs.uplo(r) == Uplo.UPPER;
                    DenseComplex got = DenseComplex.of(out.get(0));
                    double inside = want.worstRatio(got, scale(mag, complexity(dtype(r)) * gamma(am.cols + 2, dtype(r))),
                            (i, j) -> upper ? j >= i : j <= i);
                    double outside = c.worstRatio(got, zeros(n, n), (i, j) -> upper ? j < i : j > i);
                    return Math.max(inside, outside);
                },
                (t, n, rnd) -> request(Map.of("uplo", "l", "trans", hermitian ? "c" : "t", "alpha", hermitian ? "0.75" : alpha(t),
                        "beta", "-0.5"), random(t, rnd, n + 2, n), random(t, rnd, n, n)));
    }

    private static Reference symm() {
        return new Reference(
                (r, out) -> {
                    boolean left = RoutineArgs.side(r) == Side.LEFT;
                    boolean upper = RoutineArgs.uplo(r) == Uplo.UPPER;
                    Scalar alpha = scalar(r, "alpha");
                    DenseComplex s = input(r, 0).symmetricFrom(upper);
                    DenseComplex b = input(r, 1);
                    boolean hasC = r.inputs().size() > 2;
                    Scalar beta = hasC ? scalar(r, "beta") : Scalar.ZERO;
                    DenseComplex c = hasC ? input(r, 2) : zeros(b.rows, b.cols);
                    DenseComplex want = (left ? s.times(b) : b.times(s)).scaled(alpha).plus(c.scaled(beta));
                    DenseComplex mag = (left ? s.absTimes(b) : b.absTimes(s)).magnitudes(abs(alpha), c, abs(beta));
                    return want.worstRatio(DenseComplex.of(out.get(0)),
                            scale(mag, complexity(dtype(r)) * gamma(s.rows + 2, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("side", "r", "uplo", "l", "alpha", alpha(t), "beta", "-0.5"),
                        random(t, rnd, n, n), random(t, rnd, n + 1, n), random(t, rnd, n + 1, n)));
    }

    // ---- shared pieces ----

    /** |op(T)·X − rhs| (left) or |X·op(T) − rhs| within c·γ(n + 2)·(|op(T)|·|X| + |rhs|): a backward-stable solve. */
    private static double residualRatio(ExecRequest r, DenseComplex t, DenseComplex x, boolean left, DenseComplex rhs) {
        DenseComplex product = left ? t.times(x) : x.times(t);
        DenseComplex mag = (left ? t.absTimes(x) : x.absTimes(t)).magnitudes(1, rhs, 1);
        return rhs.worstRatio(product, scale(mag, complexity(dtype(r)) * gamma(t.rows + 2, dtype(r))), DenseComplex.Include.ALL);
    }

    /** The triangle of input 0 that the request's --uplo and --diag select. */
    private static DenseComplex triangle(ExecRequest r) {
        return input(r, 0).triangle(RoutineArgs.uplo(r) == Uplo.UPPER, RoutineArgs.diag(r) == org.fusemath.blas.Diag.UNIT);
    }

    private static DenseComplex input(ExecRequest r, int i) {
        return DenseComplex.of(r.inputs().get(i));
    }

    private static DType dtype(ExecRequest r) {
        return r.inputs().get(0).dtype();
    }

    /** alpha or beta as the routine reads it (the declared default when absent). */
    private static Scalar scalar(ExecRequest r, String name) {
        return Scalar.parse("--" + name, r.option(name.equals("beta") ? BlasParameters.BETA : BlasParameters.ALPHA));
    }

    private static double abs(Scalar s) {
        return Math.hypot(s.re(), s.im());
    }

    private static DenseComplex zeros(int rows, int cols) {
        return DenseComplex.of(rows, cols, (i, j) -> new double[] {0, 0});
    }

    private static DenseComplex bounds(int rows, int cols, double bound) {
        return DenseComplex.of(rows, cols, (i, j) -> new double[] {bound, 0});
    }

    private static DenseComplex scale(DenseComplex magnitudes, double factor) {
        return DenseComplex.of(magnitudes.rows, magnitudes.cols, (i, j) -> new double[] {factor * magnitudes.re(i, j), 0});
    }

    private static String alpha(DType t) {
        return t.isComplex() ? "0.5-1.5j" : "1.5";
    }

    private static ExecRequest request(Map<String, String> options, HostTensor... inputs) {
        return new ExecRequest(List.of(inputs), new HashMap<>(options), Map.of(), Execution.HOST);
    }

    private static HostTensor random(DType t, SplittableRandom rnd, long... shape) {
        HostTensor z = HostTensor.zeros(t, shape);
        Object data = z.array();
        int slots = java.lang.reflect.Array.getLength(data);
        for (int i = 0; i < slots; i++) {
            double v = 2 * rnd.nextDouble() - 1;
            if (data instanceof double[] d) {
                d[i] = v;
            } else {
                ((float[]) data)[i] = (float) v;
            }
        }
        return z;
    }

    /** A random n×n matrix with a dominant diagonal: a well-conditioned triangle in either half. */
    private static HostTensor triangular(DType t, SplittableRandom rnd, int n) {
        HostTensor m = random(t, rnd, n, n);
        int s = t.slotsPerElement();
        for (int i = 0; i < n; i++) {
            int at = (i * n + i) * s;
            if (m.array() instanceof double[] d) {
                d[at] += 2 * n;
            } else {
                ((float[]) m.array())[at] += 2 * n;
            }
        }
        return m;
    }
}
