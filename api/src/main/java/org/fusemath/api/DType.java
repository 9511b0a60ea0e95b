package org.fusemath.api;

import java.util.Locale;

/** The element types fusemath computes in; complex values are stored interleaved (re, im) as EJML does. */
public enum DType {
    /** IEEE-754 binary32. */
    F32(4, false, "<f4", 0x1p-24),
    /** IEEE-754 binary64. */
    F64(8, false, "<f8", 0x1p-53),
    /** Complex of two binary32 values. */
    C64(8, true, "<c8", 0x1p-24),
    /** Complex of two binary64 values. */
    C128(16, true, "<c16", 0x1p-53);

    private final int elementBytes;
    private final boolean complex;
    private final String numpyDescr;
    private final double unitRoundoff;

    DType(int elementBytes, boolean complex, String numpyDescr, double unitRoundoff) {
        this.elementBytes = elementBytes;
        this.complex = complex;
        this.numpyDescr = numpyDescr;
        this.unitRoundoff = unitRoundoff;
    }

    /** Bytes per element (a complex element counts both parts). */
    public int elementBytes() {
        return elementBytes;
    }

    /** Whether elements are complex. */
    public boolean isComplex() {
        return complex;
    }

    /** Array slots per element: 2 for complex (re, im), 1 otherwise. */
    public int slotsPerElement() {
        return complex ? 2 : 1;
    }

    /** Whether the backing Java array is {@code float[]} (F32, C64) rather than {@code double[]}. */
    public boolean isSinglePrecision() {
        return this == F32 || this == C64;
    }

    /**
     * The length of {@code data}, which must be this type's backing array ({@code float[]} for F32/C64,
     * {@code double[]} for F64/C128); otherwise an exception naming {@code name}.
     */
    public int arrayLength(String name, Object data) {
        Arguments.requireNonNull(data, name);
        if (isSinglePrecision() ? data instanceof float[] : data instanceof double[]) {
            return java.lang.reflect.Array.getLength(data);
        }
        throw new InvalidArgumentException(name, data.getClass().getSimpleName(),
                (isSinglePrecision() ? "a float[]" : "a double[]") + " for " + this);
    }

    /** The real type of one component: F32 for C64, F64 for C128, itself for real types. */
    public DType componentType() {
        return switch (this) {
            case C64 -> F32;
            case C128 -> F64;
            default -> this;
        };
    }

    /** The complex type with this component type. */
    public DType complexType() {
        return switch (this) {
            case F32, C64 -> C64;
            case F64, C128 -> C128;
        };
    }

    /** Unit roundoff u = ε/2 of the component type (2⁻²⁴ or 2⁻⁵³), the unit error bounds are stated in. */
    public double unitRoundoff() {
        return unitRoundoff;
    }

    /** NumPy's little-endian type string ({@code <f4}, {@code <f8}, {@code <c8}, {@code <c16}). */
    public String numpyDescr() {
        return numpyDescr;
    }

    /** The dtype for a NumPy type string; accepts {@code <} and {@code =} byte orders only. */
    public static DType fromNumpyDescr(String descr) {
        Arguments.requireNonNull(descr, "descr");
        String normalized = descr.startsWith("=") ? "<" + descr.substring(1) : descr;
        for (DType t : values()) {
            if (t.numpyDescr.equals(normalized)) {
                return t;
            }
        }
        throw new InvalidArgumentException("descr", "'" + descr + "'",
                "one of <f4, <f8, <c8, <c16 (little-endian float32, float64, complex64, complex128)");
    }

    /** Parses a name such as {@code f64}, {@code F32}, {@code c128} case-insensitively. */
    public static DType parse(String name) {
        Arguments.requireNonNull(name, "name");
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("dtype", "'" + name + "'", "one of F32, F64, C64, C128");
        }
    }
}
