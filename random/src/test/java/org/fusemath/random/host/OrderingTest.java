package org.fusemath.random.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generators against the element-by-element model of cuRAND's ordering, at offsets on and past thread
 * and iteration boundaries, for calls longer than one sweep of the threads, split calls, any thread count,
 * and copies.
 */
class OrderingTest {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final long[] OFFSETS = {0, 1, 3, 1000, 4095, 4096, 5003, 81_919, 81_923, 1L << 33};

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (RngType type : RngType.values()) {
            for (SampleKind kind : SampleKind.values()) {
                out.add(Arguments.of(type, kind));
            }
        }
        return out.stream();
    }

    private static Distribution distribution(SampleKind kind) {
        switch (kind) {
            case NORMAL_FLOAT:
                return Distribution.normalFloat(1.5f, 2.0f);
            case NORMAL_DOUBLE:
                return Distribution.normalDouble(-0.25, 3.0);
            case LOG_NORMAL_FLOAT:
                return Distribution.logNormalFloat(0.5f, 0.75f);
            case LOG_NORMAL_DOUBLE:
                return Distribution.logNormalDouble(0.5, 0.75);
            case POISSON:
                return Distribution.poisson(7.5);
            default:
                return Distribution.standard(kind);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void valuesFollowTheOrderingModel(RngType type, SampleKind kind) {
        Distribution d = distribution(kind);
        int threads = type == RngType.MRG32K3A ? 81920 : type == RngType.XORWOW ? 4096 : 4 * 65536;
        SplittableRandom pick = new SplittableRandom(type.ordinal() * 31 + kind.ordinal());
        for (long offset : OFFSETS) {
            int count = 2 * threads + 6; // crosses two thread sweeps
            long[] actual = generate(type, offset, d, count, 1);
            List<Integer> indices = new ArrayList<>(List.of(0, 1, 2, 3, count - 2, count - 1));
            for (int i = 0; i < 40; i++) {
                indices.add(pick.nextInt(count));
            }
            for (int i : indices) {
                long expected = OrderingModel.expectedBits(type, SEED, offset, d, i);
                assertEquals(expected, actual[i], () -> type + " " + kind + " offset " + offset + " index " + i);
            }
        }
    }

    /** Calls shorter than one sweep of the threads, including ones that wrap from the last thread to thread 0. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void shortCallsFollowTheOrderingModel(RngType type, SampleKind kind) {
        Distribution d = distribution(kind);
        int threads = type == RngType.MRG32K3A ? 81920 : type == RngType.XORWOW ? 4096 : 4 * 65536;
        int perItem = kind.pairs() ? 2 : 1;
        for (long offset : new long[] {1000, threads - 700, 5L * threads - 3}) {
            int count = 1500 * perItem;
            long[] actual = generate(type, offset, d, count, 2);
            for (int i = 0; i < count; i++) {
                long item = offset + i / perItem;
                boolean nearWrap = Math.abs(item % threads - threads) < 40 || item % threads < 40;
                if (i % 13 == 0 || nearWrap || i >= count - 2) {
                    int index = i;
                    long expected = OrderingModel.expectedBits(type, SEED, offset, d, index);
                    assertEquals(expected, actual[index], () -> type + " " + kind + " offset " + offset + " index " + index);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void threadCountDoesNotChangeValues(RngType type, SampleKind kind) {
        Distribution d = distribution(kind);
        int count = kind.pairs() ? 300_002 : 300_003;
        long[] one = generate(type, 777, d, count, 1);
        assertArrayEquals(one, generate(type, 777, d, count, 2), "2 threads");
        assertArrayEquals(one, generate(type, 777, d, count, 3), "3 threads");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void consecutiveCallsEqualOneCall(RngType type, SampleKind kind) {
        Distribution d = distribution(kind);
        int first = kind.pairs() ? 4_098 : 4_097;
        int second = kind.pairs() ? 9_000 : 9_001;
        long[] whole = generate(type, 12, d, first + second, 1);
        HostGenerator g = HostGenerator.create(type, SEED);
        g.setOffset(12);
        long[] a = fill(g, d, first, 1);
        long[] b = fill(g, d, second, 2);
        long[] joined = new long[first + second];
        System.arraycopy(a, 0, joined, 0, first);
        System.arraycopy(b, 0, joined, first, second);
        assertArrayEquals(whole, joined);
        assertEquals(12 + type.offsetAdvance(kind, first + second), g.offset());
    }

    /**
     * One generator's kept scratch serves calls of every kind and size in turn without leaking between them:
     * it gives what a chain of copies gives, each copy (with fresh scratch) making one of the calls.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(RngType.class)
    void callsOfMixedKindsEqualCopiesWithFreshScratch(RngType type) {
        HostGenerator kept = HostGenerator.create(type, SEED);
        HostGenerator chain = HostGenerator.create(type, SEED);
        int[] counts = {2 * 70_000, 18, 3 * 4_099 + 1, 2};
        SampleKind[] kinds = {SampleKind.NORMAL_FLOAT, SampleKind.UNIFORM_FLOAT, SampleKind.LOG_NORMAL_FLOAT,
            SampleKind.NORMAL_DOUBLE};
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < kinds.length; k++) {
                Distribution d = distribution(kinds[k]);
                int count = kinds[k].pairs() ? counts[k] & ~1 : counts[k];
                chain = chain.copy();
                assertArrayEquals(fill(chain, d, count, 2), fill(kept, d, count, 2), type + " " + kinds[k] + " round " + round);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void copyContinuesIdentically(RngType type, SampleKind kind) {
        Distribution d = distribution(kind);
        HostGenerator g = HostGenerator.create(type, SEED);
        fill(g, d, 1000, 1);
        HostGenerator c = g.copy();
        assertArrayEquals(fill(g, d, 5000, 1), fill(c, d, 5000, 2));
    }

    private static long[] generate(RngType type, long offset, Distribution d, int count, int workers) {
        HostGenerator g = HostGenerator.create(type, SEED);
        g.setOffset(offset);
        return fill(g, d, count, workers);
    }

    static long[] fill(HostGenerator g, Distribution d, int count, int workers) {
        long[] bits = new long[count];
        switch (d.kind().elementType()) {
            case INT: {
                int[] v = new int[count + 3];
                g.fill(d, v, 3, count, workers);
                for (int i = 0; i < count; i++) {
                    bits[i] = v[i + 3] & 0xffffffffL;
                }
                break;
            }
            case FLOAT: {
                float[] v = new float[count + 3];
                g.fill(d, v, 3, count, workers);
                for (int i = 0; i < count; i++) {
                    bits[i] = Float.floatToRawIntBits(v[i + 3]) & 0xffffffffL;
                }
                break;
            }
            default: {
                double[] v = new double[count + 3];
                g.fill(d, v, 3, count, workers);
                for (int i = 0; i < count; i++) {
                    bits[i] = Double.doubleToRawLongBits(v[i + 3]);
                }
                break;
            }
        }
        return bits;
    }
}
