package org.fusemath.solver.device;

import java.lang.ref.Cleaner;

/**
 * The native state a device plan holds for its lifetime: its stream-ordered device memory and a
 * {@link SolverScope} on it (the allocations made from it, the cuSOLVER handle, the generic API's params and the
 * Jacobi SVD's gesvdjInfo). {@link #run} releases them once (the scope, then the memory), whether called by the
 * plan's {@code close} or by its Cleaner when the plan became unreachable unclosed; it refers to no plan, so the
 * Cleaner can run it. Thread-safe.
 */
final class PlanResources implements Runnable {
    /** The one Cleaner (one thread) of every device plan. */
    static final Cleaner CLEANER = Cleaner.create();

    private final DeviceMemory memory;
    private final CusolverCalls calls;
    private final SolverScope scope;
    private boolean gesvdjInfoSet;
    private boolean released;

    PlanResources(DeviceMemory memory, CusolverCalls calls) {
        this.memory = memory;
        this.calls = calls;
        this.scope = SolverScope.deferred(calls, memory);
    }

    DeviceMemory memory() {
        return memory;
    }

    CusolverCalls calls() {
        return calls;
    }

    /** {@code bytes} of device memory kept until release. */
    synchronized long allocate(long bytes) {
        return scope.allocate(bytes);
    }

    /** A cuSOLVER handle on the plan's stream, created once. */
    synchronized long solver() {
        return scope.solver();
    }

    /** The generic API's params, created once. */
    synchronized long params() {
        return scope.params();
    }

    /** A gesvdjInfo set to {@code call}'s parameters, created once. */
    synchronized long gesvdjInfo(JacobiSvdCall call) {
        long info = scope.gesvdjInfo();
        if (!gesvdjInfoSet) {
            calls.gesvdjInfoSet(info, call);
            gesvdjInfoSet = true;
        }
        return info;
    }

    synchronized boolean released() {
        return released;
    }

    @Override
    public synchronized void run() {
        if (released) {
            return;
        }
        released = true;
        try {
            scope.close();
        } finally {
            memory.close();
        }
    }
}
