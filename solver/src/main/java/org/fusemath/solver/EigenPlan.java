package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.host.LapackEig;

/**
 * The eigenvalues and optionally right eigenvectors of general (non-symmetric) n×n matrices of one type: LAPACK's
 * {@code geev} for all four types (real input gives complex values and vectors, as NumPy's {@code eig}), its workspace
 * queried once when the plan is made and reused.
 *
 * <p>Unlike the SVD and the Hermitian solver, a row-major A is copied to column-major order first: geev of Aᵀ (what
 * the row-major array is, read column-major) has the same eigenvalues but may deliver them in another order, and
 * gives left rather than right vectors; copying (O(n²) against geev's O(n³)) keeps LAPACK's order for A itself, the
 * order NumPy returns. NaN or infinity in A is rejected before LAPACK runs (NumPy's eig rejects them too); a failure
 * of the QR algorithm is a {@link org.fusemath.api.NoConvergenceException}.
 *
 * <p>With {@code Execution.device()} the plan is made on that device (after asking the CUDA probe): cuSOLVER's
 * {@code Xgeev} (right vectors; for real A cuSOLVER's 2·n real parts expanded as LAPACK's), its handle, device
 * buffers and workspace (one {@code *_bufferSize} query) made now from the stream-ordered pool and reused by every
 * {@link #execute}; {@link #close} releases them (a Cleaner does so for a plan left unclosed; nothing on the host).
 *
 * <p>Thread-safe: {@link #execute} is serialised on the plan (the workspace is its state).
 */
public final class EigenPlan implements AutoCloseable {
    private final FuseContext context;
    private final DType dtype;
    private final int n;
    private final boolean vectors;
    private final LapackEig lapack;
    private final DeviceSpectralPlan device;

    private EigenPlan(FuseContext context, DType dtype, int n, boolean vectors, CusolverDevice onDevice) {
        this.context = context;
        this.dtype = dtype;
        this.n = n;
        this.vectors = vectors;
        this.lapack = onDevice == null ? LapackEig.create(dtype, n, vectors) : null;
        this.device = onDevice == null ? null : DeviceSpectralPlan.eig(onDevice, dtype, n, vectors);
    }

    /**
     * A plan for n×n matrices of {@code dtype}, with right eigenvectors when {@code vectors}: on the host, or for a
     * DEVICE context on its device.
     *
     * @throws org.fusemath.api.DeviceUnavailableException for DEVICE when that device or cuSOLVER is not usable
     */
    public static EigenPlan create(FuseContext context, DType dtype, long n, boolean vectors) {
        return create(context, null, dtype, n, vectors);
    }

    /** The plan with {@code onDevice} (tests: the CPU fakes' provider) for a DEVICE context, else the probe's device. */
    static EigenPlan create(FuseContext context, CusolverDevice onDevice, DType dtype, long n, boolean vectors) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(dtype, "dtype");
        int order = SpectralInputs.dimension("n", n);
        return new EigenPlan(context, dtype, order, vectors, SpectralInputs.device(context, onDevice));
    }

    /** The eigenvalues (and vectors) of {@code a} (left unchanged), which must have the plan's type and size. */
    public synchronized Eigen execute(HostMatrix a) {
        SpectralInputs.matches(a, dtype, n, n);
        if (device != null) {
            return DeviceKernels.eig(a, vectors, device.decomposer());
        }
        SpectralInputs.finite(a, (Uplo) null);
        DType complex = dtype.complexType();
        Object w = Dense.allocate(complex, n);
        Object v = vectors ? Dense.allocate(complex, (long) n * n) : null;
        if (n > 0) {
            lapack.compute(context.threads(), Dense.copy(a, Layout.COLUMN_MAJOR), w, v);
        }
        HostMatrix values = HostMatrix.of(complex, w, MatrixShape.columnMajor(n, 1));
        return new Eigen(values, vectors ? HostMatrix.of(complex, v, MatrixShape.columnMajor(n, n)) : null);
    }

    /** Releases the device plan's handle, buffers and workspace (idempotent; nothing to release on the host). */
    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }
}
