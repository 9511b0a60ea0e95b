package org.fusemath.solver;

import java.lang.ref.SoftReference;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverDevice;
import org.fusemath.solver.host.LapackSvd;

/**
 * The SVD of m×n matrices of one type, storage order and {@link SvdMode}, planned once and run on any number of
 * matrices of that shape: LAPACK's workspace is queried when the plan is made and reused by every {@link #execute},
 * as is the host array that receives the copy of A which LAPACK overwrites (the results are always fresh).
 *
 * <p>A column-major A is decomposed as stored. A row-major A is, read column-major, Aᵀ; its decomposition
 * Aᵀ = conj(V)·Σ·Uᵀ is computed instead, with no transposition: LAPACK's column-major "U" of Aᵀ, read row-major, is
 * Vᴴ, and its "Vᴴ" read row-major is U. So U and Vᴴ come back in A's storage order. LAPACK's {@code gesdd} runs first,
 * {@code gesvd} when gesdd does not converge, and {@link org.fusemath.api.NoConvergenceException} when both fail.
 * NaN or infinity in A is rejected before LAPACK runs.
 *
 * <p>With {@code Execution.device()} the plan is made on that device (after asking the CUDA probe, whose
 * {@link org.fusemath.api.DeviceUnavailableException} names why there is none): cuSOLVER's {@code <t>gesvdj} for
 * matrices of at most 256 rows and columns, {@code Xgesvd} past that, its handle, device buffers and workspace (one
 * {@code *_bufferSize} query) made now from the device's stream-ordered pool and reused by every {@link #execute};
 * each execute copies A in and U, Σ, Vᴴ back. {@link #close} releases them (a Cleaner does so for a plan left
 * unclosed); on the host close does nothing.
 *
 * <p>Thread-safe: {@link #execute} is serialised on the plan (the workspace is its state); use one plan per thread
 * for parallel decompositions.
 */
public final class SvdPlan implements AutoCloseable {
    private final FuseContext context;
    private final DType dtype;
    private final int m;
    private final int n;
    private final Layout layout;
    private final SvdMode mode;
    private final LapackSvd lapack;
    private final DeviceSpectralPlan device;
    /**
     * The most slots (workspace and the copy of A) a thread's one-shot plan may hold between calls: 4 Mi slots,
     * 32 MiB in double precision (a square F64 matrix of about 700). Larger plans are made per call, where the
     * allocation is small beside the decomposition's O(n³) work.
     */
    static final long ONE_SHOT_SLOTS = 4L << 20;
    private static final ThreadLocal<SoftReference<SvdPlan>> ONE_SHOT = new ThreadLocal<>();

    /** The host's copy of A for LAPACK to overwrite, made on the first execute and reused (guarded by this). */
    private Object input;

    private SvdPlan(FuseContext context, DType dtype, int m, int n, Layout layout, SvdMode mode, CusolverDevice onDevice) {
        this.context = context;
        this.dtype = dtype;
        this.m = m;
        this.n = n;
        this.layout = layout;
        this.mode = mode;
        boolean rowMajor = layout == Layout.ROW_MAJOR;
        this.lapack = onDevice == null ? LapackSvd.create(dtype, rowMajor ? n : m, rowMajor ? m : n, mode.job()) : null;
        this.device = onDevice == null ? null : DeviceSpectralPlan.svd(onDevice, dtype, m, n, mode);
    }

    /**
     * A plan for m×n matrices of {@code dtype} stored in {@code layout}: on the host with the context's threads, or
     * for a DEVICE context on its device.
     *
     * @throws org.fusemath.api.DeviceUnavailableException for DEVICE when that device or cuSOLVER is not usable
     */
    public static SvdPlan create(FuseContext context, DType dtype, long rows, long cols, Layout layout, SvdMode mode) {
        Arguments.requireNonNull(context, "context");
        return create(context, null, dtype, rows, cols, layout, mode);
    }

    /** The plan with {@code onDevice} (tests: the CPU fakes' provider) for a DEVICE context, else the probe's device. */
    static SvdPlan create(FuseContext context, CusolverDevice onDevice, DType dtype, long rows, long cols, Layout layout,
                          SvdMode mode) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(dtype, "dtype");
        Arguments.requireNonNull(layout, "layout");
        Arguments.requireNonNull(mode, "mode");
        int m = SpectralInputs.dimension("rows", rows);
        int n = SpectralInputs.dimension("cols", cols);
        return new SvdPlan(context, dtype, m, n, layout, mode, SpectralInputs.device(context, onDevice));
    }

    /** A plan for matrices shaped, typed and stored like {@code a}. */
    public static SvdPlan create(FuseContext context, HostMatrix a, SvdMode mode) {
        Arguments.requireNonNull(a, "a");
        return create(context, a.dtype(), a.shape().rows(), a.shape().cols(), a.shape().layout(), mode);
    }

    /**
     * The host plan for a one-shot SVD of {@code a} ({@code Linalg.svd}): the calling thread's previous one when it
     * has a's type, shape and storage order, the mode and the context's thread count (the only part of the context a
     * host plan uses), else a new one, kept softly for the next call when its arrays hold at most
     * {@link #ONE_SHOT_SLOTS} slots. So repeated one-shot SVDs of one shape query and allocate the workspace once per
     * thread, not per call. The plan never leaves this class's callers; its results are fresh as always.
     */
    static SvdPlan oneShot(FuseContext context, HostMatrix a, SvdMode mode) {
        SoftReference<SvdPlan> ref = ONE_SHOT.get();
        SvdPlan last = ref == null ? null : ref.get();
        MatrixShape s = a.shape();
        if (last != null && last.dtype == a.dtype() && last.m == s.rows() && last.n == s.cols()
                && last.layout == s.layout() && last.mode == mode && last.context.threads() == context.threads()) {
            return last;
        }
        SvdPlan plan = create(context, a, mode);
        if (plan.device == null && plan.lapack.workspaceSlots()
                + (long) plan.m * plan.n * plan.dtype.slotsPerElement() <= ONE_SHOT_SLOTS) {
            ONE_SHOT.set(new SoftReference<>(plan));
        }
        return plan;
    }

    /** The decomposition of {@code a} (left unchanged), which must have the plan's type and shape. */
    public synchronized Svd execute(HostMatrix a) {
        SpectralInputs.matches(a, dtype, m, n);
        if (device != null) {
            return DeviceKernels.svd(a, mode, device.decomposer(), device.jacobi(), device.fallback());
        }
        int k = Math.min(m, n);
        if (k > 0 && input == null) {
            input = Dense.allocate(dtype, (long) m * n);
        }
        // The copy LAPACK overwrites goes into the plan's own array and is screened for NaN and infinity in the
        // same pass (before LAPACK runs); the full scan runs only to name the first bad element.
        if (k > 0 && !Dense.copyIntoFinite(a, layout, input)) {
            SpectralInputs.finite(a, (Uplo) null);
        }
        Object s = Dense.allocate(dtype.componentType(), k);
        HostMatrix values = HostMatrix.of(dtype.componentType(), s, MatrixShape.columnMajor(k, 1));
        boolean vectors = mode != SvdMode.VALUES;
        Object u = vectors ? Dense.allocate(dtype, (long) (layout == Layout.ROW_MAJOR ? n : m) * lapack.uCols()) : null;
        Object vt = vectors ? Dense.allocate(dtype, (long) lapack.vtRowCount() * (layout == Layout.ROW_MAJOR ? m : n))
                : null;
        if (k > 0) {
            lapack.compute(context.threads(), input, buffer -> Dense.copyInto(a, layout, buffer), s, u, vt);
        } else if (mode == SvdMode.FULL) {
            u = Dense.identity(dtype, layout == Layout.ROW_MAJOR ? n : m);
            vt = Dense.identity(dtype, layout == Layout.ROW_MAJOR ? m : n);
        }
        if (!vectors) {
            return new Svd(null, values, null);
        }
        if (layout == Layout.COLUMN_MAJOR) {
            return new Svd(HostMatrix.of(dtype, u, MatrixShape.columnMajor(m, lapack.uCols())), values,
                    HostMatrix.of(dtype, vt, MatrixShape.columnMajor(lapack.vtRowCount(), n)));
        }
        // LAPACK decomposed Aᵀ (n×m): its U (n×c, column-major) is Vᴴ read row-major, its Vᴴ (r×m) is U.
        return new Svd(HostMatrix.of(dtype, vt, MatrixShape.rowMajor(m, lapack.vtRowCount())), values,
                HostMatrix.of(dtype, u, MatrixShape.rowMajor(lapack.uCols(), n)));
    }

    /** Releases the device plan's handle, buffers and workspace (idempotent; nothing to release on the host). */
    @Override
    public void close() {
        if (device != null) {
            device.close();
        }
    }
}
