package org.fusemath.solver.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A cuSOLVER handle on its memory's stream, with the parameters objects, the cuBLAS handle and the scratch
 * allocations its calls need, all released by {@link #close()} (allocations freed stream-ordered, then the gesvdj
 * parameters, the generic API's parameters, the cuBLAS handle and the cuSOLVER handle destroyed), whatever the body
 * threw: the single cleanup shape of every device solver call, one-shot ({@link #open}) or held by a plan for its
 * lifetime ({@link #deferred}, through {@link PlanResources}). Handles and parameters objects are created on first
 * use. Used by one call at a time.
 */
final class SolverScope implements AutoCloseable {
    private final CusolverCalls calls;
    private final DeviceMemory memory;
    private final List<Long> allocations = new ArrayList<>();
    private long solver;
    private long blas;
    private long params;
    private long gesvdjInfo;

    private SolverScope(CusolverCalls calls, DeviceMemory memory) {
        this.calls = calls;
        this.memory = memory;
    }

    /** A scope whose cuSOLVER handle is made now, bound to {@code memory}'s stream (destroyed again if binding fails). */
    static SolverScope open(CusolverCalls calls, DeviceMemory memory) {
        SolverScope scope = new SolverScope(calls, memory);
        try {
            scope.solver();
            return scope;
        } catch (RuntimeException | Error e) {
            scope.close();
            throw e;
        }
    }

    /** A scope that makes nothing until first asked (a plan's, which allocates its operands first). */
    static SolverScope deferred(CusolverCalls calls, DeviceMemory memory) {
        return new SolverScope(calls, memory);
    }

    /** The cuSOLVER handle on the memory's stream, created on first use. */
    long solver() {
        if (solver == 0) {
            solver = calls.solverCreate();
            calls.solverSetStream(solver, memory.stream());
        }
        return solver;
    }

    /** A cuBLAS handle on the memory's stream (the batched LU routines are cuBLAS's), created on first use. */
    long blas() {
        if (blas == 0) {
            blas = calls.blasCreate();
            calls.blasSetStream(blas, memory.stream());
        }
        return blas;
    }

    /** The generic API's parameters (cuSOLVER's defaults), created on first use. */
    long params() {
        if (params == 0) {
            params = calls.paramsCreate();
        }
        return params;
    }

    /** The Jacobi SVD's parameters, created on first use. */
    long gesvdjInfo() {
        if (gesvdjInfo == 0) {
            gesvdjInfo = calls.gesvdjInfoCreate();
        }
        return gesvdjInfo;
    }

    /** The memory the scope allocates from. */
    DeviceMemory memory() {
        return memory;
    }

    /** {@code bytes} (at least 1) of scratch device memory, freed when the scope closes. */
    long allocate(long bytes) {
        return memory.allocate(allocations, bytes);
    }

    /** devInfo (one int at {@code dInfo}), read once everything queued before it has run. */
    int readInfo(long dInfo) {
        int[] info = new int[1];
        memory.toHost(dInfo, 0, info, 0, 1);
        return info[0];
    }

    @Override
    public void close() {
        try {
            for (long a : allocations) {
                memory.free(a);
            }
        } finally {
            if (gesvdjInfo != 0) {
                calls.gesvdjInfoDestroy(gesvdjInfo);
            }
            if (params != 0) {
                calls.paramsDestroy(params);
            }
            if (blas != 0) {
                calls.blasDestroy(blas);
            }
            if (solver != 0) {
                calls.solverDestroy(solver);
            }
        }
    }
}
