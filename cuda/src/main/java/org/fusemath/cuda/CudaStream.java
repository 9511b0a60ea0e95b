package org.fusemath.cuda;

import java.util.function.LongConsumer;
import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceStream;
import org.fusemath.api.InvalidArgumentException;

/**
 * A CUDA stream (non-blocking with respect to the legacy default stream): an ordered queue of copies and
 * launches on one device. May be shared across threads; work from different threads runs in the order
 * the calls reach the stream. Closing destroys it after its queued work; a forgotten stream is destroyed
 * by a cleaner.
 */
public final class CudaStream extends CudaResource implements DeviceStream {

    private CudaStream(CudaRuntime runtime, int deviceId, long rawHandle) {
        super("stream on device " + deviceId, runtime, deviceId, rawHandle, runtime.calls()::streamDestroy);
    }

    /**
     * A new stream on device {@code deviceId}.
     *
     * @throws org.fusemath.api.DeviceUnavailableException when that device is not usable
     */
    public static CudaStream create(int deviceId) {
        Arguments.requireNonNegative("deviceId", deviceId);
        return create(CudaRuntime.require(deviceId), deviceId);
    }

    /** The CUDA stream behind {@code stream} (e.g. a {@code FuseContext}'s), which must have been created by this module. */
    public static CudaStream of(DeviceStream stream) {
        Arguments.requireNonNull(stream, "stream");
        if (stream instanceof CudaStream cuda) {
            return cuda;
        }
        throw new InvalidArgumentException("stream", stream.getClass().getName(), "a CudaStream created by fusemath-cuda");
    }

    static CudaStream create(CudaRuntime runtime, int deviceId) {
        runtime.calls().setDevice(deviceId);
        return new CudaStream(runtime, deviceId, runtime.calls().streamCreate());
    }

    /** The raw {@code cudaStream_t}, for device providers that hand it to a CUDA library; valid until closed. */
    public long handle() {
        return handle.handle();
    }

    /** Blocks until all work queued so far has finished. */
    @Override
    public void synchronize() {
        handle.use(h -> {
            runtime.calls().streamSynchronize(h);
            return null;
        });
    }

    /** Makes work queued on this stream from now on wait until {@code event}'s recorded work has finished. */
    public void waitFor(CudaEvent event) {
        Arguments.requireNonNull(event, "event");
        requireSameRuntime(event.runtime());
        event.use(e -> handle.use(h -> {
            runtime.calls().streamWaitEvent(h, e);
            return null;
        }));
    }

    /** The stream-ordered memory pool of this stream's device. */
    public CudaMemoryPool memoryPool() {
        return runtime.pool(deviceId);
    }

    /** Runs {@code op} on the live stream, or {@code ifDestroyed} once it is gone. */
    void useOr(LongConsumer op, Runnable ifDestroyed) {
        handle.useOr(op, ifDestroyed);
    }

    void requireSameRuntime(CudaRuntime other) {
        if (other != runtime) {
            throw new IllegalArgumentException("the stream and its operand belong to different CUDA runtimes");
        }
    }
}
