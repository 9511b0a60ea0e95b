package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/**
 * The Householder QR factorisation A = Q·R of one m×n matrix (LAPACK geqrf), with the explicit Q on request (thin
 * m×k or full m×m, k = min(m, n), orgqr/ungqr), R (k×n, upper trapezoidal) and least-squares solves for full-rank
 * over-determined systems (m ≥ n); {@link Linalg#lstsq} handles rank-deficient and under-determined ones.
 *
 * <p>LAPACK factors column-major storage, and the QR of a row-major A's column-major reading (Aᵀ) is not a QR of A,
 * so a row-major A is copied transposed (O(m·n)); a column-major A is copied as is. The factors, Q and R are
 * returned dense in A's storage order. NaN and Inf propagate through the Householder arithmetic (not screened).
 *
 * <p>On a DEVICE context geqrf and orgqr/ungqr run on cuSOLVER (the factors and tau are copied back and kept
 * here, Q is formed there on request); the least-squares solve's product and triangular solve run on the host.
 *
 * <p>Immutable once made (the thin Q for solves is formed once, on first use); may be shared across threads.
 */
public final class QrFactorization {
    private final DenseKernels kernels;
    /** The context of the least-squares solve's BLAS steps, on the host whatever space factored A. */
    private final FuseContext blas;
    private final DType dtype;
    private final int m;
    private final int n;
    private final Layout layout;
    /** geqrf's output, column-major m×n with ld max(1, m): R on and above the diagonal, reflectors below. */
    private final Object factors;
    private final Object tau;
    private volatile HostMatrix thinQColumns;

    private QrFactorization(DenseKernels kernels, FuseContext blas, DType dtype, int m, int n, Layout layout,
                            Object factors, Object tau) {
        this.kernels = kernels;
        this.blas = blas;
        this.dtype = dtype;
        this.m = m;
        this.n = n;
        this.layout = layout;
        this.factors = factors;
        this.tau = tau;
    }

    /** Factors the m×n {@code a} (left unchanged) with the default context. */
    public static QrFactorization factor(HostMatrix a) {
        return factor(FuseContext.defaults(), a);
    }

    /**
     * Factors the m×n {@code a} (left unchanged) where the context says: on the host with its thread count, or for
     * a DEVICE context by cuSOLVER's {@code Xgeqrf} on its device (Q formed there by {@code orgqr}/{@code ungqr}).
     *
     * @throws org.fusemath.api.DeviceUnavailableException for a DEVICE context without a usable device, naming why
     */
    public static QrFactorization factor(FuseContext context, HostMatrix a) {
        Arguments.requireNonNull(context, "context");
        Operands.requireOne("a", a);
        FuseContext host = context.execution().kind() != Execution.Kind.DEVICE ? context
                : FuseContext.builder().threads(context.threads()).logger(context.logger()).build();
        return factor(SolverProviders.select(context), host, a);
    }

    /** {@link #factor(FuseContext, HostMatrix)} through the given routines (tests: the device's on a CPU fake). */
    static QrFactorization factor(DenseKernels kernels, FuseContext blas, HostMatrix a) {
        Operands.requireOne("a", a);
        int m = (int) a.shape().rows();
        int n = (int) a.shape().cols();
        DType t = a.dtype();
        Object f = Dense.copy(a, Layout.COLUMN_MAJOR);
        Object tau = Dense.allocate(t, Math.min(m, n));
        kernels.geqrf(t, m, n, f, tau);
        return new QrFactorization(kernels, blas, t, m, n, a.shape().layout(), f, tau);
    }

    /** Rows m of A. */
    public int rows() {
        return m;
    }

    /** Columns n of A. */
    public int cols() {
        return n;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    private int k() {
        return Math.min(m, n);
    }

    /** R: the k×n upper trapezoidal factor (k = min(m, n), NumPy's "reduced" R), zeros below the diagonal. */
    public HostMatrix r() {
        return Dense.triangle(dtype, factors, k(), n, Math.max(1, m), true, layout);
    }

    /** The thin Q: m×k with orthonormal columns (Qᴴ·Q = I), A = Q·R. */
    public HostMatrix q() {
        return q(false);
    }

    /** The thin Q (m×k), or with {@code full} the whole m×m unitary Q (A = Q·[R; 0]), dense in A's order. */
    public HostMatrix q(boolean full) {
        HostMatrix columns = full ? formQ(m) : thinQ();
        return layout == Layout.COLUMN_MAJOR ? columns
                : HostMatrix.of(dtype, Dense.copy(columns, Layout.ROW_MAJOR), MatrixShape.rowMajor(m, columns.shape().cols()));
    }

    private HostMatrix thinQ() {
        HostMatrix q = thinQColumns;
        if (q == null) {
            q = formQ(k());
            thinQColumns = q;
        }
        return q;
    }

    /** The first {@code cols} (k ≤ cols ≤ m) columns of Q, column-major, in a fresh array. */
    private HostMatrix formQ(int cols) {
        int k = k();
        Object q = Dense.allocate(dtype, (long) m * cols);
        int copied = Math.min(cols, n);
        int slots = dtype.slotsPerElement();
        System.arraycopy(factors, 0, q, 0, m * copied * slots);
        if (m > 0 && cols > 0) {
            kernels.orgqr(dtype, m, cols, k, q, tau);
        }
        return HostMatrix.of(dtype, q, MatrixShape.columnMajor(m, cols));
    }

    /**
     * The least-squares solution X minimising ‖A·X − B‖ (Frobenius) for a full-rank A with m ≥ n: X = R⁻¹·(Qᴴ·B),
     * the m×k {@code b} left unchanged, X n×k dense in B's storage order.
     *
     * @throws InvalidArgumentException when m &lt; n (under-determined: use {@link Linalg#lstsq})
     * @throws SingularMatrixException when R(i, i) is exactly zero (info = i, 1-based): A is rank-deficient
     */
    public HostMatrix solve(HostMatrix b) {
        if (m < n) {
            throw new InvalidArgumentException("a", m + "x" + n,
                    "at least as many rows as columns for a QR least-squares solve (Linalg.lstsq takes any shape)");
        }
        int k = Operands.requireRhs(dtype, m, m + "x" + n, b);
        int slots = dtype.slotsPerElement();
        for (int i = 0; i < n; i++) {
            int d = (i * Math.max(1, m) + i) * slots;
            if (Dense.get(factors, d) == 0 && (slots == 1 || Dense.get(factors, d + 1) == 0)) {
                throw new SingularMatrixException(i + 1);
            }
        }
        HostMatrix x = HostMatrix.of(dtype, Dense.allocate(dtype, (long) n * k), MatrixShape.dense(n, k, b.shape().layout()));
        if (n == 0 || k == 0) {
            return x;
        }
        Blas.gemm(Op.CONJUGATE_TRANSPOSE, Op.NONE, Scalar.ONE, thinQ(), b, Scalar.ZERO, x);
        HostMatrix r = HostMatrix.of(dtype, factors, new MatrixShape(1, n, n, Layout.COLUMN_MAJOR, Math.max(1, m), 0, 0));
        Blas.trsm(blas, Side.LEFT, Uplo.UPPER, Op.NONE, Diag.NON_UNIT, Scalar.ONE, r, x);
        return x;
    }

    /**
     * Factors the device tensor {@code a} (unchanged) on the device it lives on, by cuSOLVER's {@code Xgeqrf}; R and
     * Q come as device tensors there (see {@link DeviceQrFactorization}, which the caller closes). {@code context}
     * (null: the tensor's device, a stream per call) supplies the stream and must execute AUTO or DEVICE on that
     * ordinal.
     */
    public static DeviceQrFactorization factor(FuseContext context, org.fusemath.api.DeviceTensor a) {
        return DeviceQrFactorization.factor(DeviceLinalg.on(context, a), a);
    }
}
