package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/** On a GPU: cuFFT through {@link CufftTransform} equals the direct DFT (the host's oracle) for every spec the CPU test runs, twice (the second from the plan cache). */
@GpuTest(libraries = CudaLibrary.CUFFT)
class CufftTransformGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device()).build();

    @Test
    void deviceMatchesTheDirectDft() {
        SplittableRandom rng = new SplittableRandom(11);
        for (FftSpec spec : CufftCallCpuTest.specs()) {
            for (int rep = 0; rep < 2; rep++) {
                boolean cin = spec.kind() != FftKind.R2C;
                boolean cout = spec.kind() != FftKind.C2R;
                long count = Arrays.stream(spec.inputShape()).reduce(1, (a, b) -> a * b);
                double[] logical = spec.kind() == FftKind.C2R
                        ? FftReference.transform(FftSpec.builder(FftKind.R2C, DType.F64, spec.outputShape()).axes(spec.axes()).build(),
                                FftTesting.random(rng, (int) Arrays.stream(spec.outputShape()).reduce(1, (a, b) -> a * b)))
                        : FftTesting.random(rng, (int) (count * (cin ? 2 : 1)));
                long inLength = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
                double[] in = FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(), spec.inputOffset(), cin ? 2 : 1, inLength);
                double[] result;
                if (spec.precision() == DType.F32) {
                    float[] fin = FftTesting.narrow(in);
                    float[] fout = spec.inPlace() ? fin : new float[(int) spec.outputSlots()];
                    CufftTransform.execute(DEVICE, spec, fin, fout);
                    result = FftTesting.widen(fout);
                } else {
                    double[] out = spec.inPlace() ? in : new double[(int) spec.outputSlots()];
                    CufftTransform.execute(DEVICE, spec, in, out);
                    result = out;
                }
                double[] got = FftTesting.gather(result, spec.outputShape(), spec.outputStrides(), spec.outputOffset(), cout ? 2 : 1);
                double[] expected = FftReference.transform(spec, logical);
                double error = FftTesting.distance(expected, got);
                double bound = FftTesting.bound(spec, logical);
                assertTrue(error <= bound, "error " + error + " > " + bound + " for " + spec);
            }
        }
    }
}
