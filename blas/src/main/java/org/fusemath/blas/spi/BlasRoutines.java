package org.fusemath.blas.spi;

import static org.fusemath.blas.spi.DenseComplex.complexity;
import static org.fusemath.blas.spi.DenseComplex.gamma;
import static org.fusemath.blas.spi.RoutineArgs.matrix;
import static org.fusemath.blas.spi.RoutineArgs.scalarTensor;
import static org.fusemath.blas.spi.RoutineArgs.vector;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * The BLAS level 1–3 routines for {@code fusemath exec} (NumPy/SciPy semantics, so that each can be
 * cross-checked against NumPy; {@code --space device} runs them through cuBLAS) and {@code fusemath validate} (each checked against its formula in double
 * precision with a bound of the form c·γ(n)·|A|·|x|; triangular solves by their residual). Scalars take
 * complex values as {@code 1+2j}; flags are {@code --trans n|t|c}, {@code --uplo u|l}, {@code --side l|r},
 * {@code --diag n|u}. Stateless.
 */
public final class BlasRoutines implements ExecOperationGroup {
    private static final List<BlasRoutine> ALL = List.of(
            dot("dot", false), dot("dotc", true), axpy(), scal(), nrm2(), asum(), iamax(),
            gemv(), ger("ger", false), ger("gerc", true), trsv(), triangular3("trsm", true), triangular3("trmm", false),
            rankK("syrk", false), rankK("herk", true), symm());

    @Override
    public List<ExecOperation> operations() {
        return List.copyOf(ALL);
    }

    /** Every routine, for the validate cases. */
    static List<BlasRoutine> routines() {
        return ALL;
    }

    // ---- level 1 ----

    private static BlasRoutine dot(String name, boolean conjugate) {
        Op first = conjugate ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        return new BlasRoutine(name, (conjugate ? "np.vdot(x, y)" : "np.dot(x, y)") + ": --in x --in y (1-D), a 0-d result",
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 2, 2);
                    Scalar s = conjugate ? Blas.dotc(a.context(), vector(a.tensor(0, 1)), vector(a.tensor(1, 1)))
                            : Blas.dot(a.context(), vector(a.tensor(0, 1)), vector(a.tensor(1, 1)));
                    return List.of(scalarTensor(a.dtype(), s.re(), s.im()));
                },
                (r, out) -> {
                    DenseComplex x = input(r, 0);
                    DenseComplex y = input(r, 1);
                    DenseComplex want = x.op(first).times(y);
                    double bound = complexity(dtype(r)) * gamma(x.rows + 1, dtype(r)) * x.op(first).absTimes(y).re(0, 0);
                    return want.worstRatio(DenseComplex.of(out.get(0)), bounds(1, 1, bound), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of(), random(t, rnd, n), random(t, rnd, n)));
    }

    private static BlasRoutine axpy() {
        return new BlasRoutine("axpy", "alpha*x + y: --in x --in y (1-D) [--alpha A]",
                r -> {
                    RoutineArgs a = new RoutineArgs("axpy", r, 2, 2);
                    HostTensor y = a.copy(1, 1);
                    Blas.axpy(a.context(), a.scalar("alpha", "1"), vector(a.tensor(0, 1)), vector(y));
                    return List.of(y);
                },
                (r, out) -> {
                    Scalar alpha = scalar(r, "alpha", "1");
                    DenseComplex x = input(r, 0);
                    DenseComplex y = input(r, 1);
                    return x.scaled(alpha).plus(y).worstRatio(DenseComplex.of(out.get(0)),
                            scale(x.magnitudes(abs(alpha), y, 1), complexity(dtype(r)) * gamma(3, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("alpha", alpha(t)), random(t, rnd, n), random(t, rnd, n)));
    }

    private static BlasRoutine scal() {
        return new BlasRoutine("scal", "alpha*x: --in x (1-D) [--alpha A]",
                r -> {
                    RoutineArgs a = new RoutineArgs("scal", r, 1, 1);
                    HostTensor x = a.copy(0, 1);
                    Blas.scal(a.context(), a.scalar("alpha", "1"), vector(x));
                    return List.of(x);
                },
                (r, out) -> {
                    Scalar alpha = scalar(r, "alpha", "1");
                    DenseComplex x = input(r, 0);
                    return x.scaled(alpha).worstRatio(DenseComplex.of(out.get(0)),
                            scale(x.magnitudes(abs(alpha), null, 0), complexity(dtype(r)) * gamma(2, dtype(r))), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of("alpha", alpha(t)), random(t, rnd, n)));
    }

    private static BlasRoutine nrm2() {
        return reduction("nrm2", "np.linalg.norm(x): --in x (1-D), a 0-d real result", false);
    }

    private static BlasRoutine asum() {
        return reduction("asum", "np.sum(np.abs(x.real) + np.abs(x.imag)) (BLAS asum): --in x (1-D), a 0-d real result", true);
    }

    /** nrm2 and asum: one real number from x, with a relative bound. */
    private static BlasRoutine reduction(String name, String summary, boolean sumOfParts) {
        return new BlasRoutine(name, summary,
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 1, 1);
                    double v = sumOfParts ? Blas.asum(a.context(), vector(a.tensor(0, 1))) : Blas.nrm2(a.context(), vector(a.tensor(0, 1)));
                    return List.of(scalarTensor(a.dtype().componentType(), v, 0));
                },
                (r, out) -> {
                    DenseComplex x = input(r, 0);
                    double want = 0;
                    for (int i = 0; i < x.rows; i++) {
                        want += sumOfParts ? Math.abs(x.re(i, 0)) + Math.abs(x.im(i, 0)) : x.abs(i, 0) * x.abs(i, 0);
                    }
                    want = sumOfParts ? want : Math.sqrt(want);
                    double bound = complexity(dtype(r)) * gamma(x.rows + 2, dtype(r)) * want;
                    final double value = want;
                    return DenseComplex.of(1, 1, (i, j) -> new double[] {value, 0}).worstRatio(DenseComplex.of(out.get(0)), bounds(1, 1, bound), DenseComplex.Include.ALL);
                },
                (t, n, rnd) -> request(Map.of(), random(t, rnd, n)));
    }

    private static BlasRoutine iamax() {
        return new BlasRoutine("iamax", "np.argmax(np.abs(x.real) + np.abs(x.imag)) (BLAS iamax, 0-based; -1 when empty):"
                + " --in x (1-D), a 0-d F64 result",
                r -> {
                    RoutineArgs a = new RoutineArgs("iamax", r, 1, 1);
                    return List.of(scalarTensor(DType.F64, Blas.iamax(a.context(), vector(a.tensor(0, 1))), 0));
                },
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

    private static BlasRoutine gemv() {
        return new BlasRoutine("gemv", "alpha*op(A) @ x [+ beta*y]: --in A --in x [--in y] [--trans n|t|c] [--alpha A] [--beta B]",
                r -> {
                    RoutineArgs a = new RoutineArgs("gemv", r, 2, 3);
                    Op op = a.trans();
                    HostTensor am = a.tensor(0, 2);
                    HostTensor y = a.has(2) ? a.copy(2, 1)
                            : HostTensor.zeros(a.dtype(), op.rowsOf(am.dim(0), am.dim(1)));
                    Blas.gemv(a.context(), op, a.scalar("alpha", "1"), matrix(am), vector(a.tensor(1, 1)), a.beta(2), vector(y));
                    return List.of(y);
                },
                (r, out) -> {
                    Op op = Op.parse(r.option("trans", "n"));
                    Scalar alpha = scalar(r, "alpha", "1");
                    Scalar beta = r.inputs().size() > 2 ? scalar(r, "beta", "1") : Scalar.ZERO;
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

    private static BlasRoutine ger(String name, boolean conjugate) {
        Op second = conjugate ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        return new BlasRoutine(name, "A + alpha*np.outer(x, " + (conjugate ? "y.conj()" : "y") + "): --in A --in x --in y [--alpha A]",
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 3, 3);
                    HostTensor am = a.copy(0, 2);
                    if (conjugate) {
                        Blas.gerc(a.context(), a.scalar("alpha", "1"), vector(a.tensor(1, 1)), vector(a.tensor(2, 1)), matrix(am));
                    } else {
                        Blas.ger(a.context(), a.scalar("alpha", "1"), vector(a.tensor(1, 1)), vector(a.tensor(2, 1)), matrix(am));
                    }
                    return List.of(am);
                },
                (r, out) -> {
                    Scalar alpha = scalar(r, "alpha", "1");
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

    private static BlasRoutine trsv() {
        return new BlasRoutine("trsv", "scipy.linalg.solve_triangular(A, b, trans, lower, unit_diagonal): --in A --in b"
                + " [--uplo u|l] [--trans n|t|c] [--diag n|u]",
                r -> {
                    RoutineArgs a = new RoutineArgs("trsv", r, 2, 2);
                    HostTensor x = a.copy(1, 1);
                    Blas.trsv(a.context(), a.uplo(), a.trans(), a.diag(), matrix(a.tensor(0, 2)), vector(x));
                    return List.of(x);
                },
                (r, out) -> residualRatio(r, triangle(r).op(Op.parse(r.option("trans", "n"))), DenseComplex.of(out.get(0)),
                        true, input(r, 1)),
                (t, n, rnd) -> request(Map.of("uplo", "l", "trans", "t"), triangular(t, rnd, n), random(t, rnd, n)));
    }

    // ---- level 3 ----

    /** trsm (solve) and trmm (multiply): op(T)·B or B·op(T) with T the {@code uplo} triangle of A. */
    private static BlasRoutine triangular3(String name, boolean solve) {
        String formula = solve ? "X with op(tri(A)) @ X = alpha*B (--side l) or X @ op(tri(A)) = alpha*B (--side r)"
                : "alpha*op(tri(A)) @ B (--side l) or alpha*B @ op(tri(A)) (--side r)";
        return new BlasRoutine(name, formula + ": --in A --in B [--side l|r] [--uplo u|l] [--trans n|t|c] [--diag n|u] [--alpha A]",
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 2, 2);
                    HostTensor b = a.copy(1, 2);
                    if (solve) {
                        Blas.trsm(a.context(), a.side(), a.uplo(), a.trans(), a.diag(), a.scalar("alpha", "1"), matrix(a.tensor(0, 2)), matrix(b));
                    } else {
                        Blas.trmm(a.context(), a.side(), a.uplo(), a.trans(), a.diag(), a.scalar("alpha", "1"), matrix(a.tensor(0, 2)), matrix(b));
                    }
                    return List.of(b);
                },
                (r, out) -> {
                    DenseComplex t = triangle(r).op(Op.parse(r.option("trans", "n")));
                    boolean left = !r.lowerOption("side", "l").startsWith("r");
                    Scalar alpha = scalar(r, "alpha", "1");
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

    /** syrk (op(A)·op(A)ᵀ) and herk (op(A)·op(A)ᴴ, real scalars) on the {@code uplo} triangle of C. */
    private static BlasRoutine rankK(String name, boolean hermitian) {
        String formula = hermitian ? "op(A) @ op(A).conj().T" : "op(A) @ op(A).T";
        Op flag = hermitian ? Op.CONJUGATE_TRANSPOSE : Op.TRANSPOSE;
        return new BlasRoutine(name, "C with its --uplo triangle set to alpha*" + formula + " + beta*C, the other triangle kept"
                + " (zeros without C" + (hermitian ? "; the diagonal's imaginary parts become 0" : "") + "): --in A [--in C]"
                + " [--uplo u|l] [--trans n|" + (hermitian ? "c" : "t") + "] [--alpha A] [--beta B]",
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 1, 2);
                    Op op = a.trans();
                    HostTensor am = a.tensor(0, 2);
                    long n = op.rowsOf(am.dim(0), am.dim(1));
                    HostTensor c = a.has(1) ? a.copy(1, 2) : HostTensor.zeros(a.dtype(), n, n);
                    if (hermitian) {
                        Blas.herk(a.context(), a.uplo(), op, a.scalar("alpha", "1").requireFor("--alpha", DType.F64).re(), matrix(am),
                                a.beta(1).requireFor("--beta", DType.F64).re(), matrix(c));
                    } else {
                        Blas.syrk(a.context(), a.uplo(), op, a.scalar("alpha", "1"), matrix(am), a.beta(1), matrix(c));
                    }
                    return List.of(c);
                },
                (r, out) -> {
                    Op op = Op.parse(r.option("trans", "n"));
                    Scalar alpha = scalar(r, "alpha", "1");
                    DenseComplex am = input(r, 0).op(op);
                    DenseComplex product = am.times(am.op(flag));
                    int n = product.rows;
                    boolean hasC = r.inputs().size() > 1;
                    Scalar beta = hasC ? scalar(r, "beta", "1") : Scalar.ZERO;
                    DenseComplex c = hasC ? input(r, 1) : zeros(n, n);
                    // herk reads no imaginary part on C's diagonal and writes zeros there.
                    DenseComplex cRead = hermitian ? c.withRealDiagonal() : c;
                    DenseComplex want = product.scaled(alpha).plus(cRead.scaled(beta));
                    DenseComplex mag = am.absTimes(am.op(flag)).magnitudes(abs(alpha), cRead, abs(beta));
                    boolean upper = !r.lowerOption("uplo", "u").startsWith("l");
                    DenseComplex got = DenseComplex.of(out.get(0));
                    double inside = want.worstRatio(got, scale(mag, complexity(dtype(r)) * gamma(am.cols + 2, dtype(r))),
                            (i, j) -> upper ? j >= i : j <= i);
                    double outside = c.worstRatio(got, zeros(n, n), (i, j) -> upper ? j < i : j > i);
                    return Math.max(inside, outside);
                },
                (t, n, rnd) -> request(Map.of("uplo", "l", "trans", hermitian ? "c" : "t", "alpha", hermitian ? "0.75" : alpha(t),
                        "beta", "-0.5"), random(t, rnd, n + 2, n), random(t, rnd, n, n)));
    }

    private static BlasRoutine symm() {
        return new BlasRoutine("symm", "alpha*S @ B + beta*C (--side l) or alpha*B @ S + beta*C (--side r), S the symmetric"
                + " matrix of A's --uplo triangle: --in A --in B [--in C] [--side l|r] [--uplo u|l] [--alpha A] [--beta B]",
                r -> {
                    RoutineArgs a = new RoutineArgs("symm", r, 2, 3);
                    HostTensor b = a.tensor(1, 2);
                    HostTensor c = a.has(2) ? a.copy(2, 2) : HostTensor.zeros(a.dtype(), b.dim(0), b.dim(1));
                    Blas.symm(a.context(), a.side(), a.uplo(), a.scalar("alpha", "1"), matrix(a.tensor(0, 2)), matrix(b), a.beta(2), matrix(c));
                    return List.of(c);
                },
                (r, out) -> {
                    boolean left = !r.lowerOption("side", "l").startsWith("r");
                    boolean upper = !r.lowerOption("uplo", "u").startsWith("l");
                    Scalar alpha = scalar(r, "alpha", "1");
                    DenseComplex s = input(r, 0).symmetricFrom(upper);
                    DenseComplex b = input(r, 1);
                    boolean hasC = r.inputs().size() > 2;
                    Scalar beta = hasC ? scalar(r, "beta", "1") : Scalar.ZERO;
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
        return input(r, 0).triangle(!r.lowerOption("uplo", "u").startsWith("l"), r.lowerOption("diag", "n").startsWith("u"));
    }

    private static DenseComplex input(ExecRequest r, int i) {
        return DenseComplex.of(r.inputs().get(i));
    }

    private static DType dtype(ExecRequest r) {
        return r.inputs().get(0).dtype();
    }

    private static Scalar scalar(ExecRequest r, String name, String fallback) {
        return Scalar.parse("--" + name, r.option(name, fallback));
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
