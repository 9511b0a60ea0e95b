package org.fusemath.blas.spi;

import static org.fusemath.blas.spi.BlasParameters.ALPHA;
import static org.fusemath.blas.spi.BlasParameters.BETA;
import static org.fusemath.blas.spi.BlasParameters.DIAG;
import static org.fusemath.blas.spi.BlasParameters.SIDE;
import static org.fusemath.blas.spi.BlasParameters.TRANS;
import static org.fusemath.blas.spi.BlasParameters.TRANS_HERK;
import static org.fusemath.blas.spi.BlasParameters.TRANS_SYRK;
import static org.fusemath.blas.spi.BlasParameters.UPLO;
import static org.fusemath.blas.spi.BlasParameters.of;
import static org.fusemath.blas.spi.RoutineArgs.matrix;
import static org.fusemath.blas.spi.RoutineArgs.scalarTensor;
import static org.fusemath.blas.spi.RoutineArgs.vector;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * The BLAS level 1–3 routines for {@code fusemath exec}, with NumPy/SciPy semantics so that each can be
 * cross-checked against NumPy ({@code --space device} runs them through cuBLAS). Each declares its options as
 * data ({@link BlasParameters}); the references {@code fusemath validate} checks them against are
 * {@link RoutineReferences}. Stateless.
 */
public final class BlasRoutines implements ExecOperationGroup {
    private static final List<BlasRoutine> ALL = List.of(
            dot("dot", false), dot("dotc", true), axpy(), scal(), reduction("nrm2", false), reduction("asum", true), iamax(),
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
        return new BlasRoutine(name, (conjugate ? "np.vdot(x, y)" : "np.dot(x, y)") + ": --in x --in y (1-D), a 0-d result", of(),
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 2, 2);
                    Scalar s = conjugate ? Blas.dotc(a.context(), vector(a.tensor(0, 1)), vector(a.tensor(1, 1)))
                            : Blas.dot(a.context(), vector(a.tensor(0, 1)), vector(a.tensor(1, 1)));
                    return List.of(scalarTensor(a.dtype(), s.re(), s.im()));
                });
    }

    private static BlasRoutine axpy() {
        return new BlasRoutine("axpy", "alpha*x + y: --in x --in y (1-D)", of(ALPHA),
                r -> {
                    RoutineArgs a = new RoutineArgs("axpy", r, 2, 2);
                    HostTensor y = a.copy(1, 1);
                    Blas.axpy(a.context(), a.scalar(ALPHA), vector(a.tensor(0, 1)), vector(y));
                    return List.of(y);
                });
    }

    private static BlasRoutine scal() {
        return new BlasRoutine("scal", "alpha*x: --in x (1-D)", of(ALPHA),
                r -> {
                    RoutineArgs a = new RoutineArgs("scal", r, 1, 1);
                    HostTensor x = a.copy(0, 1);
                    Blas.scal(a.context(), a.scalar(ALPHA), vector(x));
                    return List.of(x);
                });
    }

    /** nrm2 and asum: one real number from x. */
    private static BlasRoutine reduction(String name, boolean sumOfParts) {
        String summary = sumOfParts ? "np.sum(np.abs(x.real) + np.abs(x.imag)) (BLAS asum): --in x (1-D), a 0-d real result"
                : "np.linalg.norm(x): --in x (1-D), a 0-d real result";
        return new BlasRoutine(name, summary, of(),
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 1, 1);
                    double v = sumOfParts ? Blas.asum(a.context(), vector(a.tensor(0, 1))) : Blas.nrm2(a.context(), vector(a.tensor(0, 1)));
                    return List.of(scalarTensor(a.dtype().componentType(), v, 0));
                });
    }

    private static BlasRoutine iamax() {
        return new BlasRoutine("iamax", "np.argmax(np.abs(x.real) + np.abs(x.imag)) (BLAS iamax, 0-based; -1 when empty):"
                + " --in x (1-D), a 0-d F64 result", of(),
                r -> {
                    RoutineArgs a = new RoutineArgs("iamax", r, 1, 1);
                    return List.of(scalarTensor(DType.F64, Blas.iamax(a.context(), vector(a.tensor(0, 1))), 0));
                });
    }

    // ---- level 2 ----

    private static BlasRoutine gemv() {
        return new BlasRoutine("gemv", "alpha*op(A) @ x [+ beta*y]: --in A --in x [--in y]", of(TRANS, ALPHA, BETA),
                r -> {
                    RoutineArgs a = new RoutineArgs("gemv", r, 2, 3);
                    Op op = a.trans(TRANS);
                    HostTensor am = a.tensor(0, 2);
                    long rows = op.rowsOf(am.dim(0), am.dim(1));
                    HostTensor y = a.has(2) ? a.copy(2, 1) : a.zeros("the result of gemv", rows);
                    Blas.gemv(a.context(), op, a.scalar(ALPHA), matrix(am), vector(a.tensor(1, 1)), a.beta(2), vector(y));
                    return List.of(y);
                });
    }

    private static BlasRoutine ger(String name, boolean conjugate) {
        return new BlasRoutine(name, "A + alpha*np.outer(x, " + (conjugate ? "y.conj()" : "y") + "): --in A --in x --in y",
                of(ALPHA),
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 3, 3);
                    HostTensor am = a.copy(0, 2);
                    if (conjugate) {
                        Blas.gerc(a.context(), a.scalar(ALPHA), vector(a.tensor(1, 1)), vector(a.tensor(2, 1)), matrix(am));
                    } else {
                        Blas.ger(a.context(), a.scalar(ALPHA), vector(a.tensor(1, 1)), vector(a.tensor(2, 1)), matrix(am));
                    }
                    return List.of(am);
                });
    }

    private static BlasRoutine trsv() {
        return new BlasRoutine("trsv", "scipy.linalg.solve_triangular(A, b, trans, lower, unit_diagonal): --in A --in b",
                of(UPLO, TRANS, DIAG),
                r -> {
                    RoutineArgs a = new RoutineArgs("trsv", r, 2, 2);
                    HostTensor x = a.copy(1, 1);
                    Blas.trsv(a.context(), a.uplo(), a.trans(TRANS), a.diag(), matrix(a.tensor(0, 2)), vector(x));
                    return List.of(x);
                });
    }

    // ---- level 3 ----

    /** trsm (solve) and trmm (multiply): op(T)·B or B·op(T) with T the {@code uplo} triangle of A. */
    private static BlasRoutine triangular3(String name, boolean solve) {
        String formula = solve ? "X with op(tri(A)) @ X = alpha*B (--side l) or X @ op(tri(A)) = alpha*B (--side r)"
                : "alpha*op(tri(A)) @ B (--side l) or alpha*B @ op(tri(A)) (--side r)";
        return new BlasRoutine(name, formula + ": --in A --in B", of(SIDE, UPLO, TRANS, DIAG, ALPHA),
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 2, 2);
                    HostTensor b = a.copy(1, 2);
                    if (solve) {
                        Blas.trsm(a.context(), a.side(), a.uplo(), a.trans(TRANS), a.diag(), a.scalar(ALPHA), matrix(a.tensor(0, 2)), matrix(b));
                    } else {
                        Blas.trmm(a.context(), a.side(), a.uplo(), a.trans(TRANS), a.diag(), a.scalar(ALPHA), matrix(a.tensor(0, 2)), matrix(b));
                    }
                    return List.of(b);
                });
    }

    /** syrk (op(A)·op(A)ᵀ) and herk (op(A)·op(A)ᴴ, real scalars) on the {@code uplo} triangle of C. */
    private static BlasRoutine rankK(String name, boolean hermitian) {
        String formula = hermitian ? "op(A) @ op(A).conj().T" : "op(A) @ op(A).T";
        return new BlasRoutine(name, "C with its --uplo triangle set to alpha*" + formula + " + beta*C, the other triangle kept"
                + " (zeros without C" + (hermitian ? "; the diagonal's imaginary parts become 0" : "") + "): --in A [--in C]",
                of(UPLO, hermitian ? TRANS_HERK : TRANS_SYRK, ALPHA, BETA),
                r -> {
                    RoutineArgs a = new RoutineArgs(name, r, 1, 2);
                    Op op = a.trans(hermitian ? TRANS_HERK : TRANS_SYRK);
                    HostTensor am = a.tensor(0, 2);
                    long n = op.rowsOf(am.dim(0), am.dim(1));
                    HostTensor c = a.has(1) ? a.copy(1, 2) : a.zeros("the result of " + name, n, n);
                    if (hermitian) {
                        Blas.herk(a.context(), a.uplo(), op, a.scalar(ALPHA).requireFor("--alpha", DType.F64).re(), matrix(am),
                                a.beta(1).requireFor("--beta", DType.F64).re(), matrix(c));
                    } else {
                        Blas.syrk(a.context(), a.uplo(), op, a.scalar(ALPHA), matrix(am), a.beta(1), matrix(c));
                    }
                    return List.of(c);
                });
    }

    private static BlasRoutine symm() {
        return new BlasRoutine("symm", "alpha*S @ B + beta*C (--side l) or alpha*B @ S + beta*C (--side r), S the symmetric"
                + " matrix of A's --uplo triangle: --in A --in B [--in C]", of(SIDE, UPLO, ALPHA, BETA),
                r -> {
                    RoutineArgs a = new RoutineArgs("symm", r, 2, 3);
                    HostTensor b = a.tensor(1, 2);
                    HostTensor c = a.has(2) ? a.copy(2, 2) : a.zeros("the result of symm", b.dim(0), b.dim(1));
                    Blas.symm(a.context(), a.side(), a.uplo(), a.scalar(ALPHA), matrix(a.tensor(0, 2)), matrix(b), a.beta(2), matrix(c));
                    return List.of(c);
                });
    }
}
