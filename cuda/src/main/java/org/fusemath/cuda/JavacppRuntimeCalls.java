package org.fusemath.cuda;

import static org.bytedeco.cuda.global.cudart.cudaDeviceGetDefaultMemPool;
import static org.bytedeco.cuda.global.cudart.cudaEventCreateWithFlags;
import static org.bytedeco.cuda.global.cudart.cudaEventDefault;
import static org.bytedeco.cuda.global.cudart.cudaEventDestroy;
import static org.bytedeco.cuda.global.cudart.cudaEventDisableTiming;
import static org.bytedeco.cuda.global.cudart.cudaEventElapsedTime;
import static org.bytedeco.cuda.global.cudart.cudaEventRecord;
import static org.bytedeco.cuda.global.cudart.cudaEventSynchronize;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaFreeAsync;
import static org.bytedeco.cuda.global.cudart.cudaFreeHost;
import static org.bytedeco.cuda.global.cudart.cudaMallocFromPoolAsync;
import static org.bytedeco.cuda.global.cudart.cudaMallocHost;
import static org.bytedeco.cuda.global.cudart.cudaMemPoolAttrReleaseThreshold;
import static org.bytedeco.cuda.global.cudart.cudaMemPoolSetAttribute;
import static org.bytedeco.cuda.global.cudart.cudaMemPoolTrimTo;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemsetAsync;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreateWithFlags;
import static org.bytedeco.cuda.global.cudart.cudaStreamDestroy;
import static org.bytedeco.cuda.global.cudart.cudaStreamNonBlocking;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;
import static org.bytedeco.cuda.global.cudart.cudaStreamWaitEvent;

import org.bytedeco.cuda.cudart.CUevent_st;
import org.bytedeco.cuda.cudart.CUmemPoolHandle_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.cuda.device.JavacppHandles;

/** The runtime call table over JavaCPP's {@code cudart}; used only after the probe found the runtime usable. */
final class JavacppRuntimeCalls implements RuntimeCalls {
    @Override
    public void setDevice(int deviceId) {
        check("cudaSetDevice", cudaSetDevice(deviceId));
    }

    @Override
    public long streamCreate() {
        CUstream_st stream = new CUstream_st();
        check("cudaStreamCreateWithFlags", cudaStreamCreateWithFlags(stream, cudaStreamNonBlocking));
        return stream.address();
    }

    @Override
    public void streamDestroy(long stream) {
        check("cudaStreamDestroy", cudaStreamDestroy(stream(stream)));
    }

    @Override
    public void streamSynchronize(long stream) {
        check("cudaStreamSynchronize", cudaStreamSynchronize(stream(stream)));
    }

    @Override
    public void streamWaitEvent(long stream, long event) {
        check("cudaStreamWaitEvent", cudaStreamWaitEvent(stream(stream), event(event), 0));
    }

    @Override
    public long eventCreate(boolean timing) {
        CUevent_st event = new CUevent_st();
        check("cudaEventCreateWithFlags", cudaEventCreateWithFlags(event, timing ? cudaEventDefault : cudaEventDisableTiming));
        return event.address();
    }

    @Override
    public void eventRecord(long event, long stream) {
        check("cudaEventRecord", cudaEventRecord(event(event), stream(stream)));
    }

    @Override
    public void eventSynchronize(long event) {
        check("cudaEventSynchronize", cudaEventSynchronize(event(event)));
    }

    @Override
    public float eventElapsedMillis(long start, long end) {
        float[] millis = new float[1];
        check("cudaEventElapsedTime", cudaEventElapsedTime(millis, event(start), event(end)));
        return millis[0];
    }

    @Override
    public void eventDestroy(long event) {
        check("cudaEventDestroy", cudaEventDestroy(event(event)));
    }

    @Override
    public long defaultMemPool(int deviceId) {
        CUmemPoolHandle_st pool = new CUmemPoolHandle_st();
        check("cudaDeviceGetDefaultMemPool", cudaDeviceGetDefaultMemPool(pool, deviceId));
        return pool.address();
    }

    @Override
    public void memPoolSetReleaseThreshold(long pool, long bytes) {
        try (LongPointer threshold = new LongPointer(1)) {
            threshold.put(bytes);
            check("cudaMemPoolSetAttribute", cudaMemPoolSetAttribute(pool(pool), cudaMemPoolAttrReleaseThreshold, threshold));
        }
    }

    @Override
    public void memPoolTrimTo(long pool, long keepBytes) {
        check("cudaMemPoolTrimTo", cudaMemPoolTrimTo(pool(pool), keepBytes));
    }

    @Override
    public long mallocFromPoolAsync(long bytes, long pool, long stream) {
        Pointer address = new Pointer();
        check("cudaMallocFromPoolAsync", cudaMallocFromPoolAsync(address, bytes, pool(pool), stream(stream)));
        return address.address();
    }

    @Override
    public void freeAsync(long address, long stream) {
        check("cudaFreeAsync", cudaFreeAsync(JavacppHandles.pointer(address), stream(stream)));
    }

    @Override
    public void free(long address) {
        check("cudaFree", cudaFree(JavacppHandles.pointer(address)));
    }

    @Override
    public long mallocHost(long bytes) {
        Pointer address = new Pointer();
        check("cudaMallocHost", cudaMallocHost(address, bytes));
        return address.address();
    }

    @Override
    public void freeHost(long address) {
        check("cudaFreeHost", cudaFreeHost(JavacppHandles.pointer(address)));
    }

    @Override
    public void memcpyAsync(long destination, long source, long bytes, CopyDirection direction, long stream) {
        int kind = switch (direction) {
            case HOST_TO_DEVICE -> cudaMemcpyHostToDevice;
            case DEVICE_TO_HOST -> cudaMemcpyDeviceToHost;
            case DEVICE_TO_DEVICE -> cudaMemcpyDeviceToDevice;
        };
        check("cudaMemcpyAsync", cudaMemcpyAsync(JavacppHandles.pointer(destination), JavacppHandles.pointer(source), bytes, kind,
                stream(stream)));
    }

    @Override
    public void memsetAsync(long address, int value, long bytes, long stream) {
        check("cudaMemsetAsync", cudaMemsetAsync(JavacppHandles.pointer(address), value, bytes, stream(stream)));
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

    private static CUstream_st stream(long handle) {
        return new CUstream_st(JavacppHandles.pointer(handle));
    }

    private static CUevent_st event(long handle) {
        return new CUevent_st(JavacppHandles.pointer(handle));
    }

    private static CUmemPoolHandle_st pool(long handle) {
        return new CUmemPoolHandle_st(JavacppHandles.pointer(handle));
    }

    private static void check(String call, int status) {
        CudaStatus.check(CudaLibrary.RUNTIME, call, status);
    }
}
