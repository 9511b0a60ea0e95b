package org.fusemath.fft.host;

import java.util.Optional;
import org.fusemath.api.spi.Availability;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;

/**
 * The default host FFT provider: JTransforms (pure Java, BSD-2-Clause), every kind, precision, length, axis set and
 * strided layout a spec describes, as successive batched 1-D passes. Stateless and thread-safe.
 */
public final class JTransformsProvider implements FftProvider {
    /** The largest array a Java program can allocate, in slots. */
    static final long MAX_SLOTS = Integer.MAX_VALUE - 8;

    @Override
    public String name() {
        return "jtransforms";
    }

    @Override
    public Availability availability() {
        return new JTransformsBackend().availability();
    }

    @Override
    public Optional<String> unsupported(FftSpec spec) {
        long need = Math.max(spec.inPlaceSlots(), org.fusemath.api.Arguments.multiply("input slots", 2, count(spec.inputShape())));
        for (long n : spec.lengths()) {
            if (2 * n + 2 > MAX_SLOTS) {
                return Optional.of("a transform length of " + n + " does not fit a Java array line");
            }
        }
        if (need > MAX_SLOTS) {
            return Optional.of("the operands need " + need + " slots, more than a Java array holds (" + MAX_SLOTS + ")");
        }
        return Optional.empty();
    }

    @Override
    public FftPlan plan(FftSpec spec, int threads) {
        unsupported(spec).ifPresent(reason -> {
            throw new org.fusemath.api.InvalidArgumentException("spec", spec, "a transform JTransforms can run: " + reason);
        });
        return new JTransformsPlan(spec, threads);
    }

    @Override
    public String describe() {
        return "jtransforms " + JTransformsBackend.declaredVersion() + " (1-D passes, one JTransforms thread, batches on"
                + " fusemath's threads)";
    }

    private static long count(long[] shape) {
        long c = 1;
        for (long d : shape) {
            c = org.fusemath.api.Arguments.multiply("element count", c, d);
        }
        return c;
    }
}
