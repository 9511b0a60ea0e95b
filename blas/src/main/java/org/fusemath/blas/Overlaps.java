package org.fusemath.blas;

import java.util.Arrays;
import java.util.Comparator;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;

/**
 * Rejects outputs that share array slots with any other operand of a call. Spans are compared per array
 * as slot ranges [first, end), so interleaved views that do not touch are rejected too (conservative).
 * A handful of spans (every function form) are compared pairwise without allocating maps; long lists
 * (list-batched matmuls) are sorted by array and start.
 */
final class Overlaps {
    private static final int PAIRWISE_LIMIT = 16;

    private record Span(String name, Object array, long from, long to, boolean output) {
    }

    private Span[] spans = new Span[4];
    private int count;

    Overlaps add(String name, HostMatrix m, boolean output) {
        long slots = m.dtype().slotsPerElement();
        return add(name, m.array(), m.shape().offset() * slots, m.shape().requiredElements() * slots, output);
    }

    Overlaps add(String name, HostVector v, boolean output) {
        return add(name, v.array(), v.firstSlot(), v.endSlot(), output);
    }

    Overlaps add(String name, Object array, long from, long to, boolean output) {
        if (to > from) {
            if (count == spans.length) {
                spans = Arrays.copyOf(spans, 2 * count);
            }
            spans[count++] = new Span(name, array, from, to, output);
        }
        return this;
    }

    /** Throws naming the first output found to overlap another operand. */
    void check() {
        if (count <= PAIRWISE_LIMIT) {
            for (int i = 0; i < count; i++) {
                for (int j = i + 1; j < count; j++) {
                    Span x = spans[i];
                    Span y = spans[j];
                    if ((x.output() || y.output()) && x.array() == y.array() && x.from() < y.to() && y.from() < x.to()) {
                        throw clash(x.output() ? x : y, x.output() ? y : x);
                    }
                }
            }
            return;
        }
        // Number the arrays, sort by (array, start): a span overlaps an earlier one of its array exactly when it
        // starts before the largest end seen so far there (outputs checked against everything, inputs against outputs).
        java.util.IdentityHashMap<Object, Integer> ids = new java.util.IdentityHashMap<>();
        int[] id = new int[count];
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            id[i] = ids.computeIfAbsent(spans[i].array(), k -> ids.size());
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> id[i]).thenComparingLong(i -> spans[i].from()));
        Span widest = null;
        Span widestOutput = null;
        for (int r = 0; r < count; r++) {
            Span s = spans[order[r]];
            if (r > 0 && id[order[r]] != id[order[r - 1]]) {
                widest = null;
                widestOutput = null;
            }
            Span other = s.output() ? widest : widestOutput;
            if (other != null && s.from() < other.to()) {
                throw clash(s.output() ? s : other, s.output() ? other : s);
            }
            if (widest == null || s.to() > widest.to()) {
                widest = s;
            }
            if (s.output() && (widestOutput == null || s.to() > widestOutput.to())) {
                widestOutput = s;
            }
        }
    }

    private static InvalidArgumentException clash(Span out, Span other) {
        return new InvalidArgumentException(out.name(), "slots [" + out.from() + ", " + out.to() + ")",
                "an output that does not overlap " + other.name() + " (slots [" + other.from() + ", " + other.to()
                        + ") of the same array)");
    }
}
