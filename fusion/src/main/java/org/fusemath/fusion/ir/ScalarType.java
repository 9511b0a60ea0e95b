package org.fusemath.fusion.ir;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * The element type of an IR value: the real dtypes fusion computes in, and BOOL, the result of a comparison
 * (which only a {@link OpKind#WHERE} condition may consume; a BOOL value is never an input or output of a group).
 */
public enum ScalarType {
    /** A comparison's result (NumPy's {@code bool_}). */
    BOOL,
    /** IEEE-754 binary32: every operation's result is rounded to float. */
    F32,
    /** IEEE-754 binary64. */
    F64;

    /** The api dtype (F32, F64); BOOL has none. */
    public DType dtype() {
        return switch (this) {
            case F32 -> DType.F32;
            case F64 -> DType.F64;
            case BOOL -> throw new InvalidArgumentException("type", this, "F32 or F64 (BOOL has no storage dtype)");
        };
    }

    /** The IR type of a real dtype; complex dtypes are refused naming {@code what}. */
    public static ScalarType of(DType dtype, String what) {
        return switch (dtype) {
            case F32 -> F32;
            case F64 -> F64;
            default -> throw new UnsupportedTypeException(what, dtype + " (fusion computes in F32 and F64 only)");
        };
    }

    /** Bytes per element in memory (BOOL: 1, never stored by the planner). */
    public int bytes() {
        return switch (this) {
            case BOOL -> 1;
            case F32 -> 4;
            case F64 -> 8;
        };
    }

    /** NumPy's result type of two real operands: the wider. */
    public static ScalarType promote(ScalarType a, ScalarType b) {
        return a == F64 || b == F64 ? F64 : F32;
    }

    /** The lower-case NumPy name ({@code float32}, {@code float64}, {@code bool}). */
    public String numpyName() {
        return switch (this) {
            case BOOL -> "bool";
            case F32 -> "float32";
            case F64 -> "float64";
        };
    }
}
