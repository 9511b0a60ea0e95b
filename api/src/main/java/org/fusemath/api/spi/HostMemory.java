package org.fusemath.api.spi;

import java.math.BigInteger;
import java.util.Locale;
import org.fusemath.api.DType;
import org.fusemath.api.ResourceLimitException;

/**
 * Whether the JVM can still give an array of a given size: checked before a command allocates a result whose
 * size its inputs decide, so that a too-large request ends in one line naming the size instead of an
 * {@link OutOfMemoryError}. Stateless and thread-safe.
 */
public final class HostMemory {
    /** The most slots one Java array holds on common VMs. */
    public static final long MAX_ARRAY_SLOTS = Integer.MAX_VALUE - 8;
    // Left free for the command's own temporaries (copies of inputs, I/O buffers) and the collector's headroom.
    private static final double MARGIN = 0.125;
    private static final long MARGIN_BYTES = 16L << 20;

    private HostMemory() {
    }

    /** Bytes the JVM can still allocate: the heap limit minus what is in use (a lower bound; garbage may free more). */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Throws a {@link ResourceLimitException} unless an array of {@code dtype} with {@code shape} fits one Java
     * array and what the JVM can give, less a margin of an eighth of the heap limit and 16 MiB; {@code what} names
     * it, e.g. {@code "the result of syrk"}.
     */
    public static void requireAllocatable(String what, DType dtype, long... shape) {
        BigInteger elements = BigInteger.ONE;
        for (long d : shape) {
            elements = elements.multiply(BigInteger.valueOf(Math.max(0, d)));
        }
        BigInteger slots = elements.multiply(BigInteger.valueOf(dtype.slotsPerElement()));
        BigInteger bytes = elements.multiply(BigInteger.valueOf(dtype.elementBytes()));
        String shapeText = shapeText(shape) + " " + dtype;
        if (slots.compareTo(BigInteger.valueOf(MAX_ARRAY_SLOTS)) > 0) {
            throw new ResourceLimitException(what + " (" + shapeText + ", " + mib(bytes) + ") is larger than one Java array"
                    + " can hold (" + MAX_ARRAY_SLOTS + " " + (dtype.isComplex() ? "real and imaginary parts" : "elements") + ")");
        }
        long max = Runtime.getRuntime().maxMemory();
        long usable = available() - (long) (MARGIN * max) - MARGIN_BYTES;
        if (bytes.compareTo(BigInteger.valueOf(Math.max(0, usable))) > 0) {
            System.gc();
            usable = available() - (long) (MARGIN * max) - MARGIN_BYTES;
            if (bytes.compareTo(BigInteger.valueOf(Math.max(0, usable))) > 0) {
                throw new ResourceLimitException(what + " (" + shapeText + ") needs " + mib(bytes) + " but the JVM can give "
                        + mib(BigInteger.valueOf(Math.max(0, usable))) + " (heap limit " + mib(BigInteger.valueOf(max))
                        + "); run java with a larger -Xmx, or use smaller inputs");
            }
        }
    }

    private static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return shape.length == 0 ? "scalar" : sb.toString();
    }

    private static String mib(BigInteger bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes.doubleValue() / (1 << 20));
    }
}
