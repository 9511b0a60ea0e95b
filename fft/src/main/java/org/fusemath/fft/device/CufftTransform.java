package org.fusemath.fft.device;

import org.fusemath.api.Arguments;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaDevices;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.StreamAllocations;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.OutputScaling;

/**
 * Runs an {@link FftSpec} on a GPU through cuFFT for heap operands: the spec becomes one {@link CufftCall}
 * (unsupported layouts are rejected by name first), the operands are copied into memory from the device's pool on
 * the context's stream (a strided output too, so that its holes come back unchanged), a cached plan is leased and
 * run on that stream, the output is copied back and the spec's normalisation applied. cuFFT may overwrite its
 * (device) C2R input here: it is fusemath's copy, the caller's array is untouched. Device plans are cached per
 * device and call ({@code -Dfusemath.fft.cufft.planCache}, default 16 idle plans). Thread-safe.
 */
public final class CufftTransform {
    static final CufftPlanCache<CufftPlan> CACHE = new CufftPlanCache<>(Integer.getInteger("fusemath.fft.cufft.planCache", 16));

    private CufftTransform() {
    }

    /** Whether cuFFT can run {@code spec} as one plan; the reason when not. */
    public static java.util.Optional<String> unsupported(FftSpec spec) {
        return CufftCall.unsupported(spec);
    }

    /** Transforms F64 {@code input} into {@code output} on {@code context}'s device. */
    public static void execute(FuseContext context, FftSpec spec, double[] input, double[] output) {
        run(context, spec, input, input == null ? 0 : input.length, output, output == null ? 0 : output.length, 8);
    }

    /** Transforms F32 {@code input} into {@code output} on {@code context}'s device. */
    public static void execute(FuseContext context, FftSpec spec, float[] input, float[] output) {
        run(context, spec, input, input == null ? 0 : input.length, output, output == null ? 0 : output.length, 4);
    }

    private static void run(FuseContext context, FftSpec spec, Object input, int inLength, Object output, int outLength,
                            int component) {
        Arguments.requireNonNull(context, "context");
        Arguments.requireNonNull(spec, "spec");
        Arguments.requireNonNull(input, "input");
        Arguments.requireNonNull(output, "output");
        if ((component == 4) != spec.precision().isSinglePrecision()) {
            throw new InvalidArgumentException("input", component == 4 ? "a float[]" : "a double[]",
                    "arrays of the spec's precision " + spec.precision());
        }
        if (spec.inPlace() != (input == output)) {
            throw new InvalidArgumentException("output", spec.inPlace() ? "a distinct array" : "the input array",
                    spec.inPlace() ? "the input array (the spec is in place)" : "a distinct array (the spec is out of place)");
        }
        long inSlots = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
        Arguments.requireLength("input", inLength, inSlots);
        Arguments.requireLength("output", outLength, spec.inPlace() ? inSlots : spec.outputSlots());
        CufftCall call = CufftCall.of(spec, true);
        int device = context.deviceId();
        CudaDevices.require(device, CudaLibrary.CUFFT);
        CufftApi api = new JavacppCufft(device);
        CufftPlanCache.Key key = new CufftPlanCache.Key(device, call);
        try (StreamAllocations s = StreamAllocations.open(context)) {
            long in = s.allocate(Math.max(component, inSlots * component));
            long out = in;
            if (!spec.inPlace()) {
                out = s.allocate(Math.max(component, spec.outputSlots() * component));
                s.toDevice(output, 0, (int) spec.outputSlots(), out, 0);
            }
            s.toDevice(input, 0, (int) inSlots, in, 0);
            CufftPlan plan = CACHE.acquire(key, () -> CufftPlan.create(api, device, call));
            try {
                plan.execute(s.stream().handle(), in, out);
                s.toHost(out, 0, output, 0, (int) (spec.inPlace() ? inSlots : spec.outputSlots()));
            } catch (RuntimeException | Error e) {
                CACHE.discard(plan);
                throw e;
            }
            // toHost returned once the stream reached it, so the plan's work area is free again.
            CACHE.release(key, plan);
        }
        OutputScaling.apply(spec, output);
    }
}
