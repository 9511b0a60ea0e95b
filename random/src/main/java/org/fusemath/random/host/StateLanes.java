package org.fusemath.random.host;

/**
 * The states of a run of consecutive threads of a {@link SubsequenceGenerator} (six ints each) laid out
 * lane-wise, int j of thread {@code t0 + i} at {@code state()[j][i]}, and the words they draw
 * ({@code words()[w][i]}): a draw step for all lanes is then one loop without dependencies between lanes,
 * which C2 turns into SIMD code. Loaded from and stored back to the generator's thread-major state array
 * around a run of iterations, so the copies cost little per word. One instance per worker, not thread-safe.
 */
final class StateLanes {
    /** Threads per run. */
    static final int CAPACITY = 512;
    /** Most raw words one work item draws (XORWOW normal double pairs). */
    static final int MAX_WORDS = 4;
    private static final int STATE_INTS = 6;

    private final int[][] state = new int[STATE_INTS][CAPACITY];
    private final int[][] words = new int[MAX_WORDS][CAPACITY];

    /** The lane-wise states. */
    int[][] state() {
        return state;
    }

    /** The lane-wise words of the last draw: word w of lane i at {@code words()[w][i]}. */
    int[][] words() {
        return words;
    }

    /**
     * Copies the states of threads [t0 + from, t0 + to) from {@code states} (thread t at
     * {@code states[6t..6t+6)}) to lanes [from, to).
     */
    void load(int[] states, int t0, int from, int to) {
        checkLanes(from, to);
        for (int j = 0; j < STATE_INTS; j++) {
            int[] lane = state[j];
            for (int i = from; i < to; i++) {
                lane[i] = states[(t0 + i) * STATE_INTS + j];
            }
        }
    }

    /** Copies lanes [from, to) back to threads [t0 + from, t0 + to) of {@code states}. */
    void store(int[] states, int t0, int from, int to) {
        checkLanes(from, to);
        for (int j = 0; j < STATE_INTS; j++) {
            int[] lane = state[j];
            for (int i = from; i < to; i++) {
                states[(t0 + i) * STATE_INTS + j] = lane[i];
            }
        }
    }

    private static void checkLanes(int from, int to) {
        if (from < 0 || from > to || to > CAPACITY) {
            throw new IllegalArgumentException("lanes [" + from + ", " + to + ") must lie within [0, " + CAPACITY + "]");
        }
    }
}
