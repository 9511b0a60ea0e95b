package org.fusemath.blas.host;

import org.fusemath.blas.Op;

/**
 * A CBLAS transpose flag: N, T, C, and OpenBLAS's conjugate-no-transpose extension R (used when a
 * conjugate-transposed operand is stored in the other layout than the result).
 */
public enum Trans {
    /** No transpose ({@code CblasNoTrans}). */
    N(111),
    /** Transpose ({@code CblasTrans}). */
    T(112),
    /** Conjugate transpose ({@code CblasConjTrans}). */
    C(113),
    /** Conjugate without transpose ({@code CblasConjNoTrans}, an OpenBLAS extension: gemm and gemv only). */
    R(114);

    private final int code;

    Trans(int code) {
        this.code = code;
    }

    /** The CBLAS constant. */
    public int code() {
        return code;
    }

    /** Whether the operand's rows and columns swap. */
    public boolean transposes() {
        return this == T || this == C;
    }

    /** The same flag for a real type, where conjugation does nothing. */
    public Trans real() {
        return this == C ? T : this == R ? N : this;
    }

    /** The flag for an operand stored in the other layout than the call's order (its storage is the transpose). */
    public Trans flipped() {
        return switch (this) {
            case N -> T;
            case T -> N;
            case C -> R;
            case R -> C;
        };
    }

    /** The flag for a public {@link Op}. */
    public static Trans of(Op op) {
        return switch (op) {
            case NONE -> N;
            case TRANSPOSE -> T;
            case CONJUGATE_TRANSPOSE -> C;
        };
    }

    /** LAPACK's character for N, T, C. */
    public byte lapackChar() {
        return switch (this) {
            case N -> (byte) 'N';
            case T -> (byte) 'T';
            case C -> (byte) 'C';
            case R -> throw new IllegalStateException("LAPACK has no conjugate-no-transpose flag");
        };
    }
}
