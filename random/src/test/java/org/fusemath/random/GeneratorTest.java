package org.fusemath.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Arrays;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public generator: offsets, function forms, contexts and every rejected argument. */
class GeneratorTest {

    @ParameterizedTest
    @EnumSource(RngType.class)
    void offsetAdvancesAsCuRandCounts(RngType type) {
        Generator g = Generator.create(type, 5);
        g.generate(new int[10]);
        assertEquals(10, g.offset());
        g.generateNormal(new float[8], 0f, 1f);
        assertEquals(type == RngType.PHILOX4_32_10 ? 18 : 14, g.offset());
        g.generateUniformDouble(new double[3]);
        assertEquals(type == RngType.PHILOX4_32_10 ? 21 : 17, g.offset());
    }

    @ParameterizedTest
    @EnumSource(RngType.class)
    void setOffsetEqualsSkippingValues(RngType type) {
        float[] all = new float[300];
        Generator.create(type, 99).generateUniform(all);
        float[] tail = new float[200];
        Generator.create(type, 99).setOffset(100).generateUniform(tail);
        assertArrayEquals(Arrays.copyOfRange(all, 100, 300), tail);
        float[] skipped = new float[200];
        Generator.create(type, 99).skipAhead(100).generateUniform(skipped);
        assertArrayEquals(tail, skipped);
    }

    @ParameterizedTest
    @EnumSource(RngType.class)
    void functionFormsEqualTheStatefulGenerator(RngType type) {
        Generator g = Generator.create(type, 1234).setOffset(1000);
        double[] normal = new double[64];
        g.generateNormalDouble(normal, 0.0, 1.0);
        assertArrayEquals(normal, RandomNumbers.normalDouble(type, 1234, 1000, 64, 0.0, 1.0));
        int[] bits = new int[33];
        Generator.create(type, 1234).generate(bits);
        assertArrayEquals(bits, RandomNumbers.uint32(type, 1234, 0, 33));
    }

    @Test
    void copyIsIndependentAndPositioned() {
        Generator g = Generator.create(RngType.XORWOW, 3);
        g.generateUniform(new float[5000]);
        Generator c = g.copy();
        float[] a = new float[100];
        float[] b = new float[100];
        g.generateUniform(a);
        c.generateUniform(b);
        assertArrayEquals(a, b);
        assertEquals(g.offset(), c.offset());
    }

    @Test
    void contextThreadsDoNotChangeValues() {
        float[] one = new float[300_001];
        float[] three = new float[300_001];
        Generator.create(RngType.PHILOX4_32_10, 8, FuseContext.builder().threads(1).build()).generateUniform(one);
        Generator.create(RngType.PHILOX4_32_10, 8, FuseContext.builder().threads(3).build()).generateUniform(three);
        assertArrayEquals(one, three);
    }

    @Test
    void uniformValuesLieInTheHalfOpenUnitInterval() {
        float[] f = RandomNumbers.uniformFloat(RngType.MRG32K3A, 1, 0, 100_000);
        double[] d = RandomNumbers.uniformDouble(RngType.XORWOW, 1, 0, 100_000);
        for (int i = 0; i < f.length; i++) {
            assertTrue(f[i] > 0 && f[i] <= 1, "float " + f[i]);
            assertTrue(d[i] > 0 && d[i] <= 1, "double " + d[i]);
        }
    }

    @Test
    void rejectsBadArgumentsWithSpecificMessages() {
        Generator g = Generator.create(RngType.PHILOX4_32_10, 1);
        assertArgument("length", () -> g.generate(new int[4], 0, -1), "-1");
        assertArgument("from", () -> g.generate(new int[4], -2, 1), "-2");
        assertArgument("out", () -> g.generate(new int[4], 3, 2), "length 4");
        assertArgument("out", () -> g.generate(null), "null");
        assertArgument("length", () -> g.generateNormal(new float[5], 0f, 1f), "5");
        assertArgument("length", () -> g.generateNormalDouble(new double[3], 0, 1), "even");
        assertArgument("length", () -> g.generateLogNormal(new float[7], 0f, 1f), "even");
        assertArgument("offset", () -> g.setOffset(-1), "-1");
        assertArgument("stddev", () -> g.generateNormal(new float[2], 0f, -1f), "-1");
        assertArgument("lambda", () -> g.generatePoisson(new int[2], 0), "> 0");
        // Past cuRAND's range counts would no longer fit 32 bits (they used to wrap modulo 2^32).
        assertArgument("lambda", () -> g.generatePoisson(new int[2], Math.nextUp(Distribution.MAX_POISSON_LAMBDA)), "400000");
        assertArgument("lambda", () -> RandomNumbers.poisson(RngType.XORWOW, 1, 0, 2, 1e10), "1.0E10");
        assertArgument("lambda", () -> g.generatePoisson(new int[2], Double.POSITIVE_INFINITY), "Infinity");
        assertArgument("lambda", () -> g.generatePoisson(new int[2], Double.NaN), "NaN");
        assertArgument("distribution", () -> g.fill(Distribution.uniformDouble(), new float[2], 0, 2), "uniform_double");
        assertArgument("generator", () -> RngType.parse("mt19937"), "mt19937");
        assertArgument("kind", () -> SampleKind.parse("gamma"), "gamma");
        Generator late = Generator.create(RngType.XORWOW, 1).setOffset(Long.MAX_VALUE - 3);
        assertArgument("length", () -> late.generate(new int[10]), "2^63");
        assertArgument("count", () -> late.skipAhead(5), "2^63");
        assertEquals(Long.MAX_VALUE - 3, late.offset(), "a rejected call leaves the offset alone");
    }

    /** At the largest lambda every count lies within 7 standard deviations of the mean (no wrapped values). */
    @Test
    void poissonAtTheLargestLambdaStaysNearItsMean() {
        double lambda = Distribution.MAX_POISSON_LAMBDA;
        int[] v = RandomNumbers.poisson(RngType.PHILOX4_32_10, 5, 0, 100_000, lambda);
        double sum = 0;
        for (int x : v) {
            assertTrue(Math.abs(x - lambda) < 7 * Math.sqrt(lambda), "count " + Integer.toUnsignedString(x));
            sum += x;
        }
        // The sample mean's standard error is sqrt(lambda / n) = 2; 6 of them is far past chance.
        assertEquals(lambda, sum / v.length, 12.0);
    }

    @Test
    void parsesNamesCaseInsensitively() {
        assertEquals(RngType.PHILOX4_32_10, RngType.parse("PHILOX4_32_10"));
        assertEquals(RngType.XORWOW, RngType.parse("curand_rng_pseudo_xorwow"));
        assertEquals(RngType.MRG32K3A, RngType.parse(" Mrg32K3a "));
        assertEquals(SampleKind.NORMAL_DOUBLE, SampleKind.parse("normal-double"));
    }

    @Test
    void deviceExecutionWithoutADeviceSaysWhy() {
        assumeFalse(CudaProbe.get().usableFor(0, CudaLibrary.CURAND), "cuRAND is usable here");
        FuseContext device = FuseContext.builder().execution(Execution.device()).build();
        Generator g = Generator.create(RngType.PHILOX4_32_10, 1, device);
        DeviceUnavailableException e = assertThrows(DeviceUnavailableException.class, () -> g.generateUniform(new float[8]));
        assertTrue(e.getMessage().contains("no usable CUDA device"), e.getMessage());
        assertEquals(0, g.offset(), "a failed call leaves the offset alone");
        // The host still works with the same generator.
        float[] host = new float[8];
        Generator.create(RngType.PHILOX4_32_10, 1).generateUniform(host);
        assertArrayEquals(host, RandomNumbers.uniformFloat(RngType.PHILOX4_32_10, 1, 0, 8));
    }

    private static void assertArgument(String argument, org.junit.jupiter.api.function.Executable call, String mentions) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
        assertEquals(argument, e.argument(), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
    }
}
