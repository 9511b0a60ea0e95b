package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;

/**
 * The LU factorisation with partial pivoting (P·A = L·U) of one square matrix, made once and used for any
 * number of solves (op(A)·X = B for op = A, Aᵀ or Aᴴ), the inverse, the determinant (also as sign and
 * log-magnitude) and the reciprocal condition estimate. {@link LuSolver} is the stateful form that refactors new
 * matrices of the same shape into the same buffers.
 *
 * <p>The factors are computed on a dense copy of A kept in A's own storage order: read column-major, as LAPACK
 * reads it, a row-major copy is Aᵀ, so {@code getrf} factors Aᵀ and solves use {@code getrs} with the transposed
 * flag (Aᵀᵀ = A); no transposition is made. An exactly singular A (a zero pivot, LAPACK's {@code info} &gt; 0) is
 * reported by {@link #solve} and {@link #inverse} as a {@link SingularMatrixException} carrying that info; its
 * {@link #determinant} is 0. NaN or Inf in A is not screened: it propagates into the factors and every result
 * (LAPACK's own arithmetic), and {@link #reciprocalCondition()} is then NaN or 0.
 *
 * <p>Immutable after construction; may be shared across threads (each solve writes only its own result).
 */
public final class LuFactorization {
    private final FuseContext context;
    private final LuCore core;

    private LuFactorization(FuseContext context, LuCore core) {
        this.context = context;
        this.core = core;
    }

    /** Factors the square {@code a} (left unchanged) with the default context. */
    public static LuFactorization factor(HostMatrix a) {
        return factor(FuseContext.defaults(), a);
    }

    /**
     * Factors the square {@code a} (left unchanged) where the context says: on the host with its thread count, or
     * for a DEVICE context by cuSOLVER's {@code Xgetrf} on its device (the factors and pivots copied back, so that
     * solves, the inverse and the determinant work as on the host; solves run {@code Xgetrs} there, the condition
     * estimate runs on the host).
     *
     * @throws org.fusemath.api.DeviceUnavailableException for a DEVICE context without a usable device, naming why
     */
    public static LuFactorization factor(FuseContext context, HostMatrix a) {
        Arguments.requireNonNull(context, "context");
        Operands.requireSquare("a", a);
        return factor(context, SolverProviders.select(context), a);
    }

    /**
     * Factors the square device tensor {@code a} (unchanged) on the device it lives on, by cuSOLVER's {@code Xgetrf}
     * on a device copy; the factors stay on the device for solves, the inverse and the determinant, whose results are
     * device tensors (see {@link DeviceLuFactorization}, which the caller closes). {@code context} (null: the
     * tensor's device, a stream per call) supplies the stream and must execute AUTO or DEVICE on that ordinal.
     *
     * @throws org.fusemath.api.DeviceUnavailableException when that device or cuSOLVER is not usable, naming why
     */
    public static DeviceLuFactorization factor(FuseContext context, DeviceTensor a) {
        return DeviceLuFactorization.factor(DeviceLinalg.on(context, a), a);
    }

    /** {@link #factor(FuseContext, HostMatrix)} through the given routines (tests: the device's on a CPU fake). */
    static LuFactorization factor(FuseContext context, DenseKernels kernels, HostMatrix a) {
        int n = Operands.requireSquare("a", a);
        LuCore core = new LuCore(kernels, a.dtype(), n, a.shape().layout(), Dense.allocate(a.dtype(), (long) n * n),
                new int[n]);
        core.factor(context.threads(), a, true);
        return new LuFactorization(context, core);
    }

    /**
     * Factors {@code a} into this thread's scratch arrays, without the norm: for the one-shot function forms, whose
     * factorisation must not outlive the call.
     */
    static LuFactorization factorTransient(FuseContext context, HostMatrix a) {
        Arguments.requireNonNull(context, "context");
        int n = Operands.requireSquare("a", a);
        DenseKernels kernels = SolverProviders.select(context);
        Scratch s = Scratch.current();
        LuCore core = new LuCore(kernels, a.dtype(), n, a.shape().layout(), s.array(a.dtype(), n * n), s.ints(n));
        core.factor(context.threads(), a, false);
        return new LuFactorization(context, core);
    }

    /** The order n of A. */
    public int n() {
        return core.n;
    }

    /** The element type. */
    public DType dtype() {
        return core.dtype;
    }

    /**
     * LAPACK's info: 0, or the 1-based index i of the first exactly zero pivot U(i, i) of the factors as stored
     * (those of Aᵀ for a row-major A: either way A is singular).
     */
    public int info() {
        return core.info;
    }

    /** Whether A is exactly singular (a zero pivot). */
    public boolean isSingular() {
        return core.info > 0;
    }

    /** X with A·X = B for the n×k {@code b} (left unchanged); X is dense in B's storage order. */
    public HostMatrix solve(HostMatrix b) {
        return solve(Op.NONE, b);
    }

    /** X with op(A)·X = B (op: A, Aᵀ or Aᴴ) for the n×k {@code b} (left unchanged); X is dense in B's order. */
    public HostMatrix solve(Op op, HostMatrix b) {
        return core.solve(context.threads(), op, b);
    }

    /** A⁻¹, dense in A's storage order. */
    public HostMatrix inverse() {
        return core.inverse(context.threads());
    }

    /**
     * det(A) = ±Π U(i, i), the sign that of the row permutation (det Aᵀ = det A), multiplied in double precision
     * and rounded to the type; 1 for n = 0, 0 when A is exactly singular. Like NumPy it may overflow to infinity
     * or underflow to 0 for large n ({@link #logDeterminant()} avoids that).
     */
    public Scalar determinant() {
        return core.determinant();
    }

    /** det(A) as numpy.linalg.slogdet's (sign, log|det A|), which neither overflows nor underflows. */
    public SignLogDet logDeterminant() {
        return core.logDeterminant();
    }

    /**
     * LAPACK gecon's estimate of the reciprocal condition number 1/(‖A‖₁·‖A⁻¹‖₁), within a small factor of the true
     * value (usually within 3x): near 1 for a well-conditioned A, below the type's unit roundoff for one that is
     * numerically singular; 0 when A is exactly singular.
     */
    public double reciprocalCondition() {
        return core.reciprocalCondition(context.threads());
    }
}
