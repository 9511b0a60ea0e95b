package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.host.LapackCholesky;

/**
 * The Cholesky factorisation A = L·Lᴴ (lower) or A = Uᴴ·U (upper) of one Hermitian (real: symmetric) positive
 * definite matrix, made once and used for solves and the inverse.
 *
 * <p>Only the chosen triangle of A is read (the other is never looked at, as in LAPACK), and the imaginary parts of
 * its diagonal are taken as zero. The factor is computed by {@code potrf} on a dense copy of that triangle (zeros
 * elsewhere) kept in A's storage order: a row-major copy read column-major is Aᵀ = conj(A) (A is Hermitian), whose
 * factor in the other triangle is the requested one read row-major, so no transposition is made. A matrix that is
 * not positive definite (a leading minor whose pivot is ≤ 0) fails with {@link NotPositiveDefiniteException}
 * carrying the order of that minor. NaN and Inf are not screened: a NaN pivot passes OpenBLAS's "≤ 0" test, so NaN
 * propagates into the factor (and into every solve), as in NumPy.
 *
 * <p>With {@code Execution.device()} the factor is made by cuSOLVER's {@code Xpotrf} on that device and each solve
 * and the inverse by {@code Xpotrs} (after asking the CUDA probe, whose
 * {@link org.fusemath.api.DeviceUnavailableException} names why there is no device): the dense copy, the triangle
 * and the exceptions are the host's, devInfo mapped as LAPACK's info is.
 *
 * <p>Immutable after construction; may be shared across threads.
 */
public final class CholeskyFactorization {
    private final FuseContext context;
    private final DType dtype;
    private final int n;
    private final Layout layout;
    private final Uplo uplo;
    /** The triangle potrf was given, of the array read column-major (the other one for a row-major A). */
    private final Uplo stored;
    private final Object factor;
    /** cuSOLVER for a DEVICE context, else null (LAPACK). */
    private final CusolverDevice device;
    /**
     * Whether the factor's other triangle is zero: it was copied as zeros and LAPACK's potrf, which does not
     * reference it, left it so (host only; a device factor is zeroed when released, whatever came back).
     */
    private final boolean otherTriangleZero;

    private CholeskyFactorization(FuseContext context, CusolverDevice device, DType dtype, int n, Layout layout, Uplo uplo,
                                  Object factor, boolean zeroElsewhere) {
        this.otherTriangleZero = zeroElsewhere && device == null;
        this.device = device;
        this.context = context;
        this.dtype = dtype;
        this.n = n;
        this.layout = layout;
        this.uplo = uplo;
        this.stored = layout == Layout.COLUMN_MAJOR ? uplo : uplo.flipped();
        this.factor = factor;
    }

    /** Factors {@code a} as L·Lᴴ from its lower triangle, with the default context. */
    public static CholeskyFactorization factor(HostMatrix a) {
        return factor(FuseContext.defaults(), a, Uplo.LOWER);
    }

    /**
     * Factors the Hermitian positive definite {@code a} (left unchanged) from its {@code uplo} triangle: A = L·Lᴴ for
     * LOWER, A = Uᴴ·U for UPPER.
     *
     * @throws NotPositiveDefiniteException when the leading minor of order {@code info()} is not positive definite
     */
    public static CholeskyFactorization factor(FuseContext context, HostMatrix a, Uplo uplo) {
        return factor(context, null, a, uplo);
    }

    /** {@link #factor(FuseContext, HostMatrix, Uplo)} on {@code device} (tests: the CPU fakes) for a DEVICE context. */
    static CholeskyFactorization factor(FuseContext context, CusolverDevice device, HostMatrix a, Uplo uplo) {
        Arguments.requireNonNull(context, "context");
        int n = Operands.requireSquare("a", a);
        Arguments.requireNonNull(uplo, "uplo");
        Layout layout = a.shape().layout();
        // Only the triangle potrf reads is copied (row-major lower = column-major upper), into a fresh array whose
        // other triangle is already zero: the function form's factor needs no zeroing pass.
        Uplo stored = layout == Layout.COLUMN_MAJOR ? uplo : uplo.flipped();
        Object f = Dense.triangleCopy(a, stored == Uplo.UPPER);
        return factored(context, SpectralInputs.device(context, device), a.dtype(), n, layout, uplo, f, true);
    }

    /**
     * Factors {@code a} in its own array, as LAPACK's potrf does, for a caller that lets A be overwritten: no copy and
     * no allocation beyond this object. On return the {@code uplo} triangle of {@code a}'s array holds the factor and
     * the other triangle is as it was; this factorisation reads that array for every later call, so the caller must
     * not modify it while the factorisation is in use. Only a dense A at offset 0 (leading dimension n) can be
     * factored in place; {@link #factor(FuseContext, HostMatrix, Uplo)} copies any other.
     *
     * @throws org.fusemath.api.InvalidArgumentException when {@code a} is not dense at offset 0
     * @throws NotPositiveDefiniteException when the leading minor of order {@code info()} is not positive definite
     *         (the array then holds LAPACK's partial factor)
     */
    public static CholeskyFactorization factorInPlace(FuseContext context, HostMatrix a, Uplo uplo) {
        Arguments.requireNonNull(context, "context");
        int n = Operands.requireSquare("a", a);
        Arguments.requireNonNull(uplo, "uplo");
        MatrixShape s = a.shape();
        if (!s.isContiguous() || s.offset() != 0) {
            throw new org.fusemath.api.InvalidArgumentException("a", s,
                    "a dense matrix at offset 0 (leading dimension n) to factor in place; factor() copies any other");
        }
        return factored(context, SpectralInputs.device(context, null), a.dtype(), n, s.layout(), uplo, a.array(), false);
    }

    /**
     * Runs potrf on {@code f} (dense, in {@code layout}) and wraps it, or throws for a minor that is not positive
     * definite; {@code zeroElsewhere}: f's other triangle is zero.
     */
    private static CholeskyFactorization factored(FuseContext context, CusolverDevice device, DType t, int n,
                                                  Layout layout, Uplo uplo, Object f, boolean zeroElsewhere) {
        CholeskyFactorization c = new CholeskyFactorization(context, device, t, n, layout, uplo, f, zeroElsewhere);
        int info;
        if (device == null) {
            info = LapackCholesky.factor(context.threads(), t, c.stored, n, f);
        } else {
            info = device.potrf(t, c.stored, n, f);
            DeviceKernels.requireAccepted("cusolverDnXpotrf", info);
        }
        if (info > 0) {
            throw new NotPositiveDefiniteException(info);
        }
        return c;
    }

    /** The order n of A. */
    public int n() {
        return n;
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** Which factor this is: LOWER (A = L·Lᴴ) or UPPER (A = Uᴴ·U). */
    public Uplo uplo() {
        return uplo;
    }

    /** The triangular factor (L or U) with zeros in the other triangle, dense in A's storage order (a fresh copy). */
    public HostMatrix triangularFactor() {
        HostMatrix t = Dense.triangle(dtype, factor, n, n, n, stored == Uplo.UPPER, Layout.COLUMN_MAJOR);
        // The column-major array with the stored triangle, read in A's order, is the requested triangle.
        return HostMatrix.of(dtype, t.array(), MatrixShape.dense(n, n, layout));
    }

    /**
     * The factor in place of the factorisation's own array, zeros written into the other triangle: for the function
     * form, which drops the factorisation (no second n×n array).
     */
    HostMatrix releaseTriangularFactor() {
        if (!otherTriangleZero) {
            Dense.zeroTriangle(dtype, factor, n, stored == Uplo.UPPER);
        }
        return HostMatrix.of(dtype, factor, MatrixShape.dense(n, n, layout));
    }

    /** X with A·X = B for the n×k {@code b} (left unchanged); X is dense in B's storage order. */
    public HostMatrix solve(HostMatrix b) {
        int k = Operands.requireRhs(dtype, n, n + "x" + n, b);
        Object x = Dense.copy(b, Layout.COLUMN_MAJOR);
        solveInPlace(x, k);
        HostMatrix columns = HostMatrix.of(dtype, x, MatrixShape.columnMajor(n, k));
        if (b.shape().layout() == Layout.COLUMN_MAJOR || k == 1) {
            return HostMatrix.of(dtype, x, MatrixShape.dense(n, k, b.shape().layout()));
        }
        return HostMatrix.of(dtype, Dense.copy(columns, Layout.ROW_MAJOR), MatrixShape.rowMajor(n, k));
    }

    private void solveInPlace(Object x, int k) {
        if (n == 0 || k == 0) {
            return;
        }
        // A row-major copy is conj(A): conj(A)·conj(X) = conj(B) (real types: nothing to do).
        boolean conj = layout == Layout.ROW_MAJOR && dtype.isComplex();
        if (conj) {
            Dense.conjugate(dtype, x, (long) n * k);
        }
        solveWithFactor(k, x);
        if (conj) {
            Dense.conjugate(dtype, x, (long) n * k);
        }
    }

    /** A⁻¹ (Hermitian, both triangles), dense in A's storage order. */
    public HostMatrix inverse() {
        Object x = Dense.identity(dtype, n);
        if (n > 0) {
            // F⁻¹ read in A's order is A⁻¹ both ways: conj(A)⁻¹ read row-major is (Aᴴ)⁻¹ = A⁻¹.
            solveWithFactor(n, x);
        }
        return HostMatrix.of(dtype, x, MatrixShape.dense(n, n, layout));
    }

    /** Overwrites the column-major n×k {@code x} with F⁻¹-solves of the stored factor: potrs on the factor's space. */
    private void solveWithFactor(int k, Object x) {
        if (device == null) {
            LapackCholesky.solve(context.threads(), dtype, stored, n, k, factor, x);
        } else {
            DeviceKernels.requireAccepted("cusolverDnXpotrs", device.potrs(dtype, stored, n, k, factor, x));
        }
    }

    /**
     * Factors the Hermitian positive definite device tensor {@code a} (unchanged) from its {@code uplo} triangle on
     * the device it lives on, by cuSOLVER's {@code Xpotrf}; the factor stays there for solves and the inverse (see
     * {@link DeviceCholeskyFactorization}, which the caller closes). {@code context} (null: the tensor's device, a
     * stream per call) supplies the stream and must execute AUTO or DEVICE on that ordinal.
     *
     * @throws NotPositiveDefiniteException naming the order of the first leading minor that is not (devInfo)
     */
    public static DeviceCholeskyFactorization factor(FuseContext context, org.fusemath.api.DeviceTensor a, Uplo uplo) {
        return DeviceCholeskyFactorization.factor(DeviceLinalg.on(context, a), a, uplo);
    }
}
