package org.fusemath.fft.device;

import org.fusemath.api.DType;
import org.fusemath.fft.FftKind;

/**
 * cuFFT's transform types ({@code cufftType}) with cufft.h's values, and the execute function each one uses;
 * {@code CufftAbiTest} compares the values with the preset's constants.
 */
public enum CufftType {
    /** Single-precision complex to complex. */
    C2C(0x29, "cufftExecC2C"),
    /** Single-precision real to complex. */
    R2C(0x2a, "cufftExecR2C"),
    /** Single-precision complex to real. */
    C2R(0x2c, "cufftExecC2R"),
    /** Double-precision complex to complex. */
    Z2Z(0x69, "cufftExecZ2Z"),
    /** Double-precision real to complex. */
    D2Z(0x6a, "cufftExecD2Z"),
    /** Double-precision complex to real. */
    Z2D(0x6c, "cufftExecZ2D");

    private final int value;
    private final String exec;

    CufftType(int value, String exec) {
        this.value = value;
        this.exec = exec;
    }

    /** The {@code cufftType} value. */
    public int value() {
        return value;
    }

    /** The execute entry point, e.g. {@code cufftExecZ2Z}. */
    public String execFunction() {
        return exec;
    }

    /** Whether this is a double-precision type. */
    public boolean isDouble() {
        return this == Z2Z || this == D2Z || this == Z2D;
    }

    /** Whether the execute call takes a direction (the complex-to-complex types). */
    public boolean takesDirection() {
        return this == C2C || this == Z2Z;
    }

    /** The kind of transform this type performs. */
    public FftKind kind() {
        return switch (this) {
            case C2C, Z2Z -> FftKind.C2C;
            case R2C, D2Z -> FftKind.R2C;
            case C2R, Z2D -> FftKind.C2R;
        };
    }

    /** The type for {@code kind} in {@code precision} (F32 or F64, the component type). */
    public static CufftType of(FftKind kind, DType precision) {
        boolean dbl = !precision.isSinglePrecision();
        return switch (kind) {
            case C2C -> dbl ? Z2Z : C2C;
            case R2C -> dbl ? D2Z : R2C;
            case C2R -> dbl ? Z2D : C2R;
        };
    }
}
