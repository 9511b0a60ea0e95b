package org.fusemath.solver.host;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;

/**
 * The host general (non-symmetric) eigen solver for dense column-major n×n matrices of one type and size: LAPACK's
 * {@code geev} (Hessenberg reduction and QR algorithm), eigenvalues and optionally right eigenvectors, each of unit
 * Euclidean norm with its largest component real. For real types the results are expanded to the complex type (a
 * conjugate pair's vectors from LAPACK's real/imaginary column pair). The workspace is queried once and reused.
 *
 * <p>Not thread-safe: one instance per thread, or the caller serialises calls.
 */
public final class LapackEig {
    private final NativeLapack lapack;
    private final DType dtype;
    private final int n;
    private final boolean vectors;
    private final Object work;
    private final int lwork;
    private final Object rwork;
    /** LAPACK's eigenvalue output: wr then wi for real types, n complex values for complex ones. */
    private final Object w;
    /** Real types with vectors: LAPACK's packed real vectors before expansion. */
    private final Object packed;

    /** A solver for n×n matrices of {@code dtype}, with right eigenvectors when {@code vectors}. */
    public static LapackEig create(DType dtype, int n, boolean vectors) {
        return new LapackEig(NativeCalls.lapack(), dtype, n, vectors);
    }

    /** The same over a given call table (tests substitute one). */
    public LapackEig(NativeLapack lapack, DType dtype, int n, boolean vectors) {
        this.lapack = Arguments.requireNonNull(lapack, "lapack");
        this.dtype = Arguments.requireNonNull(dtype, "dtype");
        if (n < 0) {
            throw new InvalidArgumentException("n", n, "a value >= 0");
        }
        this.n = n;
        this.vectors = vectors;
        this.rwork = dtype.isComplex() ? Workspace.allocate(dtype.componentType(), 2L * n) : null;
        this.w = Workspace.allocate(dtype, dtype.isComplex() ? n : 2L * n);
        this.packed = vectors && !dtype.isComplex() ? Workspace.allocate(dtype, (long) n * n) : null;
        Object query = Workspace.allocate(dtype, 1);
        int ld = Math.max(1, n);
        int info = lapack.geev(dtype, 'N', vectors ? 'V' : 'N', n, Workspace.allocate(dtype, (long) n * n), 0, ld, w, 0,
                null, 0, 1, vectors ? Workspace.allocate(dtype, (long) n * n) : null, 0, ld, query, -1, rwork);
        if (info != 0) {
            throw new IllegalStateException("geev workspace query returned info = " + info);
        }
        this.lwork = Workspace.optimal(query, 1);
        this.work = Workspace.allocate(dtype, lwork);
    }

    /**
     * Eigenvalues of the column-major n×n {@code a} (overwritten) into {@code values} (n elements of the complex type)
     * and, when made with vectors, the right eigenvectors into the column-major n×n {@code v} (complex type), column j
     * for value j, in LAPACK's order.
     */
    public void compute(int threads, Object a, Object values, Object v) {
        NativeCalls.blas().ensureThreads(threads);
        int ld = Math.max(1, n);
        Object vr = vectors ? (dtype.isComplex() ? v : packed) : null;
        int info = lapack.geev(dtype, 'N', vectors ? 'V' : 'N', n, a, 0, ld, w, 0, null, 0, 1, vr, 0, ld, work, lwork,
                rwork);
        if (info != 0) {
            throw new NoConvergenceException("the eigenvalue QR algorithm (geev; values " + (info + 1) + ".." + n
                    + " converged)", info);
        }
        if (dtype.isComplex()) {
            System.arraycopy(w, 0, values, 0, 2 * n);
            return;
        }
        expand(n, w, vectors ? packed : null, values, v);
    }

    /**
     * Real geev's output in the complex type: {@code w} holds the n real parts then the n imaginary parts (LAPACK's
     * wr and wi, cuSOLVER's real W), interleaved into the n complex {@code values}; when {@code packed} (the real
     * column-major n×n VR, a conjugate pair's vectors as its real and imaginary columns) is not null, the complex
     * vectors are built from it into {@code v}.
     */
    public static void expand(int n, Object w, Object packed, Object values, Object v) {
        for (int j = 0; j < n; j++) {
            set(values, 2 * j, get(w, j));
            set(values, 2 * j + 1, get(w, n + j));
        }
        if (packed == null) {
            return;
        }
        for (int j = 0; j < n; j++) {
            boolean pairFirst = get(w, n + j) != 0 && j + 1 < n && get(w, n + j + 1) == -get(w, n + j);
            if (pairFirst) {
                // v_j = x + i·y and v_{j+1} = x − i·y from the columns x = packed(:, j), y = packed(:, j + 1).
                for (int i = 0; i < n; i++) {
                    double x = get(packed, j * n + i);
                    double y = get(packed, (j + 1) * n + i);
                    int at = 2 * (j * n + i);
                    int next = 2 * ((j + 1) * n + i);
                    set(v, at, x);
                    set(v, at + 1, y);
                    set(v, next, x);
                    set(v, next + 1, -y);
                }
                j++;
            } else {
                for (int i = 0; i < n; i++) {
                    int at = 2 * (j * n + i);
                    set(v, at, get(packed, j * n + i));
                    set(v, at + 1, 0);
                }
            }
        }
    }

    private static double get(Object array, int i) {
        return array instanceof double[] d ? d[i] : ((float[]) array)[i];
    }

    private static void set(Object array, int i, double value) {
        if (array instanceof double[] d) {
            d[i] = value;
        } else {
            ((float[]) array)[i] = (float) value;
        }
    }
}
