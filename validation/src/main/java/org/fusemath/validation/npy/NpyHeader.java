package org.fusemath.validation.npy;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;

/**
 * The contents of a .npy header dictionary: element type and byte order ({@code descr}),
 * {@code fortran_order} and {@code shape}, checked as NumPy checks them.
 */
public final class NpyHeader {
    /** The most array slots a Java array may hold on common VMs. */
    static final long MAX_SLOTS = Integer.MAX_VALUE - 8;

    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
    private static final String ACCEPTED_DESCR = "one of '<f4', '<f8', '<c8', '<c16' (float32, float64, complex64, "
            + "complex128; byte order '>' big-endian and '='/'|' native are accepted too)";
    // NumPy leaves room after the dict so the growing axis can be rewritten in place.
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    private final DType dtype;
    private final ByteOrder byteOrder;
    private final boolean fortranOrder;
    private final long[] shape;

    /** A header for {@code dtype} stored with {@code byteOrder}, in Fortran or C order, with {@code shape}. */
    public NpyHeader(DType dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape) {
        this.dtype = Arguments.requireNonNull(dtype, "dtype");
        this.byteOrder = Arguments.requireNonNull(byteOrder, "byteOrder");
        this.fortranOrder = fortranOrder;
        this.shape = Arguments.requireNonNull(shape, "shape").clone();
        for (int i = 0; i < shape.length; i++) {
            Arguments.requireNonNegative("shape[" + i + "]", shape[i]);
        }
    }

    /** The little-endian header NumPy would write for {@code tensor}. */
    public static NpyHeader of(HostTensor tensor) {
        return new NpyHeader(tensor.dtype(), ByteOrder.LITTLE_ENDIAN, tensor.isFortranOrder(), tensor.shape());
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** The byte order of the stored values. */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** Whether elements are stored first-index-fastest. */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** A copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Elements in the array (1 for a scalar); may exceed what a Java array holds, see {@link #slotCount}. */
    public BigInteger elementCount() {
        BigInteger n = BigInteger.ONE;
        for (long d : shape) {
            n = n.multiply(BigInteger.valueOf(d));
        }
        return n;
    }

    /** Bytes of array data that follow the header. */
    public BigInteger dataBytes() {
        return elementCount().multiply(BigInteger.valueOf(dtype.elementBytes()));
    }

    /** NumPy's type string for this header, e.g. {@code <f8} or {@code >c16}. */
    public String descr() {
        return (byteOrder == ByteOrder.BIG_ENDIAN ? ">" : "<") + dtype.numpyDescr().substring(1);
    }

    /**
     * The dictionary text exactly as NumPy writes it (keys sorted, trailing ", ", spare spaces for the
     * growing axis), without the alignment padding and newline.
     */
    public String dictText() {
        StringBuilder sb = new StringBuilder("{'descr': '").append(descr()).append("', 'fortran_order': ")
                .append(fortranOrder ? "True" : "False").append(", 'shape': ").append(shapeRepr(shape)).append(", }");
        if (shape.length > 0) {
            long growthAxis = shape[fortranOrder ? shape.length - 1 : 0];
            sb.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(growthAxis).length())));
        }
        return sb.toString();
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    public static String shapeRepr(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Checks a parsed header literal as NumPy does and rejects what fusemath cannot hold. */
    static NpyHeader fromLiteral(Object literal, String source) {
        if (!(literal instanceof Map<?, ?> dict)) {
            throw new NpyFormatException(source, "header", PythonLiteral.repr(literal) + " (a " + PythonLiteral.typeName(literal) + ")",
                    "a dict with the keys 'descr', 'fortran_order' and 'shape'");
        }
        if (!dict.keySet().equals(KEYS)) {
            Set<String> missing = new TreeSet<>(KEYS);
            Set<String> extra = new TreeSet<>();
            for (Object k : dict.keySet()) {
                missing.remove(k instanceof String s ? s : "");
                if (!KEYS.contains(k)) {
                    extra.add(PythonLiteral.repr(k));
                }
            }
            throw new NpyFormatException(source, "header keys", PythonLiteral.repr(List.copyOf(dict.keySet())),
                    "exactly 'descr', 'fortran_order' and 'shape'"
                            + (missing.isEmpty() ? "" : "; missing " + missing)
                            + (extra.isEmpty() ? "" : "; unexpected " + extra));
        }
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeValue = dict.get("shape");
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new NpyFormatException(source, "fortran_order", PythonLiteral.repr(fortran), "True or False");
        }
        long[] shape = parseShape(shapeValue, source);
        DType dtype = parseDtype(descr, source);
        ByteOrder order = parseByteOrder((String) descr);
        NpyHeader header = new NpyHeader(dtype, order, fortranOrder, shape);
        BigInteger slots = header.elementCount().multiply(BigInteger.valueOf(dtype.slotsPerElement()));
        if (slots.compareTo(BigInteger.valueOf(MAX_SLOTS)) > 0) {
            throw new NpyFormatException(source, "shape", shapeRepr(shape),
                    "at most " + MAX_SLOTS + " " + (dtype.isComplex() ? "real and imaginary parts" : "elements")
                            + " in total (the limit of one Java array); this shape has " + slots);
        }
        return header;
    }

    private static long[] parseShape(Object value, String source) {
        if (!(value instanceof PythonLiteral.Tuple tuple)) {
            throw new NpyFormatException(source, "shape", PythonLiteral.repr(value) + " (a " + PythonLiteral.typeName(value) + ")",
                    "a tuple of non-negative integers such as (3, 4)");
        }
        long[] shape = new long[tuple.items().size()];
        for (int i = 0; i < shape.length; i++) {
            Object d = tuple.items().get(i);
            if (!(d instanceof Long l) || l < 0) {
                throw new NpyFormatException(source, "shape", PythonLiteral.repr(tuple),
                        "a tuple of non-negative integers; entry " + i + " is " + PythonLiteral.repr(d));
            }
            shape[i] = l;
        }
        return shape;
    }

    private static DType parseDtype(Object descr, String source) {
        if (!(descr instanceof String s)) {
            String what = descr instanceof List ? " (a structured dtype)" : " (a " + PythonLiteral.typeName(descr) + ")";
            throw new NpyFormatException(source, "descr", PythonLiteral.repr(descr) + what, ACCEPTED_DESCR);
        }
        String code = s.isEmpty() || "<>=|".indexOf(s.charAt(0)) < 0 ? s : s.substring(1);
        for (DType t : DType.values()) {
            if (t.numpyDescr().substring(1).equals(code)) {
                return t;
            }
        }
        throw new NpyFormatException(source, "descr", PythonLiteral.repr(s) + describeUnsupported(code), ACCEPTED_DESCR);
    }

    private static String describeUnsupported(String code) {
        if (code.isEmpty()) {
            return "";
        }
        return switch (code.charAt(0)) {
            case 'i', 'u' -> " (an integer type)";
            case 'b', '?' -> " (a boolean or byte type)";
            case 'O' -> " (Python objects)";
            case 'U', 'S', 'a' -> " (a string type)";
            case 'V' -> " (raw bytes or a record)";
            case 'M', 'm' -> " (a date/time type)";
            case 'f' -> " (a float width fusemath does not compute in)";
            case 'c' -> " (a complex width fusemath does not compute in)";
            default -> "";
        };
    }

    private static ByteOrder parseByteOrder(String descr) {
        return switch (descr.charAt(0)) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '<' -> ByteOrder.LITTLE_ENDIAN;
            // '=' and '|' (and no prefix) mean the writer's native order; NumPy assumes the reader's.
            default -> ByteOrder.nativeOrder();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype == dtype && h.byteOrder.equals(byteOrder)
                && h.fortranOrder == fortranOrder && Arrays.equals(h.shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + dtype.hashCode() + (fortranOrder ? 1 : 0);
    }

    @Override
    public String toString() {
        return "NpyHeader[" + descr() + " " + shapeRepr(shape) + (fortranOrder ? " F" : " C") + "]";
    }
}
