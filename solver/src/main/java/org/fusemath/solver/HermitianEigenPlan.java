package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.host.LapackEigh;

/**
 * The eigenvalues (ascending) and optionally eigenvectors of real symmetric or complex Hermitian n×n matrices of one
 * type and storage order, read from one triangle (the other is never read, as in NumPy's {@code eigh}; the imaginary
 * parts of a complex diagonal are taken as zero): LAPACK's divide-and-conquer {@code syevd}/{@code heevd}, its
 * workspace queried once when the plan is made and reused.
 *
 * <p>A row-major A is, read column-major, Aᵀ = conj(A) with its triangles swapped: LAPACK is given the other
 * triangle of the same storage, which has the same eigenvalues and the eigenvectors conj(V), conjugated back in one
 * O(n²) pass (nothing for real types). NaN or infinity in the triangle read is rejected before LAPACK runs; a failure to
 * converge is a {@link org.fusemath.api.NoConvergenceException}.
 *
 * <p>With {@code Execution.device()} the plan is made on that device (after asking the CUDA probe): cuSOLVER's
 * {@code Xsyevd} on a column-major copy of A (the {@code uplo} triangle as given), its handle, device buffers and
 * workspace (one {@code *_bufferSize} query) made now from the stream-ordered pool and reused by every
 * {@link #execute}; {@link #close} releases them (a Cleaner does so for a plan left unclosed; nothing on the host).
 *
 * <p>Thread-safe: {@link #execute} is serialised on the plan (the workspace is its state).
 */
public final class HermitianEigenPlan implements AutoCloseable {
    private final FuseContext context;
    private final DType dtype;
    private final int n;
    private final Layout layout;
    private final Uplo uplo;
    private final boolean vectors;
    private final LapackEigh lapack;
    private final DeviceSpectralPlan device;

    private HermitianEigenPlan(FuseContext context, DType dtype, int n, Layout layout, Uplo uplo, boolean vectors,
                               CusolverDevice onDevice) {
        this.context = context;
        this.dtype = dtype;
        this.n = n;
        this.layout = layout;
        this.uplo = uplo;
        this.vectors = vectors;
        this.lapack = onDevice == null ? LapackEigh.create(dtype, n, vectors ? 'V' : 'N') : null;
        this.device = onDevice == null ? null : DeviceSpectralPlan.eigh(onDevice, dtype, n, uplo, vectors);
    }

    /**
     * A plan for n×n matrices of {@code dtype} in {@code layout}, reading the {@code uplo} triangle, with the
     * eigenvectors when {@code vectors}; on the host with the context's threads, or for a DEVICE context on its
     * device.
     *
     * @throws org.fusemath.api.DeviceUnavailableException for DEVICE when that device or cuSOLVER is not usable
     */
    public static HermitianEigenPlan create(FuseContext context, DType dtype, long n, Layout layout, Uplo uplo,
                                            boolean vectors) {
        return create(context, null, dtype, n, layout, uplo, vectors);
    }

    /** The plan with {@code onDevice} (tests: the CPU fakes' provider) for a DEVICE context, else the probe's device. */
    static HermitianEigenPlan create(FuseContext context, CusolverDevice onDevice, DType dtype, long n, Layout layout,
                                     Uplo uplo, boolean vectors) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNull(layout, "layout");
        Arguments.requireNonNull(uplo, "uplo");
        int order = SpectralInputs.dimension("n", n);
        return new HermitianEigenPlan(context, dtype, order, layout, uplo, vectors,
                SpectralInputs.device(context, onDevice));
    }

    /** The decomposition of {@code a} (left unchanged), which must have the plan's type and order. */
    public synchronized HermitianEigen execute(HostMatrix a) {
        SpectralInputs.matches(a, dtype, n, n);
        if (device != null) {
            return DeviceKernels.eigh(a, uplo, vectors, device.decomposer());
        }
        SpectralInputs.finite(a, uplo);
        DType real = dtype.componentType();
        Object w = Dense.allocate(real, n);
        Object z = Dense.copy(a, layout);
        if (n > 0) {
            boolean rowMajor = layout == Layout.ROW_MAJOR;
            lapack.compute(context.threads(), rowMajor ? uplo.flipped() : uplo, z, w);
            if (rowMajor && vectors && dtype.isComplex()) {
                conjugate(z);
            }
        }
        HostMatrix values = HostMatrix.of(real, w, MatrixShape.columnMajor(n, 1));
        if (!vectors) {
            return new HermitianEigen(values, null);
        }
        return new HermitianEigen(values, HostMatrix.of(dtype, z, MatrixShape.columnMajor(n, n)));
    }

    /** Releases the device plan's handle, buffers and workspace (idempotent; nothing to release on the host). */
    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }

    private static void conjugate(Object z) {
        if (z instanceof double[] d) {
            for (int i = 1; i < d.length; i += 2) {
                d[i] = -d[i];
            }
        } else {
            float[] f = (float[]) z;
            for (int i = 1; i < f.length; i += 2) {
                f[i] = -f[i];
            }
        }
    }
}
