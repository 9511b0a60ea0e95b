package org.fusemath.random.host;

import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;
import org.fusemath.api.spi.HostParts;

/**
 * cuRAND's PHILOX4_32_10 host generator in its default (= legacy) ordering: output element g belongs to
 * 4-value group b = g/4, which thread {@code b mod 65536} (subsequence) computes in its iteration
 * {@code b / 65536} from one Philox block, or from two consecutive blocks for double kinds (cuRAND's
 * {@code curand_uniform4_double} and {@code curand_box_muller4_double}). The offset counts elements for
 * every kind. Stateless apart from seed and offset.
 */
final class PhiloxGenerator extends HostGenerator {
    static final int SUBSEQUENCES = 65536;
    private static final int BATCH_GROUPS = 256;

    PhiloxGenerator(long seed) {
        super(seed);
    }

    @Override
    public RngType type() {
        return RngType.PHILOX4_32_10;
    }

    @Override
    public HostGenerator copy() {
        PhiloxGenerator c = new PhiloxGenerator(seed());
        c.copyPositionFrom(this);
        return c;
    }

    @Override
    Transforms.Family family() {
        return Transforms.Family.BITS;
    }

    @Override
    void reset() {
        // nothing derived is kept
    }

    @Override
    void produce(Distribution d, Sink sink, int count, int parts) {
        long start = offset();
        int rawPerGroup = Transforms.rawWords(Transforms.Family.BITS, d.kind(), 4);
        // Parts cut at group boundaries of the global sequence so each group is computed once.
        long firstGroup = start >>> 2;
        long lastGroup = (start + count - 1) >>> 2;
        long groups = lastGroup - firstGroup + 1;
        int n = (int) Math.min(parts, groups);
        HostParts.run(n, p -> {
            long g0 = firstGroup + groups * p / n;
            long g1 = firstGroup + groups * (p + 1) / n;
            produceGroups(d, p == 0 ? sink : sink.fork(), start, count, g0, g1, rawPerGroup);
        });
    }

    /** Writes the samples of groups [g0, g1) that fall inside [start, start + count). */
    private void produceGroups(Distribution d, Sink sink, long start, int count, long g0, long g1, int rawPerGroup) {
        long seed = seed();
        long end = start + count;
        int[] raw = new int[BATCH_GROUPS * rawPerGroup];
        long g = g0;
        // A partial first group.
        if (g < g1 && g * 4 < start) {
            rawGroup(seed, g, rawPerGroup, raw, 0);
            int skip = (int) (start - g * 4);
            int n = (int) Math.min(4 - skip, end - start);
            sink.writePart(raw, 0, 4, skip, 0, n);
            g++;
        }
        while (g < g1) {
            long fullEnd = Math.min(g1, end >>> 2);
            if (g < fullEnd && sink.writePhiloxGroups(seed, g, (int) (fullEnd - g), g * 4 - start)) {
                g = fullEnd;
            } else if (g < fullEnd) {
                int batch = (int) Math.min(BATCH_GROUPS, fullEnd - g);
                if (rawPerGroup == 4) {
                    PhiloxKernels.ints(seed, g, batch, raw, 0, sink.scratch.philoxBatch());
                } else {
                    for (int i = 0; i < batch; i++) {
                        rawGroup(seed, g + i, rawPerGroup, raw, i * rawPerGroup);
                    }
                }
                sink.write(raw, 0, g * 4 - start, batch * 4);
                g += batch;
            } else {
                // A partial last group.
                rawGroup(seed, g, rawPerGroup, raw, 0);
                sink.writePart(raw, 0, 4, 0, g * 4 - start, (int) (end - g * 4));
                g++;
            }
        }
    }

    /** The raw words of group {@code g}: one or two consecutive blocks of its thread's subsequence. */
    private static void rawGroup(long seed, long g, int rawPerGroup, int[] raw, int at) {
        long thread = g & (SUBSEQUENCES - 1);
        long iteration = g >>> 16;
        int blocks = rawPerGroup / 4;
        for (int b = 0; b < blocks; b++) {
            Philox4x32.block(iteration * blocks + b, thread, seed, raw, at + 4 * b);
        }
    }
}
