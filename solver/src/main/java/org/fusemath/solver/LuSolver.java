package org.fusemath.solver;

import java.lang.ref.Cleaner;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Op;
import org.slf4j.Logger;

/**
 * A stateful dense LU solver for op(A)·X = B, in the shape of nvmath-python's {@code DirectSolver}: construct with A
 * (n×n) and B (n×k), {@link #plan()} once (allocates the factor, pivot and solution buffers for this shape),
 * {@link #factorize()}, {@link #solve()} any number of times, swap in a new B (more solves against the same
 * factors) or a new A (then {@link #factorize()} again) of the same type, shape and storage order with
 * {@link #resetOperands}, and {@link #close()}.
 *
 * <pre>{@code
 * try (LuSolver lu = new LuSolver(a, b)) {
 *     lu.plan().factorize();
 *     HostMatrix x = lu.solve();        // A·X = B
 *     lu.resetOperands(null, b2);       // same factors, new right-hand sides
 *     HostMatrix x2 = lu.solve();       // overwrites x's array
 *     lu.resetOperands(a2, null).factorize();
 * }
 * }</pre>
 *
 * <p>Each factorisation copies A into the plan's buffer (A itself is never modified) and each solve copies B into
 * the plan's solution buffer: after {@link #plan()} nothing is allocated per call beyond the returned view. getrf
 * and getrs need no LAPACK workspace; the condition estimate's O(n) workspace is the call's own. The returned X is
 * that buffer, dense in B's storage order, and the next {@link #solve()} overwrites it: copy it to keep it. An
 * exactly singular A makes {@link #solve()} throw {@link org.fusemath.api.SingularMatrixException} with LAPACK's
 * info; {@link #factorize()} itself only records it ({@link #info()}).
 *
 * <p>A DEVICE context factors and solves with cuSOLVER's {@code Xgetrf}/{@code Xgetrs} on its device (A, the
 * factors and B copied over per call; the factors are kept on the host, so the determinant and condition estimate
 * are computed there); without a usable device the constructor throws the probe's
 * {@link org.fusemath.api.DeviceUnavailableException}. Each phase logs what it decided at DEBUG on the
 * context's logger. Methods are synchronized: one thread at a time uses an instance. The buffers are released by
 * {@link #close()}, or when the instance becomes unreachable.
 */
public final class LuSolver implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final FuseContext context;
    private final DType dtype;
    private final int n;
    private final int k;
    private final Layout aLayout;
    private final Layout bLayout;
    private final Op op;
    private final DenseKernels kernels;
    private final Buffers buffers = new Buffers();
    private final Cleaner.Cleanable cleanable;
    private HostMatrix a;
    private HostMatrix b;
    private boolean factored;
    private boolean closed;

    /** The plan's buffers, held apart so that the cleaner does not reach the solver. */
    private static final class Buffers implements Runnable {
        private LuCore core;
        /** X column-major (n×k), and X in B's order when that differs and k > 1. */
        private Object columns;
        private Object rows;

        @Override
        public synchronized void run() {
            core = null;
            columns = null;
            rows = null;
        }
    }

    /** A solver for A·X = B under the default context. */
    public LuSolver(HostMatrix a, HostMatrix b) {
        this(FuseContext.defaults(), a, b, Op.NONE);
    }

    /**
     * A solver for op(A)·X = B (op: A, Aᵀ or Aᴴ) under {@code context}: {@code a} n×n, {@code b} n×k of the same type
     * (checked here).
     */
    public LuSolver(FuseContext context, HostMatrix a, HostMatrix b, Op op) {
        this(context, null, a, b, op);
    }

    /** The solver over the given routines (null: those {@link SolverProviders#select} gives the context). */
    LuSolver(FuseContext context, DenseKernels kernels, HostMatrix a, HostMatrix b, Op op) {
        this.context = Arguments.requireNonNull(context, "context");
        this.op = Arguments.requireNonNull(op, "op");
        this.n = Operands.requireSquare("a", a);
        this.dtype = a.dtype();
        this.aLayout = a.shape().layout();
        this.k = Operands.requireRhs(dtype, n, n + "x" + n, b);
        this.bLayout = b.shape().layout();
        this.a = a;
        this.b = b;
        this.kernels = kernels != null ? kernels : SolverProviders.select(context);
        this.cleanable = CLEANER.register(this, buffers);
        Logger log = context.logger();
        if (log.isDebugEnabled()) {
            log.debug("lu solver specification: {} {}x{} {} A, op {}, {}x{} {} B", dtype, n, n, aLayout, op, n, k,
                    bLayout);
        }
    }

    /** Allocates the buffers for this shape (the factors of A, the pivots, X); may be called again (a no-op). */
    public synchronized LuSolver plan() {
        requireOpen();
        synchronized (buffers) {
            if (buffers.core == null) {
                buffers.core = new LuCore(kernels, dtype, n, aLayout, Dense.allocate(dtype, (long) n * n), new int[n]);
                buffers.columns = Dense.allocate(dtype, (long) n * k);
                buffers.rows = bLayout == Layout.ROW_MAJOR && k > 1 ? Dense.allocate(dtype, (long) n * k) : null;
            }
        }
        Logger log = context.logger();
        if (log.isDebugEnabled()) {
            log.debug("lu solver planned: getrf/getrs on the {} copy of A ({}), {}", aLayout,
                    aLayout == Layout.ROW_MAJOR ? "factored as the column-major Aᵀ" : "factored as stored",
                    kernels instanceof DeviceKernels ? "cuSOLVER on device " + context.deviceId()
                            : context.threads() + " host thread(s)");
        }
        return this;
    }

    /** Factors the current A into the plan's buffer (A unchanged); records LAPACK's info, throws nothing for it. */
    public synchronized LuSolver factorize() {
        LuCore core = core();
        core.factor(context.threads(), a, true);
        factored = true;
        Logger log = context.logger();
        if (log.isDebugEnabled()) {
            log.debug("lu solver factorized: info {}", core.info);
        }
        return this;
    }

    /**
     * X with op(A)·X = B for the current B; the result is the plan's buffer (n×k, dense in B's order), overwritten
     * by the next solve.
     *
     * @throws org.fusemath.api.SingularMatrixException when the factored A is exactly singular
     */
    public synchronized HostMatrix solve() {
        LuCore core = factoredCore();
        Object x = buffers.columns;
        Dense.copyInto(b, Layout.COLUMN_MAJOR, x);
        core.solveInPlace(context.threads(), op, x, k);
        if (buffers.rows == null) {
            return HostMatrix.of(dtype, x, MatrixShape.dense(n, k, bLayout));
        }
        Dense.copyInto(HostMatrix.of(dtype, x, MatrixShape.columnMajor(n, k)), Layout.ROW_MAJOR, buffers.rows);
        return HostMatrix.of(dtype, buffers.rows, MatrixShape.rowMajor(n, k));
    }

    /**
     * Replaces A and/or B (null keeps the current one) with matrices of the same type, shape and storage order
     * (checked). A new A must be factorized before the next solve.
     */
    public synchronized LuSolver resetOperands(HostMatrix newA, HostMatrix newB) {
        requireOpen();
        if (newA != null) {
            if (Operands.requireSquare("a", newA) != n || newA.dtype() != dtype || newA.shape().layout() != aLayout) {
                throw new ShapeMismatchException("a", newA.dtype() + " " + newA.shape(),
                        "a " + dtype + " " + n + "x" + n + " " + aLayout + " matrix (the planned A)");
            }
        }
        if (newB != null) {
            if (Operands.requireRhs(dtype, n, n + "x" + n, newB) != k || newB.shape().layout() != bLayout) {
                throw new ShapeMismatchException("b", newB.shape().toString(),
                        "a " + n + "x" + k + " " + bLayout + " matrix (the planned B)");
            }
            b = newB;
        }
        if (newA != null) {
            a = newA;
            factored = false;
        }
        return this;
    }

    /** LAPACK's info for the last factorisation: 0, or the 1-based index of the first exactly zero pivot. */
    public synchronized int info() {
        return factoredCore().info;
    }

    /** det(A) of the factored A as (sign, log|det A|), see {@link LuFactorization#logDeterminant()}. */
    public synchronized SignLogDet logDeterminant() {
        return factoredCore().logDeterminant();
    }

    /** gecon's estimate of 1/κ₁(A) for the factored A, see {@link LuFactorization#reciprocalCondition()}. */
    public synchronized double reciprocalCondition() {
        return factoredCore().reciprocalCondition(context.threads());
    }

    private LuCore core() {
        requireOpen();
        LuCore core = buffers.core;
        if (core == null) {
            throw new IllegalStateException("lu solver is not planned: call plan() before factorize()");
        }
        return core;
    }

    private LuCore factoredCore() {
        LuCore core = core();
        if (!factored) {
            throw new IllegalStateException("lu solver has no factors of the current A: call factorize() first");
        }
        return core;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("lu solver is closed");
        }
    }

    /** Releases the buffers; the instance cannot be used afterwards. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        cleanable.clean();
    }
}
