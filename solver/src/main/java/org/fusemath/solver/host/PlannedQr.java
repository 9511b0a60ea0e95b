package org.fusemath.solver.host;

import java.util.HashMap;
import java.util.Map;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;

/**
 * The host Householder QR of column-major m×n matrices of one type with LAPACK's workspaces queried once: geqrf's
 * when made, orgqr/ungqr's for each number of Q columns on its first use, then reused by every call (the one-shot
 * {@link LapackQr} queries per call).
 *
 * <p>Thread-safe: calls are serialised on the instance, whose workspaces are its state.
 */
public final class PlannedQr {
    private final NativeLapack lapack;
    private final DType dtype;
    private final int m;
    private final int n;
    private final Object work;
    private final int lwork;
    /** orgqr/ungqr's workspace by the number of Q columns formed (thin or full Q). */
    private final Map<Integer, Object> qWork = new HashMap<>();

    /** A QR of column-major m×n matrices of {@code dtype} through fusemath's host LAPACK table. */
    public static PlannedQr create(DType dtype, int m, int n) {
        return new PlannedQr(NativeCalls.lapack(), dtype, m, n);
    }

    /** The same over a given call table (tests count its calls). */
    public PlannedQr(NativeLapack lapack, DType dtype, int m, int n) {
        this.lapack = Arguments.requireNonNull(lapack, "lapack");
        this.dtype = Arguments.requireNonNull(dtype, "dtype");
        if (m < 0 || n < 0) {
            throw new InvalidArgumentException("shape", m + "x" + n, "non-negative dimensions");
        }
        this.m = m;
        this.n = n;
        Object query = Workspace.allocate(dtype, 1);
        int info = lapack.geqrf(dtype, m, n, null, 0, ld(), null, 0, query, -1);
        if (info != 0) {
            throw new IllegalStateException("geqrf workspace query returned info = " + info);
        }
        // As the one-shot form sizes it, so that both factor alike.
        this.lwork = Workspace.optimal(query, Math.max(1, n));
        this.work = Workspace.allocate(dtype, lwork);
    }

    private int ld() {
        return Math.max(1, m);
    }

    /** geqrf of the column-major m×n {@code a} (ld max(1, m)) in place, min(m, n) scalars into {@code tau}; info. */
    public synchronized int factor(int threads, Object a, Object tau) {
        NativeCalls.blas().ensureThreads(threads);
        return lapack.geqrf(dtype, m, n, a, 0, ld(), tau, 0, work, lwork);
    }

    /**
     * Overwrites the column-major m×cols {@code q} (ld max(1, m)), holding {@code k} of geqrf's reflectors, with Q's
     * first cols columns; the workspace for that many columns is queried on its first use.
     */
    public synchronized int formQ(int threads, int cols, int k, Object q, Object tau) {
        NativeCalls.blas().ensureThreads(threads);
        Object w = qWork.get(cols);
        if (w == null) {
            Object query = Workspace.allocate(dtype, 1);
            int info = lapack.orgqr(dtype, m, cols, k, null, 0, ld(), null, 0, query, -1);
            if (info != 0) {
                throw new IllegalStateException("orgqr workspace query returned info = " + info);
            }
            w = Workspace.allocate(dtype, Workspace.optimal(query, Math.max(1, cols)));
            qWork.put(cols, w);
        }
        int lw = java.lang.reflect.Array.getLength(w) / dtype.slotsPerElement();
        return lapack.orgqr(dtype, m, cols, k, q, 0, ld(), tau, 0, w, lw);
    }
}
