package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fusemath.api.DType;
import org.fusemath.api.FusemathException;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;

/** Malformed calls: specific exceptions naming the argument and value, and nothing but fusemath's exceptions. */
class FftBadInputTest {
    private static final HostTensor REAL = HostTensor.of(DType.F64, new long[] {3, 4}, new double[12]);
    private static final HostTensor CPLX = HostTensor.of(DType.C128, new long[] {3, 4}, new double[24]);

    private static void rejects(String argument, String valueFragment, Runnable call) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call::run);
        assertEquals(argument, e.argument(), e.getMessage());
        assertTrue(e.getMessage().contains(valueFragment), e.getMessage());
    }

    @Test
    void eachMalformedNumpyCallNamesItsArgumentAndValue() {
        rejects("axes", "[]", () -> FftOps.fftn(CPLX, null, new int[0], null));
        rejects("axes", "[1, -1]", () -> FftOps.fftn(CPLX, null, new int[] {1, -1}, null));
        rejects("axes[0]", "2", () -> FftOps.fft(CPLX, null, 2, null));
        rejects("axes[0]", "-3", () -> FftOps.ifft(CPLX, null, -3, null));
        rejects("n", "0", () -> FftOps.fft(CPLX, 0L, -1, null));
        rejects("s[1]", "-2", () -> FftOps.fft2(CPLX, new long[] {3, -2}, null, null));
        rejects("s", "[2, 2, 2]", () -> FftOps.fftn(CPLX, new long[] {2, 2, 2}, null, null));
        rejects("s", "[2]", () -> FftOps.fftn(CPLX, new long[] {2}, new int[] {0, 1}, null));
        rejects("a", "C128", () -> FftOps.rfft(CPLX));
        rejects("n", "0", () -> FftOps.irfft(HostTensor.of(DType.C128, new long[] {1}, new double[2])));
        rejects("a", "null", () -> FftOps.fft(null));
        rejects("a", "0-d", () -> FftOps.fft(HostTensor.of(DType.F64, new long[0], new double[1])));
        rejects("norm", "'unitary'", () -> FftNorm.parse("unitary"));
        rejects("operand", "C128", () -> Fft.create(CPLX, FftOptions.defaults().withFftType(FftKind.R2C)));
        rejects("operand", "F64", () -> Fft.create(REAL, FftOptions.defaults().withFftType(FftKind.C2C)));
        rejects("inPlace", "R2C", () -> Fft.create(REAL, FftOptions.defaults().withInPlace(true)));
        rejects("outputLength", "7", () -> FftSpec.builder(FftKind.C2R, DType.F64, 3, 5).outputLength(7).build());
        rejects("outputLength", "0", () -> FftSpec.builder(FftKind.C2R, DType.F64, 3, 5).outputLength(0));
        rejects("shape[0]", "-1", () -> FftSpec.builder(FftKind.C2C, DType.F64, -1).build());
        rejects("threads", "0", () -> FftOptions.defaults().withThreads(0));
    }

    @Provide
    Arbitrary<long[]> shapes() {
        return Arbitraries.longs().between(-2, 6).array(long[].class).ofMinSize(0).ofMaxSize(4);
    }

    @Provide
    Arbitrary<int[]> axes() {
        return Arbitraries.integers().between(-5, 5).array(int[].class).ofMinSize(0).ofMaxSize(4).injectNull(0.3);
    }

    @Provide
    Arbitrary<long[]> lengths() {
        return Arbitraries.longs().between(-1, 9).array(long[].class).ofMinSize(0).ofMaxSize(4).injectNull(0.4);
    }

    @Property(tries = 400)
    void randomCallsOnlyEverThrowFusemathExceptions(@ForAll("shapes") long[] shape, @ForAll("axes") int[] axes,
            @ForAll("lengths") long[] s, @ForAll DType dtype, @ForAll int function, @ForAll boolean fortran) {
        List<String> names = List.of("fft", "ifft", "rfft", "irfft", "fft2", "ifft2", "rfft2", "irfft2", "fftn", "ifftn",
                "rfftn", "irfftn");
        String name = names.get(Math.floorMod(function, names.size()));
        try {
            long count = 1;
            for (long d : shape) {
                count *= Math.max(0, d);
            }
            Object data = dtype.isSinglePrecision() ? new float[(int) (count * dtype.slotsPerElement())]
                    : new double[(int) (count * dtype.slotsPerElement())];
            HostTensor a = HostTensor.of(dtype, shape, fortran, data);
            Long n = s == null || s.length == 0 ? null : s[0];
            int axis = axes == null || axes.length == 0 ? -1 : axes[0];
            switch (name) {
                case "fft" -> FftOps.fft(a, n, axis, null);
                case "ifft" -> FftOps.ifft(a, n, axis, FftNorm.ORTHO);
                case "rfft" -> FftOps.rfft(a, n, axis, null);
                case "irfft" -> FftOps.irfft(a, n, axis, FftNorm.FORWARD);
                case "fft2" -> FftOps.fft2(a, s, axes, null);
                case "ifft2" -> FftOps.ifft2(a, s, axes, null);
                case "rfft2" -> FftOps.rfft2(a, s, axes, null);
                case "irfft2" -> FftOps.irfft2(a, s, axes, null);
                case "fftn" -> FftOps.fftn(a, s, axes, null);
                case "ifftn" -> FftOps.ifftn(a, s, axes, null);
                case "rfftn" -> FftOps.rfftn(a, s, axes, null);
                default -> FftOps.irfftn(a, s, axes, null);
            }
        } catch (InvalidArgumentException | FusemathException expected) {
            assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
        }
    }
}
