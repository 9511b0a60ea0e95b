package org.fusemath.random.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three engines: Philox block known answers, and skip-ahead matrices equal to stepping. */
class EngineTest {

    /** Random123's published known answers for philox4x32-10 (counter, key, output). */
    @Test
    void philoxBlockMatchesRandom123KnownAnswers() {
        assertBlock(new int[] {0, 0, 0, 0}, 0, 0, new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
        assertBlock(new int[] {-1, -1, -1, -1}, -1, -1, new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
        assertBlock(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, 0xa4093822, 0x299f31d0,
                new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
    }

    private static void assertBlock(int[] c, int k0, int k1, int[] expected) {
        int[] out = new int[4];
        long lo = (c[0] & 0xffffffffL) | ((long) c[1] << 32);
        long hi = (c[2] & 0xffffffffL) | ((long) c[3] << 32);
        Philox4x32.block(lo, hi, (k0 & 0xffffffffL) | ((long) k1 << 32), out, 0);
        assertArrayEquals(expected, out);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 31, 32, 1000, 4097, 65_537})
    void xorwowSkipEqualsStepping(long n) {
        int[] stepped = new int[6];
        XorwowEngine.seed(0x1234_5678_9abcL, stepped, 0);
        int[] skipped = stepped.clone();
        int[] sink = new int[(int) n + 1];
        XorwowEngine.draw(stepped, 0, sink, 0, (int) n);
        XorwowEngine.skip(skipped, 0, n);
        assertArrayEquals(stepped, skipped);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 31, 32, 1000, 4097, 65_537})
    void mrgSkipEqualsStepping(long n) {
        int[] stepped = new int[6];
        Mrg32k3aEngine.seed(987_654_321L, stepped, 0);
        int[] skipped = stepped.clone();
        int[] sink = new int[(int) n + 1];
        Mrg32k3aEngine.draw(stepped, 0, sink, 0, (int) n);
        Mrg32k3aEngine.skip(skipped, 0, n, 0);
        assertArrayEquals(stepped, skipped);
    }

    /** The lane-wise draws (one loop over independent states) equal the per-state draw, word for word. */
    @Test
    void laneDrawsEqualStateDraws() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        int lanes = StateLanes.CAPACITY;
        int[] states = new int[6 * lanes];
        for (int engine = 0; engine < 2; engine++) {
            for (int t = 0; t < lanes; t++) {
                if (engine == 0) {
                    XorwowEngine.seed(r.nextLong(), states, 6 * t);
                } else {
                    // Residues anywhere in [0, m), with the edges of the conditional subtractions among them.
                    for (int j = 0; j < 6; j++) {
                        long m = j < 3 ? Mrg32k3aEngine.M1 : Mrg32k3aEngine.M2;
                        long[] edges = {0, 1, m - 1, m - 2, m / 2};
                        states[6 * t + j] = (int) (t < 40 ? edges[(t + j) % edges.length] : r.nextLong(m));
                    }
                }
            }
            int[] expectedStates = states.clone();
            StateLanes lane = new StateLanes();
            lane.load(states, 0, 0, lanes);
            int[] word = new int[lanes];
            int[] expected = new int[1];
            for (int step = 0; step < 200; step++) {
                int from = step % 7; // lanes [0, from) skip some steps, as at the start of a call
                if (engine == 0) {
                    XorwowEngine.drawLanes(lane.state(), from, lanes, word);
                } else {
                    Mrg32k3aEngine.drawLanes(lane.state(), from, lanes, word);
                }
                for (int t = from; t < lanes; t++) {
                    if (engine == 0) {
                        XorwowEngine.draw(expectedStates, 6 * t, expected, 0, 1);
                    } else {
                        Mrg32k3aEngine.draw(expectedStates, 6 * t, expected, 0, 1);
                    }
                    assertEquals(expected[0], word[t], "engine " + engine + " step " + step + " lane " + t);
                }
            }
            lane.store(states, 0, 0, lanes);
            assertArrayEquals(expectedStates, states, "states after the draws");
        }
    }

    @Test
    void jumpsCompose() {
        int[] a = new int[6];
        XorwowEngine.seed(42, a, 0);
        int[] b = a.clone();
        XorwowJumps.advance(a, 0, 3, XorwowEngine.SUBSEQUENCE_BITS);
        XorwowJumps.advance(b, 0, 1, XorwowEngine.SUBSEQUENCE_BITS);
        XorwowJumps.advance(b, 0, 2, XorwowEngine.SUBSEQUENCE_BITS);
        assertArrayEquals(a, b);
        int[] m = XorwowJumps.matrixOf(12345);
        int[] c = new int[6];
        XorwowEngine.seed(42, c, 0);
        int[] d = c.clone();
        XorwowJumps.apply(m, c, 0);
        XorwowJumps.advance(d, 0, 12345);
        assertArrayEquals(d, c);

        int[] x = new int[6];
        Mrg32k3aEngine.seed(42, x, 0);
        int[] y = x.clone();
        Mrg32k3aEngine.skip(x, 0, 5, Mrg32k3aEngine.SUBSEQUENCE_BITS);
        Mrg32k3aEngine.skip(y, 0, 2, Mrg32k3aEngine.SUBSEQUENCE_BITS);
        Mrg32k3aEngine.skip(y, 0, 3, Mrg32k3aEngine.SUBSEQUENCE_BITS);
        assertArrayEquals(x, y);
        int[] z = new int[6];
        Mrg32k3aEngine.seed(42, z, 0);
        Mrg32k3aJumps.apply(Mrg32k3aJumps.matrixOf(777), z, 0);
        int[] w = new int[6];
        Mrg32k3aEngine.seed(42, w, 0);
        Mrg32k3aEngine.skip(w, 0, 777, 0);
        assertArrayEquals(w, z);
    }

    @Test
    void mrgSeedZeroIsTheOriginalState() {
        int[] s = new int[6];
        Mrg32k3aEngine.seed(0, s, 0);
        for (int v : s) {
            assertEquals(12345, v);
        }
    }
}
