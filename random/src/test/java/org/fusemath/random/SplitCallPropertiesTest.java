package org.fusemath.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** For any generator, seed, offset and split point, two calls give what one call gives. */
class SplitCallPropertiesTest {

    @Property(tries = 60)
    void twoUniformCallsEqualOne(@ForAll RngType type, @ForAll long seed, @ForAll @LongRange(min = 0, max = 1L << 40) long offset,
            @ForAll @IntRange(min = 0, max = 9000) int first, @ForAll @IntRange(min = 0, max = 9000) int second) {
        double[] whole = RandomNumbers.uniformDouble(type, seed, offset, first + second);
        Generator g = Generator.create(type, seed).setOffset(offset);
        double[] a = new double[first];
        double[] b = new double[second];
        g.generateUniformDouble(a);
        g.generateUniformDouble(b);
        assertArrayEquals(Arrays.copyOfRange(whole, 0, first), a);
        assertArrayEquals(Arrays.copyOfRange(whole, first, first + second), b);
    }

    @Property(tries = 40)
    void twoNormalCallsEqualOne(@ForAll RngType type, @ForAll long seed, @ForAll @LongRange(min = 0, max = 1L << 40) long offset,
            @ForAll @IntRange(min = 0, max = 4000) int firstPairs, @ForAll @IntRange(min = 0, max = 4000) int secondPairs) {
        int first = 2 * firstPairs;
        int second = 2 * secondPairs;
        float[] whole = RandomNumbers.normalFloat(type, seed, offset, first + second, 0f, 1f);
        Generator g = Generator.create(type, seed).setOffset(offset);
        float[] a = new float[first];
        float[] b = new float[second];
        g.generateNormal(a, 0f, 1f);
        g.generateNormal(b, 0f, 1f);
        assertArrayEquals(Arrays.copyOfRange(whole, 0, first), a);
        assertArrayEquals(Arrays.copyOfRange(whole, first, first + second), b);
    }
}
