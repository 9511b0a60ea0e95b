package org.fusemath.solver.device;

import java.util.ArrayList;
import java.util.List;

/**
 * One call's cuSOLVER handle on its memory's stream, with the parameters objects and scratch allocations it
 * needs, all released by {@link #close()} (allocations freed stream-ordered, then the gesvdj parameters, the
 * generic API's parameters and the handle destroyed), whatever the body threw: the single cleanup shape of every
 * one-shot device solver call. Parameters objects are created on first use. Used by one call at a time.
 */
final class SolverScope implements AutoCloseable {
    private final CusolverCalls calls;
    private final DeviceMemory memory;
    private final List<Long> allocations = new ArrayList<>();
    private long solver;
    private long params;
    private long gesvdjInfo;

    private SolverScope(CusolverCalls calls, DeviceMemory memory) {
        this.calls = calls;
        this.memory = memory;
    }

    /** A handle bound to {@code memory}'s stream (destroyed again if binding fails). */
    static SolverScope open(CusolverCalls calls, DeviceMemory memory) {
        SolverScope scope = new SolverScope(calls, memory);
        try {
            scope.solver = calls.solverCreate();
            calls.solverSetStream(scope.solver, memory.stream());
            return scope;
        } catch (RuntimeException | Error e) {
            scope.close();
            throw e;
        }
    }

    /** The cuSOLVER handle. */
    long solver() {
        return solver;
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
            if (solver != 0) {
                calls.solverDestroy(solver);
            }
        }
    }
}
