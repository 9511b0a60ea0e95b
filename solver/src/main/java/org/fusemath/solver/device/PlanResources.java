package org.fusemath.solver.device;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;

/**
 * The native state a device plan holds for its lifetime: its stream-ordered device memory, the allocations made
 * from it, the cuSOLVER handle, the generic API's params and the Jacobi SVD's gesvdjInfo. {@link #run} releases
 * them once, in reverse order of creation, whether called by the plan's {@code close} or by its Cleaner when the
 * plan became unreachable unclosed; it refers to no plan, so the Cleaner can run it. Thread-safe.
 */
final class PlanResources implements Runnable {
    /** The one Cleaner (one thread) of every device plan. */
    static final Cleaner CLEANER = Cleaner.create();

    private final DeviceMemory memory;
    private final CusolverCalls calls;
    private final List<Long> allocations = new ArrayList<>();
    private long solver;
    private long params;
    private long gesvdjInfo;
    private boolean released;

    PlanResources(DeviceMemory memory, CusolverCalls calls) {
        this.memory = memory;
        this.calls = calls;
    }

    DeviceMemory memory() {
        return memory;
    }

    CusolverCalls calls() {
        return calls;
    }

    /** {@code bytes} of device memory kept until release. */
    synchronized long allocate(long bytes) {
        long address = memory.allocate(bytes);
        allocations.add(address);
        return address;
    }

    /** A cuSOLVER handle on the plan's stream, created once. */
    synchronized long solver() {
        if (solver == 0) {
            solver = calls.solverCreate();
            calls.solverSetStream(solver, memory.stream());
        }
        return solver;
    }

    /** The generic API's params, created once. */
    synchronized long params() {
        if (params == 0) {
            params = calls.paramsCreate();
        }
        return params;
    }

    /** A gesvdjInfo set to {@code call}'s parameters, created once. */
    synchronized long gesvdjInfo(JacobiSvdCall call) {
        if (gesvdjInfo == 0) {
            gesvdjInfo = calls.gesvdjInfoCreate();
            calls.gesvdjInfoSet(gesvdjInfo, call);
        }
        return gesvdjInfo;
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
            if (gesvdjInfo != 0) {
                calls.gesvdjInfoDestroy(gesvdjInfo);
            }
            if (params != 0) {
                calls.paramsDestroy(params);
            }
            if (solver != 0) {
                calls.solverDestroy(solver);
            }
            for (int i = allocations.size() - 1; i >= 0; i--) {
                memory.free(allocations.get(i));
            }
        } finally {
            memory.close();
        }
    }
}
