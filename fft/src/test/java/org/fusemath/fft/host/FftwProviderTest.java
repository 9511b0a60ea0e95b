package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftDirection;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftNorm;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/**
 * The FFTW provider behind the SPI: found by name through ServiceLoader, equal to the direct DFT of the logical
 * arrays (every kind and precision, norms, axes subsets, strided and offset layouts, in place) and to the
 * JTransforms provider within the same bound, negative strides declined with a reason, {@code fusemath info}'s row.
 */
class FftwProviderTest {
    private static final SplittableRandom RNG = new SplittableRandom(5);

    static List<FftSpec> specs() {
        return List.of(
                FftSpec.builder(FftKind.C2C, DType.F64, 12).direction(FftDirection.INVERSE).build(),
                FftSpec.builder(FftKind.C2C, DType.F32, 4, 6, 5).axes(0, 2).norm(FftNorm.ORTHO).build(),
                FftSpec.builder(FftKind.C2C, DType.F64, 5, 7).axes(0).inputStrides(16, 2).inputOffset(3)
                        .outputStrides(9, 1).outputOffset(2).norm(FftNorm.FORWARD).build(),
                FftSpec.builder(FftKind.R2C, DType.F64, 6, 9).axes(0, 1).build(),
                FftSpec.builder(FftKind.C2R, DType.F64, 4, 5).axes(0, 1).outputLength(9).build(),
                FftSpec.builder(FftKind.C2R, DType.F32, 3, 6).axes(1).outputLength(10).norm(FftNorm.ORTHO).build(),
                FftSpec.builder(FftKind.R2C, DType.F64, 4, 6).axes(0, 1).inPlace(true).build());
    }

    private static FftProvider byName(String name) {
        for (FftProvider p : ServiceLoader.load(FftProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no provider " + name);
    }

    @Test
    void equalsTheDirectDftAndJTransforms() {
        FftProvider fftw = byName("fftw");
        FftProvider jtransforms = byName("jtransforms");
        for (FftSpec spec : specs()) {
            boolean cin = spec.kind() != FftKind.R2C;
            boolean cout = spec.kind() != FftKind.C2R;
            double[] logical = logical(spec);
            long inLength = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
            double[] in = org.fusemath.fft.FftTesting.scatter(logical, spec.inputShape(), spec.inputStrides(),
                    spec.inputOffset(), cin ? 2 : 1, inLength);
            double[] expected = FftReference.transform(spec, logical);
            double bound = org.fusemath.fft.FftTesting.bound(spec, logical);
            double[][] results = new double[2][];
            int i = 0;
            for (FftProvider p : new FftProvider[] {fftw, jtransforms}) {
                double[] got = run(p, spec, in.clone());
                results[i++] = got;
                double error = org.fusemath.fft.FftTesting.distance(expected, got);
                assertTrue(error <= bound, p.name() + ": error " + error + " > " + bound + " for " + spec);
            }
            assertTrue(org.fusemath.fft.FftTesting.distance(results[0], results[1]) <= 2 * bound, "fftw vs jtransforms " + spec);
        }
    }

    private static double[] run(FftProvider p, FftSpec spec, double[] in) {
        boolean cout = spec.kind() != FftKind.C2R;
        try (FftPlan plan = p.plan(spec, 2)) {
            double[] result;
            if (spec.precision() == DType.F32) {
                float[] fin = org.fusemath.fft.FftTesting.narrow(in);
                float[] fout = spec.inPlace() ? fin : new float[(int) spec.outputSlots()];
                plan.execute(fin, fout);
                result = org.fusemath.fft.FftTesting.widen(fout);
            } else {
                double[] out = spec.inPlace() ? in : new double[(int) spec.outputSlots()];
                plan.execute(in, out);
                result = out;
            }
            return org.fusemath.fft.FftTesting.gather(result, spec.outputShape(), spec.outputStrides(), spec.outputOffset(),
                    cout ? 2 : 1);
        }
    }

    static double[] logical(FftSpec spec) {
        long count = 1;
        if (spec.kind() == FftKind.C2R) {
            for (long n : spec.outputShape()) {
                count *= n;
            }
            FftSpec r2c = FftSpec.builder(FftKind.R2C, DType.F64, spec.outputShape()).axes(spec.axes()).build();
            return FftReference.transform(r2c, org.fusemath.fft.FftTesting.random(RNG, (int) count));
        }
        for (long n : spec.inputShape()) {
            count *= n;
        }
        return org.fusemath.fft.FftTesting.random(RNG, (int) (count * (spec.kind() == FftKind.C2C ? 2 : 1)));
    }

    @Test
    void negativeStridesAreDeclinedWithAReason() {
        FftwProvider fftw = new FftwProvider();
        FftSpec reversed = FftSpec.builder(FftKind.C2C, DType.F64, 8).inputStrides(-1).inputOffset(7).build();
        assertTrue(fftw.unsupported(reversed).orElseThrow().contains("negative strides"));
        assertEquals("spec", assertThrows(InvalidArgumentException.class, () -> fftw.plan(reversed, 1)).argument());
        assertEquals("threads", assertThrows(InvalidArgumentException.class,
                () -> fftw.plan(specs().get(0), 0)).argument());
        assertTrue(fftw.describe().startsWith("FFTW fftw-3.3.10"), fftw.describe());
    }

    @Test
    void infoListsFftwWithItsVersionAndCallPath() {
        FftwBackend b = new FftwBackend();
        assertTrue(b.availability().usable());
        assertTrue(b.details().get("version").startsWith("fftw-3.3.10"), b.details().toString());
        assertEquals(Fftw.callPath(), b.details().get("call path"));
    }
}
