package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.SampleKind;
import org.fusemath.api.spi.HostParts;

/**
 * The ordering cuRAND's host API gives XORWOW and MRG32k3a ({@code gen_sequenced} kernels): T threads,
 * thread t owning subsequence t, each with a state that persists across calls. Work item w (a value, or a
 * Box–Muller pair for normal kinds) is computed by thread {@code w mod T} from its next raw words, and
 * the offset counts work items. After {@code setOffset(O)} thread t starts {@code ceil((O - t) / T)}
 * words into its subsequence (one word per item before O), so the documented formula holds: 32-bit output
 * n of a call at offset O comes from position {@code ((O+n) mod T) * stride + floor((O+n) / T)}.
 *
 * <p>Thread states are materialised lazily, for the threads a call touches, by jumping to the start of
 * a run and stepping from subsequence to subsequence. Not thread-safe (see {@link HostGenerator}).
 */
abstract class SubsequenceGenerator extends HostGenerator {
    /** Runs of threads to materialize shorter than twice this are not split over workers. */
    private static final int CHUNK_THREADS = 512;

    private final int threads;
    private int[] states;
    private boolean[] ready;
    /** The offset at the last reset: thread states not yet touched are still where it left them. */
    private long resetOffset;

    SubsequenceGenerator(long seed, int threads) {
        super(seed);
        this.threads = threads;
    }

    /** Writes subsequence 0, position 0 for {@code seed} at {@code s[at..]}. */
    abstract void seedState(long seed, int[] s, int at);

    /** Moves the state at {@code s[at..]} forward by {@code count} whole subsequences. */
    abstract void skipSubsequences(int[] s, int at, long count);

    /** Moves the state at {@code s[at..]} forward by {@code words} raw words. */
    abstract void skipWords(int[] s, int at, long words);

    /** Writes the next {@code count} raw words of the state at {@code s[at..]} to {@code out[pos..]}. */
    abstract void draw(int[] s, int at, int[] out, int pos, int count);

    /** Writes the next raw word of each lane-wise state in lanes [from, to) to {@code out[i]} (see {@link StateLanes}). */
    abstract void drawLanes(int[][] s, int from, int to, int[] out);

    @Override
    void reset() {
        ready = null;
        resetOffset = offset();
    }

    final void copyStatesFrom(SubsequenceGenerator other) {
        copyPositionFrom(other);
        resetOffset = other.resetOffset;
        if (other.ready != null) {
            states = other.states.clone();
            ready = other.ready.clone();
        }
    }

    @Override
    void produce(Distribution d, Sink sink, int count, int parts) {
        int perItem = d.kind().pairs() ? 2 : 1;
        long items = count / perItem;
        long first = offset();
        materialize(first, items, parts);
        Call call = new Call(first, items, perItem, Transforms.rawWords(family(), d.kind(), perItem));
        // The threads the call touches: from first mod T on, wrapping to thread 0 (all of them once items >= T).
        int start = (int) (first % threads);
        long end = start + Math.min(items, threads);
        // Each part owns a range of generator threads, so there is no use for more parts than threads.
        int n = items < threads ? 1 : Math.min(parts, threads);
        HostParts.run(n, p -> {
            int ta = (int) ((long) threads * p / n);
            int tb = (int) ((long) threads * (p + 1) / n);
            Sink out = p == 0 ? sink : sink.fork();
            drawRuns(call, out, Math.max(ta, start), (int) Math.min(tb, end));
            drawRuns(call, out, ta, (int) Math.min(tb, end - threads));
        });
    }

    /** What one fill draws: items [first, first + items), each {@code words} raw words giving {@code perItem} samples. */
    private record Call(long first, long items, int perItem, int words) {
    }

    /**
     * Draws the call's items on threads [from, to), a run of {@link StateLanes#CAPACITY} threads at a time
     * through all iterations: the run's states stay lane-wise in cache meanwhile.
     */
    private void drawRuns(Call call, Sink out, int from, int to) {
        StateLanes lanes = out.scratch.stateLanes();
        int[][] word = lanes.words();
        long firstIteration = call.first() / threads;
        long lastIteration = (call.first() + call.items() - 1) / threads;
        for (int t0 = from; t0 < to; t0 += StateLanes.CAPACITY) {
            int c = Math.min(StateLanes.CAPACITY, to - t0);
            lanes.load(states, t0, 0, c);
            for (long it = firstIteration; it <= lastIteration; it++) {
                long itemBase = it * threads;
                // Lanes whose item of this iteration lies in the call: all but at its first and last iteration.
                int lo = (int) Math.max(0, call.first() - itemBase - t0);
                int hi = (int) Math.max(0, Math.min(c, call.first() + call.items() - itemBase - t0));
                if (lo >= hi) {
                    continue;
                }
                for (int w = 0; w < call.words(); w++) {
                    drawLanes(lanes.state(), lo, hi, word[w]);
                }
                out.writeItems(word, call.words(), lo, (itemBase + t0 + lo - call.first()) * call.perItem(), hi - lo);
            }
            lanes.store(states, t0, 0, c);
        }
    }

    /** Makes sure every thread that items [first, first + items) touch has a state. */
    private void materialize(long first, long items, int parts) {
        if (ready == null) {
            if (states == null) {
                states = new int[threads * 6];
            }
            ready = new boolean[threads];
        }
        if (items >= threads) {
            materializeRange(0, threads, parts);
            return;
        }
        int start = (int) (first % threads);
        long end = start + items;
        if (end <= threads) {
            materializeRange(start, (int) end, parts);
        } else {
            materializeRange(start, threads, parts);
            materializeRange(0, (int) (end - threads), parts);
        }
    }

    private void materializeRange(int a, int b, int parts) {
        int t = a;
        while (t < b) {
            while (t < b && ready[t]) {
                t++;
            }
            int runStart = t;
            while (t < b && !ready[t]) {
                t++;
            }
            if (runStart < t) {
                int runEnd = t;
                int n = runEnd - runStart < 2 * CHUNK_THREADS ? 1 : Math.min(parts, (runEnd - runStart) / CHUNK_THREADS);
                HostParts.run(n, p -> {
                    int from = runStart + (int) ((long) (runEnd - runStart) * p / n);
                    int to = runStart + (int) ((long) (runEnd - runStart) * (p + 1) / n);
                    materializeRun(from, to);
                });
            }
        }
    }

    /** Thread t at the position setOffset left it: subsequence t, ceil((O - t) / T) words in. */
    private void materializeRun(int from, int to) {
        if (from >= to) {
            return;
        }
        long base = resetOffset;
        long wordsAll = base / threads;
        int extraBelow = (int) (base % threads);
        int[] s = new int[6];
        seedState(seed(), s, 0);
        skipSubsequences(s, 0, from);
        skipWords(s, 0, wordsAll);
        for (int t = from; t < to; t++) {
            System.arraycopy(s, 0, states, t * 6, 6);
            if (t < extraBelow) {
                skipWords(states, t * 6, 1);
            }
            ready[t] = true;
            if (t + 1 < to) {
                skipSubsequences(s, 0, 1);
            }
        }
    }

    final int threads() {
        return threads;
    }
}
