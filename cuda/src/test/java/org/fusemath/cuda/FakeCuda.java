package org.fusemath.cuda;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A simulated CUDA device for tests of the runtime wrappers: device and pinned memory are Java byte arrays
 * at distinct fake addresses, every queued operation runs at once, and each call checks what the real
 * runtime would need (the right device current, live handles, copies inside their allocations), failing
 * the test with an {@link AssertionError} where real hardware would misbehave.
 */
final class FakeCuda implements RuntimeCalls, ModuleCalls {
    private static final long HOST_BASE = 0x1000_0000_0000L;
    private static final long DEVICE_BASE = 0x7000_0000_0000L;
    private static final long SPACING = 1L << 32;

    /** One allocation. */
    record Region(long base, byte[] bytes, boolean device, int deviceId) {
    }

    /** One recorded launch: function name, configuration and argument values (Long pointers, Integer, Float, ...). */
    record Launch(String function, LaunchConfig config, List<Object> arguments, long stream) {
    }

    private final ThreadLocal<Integer> currentDevice = ThreadLocal.withInitial(() -> -1);
    private final TreeMap<Long, Region> regions = new TreeMap<>();
    private final Map<Long, Integer> streams = new HashMap<>();
    private final Map<Long, Integer> events = new HashMap<>();
    private final Map<Long, Integer> modules = new HashMap<>();
    private final Map<Long, byte[]> moduleImages = new HashMap<>();
    private final Map<Long, String> functions = new HashMap<>();
    private final Set<Long> recordedEvents = new HashSet<>();
    private final Map<Long, Float> eventTimes = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private final List<Launch> launches = new ArrayList<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private long nextHandle = 0x100;
    private long nextHost;
    private long nextDevice;
    private float clock;
    private final int deviceCount;

    FakeCuda(int deviceCount) {
        this.deviceCount = deviceCount;
    }

    /** A runtime over this fake with pinned staging buffers of {@code chunkBytes}. */
    CudaRuntime runtime(long chunkBytes) {
        return new CudaRuntime(this, this, chunkBytes);
    }

    /** Makes the next call of {@code call} fail with {@code status}. */
    synchronized void failNext(String call, int status) {
        failures.put(call, status);
    }

    synchronized int count(String call) {
        return counts.getOrDefault(call, 0);
    }

    synchronized int totalCalls() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    synchronized List<Launch> launches() {
        return List.copyOf(launches);
    }

    synchronized byte[] moduleImage(long module) {
        return moduleImages.get(module).clone();
    }

    synchronized int liveDeviceAllocations() {
        return (int) regions.values().stream().filter(Region::device).count();
    }

    synchronized int liveHostAllocations() {
        return (int) regions.values().stream().filter(r -> !r.device()).count();
    }

    synchronized int liveStreams() {
        return streams.size();
    }

    synchronized int liveEvents() {
        return events.size();
    }

    synchronized int liveModules() {
        return modules.size();
    }

    /** The bytes of the allocation at {@code address}, as floats. */
    synchronized float[] deviceFloats(long address, int count) {
        ByteBuffer b = slice(address, (long) count * Float.BYTES, true);
        float[] out = new float[count];
        b.asFloatBuffer().get(out);
        return out;
    }

    @Override
    public synchronized void setDevice(int deviceId) {
        call("cudaSetDevice");
        if (deviceId < 0 || deviceId >= deviceCount) {
            throw CudaStatus.failure(CudaLibrary.RUNTIME, "cudaSetDevice", 101, "");
        }
        currentDevice.set(deviceId);
    }

    @Override
    public synchronized long streamCreate() {
        call("cudaStreamCreateWithFlags");
        long h = handle();
        streams.put(h, current());
        return h;
    }

    @Override
    public synchronized void streamDestroy(long stream) {
        call("cudaStreamDestroy");
        requireOnCurrent(streams, stream, "stream");
        streams.remove(stream);
    }

    @Override
    public synchronized void streamSynchronize(long stream) {
        call("cudaStreamSynchronize");
        requireOnCurrent(streams, stream, "stream");
    }

    @Override
    public synchronized void streamWaitEvent(long stream, long event) {
        call("cudaStreamWaitEvent");
        requireOnCurrent(streams, stream, "stream");
        require(events.containsKey(event), "wait for a destroyed event");
    }

    @Override
    public synchronized long eventCreate(boolean timing) {
        call("cudaEventCreateWithFlags");
        long h = handle();
        events.put(h, current());
        return h;
    }

    @Override
    public synchronized void eventRecord(long event, long stream) {
        call("cudaEventRecord");
        requireOnCurrent(events, event, "event");
        requireOnCurrent(streams, stream, "stream");
        recordedEvents.add(event);
        clock += 1.5f;
        eventTimes.put(event, clock);
    }

    @Override
    public synchronized void eventSynchronize(long event) {
        call("cudaEventSynchronize");
        require(events.containsKey(event), "synchronize a destroyed event");
        require(recordedEvents.contains(event), "synchronize an event never recorded");
    }

    @Override
    public synchronized float eventElapsedMillis(long start, long end) {
        call("cudaEventElapsedTime");
        require(recordedEvents.contains(start) && recordedEvents.contains(end), "elapsed time of unrecorded events");
        return eventTimes.get(end) - eventTimes.get(start);
    }

    @Override
    public synchronized void eventDestroy(long event) {
        call("cudaEventDestroy");
        require(events.remove(event) != null, "destroy an unknown event");
    }

    @Override
    public synchronized long defaultMemPool(int deviceId) {
        call("cudaDeviceGetDefaultMemPool");
        return 0xB00L + deviceId;
    }

    @Override
    public synchronized void memPoolSetReleaseThreshold(long pool, long bytes) {
        call("cudaMemPoolSetAttribute");
        log.add("threshold " + Long.toHexString(pool) + " " + bytes);
    }

    @Override
    public synchronized void memPoolTrimTo(long pool, long keepBytes) {
        call("cudaMemPoolTrimTo");
        log.add("trim " + Long.toHexString(pool) + " " + keepBytes);
    }

    @Override
    public synchronized long mallocFromPoolAsync(long bytes, long pool, long stream) {
        call("cudaMallocFromPoolAsync");
        requireOnCurrent(streams, stream, "stream");
        require(pool == 0xB00L + current(), "allocate from another device's pool");
        require(bytes > 0 && bytes < Integer.MAX_VALUE, "fake allocation of " + bytes + " bytes");
        long base = DEVICE_BASE + SPACING * nextDevice++;
        regions.put(base, new Region(base, new byte[(int) bytes], true, current()));
        return base;
    }

    @Override
    public synchronized void freeAsync(long address, long stream) {
        call("cudaFreeAsync");
        requireOnCurrent(streams, stream, "stream");
        free(address, true);
    }

    @Override
    public synchronized void free(long address) {
        call("cudaFree");
        free(address, true);
    }

    @Override
    public synchronized long mallocHost(long bytes) {
        call("cudaMallocHost");
        long base = HOST_BASE + SPACING * nextHost++;
        regions.put(base, new Region(base, new byte[(int) bytes], false, -1));
        return base;
    }

    @Override
    public synchronized void freeHost(long address) {
        call("cudaFreeHost");
        free(address, false);
    }

    @Override
    public synchronized void memcpyAsync(long destination, long source, long bytes, CopyDirection direction, long stream) {
        call("cudaMemcpyAsync");
        requireOnCurrent(streams, stream, "stream");
        boolean fromDevice = direction != CopyDirection.HOST_TO_DEVICE;
        boolean toDevice = direction != CopyDirection.DEVICE_TO_HOST;
        ByteBuffer src = slice(source, bytes, fromDevice);
        ByteBuffer dst = slice(destination, bytes, toDevice);
        dst.put(src);
        log.add(direction + " " + bytes);
    }

    @Override
    public synchronized void memsetAsync(long address, int value, long bytes, long stream) {
        call("cudaMemsetAsync");
        requireOnCurrent(streams, stream, "stream");
        ByteBuffer b = slice(address, bytes, true);
        while (b.hasRemaining()) {
            b.put((byte) value);
        }
    }

    @Override
    public synchronized void writeHost(long address, HostArrayKind kind, Object array, int offset, int length) {
        call("writeHost");
        ByteBuffer b = slice(address, (long) length * kind.bytes(), false);
        switch (kind) {
            case FLOAT -> b.asFloatBuffer().put((float[]) array, offset, length);
            case DOUBLE -> b.asDoubleBuffer().put((double[]) array, offset, length);
            case INT -> b.asIntBuffer().put((int[]) array, offset, length);
        }
    }

    @Override
    public synchronized void readHost(long address, HostArrayKind kind, Object array, int offset, int length) {
        call("readHost");
        ByteBuffer b = slice(address, (long) length * kind.bytes(), false);
        switch (kind) {
            case FLOAT -> b.asFloatBuffer().get((float[]) array, offset, length);
            case DOUBLE -> b.asDoubleBuffer().get((double[]) array, offset, length);
            case INT -> b.asIntBuffer().get((int[]) array, offset, length);
        }
    }

    @Override
    public synchronized long moduleLoadData(byte[] image) {
        call("cuModuleLoadData");
        long h = handle();
        modules.put(h, current());
        moduleImages.put(h, image.clone());
        return h;
    }

    @Override
    public synchronized long moduleGetFunction(long module, String name) {
        call("cuModuleGetFunction");
        requireOnCurrent(modules, module, "module");
        if (name.startsWith("missing")) {
            throw CudaStatus.failure(CudaLibrary.DRIVER, "cuModuleGetFunction", 500, name);
        }
        long h = handle();
        functions.put(h, name);
        return h;
    }

    @Override
    public synchronized void moduleUnload(long module) {
        call("cuModuleUnload");
        requireOnCurrent(modules, module, "module");
        modules.remove(module);
    }

    @Override
    public synchronized void launchKernel(long function, LaunchConfig config, List<KernelArguments.Value> arguments, long stream) {
        call("cuLaunchKernel");
        requireOnCurrent(streams, stream, "stream");
        require(functions.containsKey(function), "launch an unknown function");
        List<Object> values = new ArrayList<>();
        for (KernelArguments.Value a : arguments) {
            values.add(switch (a.kind()) {
                case POINTER -> {
                    slice(a.bits(), 1, true);
                    yield a.bits();
                }
                case INT -> (int) a.bits();
                case LONG -> a.bits();
                case FLOAT -> Float.intBitsToFloat((int) a.bits());
                case DOUBLE -> Double.longBitsToDouble(a.bits());
            });
        }
        launches.add(new Launch(functions.get(function), config, values, stream));
    }

    private void call(String name) {
        counts.merge(name, 1, Integer::sum);
        Integer status = failures.remove(name);
        if (status != null) {
            CudaLibrary library = name.startsWith("cu") && !name.startsWith("cuda") ? CudaLibrary.DRIVER : CudaLibrary.RUNTIME;
            throw CudaStatus.failure(library, name, status, "injected");
        }
    }

    private int current() {
        int d = currentDevice.get();
        require(d >= 0, "a call with no device current on this thread");
        return d;
    }

    private long handle() {
        return nextHandle++;
    }

    private void requireOnCurrent(Map<Long, Integer> handles, long handle, String what) {
        Integer device = handles.get(handle);
        require(device != null, "use of a destroyed or unknown " + what + " " + handle);
        require(device == current(), what + " of device " + device + " used with device " + current() + " current");
    }

    private void free(long address, boolean device) {
        Region r = regions.get(address);
        require(r != null && r.device() == device, "free of " + Long.toHexString(address) + ", not a live allocation");
        if (device) {
            require(r.deviceId() == current(), "free on device " + current() + " of memory on device " + r.deviceId());
        }
        regions.remove(address);
    }

    private ByteBuffer slice(long address, long bytes, boolean device) {
        Map.Entry<Long, Region> e = regions.floorEntry(address);
        require(e != null, "access to unallocated address " + Long.toHexString(address));
        Region r = e.getValue();
        long offset = address - r.base();
        require(r.device() == device, (device ? "device" : "host") + " access to " + (r.device() ? "device" : "host") + " memory");
        require(offset + bytes <= r.bytes().length, "out of bounds: " + bytes + " bytes at offset " + offset + " of a "
                + r.bytes().length + "-byte allocation");
        if (device) {
            require(r.deviceId() == current(), "access to memory of device " + r.deviceId() + " with device " + current() + " current");
        }
        return ByteBuffer.wrap(r.bytes(), (int) offset, (int) bytes).slice().order(ByteOrder.nativeOrder());
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("simulated device: " + what);
        }
    }
}
