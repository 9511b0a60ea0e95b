package org.fusemath.cuda;

import static org.bytedeco.cuda.global.cudart.cudaEventDefault;
import static org.bytedeco.cuda.global.cudart.cudaEventDisableTiming;
import static org.bytedeco.cuda.global.cudart.cudaMemPoolAttrReleaseThreshold;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamNonBlocking;

import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.cuda.cudart.CUmemPoolHandle_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.cuda.device.JavacppHandles;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;

/**
 * The runtime call table over JavaCPP's {@code cudart}; used only after the probe found the runtime usable.
 * Every call is a {@link NativeCall} (header parameter names bound to values, in the header's order) made by a
 * {@link NativeInvoker}, so that tests drive the table on the CPU and check each call against the headers.
 */
final class JavacppRuntimeCalls implements RuntimeCalls {
    private final NativeInvoker invoker;

    JavacppRuntimeCalls() {
        this(PresetInvoker.INSTANCE);
    }

    /** The table making its calls through {@code invoker} (tests: a recorder). */
    JavacppRuntimeCalls(NativeInvoker invoker) {
        this.invoker = invoker;
    }

    private static NativeCall call(String function) {
        return NativeCall.of(cudart.class, function);
    }

    private NativeInvoker.Made check(NativeCall call) {
        return invoker.check(CudaLibrary.RUNTIME, call);
    }

    @Override
    public void setDevice(int deviceId) {
        check(call("cudaSetDevice").value("device", deviceId));
    }

    @Override
    public long streamCreate() {
        return check(call("cudaStreamCreateWithFlags").out("pStream", CUstream_st.class).value("flags", cudaStreamNonBlocking))
                .handle();
    }

    @Override
    public void streamDestroy(long stream) {
        check(call("cudaStreamDestroy").handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void streamSynchronize(long stream) {
        check(call("cudaStreamSynchronize").handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void streamWaitEvent(long stream, long event) {
        check(call("cudaStreamWaitEvent").handle("stream", CUstream_st.class, stream).handle("event", CUevent_st.class, event)
                .value("flags", 0));
    }

    @Override
    public long eventCreate(boolean timing) {
        return check(call("cudaEventCreateWithFlags").out("event", CUevent_st.class)
                .value("flags", timing ? cudaEventDefault : cudaEventDisableTiming)).handle();
    }

    @Override
    public void eventRecord(long event, long stream) {
        check(call("cudaEventRecord").handle("event", CUevent_st.class, event).handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void eventSynchronize(long event) {
        check(call("cudaEventSynchronize").handle("event", CUevent_st.class, event));
    }

    @Override
    public float eventElapsedMillis(long start, long end) {
        float[] millis = new float[1];
        check(call("cudaEventElapsedTime").arg("ms", float[].class, millis).handle("start", CUevent_st.class, start)
                .handle("end", CUevent_st.class, end));
        return millis[0];
    }

    @Override
    public void eventDestroy(long event) {
        check(call("cudaEventDestroy").handle("event", CUevent_st.class, event));
    }

    @Override
    public long defaultMemPool(int deviceId) {
        return check(call("cudaDeviceGetDefaultMemPool").out("memPool", CUmemPoolHandle_st.class).value("device", deviceId))
                .handle();
    }

    @Override
    public void memPoolSetReleaseThreshold(long pool, long bytes) {
        try (LongPointer threshold = new LongPointer(1)) {
            threshold.put(bytes);
            check(call("cudaMemPoolSetAttribute").handle("memPool", CUmemPoolHandle_st.class, pool)
                    .value("attr", cudaMemPoolAttrReleaseThreshold).arg("value", Pointer.class, threshold));
        }
    }

    @Override
    public void memPoolTrimTo(long pool, long keepBytes) {
        check(call("cudaMemPoolTrimTo").handle("memPool", CUmemPoolHandle_st.class, pool).value("minBytesToKeep", keepBytes));
    }

    @Override
    public long mallocFromPoolAsync(long bytes, long pool, long stream) {
        return check(call("cudaMallocFromPoolAsync").out("ptr", Pointer.class).value("size", bytes)
                .handle("memPool", CUmemPoolHandle_st.class, pool).handle("stream", CUstream_st.class, stream)).handle();
    }

    @Override
    public void freeAsync(long address, long stream) {
        check(call("cudaFreeAsync").handle("devPtr", Pointer.class, address).handle("hStream", CUstream_st.class, stream));
    }

    @Override
    public void free(long address) {
        check(call("cudaFree").handle("devPtr", Pointer.class, address));
    }

    @Override
    public long mallocHost(long bytes) {
        return check(call("cudaMallocHost").out("ptr", Pointer.class).value("size", bytes)).handle();
    }

    @Override
    public void freeHost(long address) {
        check(call("cudaFreeHost").handle("ptr", Pointer.class, address));
    }

    @Override
    public void memcpyAsync(long destination, long source, long bytes, CopyDirection direction, long stream) {
        int kind = switch (direction) {
            case HOST_TO_DEVICE -> cudaMemcpyHostToDevice;
            case DEVICE_TO_HOST -> cudaMemcpyDeviceToHost;
            case DEVICE_TO_DEVICE -> cudaMemcpyDeviceToDevice;
        };
        check(call("cudaMemcpyAsync").handle("dst", Pointer.class, destination).handle("src", Pointer.class, source)
                .value("count", bytes).value("kind", kind).handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void memsetAsync(long address, int value, long bytes, long stream) {
        check(call("cudaMemsetAsync").handle("devPtr", Pointer.class, address).value("value", value).value("count", bytes)
                .handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void writeHost(long address, HostArrayKind kind, Object array, int offset, int length) {
        Pointer at = JavacppHandles.pointer(address);
        switch (kind) {
            case FLOAT -> new FloatPointer(at).put((float[]) array, offset, length);
            case DOUBLE -> new DoublePointer(at).put((double[]) array, offset, length);
            case INT -> new IntPointer(at).put((int[]) array, offset, length);
        }
    }

    @Override
    public void readHost(long address, HostArrayKind kind, Object array, int offset, int length) {
        Pointer at = JavacppHandles.pointer(address);
        switch (kind) {
            case FLOAT -> new FloatPointer(at).get((float[]) array, offset, length);
            case DOUBLE -> new DoublePointer(at).get((double[]) array, offset, length);
            case INT -> new IntPointer(at).get((int[]) array, offset, length);
        }
    }
}
