package org.fusemath.fft.device;

import java.lang.ref.Cleaner;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.StreamAllocations;

/**
 * One cuFFT plan made from one {@link CufftCall} on one device: {@code cufftCreate}, auto-allocation off, the
 * PlanMany call, and a work area of the size cuFFT asked for taken from the device's stream-ordered pool (on a
 * stream of the plan's own, synchronized once made, so that any later stream may use it). Each execution sets the
 * caller's stream first. Not thread-safe: {@link CufftPlanCache} leases a plan to one call at a time, and a call
 * waits for its stream before returning the plan. Destroyed on close, or by a cleaner when forgotten.
 */
final class CufftPlan implements AutoCloseable {
    private static final Cleaner CLEANER = Cleaner.create();

    private final CufftCall call;
    private final CufftApi api;
    private final int handle;
    private final long workBytes;
    private final Cleaner.Cleanable cleanable;

    /** The handle and its work area, released once. */
    private static final class Release implements Runnable {
        private final CufftApi api;
        private final int handle;
        private final StreamAllocations work;

        Release(CufftApi api, int handle, StreamAllocations work) {
            this.api = api;
            this.handle = handle;
            this.work = work;
        }

        @Override
        public void run() {
            try {
                api.destroy(handle);
            } finally {
                work.close();
            }
        }
    }

    private CufftPlan(CufftCall call, CufftApi api, int handle, long workBytes, StreamAllocations work) {
        this.call = call;
        this.api = api;
        this.handle = handle;
        this.workBytes = workBytes;
        this.cleanable = CLEANER.register(this, new Release(api, handle, work));
    }

    /** Plans {@code call} on {@code device} through {@code api}. */
    static CufftPlan create(CufftApi api, int device, CufftCall call) {
        StreamAllocations work = StreamAllocations.open(FuseContext.builder().execution(Execution.device(device)).build());
        int handle;
        try {
            handle = api.create();
        } catch (RuntimeException | Error e) {
            work.close();
            throw e;
        }
        try {
            api.disableAutoAllocation(handle);
            long bytes = api.makePlan(handle, call);
            if (bytes > 0) {
                api.setWorkArea(handle, work.allocate(bytes));
                // The area comes from the pool in order on the plan's stream; later calls run on theirs.
                work.stream().synchronize();
            }
            return new CufftPlan(call, api, handle, bytes, work);
        } catch (RuntimeException | Error e) {
            try {
                api.destroy(handle);
            } finally {
                work.close();
            }
            throw e;
        }
    }

    /** What this plan runs. */
    CufftCall call() {
        return call;
    }

    /** The work area's size in bytes, as cuFFT asked. */
    long workBytes() {
        return workBytes;
    }

    /** Queues the transform on {@code stream} from allocations at {@code inputBase}, {@code outputBase} (offsets applied here). */
    void execute(long stream, long inputBase, long outputBase) {
        api.setStream(handle, stream);
        api.execute(handle, call, call.inputAt(inputBase), call.outputAt(outputBase));
    }

    @Override
    public void close() {
        cleanable.clean();
    }
}
