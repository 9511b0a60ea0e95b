package org.fusemath.fft;

import java.util.Optional;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.Availability;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.fft.device.CufftTransform;
import org.fusemath.fft.spi.CheckedFftPlan;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;

/**
 * The device side of {@link Providers#select}: plans whose executions run through {@link CufftTransform} on one
 * context's GPU (heap operands copied to and from the device; cuFFT's own plans are cached by the device path).
 * Thread-safe.
 */
final class CufftProvider implements FftProvider {
    private final FuseContext context;

    CufftProvider(FuseContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "cufft@" + context.deviceId();
    }

    @Override
    public Availability availability() {
        return CudaProbe.get().failure(context.deviceId(), CudaLibrary.CUFFT)
                .map(e -> Availability.unusable(e.getMessage(), "a CUDA device with cuFFT"))
                .orElse(Availability.ok());
    }

    @Override
    public Optional<String> unsupported(FftSpec spec) {
        return CufftTransform.unsupported(spec);
    }

    @Override
    public FftPlan plan(FftSpec spec, int threads) {
        unsupported(spec).ifPresent(reason -> {
            throw new InvalidArgumentException("spec", spec, "a layout cuFFT's PlanMany can express: " + reason);
        });
        return new CheckedFftPlan(spec, threads) {
            @Override
            protected void executeF64(double[] input, double[] output) {
                CufftTransform.execute(context, spec, input, output);
            }

            @Override
            protected void executeF32(float[] input, float[] output) {
                CufftTransform.execute(context, spec, input, output);
            }

            @Override
            protected void release() {
                // Nothing held: cuFFT plans live in the device path's own cache.
            }
        };
    }
}
