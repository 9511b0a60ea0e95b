package org.fusemath.blas.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.device.CublasRoutine.Param;

/**
 * One cuBLAS level 1–3 call as plain data, in cuBLAS's column-major view ({@link RoutineDescriptions} builds it
 * from the checked host arguments): the routine and type (so the entry point), the flags, the sizes, the host
 * scalars, and each device operand with the host argument its image comes from. Built and checked on the CPU;
 * {@link #arguments} lays it out as the C call's argument list, which the GPU binding and the tests' CPU fake
 * both read by position.
 *
 * @param routine  the routine
 * @param dtype    element type (the entry point's type letter)
 * @param side     side of trsm, trmm, symm (null elsewhere)
 * @param fill     the triangle read (null where none)
 * @param trans    op of gemv, trsv, trsm, trmm, syrk, herk (null elsewhere)
 * @param diag     unit diagonal or not, for trsv, trsm, trmm (null elsewhere)
 * @param m        rows (level 2/3; 0 where the routine takes none)
 * @param n        columns, order or vector length
 * @param k        inner dimension of syrk and herk (0 elsewhere)
 * @param alpha    host alpha (null where the routine takes none)
 * @param beta     host beta (null where the routine takes none)
 * @param operands the device operands, each once
 */
public record CublasRoutineCall(CublasRoutine routine, DType dtype, Side side, Uplo fill, Op trans, Diag diag, long m,
                                long n, long k, Scalar alpha, Scalar beta, List<Operand> operands) {

    /** An operand's place in the C call: its pointer and leading-dimension (or increment) parameters. */
    public enum Role {
        /** Matrix A (lda). */
        A(Param.A, Param.LDA),
        /** Matrix B (ldb). */
        B(Param.B, Param.LDB),
        /** Matrix C (ldc). */
        C(Param.C, Param.LDC),
        /** Vector x (incx). */
        X(Param.X, Param.INCX),
        /** Vector y (incy). */
        Y(Param.Y, Param.INCY);

        private final Param pointer;
        private final Param ld;

        Role(Param pointer, Param ld) {
            this.pointer = pointer;
            this.ld = ld;
        }

        /** The pointer parameter. */
        public Param pointer() {
            return pointer;
        }

        /** The leading-dimension or increment parameter. */
        public Param ld() {
            return ld;
        }
    }

    /** The host argument of {@link org.fusemath.blas.Blas} an operand's device image is copied from and to. */
    public enum Source {
        /** Matrix a. */
        A,
        /** Matrix b. */
        B,
        /** Matrix c. */
        C,
        /** Vector x. */
        X,
        /** Vector y. */
        Y
    }

    /** How an operand's device image is filled before the call. */
    public enum Fill {
        /** Copied from the host argument. */
        UPLOAD,
        /** Copied from the host argument with every imaginary part negated (a conjugate cuBLAS cannot express). */
        UPLOAD_CONJUGATED,
        /** Zeroed: cuBLAS does not read it (beta = 0), and a stale NaN must not reach the result regardless. */
        ZERO
    }

    /** What comes back to the host argument after the call. */
    public enum Back {
        /** Nothing: the operand is read only. */
        NOTHING,
        /** The image's elements. */
        COPY,
        /** The image's elements with every imaginary part negated (undoing an {@link Fill#UPLOAD_CONJUGATED}). */
        CONJUGATED
    }

    /**
     * A device operand: its role in the call, the host argument its image holds (the image is the host
     * argument's span from its first element, so the host leading dimension or stride carries over), its
     * leading dimension or increment as cuBLAS reads it, and how it travels.
     *
     * @param role   role in the C call
     * @param source host argument
     * @param ld     leading dimension (matrices) or increment (vectors), in elements
     * @param fill   how the image is filled
     * @param back   what comes back
     */
    public record Operand(Role role, Source source, long ld, Fill fill, Back back) {
    }

    /** Checks that the call is complete for its routine: every operand parameter has its operand, once. */
    public CublasRoutineCall {
        if (!routine.supports(dtype)) {
            throw new IllegalArgumentException(routine + " has no " + dtype + " form");
        }
        operands = List.copyOf(operands);
        Map<Role, Operand> byRole = new EnumMap<>(Role.class);
        for (Operand o : operands) {
            if (byRole.put(o.role(), o) != null) {
                throw new IllegalArgumentException("two operands in role " + o.role());
            }
        }
        for (Role r : Role.values()) {
            boolean needed = routine.params().contains(r.pointer()) && !(routine == CublasRoutine.TRMM && r == Role.C);
            if (needed != byRole.containsKey(r)) {
                throw new IllegalArgumentException(routine + (needed ? " needs " : " takes no ") + "operand " + r);
            }
        }
    }

    /** The operand in {@code role}, or null. */
    public Operand operand(Role role) {
        for (Operand o : operands) {
            if (o.role() == role) {
                return o;
            }
        }
        return null;
    }

    /** Whether a size, leading dimension or increment exceeds int range, so that the {@code _64} entry point is called. */
    public boolean wide() {
        long largest = Math.max(m, Math.max(n, k));
        for (Operand o : operands) {
            largest = Math.max(largest, o.ld());
        }
        return largest > Integer.MAX_VALUE;
    }

    /** The C function called, e.g. {@code cublasZgemv_v2} or {@code cublasDtrsm_v2_64}. */
    public String entryPoint() {
        return routine.entryPoint(dtype, wide());
    }

    /**
     * The C call's arguments in {@link CublasRoutine#params()} order: the handle and device addresses as
     * {@code Long}, flags as their cuBLAS enum {@code Integer}, sizes as {@code Long}, alpha and beta as
     * {@link Scalar}, and null for the host result cell (the caller provides it). trmm's C is B (in place).
     *
     * @param handle    the cuBLAS handle
     * @param addresses device address of each {@link Role}'s image, indexed by ordinal
     */
    public List<Object> arguments(long handle, long[] addresses) {
        List<Object> args = new ArrayList<>();
        for (Param p : routine.params()) {
            args.add(switch (p) {
                case HANDLE -> handle;
                case SIDE -> CublasEnums.side(side);
                case FILL -> CublasEnums.fill(fill);
                case TRANS -> CublasEnums.op(trans);
                case DIAG -> CublasEnums.diag(diag);
                case M -> m;
                case N -> n;
                case K -> k;
                case ALPHA -> alpha;
                case BETA -> beta;
                case A, B, X, Y -> addresses[roleOf(p).ordinal()];
                case C -> addresses[inPlace(Role.C).ordinal()];
                case LDA, LDB, LDC, INCX, INCY -> operand(inPlace(roleOf(p))).ld();
                case RESULT -> null;
            });
        }
        return args;
    }

    private Role inPlace(Role r) {
        return routine == CublasRoutine.TRMM && r == Role.C ? Role.B : r;
    }

    private static Role roleOf(Param p) {
        for (Role r : Role.values()) {
            if (r.pointer() == p || r.ld() == p) {
                return r;
            }
        }
        throw new IllegalArgumentException(p + " is no operand parameter");
    }

    /** The call as text, for logs and messages. */
    public String describe() {
        StringBuilder s = new StringBuilder(entryPoint()).append('(');
        if (side != null) {
            s.append(side).append(", ");
        }
        if (fill != null) {
            s.append(fill).append(", ");
        }
        if (trans != null) {
            s.append(trans).append(", ");
        }
        if (diag != null) {
            s.append(diag).append(", ");
        }
        s.append("m=").append(m).append(", n=").append(n).append(", k=").append(k);
        if (alpha != null) {
            s.append(", alpha=").append(alpha);
        }
        if (beta != null) {
            s.append(", beta=").append(beta);
        }
        for (Operand o : operands) {
            s.append(", ").append(o.role()).append("=").append(o.source()).append(" ld=").append(o.ld());
            if (o.fill() != Fill.UPLOAD) {
                s.append(" ").append(o.fill());
            }
        }
        return s.append(')').toString();
    }
}
