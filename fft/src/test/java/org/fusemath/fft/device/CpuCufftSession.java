package org.fusemath.fft.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;

/**
 * Device memory and {@link CufftSession}s on the CPU: each buffer a host array at a fake device address; a transform
 * is made as {@link CufftPlan} makes it (create, auto-allocation off, PlanMany, stream, exec, and destroy here) through
 * {@link JavacppCufft} on a recording invoker, and the recorded planner and exec descriptions are executed by
 * {@link CpuCufft} (FFTW's plan_many) on the arrays their addresses fall in, so wrong addresses compute wrong
 * results. Every session call is logged by name; host-device copies do not exist here, so none can be made.
 */
public final class CpuCufftSession implements CufftSession {
    /** One fake buffer: {@code data} ({@code double[]} or {@code float[]}) at {@code address}. */
    public static final class Buffer implements DeviceBuffer {
        private final int deviceId;
        private final DType dtype;
        private final long address;
        private final Object data;
        private boolean closed;

        Buffer(int deviceId, DType dtype, long address, Object data) {
            this.deviceId = deviceId;
            this.dtype = dtype;
            this.address = address;
            this.data = data;
        }

        @Override
        public int deviceId() {
            return deviceId;
        }

        @Override
        public DType dtype() {
            return dtype;
        }

        @Override
        public long elementCount() {
            return java.lang.reflect.Array.getLength(data) / dtype.slotsPerElement();
        }

        @Override
        public long address() {
            return address;
        }

        /** The host array standing for the device memory. */
        public Object data() {
            return data;
        }

        /** Whether closed. */
        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The fake device memory of one test: buffers by address, the session log and the cuFFT calls made. */
    public static final class Device {
        private final TreeMap<Long, Buffer> buffers = new TreeMap<>();
        private final List<String> log = new ArrayList<>();
        private final RecordingInvoker recorder = new RecordingInvoker()
                .onCall("cufftCreate", c -> ((int[]) c.value("handle"))[0] = 41)
                .onCall("cufftMakePlanMany", c -> ((SizeTPointer) c.value("workSize")).put(0, 0))
                .onCall("cufftMakePlanMany64", c -> ((SizeTPointer) c.value("workSize")).put(0, 0));
        private long next = 0x7000_0000L;
        private int opened;
        private int closedSessions;

        /** A buffer on {@code deviceId} holding a copy of {@code data}. */
        public Buffer buffer(int deviceId, DType dtype, Object data) {
            Object copy = data instanceof double[] d ? d.clone() : ((float[]) data).clone();
            Buffer b = new Buffer(deviceId, dtype, next, copy);
            buffers.put(next, b);
            next += (java.lang.reflect.Array.getLength(copy) * (dtype.isSinglePrecision() ? 4L : 8L) + 255) / 256 * 256 + 256;
            return b;
        }

        /** A session on {@code context}'s device. */
        public CufftSession session(FuseContext context) {
            opened++;
            log.add("open device " + context.deviceId());
            return new CpuCufftSession(this, context.deviceId());
        }

        /** The session calls made, in order ("scratch", "copy", "pad", "transform", "scale", "allocate", "finish", "close"). */
        public List<String> log() {
            return log;
        }

        /** Every cuFFT (and runtime) call made, as recorded. */
        public List<NativeCall> calls() {
            return recorder.calls();
        }

        /** Sessions opened and not closed. */
        public int openSessions() {
            return opened - closedSessions;
        }

        /** The buffer that {@code address} falls in. */
        public Buffer at(long address) {
            Map.Entry<Long, Buffer> e = buffers.floorEntry(address);
            if (e == null) {
                throw new IllegalStateException("0x" + Long.toHexString(address) + " is in no buffer");
            }
            return e.getValue();
        }
    }

    private final Device device;
    private final int deviceId;
    private final List<Buffer> scratch = new ArrayList<>();

    private CpuCufftSession(Device device, int deviceId) {
        this.device = device;
        this.deviceId = deviceId;
    }

    @Override
    public int deviceId() {
        return deviceId;
    }

    @Override
    public long scratch(long bytes) {
        device.log.add("scratch " + bytes);
        Buffer b = device.buffer(deviceId, DType.F64, new double[(int) ((bytes + 7) / 8)]);
        scratch.add(b);
        return b.address();
    }

    @Override
    public void copy(long destination, DeviceBuffer source, long sourceByteOffset, long bytes) {
        device.log.add("copy " + bytes + " bytes from 0x" + Long.toHexString(source.address() + sourceByteOffset));
        Buffer from = (Buffer) source;
        int width = from.dtype().isSinglePrecision() ? 4 : 8;
        int at = (int) (sourceByteOffset / width);
        int length = (int) (bytes / width);
        // The scratch now holds the source's slots, in the source's array type.
        copies.put(destination, from.data() instanceof double[] d ? java.util.Arrays.copyOfRange(d, at, at + length)
                : java.util.Arrays.copyOfRange((float[]) from.data(), at, at + length));
    }

    /** Scratch contents by address, as copied in. */
    private final Map<Long, Object> copies = new TreeMap<>();

    /**
     * The staging kernel's plain-Java twin: reads the launch arguments by position, as the generated CUDA C does
     * (destination, source, count, then the destination extents, copied extents and source strides per axis, the
     * last axis fastest), and writes every destination element, a source value or zero, into the scratch copy.
     */
    @Override
    public void pad(PadKernel kernel, long destination, long source) {
        device.log.add("pad " + kernel.entry() + " x " + kernel.elementCount() + " from 0x" + Long.toHexString(source));
        long[] a = kernel.arguments(destination, source);
        int r = (a.length - 3) / 3;
        Buffer to = device.at(a[0]);
        if (to.address() != a[0] || !scratch.contains(to)) {
            throw new IllegalStateException("the staging kernel writes the start of a scratch allocation, not 0x"
                    + Long.toHexString(a[0]));
        }
        Buffer from = device.at(a[1]);
        int width = from.dtype().isSinglePrecision() ? 4 : 8;
        long first = (a[1] - from.address()) / width;
        int in = kernel.complexSource() ? 2 : 1;
        int outWidth = kernel.complexDestination() ? 2 : 1;
        double[] result = new double[Math.toIntExact(a[2] * outWidth)];
        Object data = from.data();
        for (long i = 0; i < a[2]; i++) {
            long rest = i;
            long at = 0;
            boolean inside = true;
            for (int k = r - 1; k >= 0; k--) {
                long j = rest % a[3 + k];
                rest /= a[3 + k];
                if (j < a[3 + r + k]) {
                    at += j * a[3 + 2 * r + k];
                } else {
                    inside = false;
                }
            }
            if (inside) {
                for (int c = 0; c < in; c++) {
                    int slot = Math.toIntExact(first + in * at + c);
                    result[(int) (outWidth * i) + c] = data instanceof double[] d ? d[slot] : ((float[]) data)[slot];
                }
            }
        }
        if ((long) result.length * kernel.precision().elementBytes() > 8L * java.lang.reflect.Array.getLength(to.data())) {
            throw new IllegalStateException("the staging kernel writes past its scratch allocation");
        }
        copies.put(a[0], kernel.precision() == DType.F64 ? result : org.fusemath.fft.FftTesting.narrow(result));
    }

    @Override
    public void transform(CufftCall call, long input, long output) {
        device.log.add("transform " + call.type());
        JavacppCufft api = new JavacppCufft(deviceId, device.recorder);
        int plan = api.create();
        api.disableAutoAllocation(plan);
        api.makePlan(plan, call);
        api.setStream(plan, 0x5000);
        api.execute(plan, call, call.inputAt(input), call.outputAt(output));
        api.destroy(plan);
        NativeCall made = JavacppCufft.describePlan(plan, call, null);
        NativeCall exec = device.recorder.last(call.type().execFunction());
        Buffer in = device.at(((Number) exec.value("idata")).longValue());
        Buffer out = device.at(((Number) exec.value("odata")).longValue());
        Object inData = copies.getOrDefault(in.address(), in.data());
        CpuCufft.run(made, exec, inData, in.address(), in == out ? inData : out.data(), out.address());
    }

    @Override
    public void scale(long address, long count, DType component, double factor) {
        device.log.add("scale " + count + " by " + factor);
        Buffer b = device.at(address);
        int width = b.dtype().isSinglePrecision() ? 4 : 8;
        int from = (int) ((address - b.address()) / width);
        for (int i = 0; i < count; i++) {
            if (b.data() instanceof double[] d) {
                d[from + i] *= factor;
            } else {
                ((float[]) b.data())[from + i] *= (float) factor;
            }
        }
    }

    @Override
    public DeviceTensor allocate(DType dtype, long[] shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        device.log.add("allocate " + dtype + " x " + count);
        int slots = (int) count * dtype.slotsPerElement();
        Buffer b = device.buffer(deviceId, dtype, dtype.isSinglePrecision() ? new float[slots] : new double[slots]);
        return DeviceTensor.of(b, shape);
    }

    @Override
    public void finish() {
        device.log.add("finish");
    }

    @Override
    public void close() {
        device.log.add("close");
        scratch.forEach(Buffer::close);
        device.closedSessions++;
    }
}
