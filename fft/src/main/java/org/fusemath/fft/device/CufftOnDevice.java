package org.fusemath.fft.device;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaCopy;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaFunction;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.KernelArguments;
import org.fusemath.cuda.KernelCache;
import org.fusemath.cuda.KernelSource;
import org.fusemath.cuda.LaunchConfig;
import org.fusemath.cuda.StreamAllocations;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;

/**
 * Runs an {@link FftSpec} on operands already in device memory, with no copy to or from the host: the spec's
 * input and output start at the callers' device addresses, one {@link CufftCall} is queued on the session's stream
 * from those addresses, the spec's normalisation is applied by a small kernel on the output (cuFFT does not scale),
 * and the call returns once the stream has finished. A C2R input, which cuFFT overwrites, is first copied into
 * scratch device memory so that the caller's input is preserved; an input that NumPy would zero-pad or promote to
 * complex is first staged into scratch memory by a generated kernel ({@link PadKernel}). Stateless and thread-safe
 * (each call opens its own session).
 */
public final class CufftOnDevice {
    static final KernelSource SCALE = KernelSource.fromResource(CufftOnDevice.class, "scale.cu");

    private CufftOnDevice() {
    }

    /**
     * A session on {@code context}'s device and stream (a stream of its own, destroyed at close, when the context
     * names none), after asking the CUDA probe.
     *
     * @throws org.fusemath.api.DeviceUnavailableException when that device or cuFFT is not usable, naming why
     */
    public static CufftSession open(FuseContext context) {
        Arguments.requireNonNull(context, "context");
        CudaDevices.require(context.deviceId(), CudaLibrary.CUFFT);
        return new CudaSession(context.deviceId(), StreamAllocations.open(context));
    }

    /**
     * Transforms the elements of {@code spec}'s input layout from {@code in}'s first element into its output layout
     * from {@code out}'s (the same tensor for an in-place spec); returns once done.
     */
    public static void run(CufftSession session, FftSpec spec, DeviceTensor in, DeviceTensor out) {
        run(session, spec, null, in, out);
    }

    /**
     * As {@link #run(CufftSession, FftSpec, DeviceTensor, DeviceTensor)}, the transform reading a staged copy of
     * {@code in} when {@code staging} is not null: {@code staging} copies {@code in} (from its first element) into
     * scratch device memory laid out as the spec's dense C-order input, zero-padded and promoted as it says, and the
     * transform reads that copy (which cuFFT may then overwrite, so a C2R needs no second copy). The scratch memory is
     * the session's and is freed when it closes.
     */
    public static void run(CufftSession session, FftSpec spec, PadKernel staging, DeviceTensor in, DeviceTensor out) {
        Arguments.requireNonNull(session, "session");
        Arguments.requireNonNull(spec, "spec");
        Arguments.requireNonNull(in, "input");
        Arguments.requireNonNull(out, "output");
        DType precision = spec.precision();
        if (staging == null) {
            requireFits("input", in, spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots(), precision);
        } else {
            requireStages(spec, staging, in);
        }
        requireFits("output", out, spec.inPlace() ? spec.inPlaceSlots() : spec.outputSlots(), precision);
        for (DeviceTensor t : new DeviceTensor[] {in, out}) {
            if (t.deviceId() != session.deviceId()) {
                throw new InvalidArgumentException(t == in ? "input" : "output", "a tensor on device " + t.deviceId(),
                        "a tensor on device " + session.deviceId() + ", where the transform runs");
            }
        }
        if (spec.outputOffset() != 0 || !java.util.Arrays.equals(spec.outputStrides(), FftSpec.contiguous(spec.outputShape()))) {
            throw new InvalidArgumentException("spec", spec, "a dense C-order output from offset 0 (device results are dense)");
        }
        long input = in.address();
        long output = out.address();
        if (spec.inPlace() != (input == output)) {
            throw new InvalidArgumentException("output", "0x" + Long.toHexString(output), spec.inPlace()
                    ? "the input's address (the spec is in place)" : "another address than the input's (out of place)");
        }
        if (spec.batchCount() == 0 || spec.outputSlots() == 0) {
            return;
        }
        CufftCall call = CufftCall.of(spec, true);
        int component = precision.elementBytes();
        long source = input;
        if (staging != null) {
            // The staging kernel writes every element of the scratch copy (values or zeros): no memset first.
            source = session.scratch(staging.destinationBytes());
            session.pad(staging, source, input);
        } else if (spec.kind() == FftKind.C2R && !spec.inPlace()) {
            // cuFFT's C2R destroys its input: transform a device copy, the caller's tensor stays as it was.
            long bytes = spec.inputSlots() * component;
            source = session.scratch(bytes);
            session.copy(source, in.buffer(), in.offset() * in.dtype().elementBytes(), bytes);
        }
        session.transform(call, source, output);
        double scale = spec.scale();
        if (scale != 1.0) {
            // The output is dense from its first element (checked above): one pass over its components.
            session.scale(output, spec.outputSlots(), precision, scale);
        }
        session.finish();
    }

    /** Throws unless {@code staging} writes exactly {@code spec}'s dense input from {@code in}'s elements. */
    private static void requireStages(FftSpec spec, PadKernel staging, DeviceTensor in) {
        if (spec.inPlace() || spec.inputOffset() != 0
                || !java.util.Arrays.equals(spec.inputStrides(), FftSpec.contiguous(spec.inputShape()))) {
            throw new InvalidArgumentException("spec", spec, "an out-of-place spec with a dense C-order input (what the"
                    + " staging kernel writes)");
        }
        if (staging.destinationType() != spec.inputType()) {
            throw new InvalidArgumentException("staging", staging, "a kernel writing " + spec.inputType()
                    + ", the spec's input type");
        }
        long count = 1;
        for (long d : spec.inputShape()) {
            count = Arguments.multiply("input elements", count, d);
        }
        if (staging.elementCount() != count) {
            throw new InvalidArgumentException("staging", staging, "a kernel writing " + count
                    + " elements, the spec's input");
        }
        if (in.dtype().componentType() != spec.precision() || in.dtype().isComplex() != staging.complexSource()) {
            throw new InvalidArgumentException("input", in.dtype(), (staging.complexSource() ? "a complex " : "a real ")
                    + spec.precision() + " tensor, what the staging kernel reads");
        }
        requireFits("input", in, staging.sourceSlots(), spec.precision());
    }

    /**
     * Throws unless {@code tensor} holds every slot of a layout spanning {@code slots} components of
     * {@code precision} (F32 or F64) from its first element ({@code name} names the argument).
     */
    static void requireFits(String name, DeviceTensor tensor, long slots, DType precision) {
        long bytes = Arguments.multiply(name + " bytes", slots, precision.elementBytes());
        if (bytes > tensor.byteSize()) {
            throw new InvalidArgumentException(name, tensor, "a tensor of at least " + bytes + " bytes for its layout");
        }
    }

    /** The session through fusemath-cuda: the stream's allocations, the shared cuFFT plan cache, NVRTC's scaling kernel. */
    private static final class CudaSession implements CufftSession {
        private final int device;
        private final StreamAllocations on;
        private final CufftApi api;
        private final List<Leased> leased = new ArrayList<>();

        private record Leased(CufftPlanCache.Key key, CufftPlan plan) {
        }

        CudaSession(int device, StreamAllocations on) {
            this.device = device;
            this.on = on;
            this.api = new JavacppCufft(device);
        }

        @Override
        public int deviceId() {
            return device;
        }

        @Override
        public long scratch(long bytes) {
            return on.allocate(Math.max(1, bytes));
        }

        @Override
        public void copy(long destination, DeviceBuffer source, long sourceByteOffset, long bytes) {
            CudaCopy.deviceToDevice(on.stream(), CudaMemory.of(source), sourceByteOffset, on.memory(destination), 0, bytes);
        }

        @Override
        public void pad(PadKernel kernel, long destination, long source) {
            CudaFunction f = KernelCache.shared().function(device, kernel.source(), kernel.entry(), List.of());
            KernelArguments args = new KernelArguments();
            for (long a : kernel.arguments(destination, source)) {
                args.add(a);
            }
            f.launch(on.stream(), LaunchConfig.linear(kernel.threads(), 256), args);
        }

        @Override
        public void transform(CufftCall call, long input, long output) {
            CufftPlanCache.Key key = new CufftPlanCache.Key(device, call);
            CufftPlan plan = CufftTransform.CACHE.acquire(key, () -> CufftPlan.create(api, device, call));
            leased.add(new Leased(key, plan));
            try {
                plan.execute(on.stream().handle(), input, output);
            } catch (RuntimeException | Error e) {
                leased.remove(leased.size() - 1);
                CufftTransform.CACHE.discard(plan);
                throw e;
            }
        }

        @Override
        public void scale(long address, long count, DType component, double factor) {
            boolean single = component == DType.F32;
            CudaFunction f = KernelCache.shared().function(device, SCALE,
                    single ? "fusemath_fft_scale_f32" : "fusemath_fft_scale_f64", List.of());
            KernelArguments args = new KernelArguments().add(address).add(count);
            if (single) {
                args.add((float) factor);
            } else {
                args.add(factor);
            }
            f.launch(on.stream(), LaunchConfig.linear(Math.min(count, 1L << 24), 256), args);
        }

        @Override
        public DeviceTensor allocate(DType dtype, long[] shape) {
            long count = 1;
            for (long d : shape) {
                count = Arguments.multiply("result elements", count, d);
            }
            return DeviceTensor.of(CudaBuffer.allocate(on.stream(), dtype, count), shape);
        }

        @Override
        public void finish() {
            on.stream().synchronize();
            // The stream reached the end of every transform: the plans' work areas are free again.
            for (Leased l : leased) {
                CufftTransform.CACHE.release(l.key, l.plan);
            }
            leased.clear();
        }

        @Override
        public void close() {
            try {
                if (!leased.isEmpty()) {
                    on.stream().synchronize();
                    for (Leased l : leased) {
                        CufftTransform.CACHE.discard(l.plan);
                    }
                    leased.clear();
                }
            } finally {
                on.close();
            }
        }
    }
}
