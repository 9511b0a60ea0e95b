package org.fusemath.validation.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * Which problem sizes {@code --sizes} keeps, by a case's largest dimension ({@link ProblemSize#largest}): a list of
 * {@code N} (exactly), {@code A-B} (inclusive), {@code -B} (up to) and {@code A-} (from). The empty filter keeps every
 * case. Immutable.
 */
public record SizeFilter(List<long[]> ranges) {
    /** Every size. */
    public static final SizeFilter ANY = new SizeFilter(List.of());

    /** Copies the ranges. */
    public SizeFilter {
        Arguments.requireNonNull(ranges, "ranges");
        List<long[]> copy = new ArrayList<>();
        for (long[] r : ranges) {
            copy.add(r.clone());
        }
        ranges = List.copyOf(copy);
    }

    /** Parses {@code --sizes} items such as {@code 7}, {@code 1-64}, {@code -33}, {@code 100-}. */
    public static SizeFilter parse(List<String> items) {
        List<long[]> ranges = new ArrayList<>();
        for (String raw : items) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            try {
                int dash = item.indexOf('-');
                if (dash < 0) {
                    long n = Long.parseLong(item);
                    ranges.add(new long[] {n, n});
                } else {
                    long lo = dash == 0 ? 0 : Long.parseLong(item.substring(0, dash));
                    long hi = dash == item.length() - 1 ? Long.MAX_VALUE : Long.parseLong(item.substring(dash + 1));
                    if (lo > hi) {
                        throw new NumberFormatException("empty range");
                    }
                    ranges.add(new long[] {lo, hi});
                }
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("--sizes", "'" + raw + "'",
                        "N, A-B, -B or A- (the largest dimension of a case's shape, e.g. 7,64-256)");
            }
        }
        return new SizeFilter(ranges);
    }

    /** Whether a case of this shape is kept (a shape without numbers is kept only by the empty filter). */
    public boolean accepts(String shape) {
        if (ranges.isEmpty()) {
            return true;
        }
        long n = ProblemSize.largest(shape);
        for (long[] r : ranges) {
            if (n >= r[0] && n <= r[1]) {
                return true;
            }
        }
        return false;
    }
}
