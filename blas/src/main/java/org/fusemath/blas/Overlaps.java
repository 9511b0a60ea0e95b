package org.fusemath.blas;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;

/**
 * Rejects outputs that share array slots with any other operand of a call. Spans are compared per array
 * as slot ranges [first, end), so interleaved views that do not touch are rejected too (conservative).
 */
final class Overlaps {
    private record Span(String name, long from, long to, boolean output) {
    }

    private final Map<Object, List<Span>> byArray = new IdentityHashMap<>();

    Overlaps add(String name, HostMatrix m, boolean output) {
        long slots = m.dtype().slotsPerElement();
        return add(name, m.array(), m.shape().offset() * slots, m.shape().requiredElements() * slots, output);
    }

    Overlaps add(String name, HostVector v, boolean output) {
        return add(name, v.array(), v.firstSlot(), v.endSlot(), output);
    }

    Overlaps add(String name, Object array, long from, long to, boolean output) {
        if (to > from) {
            byArray.computeIfAbsent(array, k -> new ArrayList<>()).add(new Span(name, from, to, output));
        }
        return this;
    }

    /** Throws naming the first output found to overlap another operand. */
    void check() {
        for (List<Span> spans : byArray.values()) {
            if (spans.size() < 2) {
                continue;
            }
            // Sorted by start, a span overlaps an earlier one exactly when it starts before the largest end so far.
            spans.sort((x, y) -> Long.compare(x.from(), y.from()));
            Span widest = null;
            Span widestOutput = null;
            for (Span s : spans) {
                Span clash = s.output() ? widest : widestOutput;
                if (clash != null && s.from() < clash.to()) {
                    Span out = s.output() ? s : clash;
                    Span other = out == s ? clash : s;
                    throw new InvalidArgumentException(out.name(), "slots [" + out.from() + ", " + out.to() + ")",
                            "an output that does not overlap " + other.name() + " (slots [" + other.from() + ", "
                                    + other.to() + ") of the same array)");
                }
                if (widest == null || s.to() > widest.to()) {
                    widest = s;
                }
                if (s.output() && (widestOutput == null || s.to() > widestOutput.to())) {
                    widestOutput = s;
                }
            }
        }
    }
}
