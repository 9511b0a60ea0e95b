package org.fusemath.cuda;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * A CUDA event: a marker recorded on a stream that other streams can wait for and that times the work
 * between two records. Recording and waiting may happen from any thread. Closing destroys it; a forgotten
 * event is destroyed by a cleaner.
 */
public final class CudaEvent extends CudaResource {
    private final boolean timing;
    private volatile boolean recorded;

    private CudaEvent(CudaRuntime runtime, int deviceId, boolean timing, long rawHandle) {
        super("event on device " + deviceId, runtime, deviceId, rawHandle, runtime.calls()::eventDestroy);
        this.timing = timing;
    }

    /** A timing event on device {@code deviceId}. */
    public static CudaEvent create(int deviceId) {
        return create(deviceId, true);
    }

    /** An event on device {@code deviceId}; events without timing are cheaper to record and wait for. */
    public static CudaEvent create(int deviceId, boolean timing) {
        Arguments.requireNonNegative("deviceId", deviceId);
        return create(CudaRuntime.require(deviceId), deviceId, timing);
    }

    static CudaEvent create(CudaRuntime runtime, int deviceId, boolean timing) {
        runtime.calls().setDevice(deviceId);
        return new CudaEvent(runtime, deviceId, timing, runtime.calls().eventCreate(timing));
    }

    /** Records the event at the current end of {@code stream}'s queue; returns this event. */
    public CudaEvent record(CudaStream stream) {
        Arguments.requireNonNull(stream, "stream");
        stream.requireSameRuntime(runtime);
        if (stream.deviceId() != deviceId) {
            throw new InvalidArgumentException("stream", "a stream on device " + stream.deviceId(),
                    "a stream on the event's device " + deviceId);
        }
        handle.use(e -> stream.use(s -> {
            runtime.calls().eventRecord(e, s);
            return null;
        }));
        recorded = true;
        return this;
    }

    /** Blocks until the work before the last {@link #record} has finished. */
    public void synchronize() {
        requireRecorded("this event");
        handle.use(e -> {
            runtime.calls().eventSynchronize(e);
            return null;
        });
    }

    /** Milliseconds between {@code start}'s record and this event's (both recorded timing events, same device); waits for this one. */
    public float elapsedMillisSince(CudaEvent start) {
        Arguments.requireNonNull(start, "start");
        if (!timing || !start.timing) {
            throw new InvalidArgumentException(timing ? "start" : "this event", "an event created without timing",
                    "events created with timing enabled");
        }
        if (start.runtime != runtime || start.deviceId != deviceId) {
            throw new InvalidArgumentException("start", "an event on device " + start.deviceId,
                    "an event on device " + deviceId);
        }
        start.requireRecorded("start");
        requireRecorded("this event");
        synchronize();
        return start.handle.use(s -> handle.use(e -> runtime.calls().eventElapsedMillis(s, e)));
    }

    private void requireRecorded(String name) {
        if (!recorded) {
            throw new IllegalStateException(name + " has not been recorded on a stream yet");
        }
    }
}
