package org.fusemath.solver.spi;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.LeastSquares;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.QrFactorization;
import org.fusemath.solver.SignLogDet;

/**
 * {@code fusemath exec solve|inv|det|slogdet|cholesky|qr|lu|lstsq} with numpy.linalg's (and, for {@code lu},
 * scipy.linalg's) semantics: every operation but lstsq takes stacks of matrices over the last two axes, and solve
 * broadcasts the batch axes of A and B as NumPy does (B of shape (M,) is one vector for every A; otherwise B is
 * (..., M, K)). An exactly singular A fails solve and inv, and a matrix that is not positive definite fails
 * cholesky, with LAPACK's info (the command line prints the one-line message and exits 1). Integer results (lstsq's
 * rank) are written as 0-d F64 arrays, as fusemath's other integer results.
 */
public final class LinalgExecOperations implements ExecOperationGroup {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();
    private static final ExecParameter QR_MODE = ExecParameter.choice("mode", "reduced",
            "numpy.linalg.qr's mode: Q (M, K) and R (K, N); complete: Q (M, M), R (M, N); r: R only",
            "reduced", "complete", "r");
    private static final ExecParameter RCOND = ExecParameter.real("rcond", null,
            "singular values <= rcond * largest are zero (default: machine epsilon * max(M, N), as NumPy; < 0: eps)");

    @Override
    public List<ExecOperation> operations() {
        return List.of(
                op("solve", "x = numpy.linalg.solve(a, b): --in A (..., M, M) --in B (M,) or (..., M, K)", 2, List.of(),
                        LinalgExecOperations::solve),
                op("inv", "numpy.linalg.inv(a): --in A (..., M, M)", 1, List.of(), LinalgExecOperations::inv),
                op("det", "numpy.linalg.det(a) (a 0-d array for one matrix): --in A (..., M, M)", 1, List.of(),
                        LinalgExecOperations::det),
                op("slogdet", "sign, logabsdet = numpy.linalg.slogdet(a): --in A (..., M, M), --out SIGN LOGABSDET", 1,
                        List.of(), LinalgExecOperations::slogdet),
                op("cholesky", "numpy.linalg.cholesky(a), the lower factor L: --in A (..., M, M) Hermitian positive definite",
                        1, List.of(), LinalgExecOperations::cholesky),
                op("qr", "q, r = numpy.linalg.qr(a, mode): --in A (..., M, N), --out Q R (mode r: --out R)", 1,
                        List.of(QR_MODE), LinalgExecOperations::qr),
                op("lu", "p, l, u = scipy.linalg.lu(a): A = P·L·U, --in A (..., M, N), --out P L U", 1, List.of(),
                        LinalgExecOperations::lu),
                op("lstsq", "x, residuals, rank, s = numpy.linalg.lstsq(a, b, rcond): --in A (M, N) --in B (M,) or (M, K),"
                        + " --out X RESIDUALS RANK S", 2, List.of(RCOND), LinalgExecOperations::lstsq));
    }

    private static ExecOperation op(String name, String summary, int inputs, List<ExecParameter> parameters,
                                    Function<ExecRequest, List<HostTensor>> run) {
        return ExecOperation.hostOnly(name, summary + " (host)", inputs, parameters,
                "host or auto: '" + name + "' runs on the host only", run);
    }

    private static Stack squareA(ExecRequest r) {
        Stack a = Stack.square("--in A", r.inputs().get(0));
        r.requireAllocatable("the factors of one matrix of A", a.dtype(), a.rows, a.cols);
        return a;
    }

    private static List<HostTensor> solve(ExecRequest r) {
        Stack a = squareA(r);
        HostTensor bt = r.inputs().get(1);
        DType t = a.dtype();
        if (bt.dtype() != t) {
            throw new InvalidArgumentException("--in B", bt.dtype(), t + " (the type of A)");
        }
        long n = a.rows;
        boolean vector = bt.rank() == 1;
        if (vector ? bt.dim(0) != n : bt.rank() < 2 || bt.dim(bt.rank() - 2) != n) {
            throw new ShapeMismatchException("--in B", Arrays.toString(bt.shape()),
                    "(" + n + ",) or (..., " + n + ", K) for A of shape " + Arrays.toString(r.inputs().get(0).shape()));
        }
        Stack b = vector ? Stack.of("--in B", HostTensor.of(t, new long[] {n, 1}, bt.array())) : Stack.of("--in B", bt);
        long[] batch = vector ? a.batch : Stack.broadcast("--in A", a.batch, "--in B", b.batch);
        long k = b.cols;
        HostTensor x = Stack.allocate(r, "the result of solve", t, vector ? Stack.shape(batch, n) : Stack.shape(batch, n, k));
        long count = Stack.product(batch);
        for (long i = 0; i < count; i++) {
            long member = i;
            Stack.put(x, i, nameMember(batch, i, () -> Linalg.solve(HOST, a.matrix(member, batch), b.matrix(member, batch))));
        }
        return List.of(x);
    }

    /**
     * Runs one member's solve or inverse; in a stack a singular member is named (its 0-based index over the batch axes
     * read in C order), since NumPy's own message would not say which of thousands failed.
     */
    private static HostMatrix nameMember(long[] batch, long member, Supplier<HostMatrix> work) {
        try {
            return work.get();
        } catch (SingularMatrixException e) {
            if (batch.length == 0) {
                throw e;
            }
            throw new SingularMatrixException(member, e.info());
        }
    }

    private static List<HostTensor> inv(ExecRequest r) {
        Stack a = squareA(r);
        HostTensor out = Stack.allocate(r, "the result of inv", a.dtype(), r.inputs().get(0).shape());
        for (long i = 0; i < a.count; i++) {
            long member = i;
            Stack.put(out, i, nameMember(a.batch, i, () -> Linalg.inv(HOST, a.matrix(member))));
        }
        return List.of(out);
    }

    private static List<HostTensor> det(ExecRequest r) {
        Stack a = squareA(r);
        HostTensor out = Stack.allocate(r, "the result of det", a.dtype(), a.batch);
        for (long i = 0; i < a.count; i++) {
            Scalar d = Linalg.det(HOST, a.matrix(i));
            Stack.put(out, i, d.re(), d.im());
        }
        return List.of(out);
    }

    private static List<HostTensor> slogdet(ExecRequest r) {
        Stack a = squareA(r);
        HostTensor sign = Stack.allocate(r, "the signs of slogdet", a.dtype(), a.batch);
        HostTensor log = Stack.allocate(r, "the logabsdet of slogdet", a.dtype().componentType(), a.batch);
        for (long i = 0; i < a.count; i++) {
            SignLogDet s = Linalg.slogdet(HOST, a.matrix(i));
            Stack.put(sign, i, s.sign().re(), s.sign().im());
            Stack.put(log, i, s.logAbsDet(), 0);
        }
        return List.of(sign, log);
    }

    private static List<HostTensor> cholesky(ExecRequest r) {
        Stack a = squareA(r);
        HostTensor out = Stack.allocate(r, "the result of cholesky", a.dtype(), r.inputs().get(0).shape());
        for (long i = 0; i < a.count; i++) {
            Stack.put(out, i, CholeskyFactorization.factor(HOST, a.matrix(i), Uplo.LOWER).triangularFactor());
        }
        return List.of(out);
    }

    private static List<HostTensor> qr(ExecRequest r) {
        Stack a = Stack.of("--in A", r.inputs().get(0));
        String mode = r.option(QR_MODE);
        long m = a.rows;
        long n = a.cols;
        long k = Math.min(m, n);
        boolean complete = mode.equals("complete");
        r.requireAllocatable("the factors of one matrix of A", a.dtype(), m, n);
        long qCols = complete ? m : k;
        long rRows = complete ? m : k;
        HostTensor q = mode.equals("r") ? null : Stack.allocate(r, "Q", a.dtype(), Stack.shape(a.batch, m, qCols));
        HostTensor rr = Stack.allocate(r, "R", a.dtype(), Stack.shape(a.batch, rRows, n));
        for (long i = 0; i < a.count; i++) {
            QrFactorization f = QrFactorization.factor(HOST, a.matrix(i));
            if (q != null) {
                Stack.put(q, i, f.q(complete));
            }
            // The complete R is the reduced one over M − K rows of zeros (already zero in the result).
            HostMatrix reduced = f.r();
            HostTensor rows = rr;
            long base = i * rRows * n;
            for (long row = 0; row < k; row++) {
                for (long col = 0; col < n; col++) {
                    int at = (int) reduced.shape().indexOf(0, row, col) * a.dtype().slotsPerElement();
                    double re = fromArray(reduced.array(), at);
                    double im = a.dtype().isComplex() ? fromArray(reduced.array(), at + 1) : 0;
                    Stack.put(rows, base + row * n + col, re, im);
                }
            }
        }
        return q == null ? List.of(rr) : List.of(q, rr);
    }

    private static double fromArray(Object array, int slot) {
        return array instanceof double[] d ? d[slot] : ((float[]) array)[slot];
    }

    /**
     * scipy.linalg.lu: P (M, M) with A = P·L·U, L (M, K) unit lower trapezoidal, U (K, N) upper, K = min(M, N), P of
     * A's real type (SciPy's dtype for it). A singular A is factored without complaint, as SciPy does; NaN or Inf is
     * refused, as SciPy's default check_finite does.
     */
    private static List<HostTensor> lu(ExecRequest r) {
        Stack a = Stack.of("--in A", r.inputs().get(0));
        DType t = a.dtype();
        long m = a.rows;
        long n = a.cols;
        long k = Math.min(m, n);
        r.requireAllocatable("the factors of one matrix of A", t, m, n);
        requireFinite(a.tensor);
        // SciPy's own shapes and types at the edges: an empty A has a (..., 0, 0) P; a 1x1 A has P of A's type.
        long pm = m == 0 || n == 0 ? 0 : m;
        HostTensor p = Stack.allocate(r, "P", m == 1 && n == 1 ? t : t.componentType(), Stack.shape(a.batch, pm, pm));
        HostTensor l = Stack.allocate(r, "L", t, Stack.shape(a.batch, m, k));
        HostTensor u = Stack.allocate(r, "U", t, Stack.shape(a.batch, k, n));
        for (long i = 0; i < a.count; i++) {
            RectangularLu f = RectangularLu.factor(HOST, a.matrix(i));
            int[] perm = f.rowOrder();
            for (int row = 0; row < pm; row++) {
                // (P_lapack·A)[row] = A[perm[row]], so A = Pᵀ_lapack·L·U: SciPy's P has P[perm[row], row] = 1.
                Stack.put(p, i * m * m + (long) perm[row] * m + row, 1, 0);
            }
            Stack.put(l, i, f.lower());
            Stack.put(u, i, f.upper());
        }
        return List.of(p, l, u);
    }

    /** scipy.linalg.lu's check_finite (its default): NaN or Inf in A is refused by name. */
    private static void requireFinite(HostTensor t) {
        Object data = t.array();
        int length = data instanceof double[] d ? d.length : ((float[]) data).length;
        for (int i = 0; i < length; i++) {
            double v = data instanceof double[] d ? d[i] : ((float[]) data)[i];
            if (!Double.isFinite(v)) {
                throw new InvalidArgumentException("--in A", v + " at element " + i / t.dtype().slotsPerElement(),
                        "finite values (scipy.linalg.lu checks finiteness)");
            }
        }
    }

    private static List<HostTensor> lstsq(ExecRequest r) {
        HostTensor at = r.inputs().get(0);
        HostTensor bt = r.inputs().get(1);
        if (at.rank() != 2) {
            throw new ShapeMismatchException("--in A", Arrays.toString(at.shape()), "a 2-D matrix (numpy.linalg.lstsq)");
        }
        Stack a = Stack.of("--in A", at);
        DType t = a.dtype();
        if (bt.dtype() != t) {
            throw new InvalidArgumentException("--in B", bt.dtype(), t + " (the type of A)");
        }
        long m = a.rows;
        long n = a.cols;
        boolean vector = bt.rank() == 1;
        if (bt.rank() > 2 || bt.rank() == 0 || bt.dim(0) != m) {
            throw new ShapeMismatchException("--in B", Arrays.toString(bt.shape()),
                    "(" + m + ",) or (" + m + ", K) for A of shape " + Arrays.toString(at.shape()));
        }
        Stack b = vector ? Stack.of("--in B", HostTensor.of(t, new long[] {m, 1}, bt.array())) : Stack.of("--in B", bt);
        r.requireAllocatable("copies of A and B for gelsd", t, Math.max(m, n), n + b.cols);
        double rcond = r.has(RCOND) ? Double.parseDouble(r.option(RCOND).trim()) : 2 * t.unitRoundoff() * Math.max(m, n);
        LeastSquares ls = Linalg.lstsq(HOST, a.matrix(0), b.matrix(0), rcond);
        HostTensor x = HostTensor.zeros(t, vector ? new long[] {n} : new long[] {n, b.cols});
        Stack.put(x, 0, ls.x());
        DType real = t.componentType();
        double[] res = ls.residuals();
        HostTensor residuals = HostTensor.zeros(real, res.length);
        for (int i = 0; i < res.length; i++) {
            Stack.put(residuals, i, res[i], 0);
        }
        HostTensor rank = HostTensor.zeros(DType.F64);
        Stack.put(rank, 0, ls.rank(), 0);
        double[] sv = ls.singularValues();
        HostTensor s = HostTensor.zeros(real, sv.length);
        for (int i = 0; i < sv.length; i++) {
            Stack.put(s, i, sv[i], 0);
        }
        return List.of(x, residuals, rank, s);
    }
}
