package org.fusemath.fft.device;

import java.util.Arrays;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.KernelSource;

/**
 * One launch of the staging kernel that copies an N-D strided device array into a dense C-order array of the
 * transform's shape, cropping each axis to the shorter of the two extents, writing zeros past the source (numpy.fft's
 * {@code n}/{@code s} zero-padding) and, when asked, widening real elements to interleaved complex ones with a zero
 * imaginary part (NumPy's promotion of a real input to a complex transform). It is a plain description: its CUDA C
 * source (one generated entry per precision, element mode, rank and index width), its entry name and its launch
 * arguments in parameter order; tests execute the same arguments on the CPU. Immutable and thread-safe.
 */
public final class PadKernel {
    /** Above this many slots a 32-bit index could overflow (with a grid stride of up to 2^24 threads added): 64-bit. */
    static final long NARROW_LIMIT = 1L << 30;

    /** Most threads a launch starts; the grid-stride loop covers the rest. */
    static final long MAX_THREADS = 1L << 24;

    private final DType precision;
    private final boolean complexSource;
    private final boolean complexDestination;
    private final long[] destinationExtents;
    private final long[] copyExtents;
    private final long[] sourceStrides;
    private final long elements;
    private final long sourceSlots;
    private final boolean wide;

    private PadKernel(DType precision, boolean complexSource, boolean complexDestination, long[] destinationExtents,
            long[] copyExtents, long[] sourceStrides, long elements, long sourceSlots) {
        this.precision = precision;
        this.complexSource = complexSource;
        this.complexDestination = complexDestination;
        this.destinationExtents = destinationExtents;
        this.copyExtents = copyExtents;
        this.sourceStrides = sourceStrides;
        this.elements = elements;
        this.sourceSlots = sourceSlots;
        int width = complexDestination ? 2 : 1;
        this.wide = elements > NARROW_LIMIT / width || sourceSlots > NARROW_LIMIT;
    }

    /**
     * The launch staging a source of {@code sourceType} (F32, F64, C64 or C128) with {@code sourceShape} and element
     * {@code sourceStrides} (non-negative, from its first element) into a dense C-order array of
     * {@code destinationShape}, promoted to complex when {@code promote} (a real source only).
     *
     * @throws InvalidArgumentException naming the argument when a type, rank, extent or stride does not fit
     */
    public static PadKernel of(DType sourceType, long[] sourceShape, long[] sourceStrides, long[] destinationShape,
            boolean promote) {
        Arguments.requireNonNull(sourceType, "sourceType");
        Arguments.requireNonNull(sourceShape, "sourceShape");
        Arguments.requireNonNull(sourceStrides, "sourceStrides");
        Arguments.requireNonNull(destinationShape, "destinationShape");
        if (promote && sourceType.isComplex()) {
            throw new InvalidArgumentException("promote", "true for " + sourceType, "a real source (F32 or F64) to promote");
        }
        int rank = sourceShape.length;
        if (sourceStrides.length != rank || destinationShape.length != rank) {
            throw new InvalidArgumentException(sourceStrides.length != rank ? "sourceStrides" : "destinationShape",
                    "length " + (sourceStrides.length != rank ? sourceStrides.length : destinationShape.length),
                    "length " + rank + ", the source's rank");
        }
        long elements = 1;
        long span = 0;
        for (int d = 0; d < rank; d++) {
            Arguments.requireNonNegative("sourceShape[" + d + "]", sourceShape[d]);
            Arguments.requireNonNegative("sourceStrides[" + d + "]", sourceStrides[d]);
            Arguments.requireNonNegative("destinationShape[" + d + "]", destinationShape[d]);
            elements = Arguments.multiply("destination elements", elements, destinationShape[d]);
            long copied = Math.min(sourceShape[d], destinationShape[d]);
            if (copied > 0) {
                span = Arguments.add("source span", span, Arguments.multiply("source span", copied - 1, sourceStrides[d]));
            }
        }
        boolean complex = sourceType.isComplex();
        // Axes of extent 1 in the destination add nothing to an index (only element 0 is read): leave them out, so
        // a (1, n) operand runs the rank-1 kernel.
        int kept = 0;
        for (long e : destinationShape) {
            kept += e == 1 ? 0 : 1;
        }
        long[] n = new long[kept];
        long[] m = new long[kept];
        long[] t = new long[kept];
        boolean empty = false;
        for (int d = 0, k = 0; d < rank; d++) {
            long copied = Math.min(sourceShape[d], destinationShape[d]);
            empty |= copied == 0;
            if (destinationShape[d] != 1) {
                n[k] = destinationShape[d];
                m[k] = copied;
                t[k] = sourceStrides[d];
                k++;
            }
        }
        if (!empty) {
            // An axis copied whole (neither cropped nor padded) whose source is contiguous with the next-outer axis
            // merges into it: fewer divisions per element and fewer variants (a C-order array padded on its first
            // axis is one run of values, then zeros). Merging k into k-1 keeps every index and offset: j = j'n_k + j_k.
            int r = kept;
            for (int k = r - 1; k > 0; k--) {
                if (m[k] == n[k] && t[k - 1] == t[k] * n[k]) {
                    n[k - 1] *= n[k];
                    m[k - 1] *= n[k];
                    t[k - 1] = t[k];
                    System.arraycopy(n, k + 1, n, k, r - k - 1);
                    System.arraycopy(m, k + 1, m, k, r - k - 1);
                    System.arraycopy(t, k + 1, t, k, r - k - 1);
                    r--;
                }
            }
            n = Arrays.copyOf(n, r);
            m = Arrays.copyOf(m, r);
            t = Arrays.copyOf(t, r);
        }
        if (empty) {
            // No source element at all (an empty source axis): every destination element is zero.
            Arrays.fill(m, 0);
            if (kept == 0 && elements > 0) {
                // A single destination element and nothing to read: keep one axis of extent 1 to say so.
                n = new long[] {1};
                m = new long[] {0};
                t = new long[] {0};
            }
        }
        long slots = elements == 0 || empty ? 0
                : Arguments.multiply("source slots", Arguments.add("source span", span, 1), complex ? 2 : 1);
        return new PadKernel(sourceType.componentType(), complex, complex || promote, n, m, t, elements, slots);
    }

    /** The component type, F32 or F64. */
    public DType precision() {
        return precision;
    }

    /** Whether the source elements are interleaved complex. */
    public boolean complexSource() {
        return complexSource;
    }

    /** Whether the destination elements are interleaved complex (a complex source, or a promoted real one). */
    public boolean complexDestination() {
        return complexDestination;
    }

    /** The destination's element type. */
    public DType destinationType() {
        return complexDestination ? precision.complexType() : precision;
    }

    /** Destination elements written (every one: a copied value or zero). */
    public long elementCount() {
        return elements;
    }

    /** Bytes of the dense destination. */
    public long destinationBytes() {
        return Arguments.multiply("destination bytes", elements, destinationType().elementBytes());
    }

    /** Components of the source read, from its first element to its last one read (0 when none is read). */
    public long sourceSlots() {
        return sourceSlots;
    }

    /**
     * The kernel's rank: the destination's axes of extent other than 1, less those merged into their outer neighbour
     * (copied whole from a source contiguous across both).
     */
    public int rank() {
        return destinationExtents.length;
    }

    /** Whether indices are 64-bit (the destination or the source's span exceeds what 32-bit indexing covers). */
    public boolean wide() {
        return wide;
    }

    /** The entry point, e.g. {@code fusemath_fft_pad_f64_r2c_r2_i32}. */
    public String entry() {
        return "fusemath_fft_pad_" + (precision == DType.F32 ? "f32" : "f64") + "_" + mode() + "_r" + rank()
                + (wide ? "_i64" : "_i32");
    }

    private String mode() {
        return complexSource ? "c2c" : complexDestination ? "r2c" : "r2r";
    }

    /** Threads the launch starts: one per destination element, at most {@link #MAX_THREADS} (a grid-stride loop). */
    public long threads() {
        return Math.min(elements, MAX_THREADS);
    }

    /**
     * The launch arguments in parameter order, all 64-bit: destination address, source address (its first element),
     * destination element count, then the destination extents, the copied extents and the source's element strides,
     * one per kernel axis each (C order: the last varies fastest).
     */
    public long[] arguments(long destination, long source) {
        int r = rank();
        long[] a = new long[3 + 3 * r];
        a[0] = destination;
        a[1] = source;
        a[2] = elements;
        System.arraycopy(destinationExtents, 0, a, 3, r);
        System.arraycopy(copyExtents, 0, a, 3 + r, r);
        System.arraycopy(sourceStrides, 0, a, 3 + 2 * r, r);
        return a;
    }

    /** The CUDA C source of {@link #entry()} alone: generated, so each variant's text (and cache key) is stable. */
    public KernelSource source() {
        String real = precision == DType.F32 ? "float" : "double";
        String index = wide ? "long long" : "int";
        int r = rank();
        StringBuilder c = new StringBuilder(1024);
        c.append("// numpy.fft's n/s on device operands: copies a strided ").append(complexSource ? "complex" : "real")
                .append(" array into a dense C-order ").append(complexDestination ? "complex" : "real")
                .append(" one of the transform's shape,\n// cropping to the shorter extent per axis and writing zeros"
                        + " past the source (every destination element is written, so it needs no memset).\n");
        c.append("extern \"C\" __global__ void ").append(entry())
                .append("(unsigned long long dst, unsigned long long src, long long count");
        for (String p : new String[] {"n", "m", "t"}) {
            for (int k = 0; k < r; k++) {
                c.append(", long long ").append(p).append(k);
            }
        }
        c.append(") {\n");
        c.append("    const ").append(real).append("* s = (const ").append(real).append("*) src;\n");
        c.append("    ").append(real).append("* d = (").append(real).append("*) dst;\n");
        c.append("    for (").append(index).append(" i = blockIdx.x * (").append(index).append(") blockDim.x + threadIdx.x;"
                + " i < (").append(index).append(") count; i += (").append(index).append(") gridDim.x * blockDim.x) {\n");
        c.append("        ").append(index).append(" rest = i;\n");
        c.append("        ").append(index).append(" at = 0;\n");
        c.append("        bool inside = true;\n");
        // Only in-range indices add to the source offset, so it stays within the source's span (no overflow).
        for (int k = r - 1; k >= 0; k--) {
            c.append("        { ").append(index).append(" j = rest % (").append(index).append(") n").append(k)
                    .append("; rest /= (").append(index).append(") n").append(k).append("; if (j < (").append(index)
                    .append(") m").append(k).append(") at += j * (").append(index).append(") t").append(k)
                    .append("; else inside = false; }\n");
        }
        c.append("        ").append(real).append(" re = 0;\n");
        if (complexDestination) {
            c.append("        ").append(real).append(" im = 0;\n");
        }
        c.append("        if (inside) {\n");
        if (complexSource) {
            c.append("            re = s[2 * at];\n            im = s[2 * at + 1];\n");
        } else {
            c.append("            re = s[at];\n");
        }
        c.append("        }\n");
        if (complexDestination) {
            c.append("        d[2 * i] = re;\n        d[2 * i + 1] = im;\n");
        } else {
            c.append("        d[i] = re;\n");
        }
        c.append("    }\n}\n");
        return new KernelSource(entry() + ".cu", c.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PadKernel k && precision == k.precision && complexSource == k.complexSource
                && complexDestination == k.complexDestination && Arrays.equals(destinationExtents, k.destinationExtents)
                && Arrays.equals(copyExtents, k.copyExtents) && Arrays.equals(sourceStrides, k.sourceStrides);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(destinationExtents) * 31 + Arrays.hashCode(copyExtents) * 7 + Arrays.hashCode(sourceStrides)
                + precision.hashCode() + (complexSource ? 1 : 0) + (complexDestination ? 2 : 0);
    }

    @Override
    public String toString() {
        return entry() + "(extents " + Arrays.toString(destinationExtents) + ", copied " + Arrays.toString(copyExtents)
                + ", source strides " + Arrays.toString(sourceStrides) + ")";
    }
}
