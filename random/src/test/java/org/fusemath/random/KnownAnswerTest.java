package org.fusemath.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of cuRAND's known-answer vectors is reproduced exactly by the host generator. */
class KnownAnswerTest {

    static Stream<KnownAnswer> vectors() {
        List<KnownAnswer> all = KnownAnswers.bundled();
        assertEquals(30, all.size(), "two files of 15 entries");
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void everyValueMatchesBitForBit(KnownAnswer k) {
        long[] actual = k.actual(Generator.create(k.generator(), 0));
        String[] expected = hex(k.kind(), k.values());
        assertArrayEquals(expected, hex(k.kind(), actual), k.label());
        assertEquals(0, k.mismatches(actual));
    }

    private static String[] hex(SampleKind kind, long[] bits) {
        String[] s = new String[bits.length];
        for (int i = 0; i < bits.length; i++) {
            s[i] = Samples.hex(kind, bits[i]);
        }
        return s;
    }
}
