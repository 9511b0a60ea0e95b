package org.fusemath.solver;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.FusemathException;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.Trans;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.device.DecompositionCall;
import org.fusemath.solver.device.DecompositionCall.Routine;
import org.fusemath.solver.device.DeviceDecomposition;
import org.fusemath.solver.device.DeviceJacobiSvd;
import org.fusemath.solver.device.JacobiSvdCall;
import org.fusemath.solver.host.LapackEig;

/**
 * {@link DenseKernels} on cuSOLVER: LU by {@code Xgetrf}/{@code Xgetrs} (Aᴴ solves as Aᵀ·conj(X) = conj(B), the
 * generic getrs description carrying N or T), QR by {@code Xgeqrf} and the typed {@code orgqr}/{@code ungqr}, the SVD
 * by the Jacobi {@code <t>gesvdj} up to 256 rows and columns ({@link JacobiSvds}; rerun by {@code Xgesvd} when its
 * sweeps do not converge) and past that by {@code Xgesvd}
 * (m ≥ n; a wide A is decomposed as Aᴴ = U'·Σ·V'ᴴ, so U = V' and Vᴴ = U'ᴴ), general eigen by
 * {@code Xgeev} (real A: cuSOLVER's 2·n real W and packed VR expanded as LAPACK's) and Hermitian eigen by
 * {@code Xsyevd}, each on the column-major image of A copied in and its results copied back. devInfo is read back:
 * a zero pivot is getrf's info (the factor object reports it), a positive info of the iterative routines is a
 * {@link NoConvergenceException}, a negative one (an argument cuSOLVER rejected after fusemath's checks) a
 * {@link FusemathException}. NaN or infinity in the input of the SVD and eigen solvers is rejected first, as on
 * the host. Immutable.
 */
final class DeviceKernels implements DenseKernels {
    private final CusolverDevice device;

    DeviceKernels(CusolverDevice device) {
        this.device = device;
    }

    /** devInfo of {@code function}: 0 passes, positive is no convergence, negative a rejected argument. */
    static void requireConverged(String function, int info) {
        if (info > 0) {
            throw new NoConvergenceException(function, info);
        }
        requireAccepted(function, info);
    }

    /** A negative devInfo: cuSOLVER rejected argument -info, which fusemath's checks should have caught. */
    static void requireAccepted(String function, int info) {
        if (info < 0) {
            throw new FusemathException(function + " rejected argument " + (-info) + " after fusemath's checks");
        }
    }

    @Override
    public int getrf(DType t, int n, Object a, int[] pivots) {
        int info = device.getrf(t, n, a, pivots);
        requireAccepted("cusolverDnXgetrf", info);
        return info;
    }

    @Override
    public void getrs(DType t, Trans trans, int n, int k, Object factors, int[] pivots, Object x) {
        boolean conjugate = trans == Trans.C && t.isComplex();
        if (conjugate) {
            Dense.conjugate(t, x, (long) n * k);
        }
        requireAccepted("cusolverDnXgetrs", device.getrs(t, trans != Trans.N, n, k, factors, pivots, x));
        if (conjugate) {
            Dense.conjugate(t, x, (long) n * k);
        }
    }

    @Override
    public void geqrf(DType t, int m, int n, Object a, Object tau) {
        if (m == 0 || n == 0) {
            return;
        }
        DecompositionCall geqrf = DecompositionCall.of(Routine.X_GEQRF, t, m, n, 0, m, 1, 1, 'N', 'N', Uplo.LOWER);
        DeviceDecomposition.Result r = device.decompose(List.of(geqrf), a, null);
        requireAccepted(geqrf.function(), r.info());
        int slots = t.slotsPerElement();
        System.arraycopy(r.a(), 0, a, 0, m * n * slots);
        System.arraycopy(r.values(), 0, tau, 0, Math.min(m, n) * slots);
    }

    @Override
    public void orgqr(DType t, int m, int cols, int k, Object q, Object tau) {
        if (m == 0 || cols == 0) {
            return;
        }
        DecompositionCall orgqr = DecompositionCall.of(Routine.ORGQR, t, m, cols, k, m, 1, 1, 'N', 'N', Uplo.LOWER);
        int slots = t.slotsPerElement();
        Object reflectors = Dense.allocate(t, k);
        System.arraycopy(tau, 0, reflectors, 0, k * slots);
        DeviceDecomposition.Result r = device.decompose(List.of(orgqr), q, reflectors);
        requireAccepted(orgqr.function(), r.info());
        System.arraycopy(r.a(), 0, q, 0, m * cols * slots);
    }

    @Override
    public Svd svd(HostMatrix a, SvdMode mode) {
        return svd(a, mode, this::decompose, device::jacobiSvd, this::decompose);
    }

    /**
     * The SVD of {@code a} with every cuSOLVER call made by {@code decomposer} or {@code jacobi} (one-shot or a
     * plan's); a gesvdj that does not converge is run again by Xgesvd through {@code fallback} (the one-shot call:
     * a plan prepares only its own route).
     */
    static Svd svd(HostMatrix a, SvdMode mode, Decomposer decomposer, JacobiRunner jacobi, Decomposer fallback) {
        SpectralInputs.finite(a, (Uplo) null);
        DType t = a.dtype();
        int m = Math.toIntExact(a.shape().rows());
        int n = Math.toIntExact(a.shape().cols());
        int k = Math.min(m, n);
        Layout layout = a.shape().layout();
        HostMatrix s = HostMatrix.of(t.componentType(), Dense.allocate(t.componentType(), k), MatrixShape.columnMajor(k, 1));
        if (k == 0) {
            return switch (mode) {
                case VALUES -> new Svd(null, s, null);
                case THIN -> new Svd(HostMatrix.of(t, Dense.allocate(t, 0), MatrixShape.dense(m, 0, layout)), s,
                        HostMatrix.of(t, Dense.allocate(t, 0), MatrixShape.dense(0, n, layout)));
                case FULL -> new Svd(HostMatrix.of(t, Dense.identity(t, m), MatrixShape.dense(m, m, layout)), s,
                        HostMatrix.of(t, Dense.identity(t, n), MatrixShape.dense(n, n, layout)));
            };
        }
        if (JacobiSvds.singleRoute(m, n)) {
            return JacobiSvds.single(jacobi, a, mode, member -> gesvd(member, mode, fallback));
        }
        return gesvd(a, mode, decomposer);
    }

    /** The SVD of the non-empty, finite {@code a} by Xgesvd made by {@code decomposer}. */
    static Svd gesvd(HostMatrix a, SvdMode mode, Decomposer decomposer) {
        DType t = a.dtype();
        int m = Math.toIntExact(a.shape().rows());
        int n = Math.toIntExact(a.shape().cols());
        int k = Math.min(m, n);
        Layout layout = a.shape().layout();
        HostMatrix s = HostMatrix.of(t.componentType(), Dense.allocate(t.componentType(), k), MatrixShape.columnMajor(k, 1));
        boolean wide = m < n;
        int p = Math.max(m, n);
        // B = A (m ≥ n) or Aᴴ (m < n), column-major p×k: cuSOLVER's gesvd takes tall matrices only.
        Object b = wide ? conjugateTransposed(t, a) : Dense.copy(a, Layout.COLUMN_MAJOR);
        DecompositionCall gesvd = gesvdCall(t, m, n, mode);
        DeviceDecomposition.Result r = decomposer.run(gesvd, b);
        requireConverged(gesvd.function(), r.info());
        System.arraycopy(r.values(), 0, s.array(), 0, k);
        if (mode == SvdMode.VALUES) {
            return new Svd(null, s, null);
        }
        int uCols = mode == SvdMode.FULL ? p : k;
        HostMatrix ub = HostMatrix.of(t, r.u(), MatrixShape.columnMajor(p, uCols));
        HostMatrix vtb = HostMatrix.of(t, r.vt(), MatrixShape.columnMajor(k, k));
        HostMatrix u = wide ? HostMatrix.of(t, conjugateTransposed(t, vtb), MatrixShape.columnMajor(k, k)) : ub;
        HostMatrix vh = wide ? HostMatrix.of(t, conjugateTransposed(t, ub), MatrixShape.columnMajor(uCols, p)) : vtb;
        return new Svd(inLayout(u, layout), s, inLayout(vh, layout));
    }

    /** The SVD of the non-empty, finite {@code a} by one-shot Xgesvd (the Jacobi routes' fallback). */
    Svd gesvd(HostMatrix a, SvdMode mode) {
        return gesvd(a, mode, this::decompose);
    }

    @Override
    public Eigen eig(HostMatrix a, boolean vectors) {
        return eig(a, vectors, this::decompose);
    }

    /** The general eigen decomposition of {@code a} with the cuSOLVER call made by {@code decomposer}. */
    static Eigen eig(HostMatrix a, boolean vectors, Decomposer decomposer) {
        SpectralInputs.finite(a, (Uplo) null);
        DType t = a.dtype();
        DType complex = t.complexType();
        int n = Math.toIntExact(a.shape().rows());
        Object w = Dense.allocate(complex, n);
        Object v = vectors ? Dense.allocate(complex, (long) n * n) : null;
        if (n > 0) {
            DecompositionCall geev = geevCall(t, n, vectors);
            DeviceDecomposition.Result r = decomposer.run(geev, Dense.copy(a, Layout.COLUMN_MAJOR));
            requireConverged(geev.function(), r.info());
            if (t.isComplex()) {
                System.arraycopy(r.values(), 0, w, 0, 2 * n);
                if (vectors) {
                    System.arraycopy(r.u(), 0, v, 0, 2 * n * n);
                }
            } else {
                LapackEig.expand(n, r.values(), vectors ? r.u() : null, w, v);
            }
        }
        return new Eigen(HostMatrix.of(complex, w, MatrixShape.columnMajor(n, 1)),
                vectors ? HostMatrix.of(complex, v, MatrixShape.columnMajor(n, n)) : null);
    }

    @Override
    public HermitianEigen eigh(HostMatrix a, Uplo uplo, boolean vectors) {
        return eigh(a, uplo, vectors, this::decompose);
    }

    /** The Hermitian eigen decomposition of {@code a} with the cuSOLVER call made by {@code decomposer}. */
    static HermitianEigen eigh(HostMatrix a, Uplo uplo, boolean vectors, Decomposer decomposer) {
        SpectralInputs.finite(a, uplo);
        DType t = a.dtype();
        DType real = t.componentType();
        int n = Math.toIntExact(a.shape().rows());
        if (n == 0) {
            return new HermitianEigen(HostMatrix.of(real, Dense.allocate(real, 0), MatrixShape.columnMajor(0, 1)),
                    vectors ? HostMatrix.of(t, Dense.allocate(t, 0), MatrixShape.columnMajor(0, 0)) : null);
        }
        DecompositionCall syevd = syevdCall(t, n, uplo, vectors);
        DeviceDecomposition.Result r = decomposer.run(syevd, Dense.copy(a, Layout.COLUMN_MAJOR));
        requireConverged(syevd.function(), r.info());
        return new HermitianEigen(HostMatrix.of(real, r.values(), MatrixShape.columnMajor(n, 1)),
                vectors ? HostMatrix.of(t, r.a(), MatrixShape.columnMajor(n, n)) : null);
    }

    /** One decomposition call on a column-major image: the provider's one-shot call, or a device plan's execute. */
    interface Decomposer {
        DeviceDecomposition.Result run(DecompositionCall call, Object image);
    }

    /** One Jacobi SVD call on column-major images: the provider's one-shot call, or a device plan's execute. */
    interface JacobiRunner {
        DeviceJacobiSvd.Result run(JacobiSvdCall call, Object images);
    }

    /** Xgesvd of the tall p×k image B = A (m ≥ n) or Aᴴ (m < n) of a non-empty m×n A. */
    static DecompositionCall gesvdCall(DType t, int m, int n, SvdMode mode) {
        int p = Math.max(m, n);
        int k = Math.min(m, n);
        return DecompositionCall.of(Routine.X_GESVD, t, p, k, 0, p, p, k, mode.job(), mode.job(), Uplo.LOWER);
    }

    /** Xgeev of a non-empty n×n A, right vectors when {@code vectors}. */
    static DecompositionCall geevCall(DType t, int n, boolean vectors) {
        return DecompositionCall.of(Routine.X_GEEV, t, n, n, 0, n, n, 1, vectors ? 'V' : 'N', 'N', Uplo.LOWER);
    }

    /** Xsyevd of a non-empty n×n A from its {@code uplo} triangle. */
    static DecompositionCall syevdCall(DType t, int n, Uplo uplo, boolean vectors) {
        return DecompositionCall.of(Routine.X_SYEVD, t, n, n, 0, n, 1, 1, vectors ? 'V' : 'N', 'N', uplo);
    }

    private DeviceDecomposition.Result decompose(DecompositionCall call, Object image) {
        return device.decompose(List.of(call), image, null);
    }

    /** The column-major image of mᴴ (m's packed row-major copy, read column-major, is mᵀ; conjugated, mᴴ). */
    private static Object conjugateTransposed(DType t, HostMatrix m) {
        Object out = Dense.copy(m, Layout.ROW_MAJOR);
        Dense.conjugate(t, out, m.shape().size());
        return out;
    }

    /** The column-major {@code m} in {@code layout}. */
    private static HostMatrix inLayout(HostMatrix m, Layout layout) {
        if (layout == Layout.COLUMN_MAJOR) {
            return m;
        }
        return HostMatrix.of(m.dtype(), Dense.copy(m, Layout.ROW_MAJOR),
                MatrixShape.rowMajor(m.shape().rows(), m.shape().cols()));
    }
}
