package org.fusemath.blas.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Diag;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.Op;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.device.CublasRoutineCall.Back;
import org.fusemath.blas.device.CublasRoutineCall.Fill;
import org.fusemath.blas.device.CublasRoutineCall.Operand;
import org.fusemath.blas.device.CublasRoutineCall.Role;
import org.fusemath.blas.device.CublasRoutineCall.Source;

/**
 * Builds the {@link CublasRoutineCall} of each level 1–3 routine from arguments {@link org.fusemath.blas.Blas}
 * has checked (and, for level 3, brought into the output's storage order), in cuBLAS's column-major view.
 * A column-major matrix is passed as is. A row-major matrix is the column-major view of its transpose
 * (same memory, same leading dimension), so each routine is rewritten on the transposes, without copies:
 *
 * <ul>
 * <li>gemv, trsv: A read as Aᵀ: op NONE ↔ TRANSPOSE, m and n swap (trsv: the triangle flips). Aᴴ read from
 *     Aᵀ would be conj(Aᵀ), a conjugate without transpose that cuBLAS lacks: conjugating the equation instead,
 *     conj(y) = conj(alpha)·Aᵀ·conj(x) + conj(beta)·conj(y), the vectors' images are conjugated on the way in
 *     and out (O(n) on the host, beside the O(n²) call).</li>
 * <li>ger: A + alpha·x·yᵀ stored row-major is Aᵀ + alpha·y·xᵀ: x and y swap. gerc's Aᵀ + alpha·conj(y)·xᵀ
 *     conjugates the first vector, which cuBLAS's gerc (conjugating the second) cannot: it runs as geru on a
 *     conjugated image of y.</li>
 * <li>trsm, trmm, symm: the whole equation transposed: op(A)·B becomes Bᵀ·op(A)ᵀ, so the side and the triangle
 *     flip, op stays (op(A)ᵀ = op(Aᵀ-view) for N, T and C alike), m and n swap.</li>
 * <li>syrk: (op(A)·op(A)ᵀ)ᵀ is itself: the triangle flips and op NONE ↔ TRANSPOSE. herk: the transpose of
 *     op(A)·op(A)ᴴ is conj(op(A))·conj(op(A))ᴴ: the triangle flips and op NONE ↔ CONJUGATE_TRANSPOSE.</li>
 * </ul>
 *
 * <p>Real types take CONJUGATE_TRANSPOSE as TRANSPOSE and dotc/gerc as dot/ger. An empty problem gives no call
 * (null), except gemv with an empty x, which the host defines as y = beta·y: a scal of y by beta (on a zeroed
 * image when beta = 0, so that 0·NaN cannot arise). Outputs cuBLAS does not read (beta = 0) are zeroed images,
 * except syrk's and herk's C, whose other triangle must come back unchanged. Stateless.
 */
final class RoutineDescriptions {
    private RoutineDescriptions() {
    }

    /**
     * A planned call and the host views its operand images are copied from and to (vectors as 1×n
     * column-major matrices whose leading dimension is the stride).
     *
     * @param call  the call, or null when there is nothing to compute
     * @param views the host argument of each {@link Source} the call names
     */
    record Planned(CublasRoutineCall call, Map<Source, HostMatrix> views) {
    }

    /** Collects the operands and views of one call. */
    private static final class Builder {
        private final List<Operand> operands = new ArrayList<>();
        private final Map<Source, HostMatrix> views = new EnumMap<>(Source.class);

        Builder add(Role role, Source source, HostMatrix view, Fill fill, Back back) {
            operands.add(new Operand(role, source, view.shape().ld(), fill, back));
            views.put(source, view);
            return this;
        }

        Planned call(CublasRoutine routine, DType t, Side side, Uplo fill, Op trans, Diag diag, long m, long n, long k,
                     Scalar alpha, Scalar beta) {
            return new Planned(new CublasRoutineCall(routine, t, side, fill, trans, diag, m, n, k, alpha, beta, operands),
                    views);
        }
    }

    private static final Planned NOTHING = new Planned(null, Map.of());

    /** A vector as the 1×n column-major matrix with leading dimension = stride: the same elements. */
    static HostMatrix asMatrix(HostVector v) {
        return HostMatrix.of(v.dtype(), v.array(), new MatrixShape(1, 1, v.length(), Layout.COLUMN_MAJOR, v.stride(), 0,
                v.offset()));
    }

    private static boolean rowMajor(HostMatrix m) {
        return m.shape().layout() == Layout.ROW_MAJOR;
    }

    /** op for a real type: CONJUGATE_TRANSPOSE is TRANSPOSE. */
    private static Op effective(DType t, Op op) {
        return !t.isComplex() && op == Op.CONJUGATE_TRANSPOSE ? Op.TRANSPOSE : op;
    }

    private static Scalar conj(Scalar s) {
        return Scalar.of(s.re(), -s.im());
    }

    private static Fill output(Scalar beta) {
        return beta.isZero() ? Fill.ZERO : Fill.UPLOAD;
    }

    // ---- level 1

    static Planned dot(boolean conjugateX, HostVector x, HostVector y) {
        if (x.length() == 0) {
            return NOTHING;
        }
        DType t = x.dtype();
        return new Builder().add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.NOTHING)
                .add(Role.Y, Source.Y, asMatrix(y), Fill.UPLOAD, Back.NOTHING)
                .call(conjugateX && t.isComplex() ? CublasRoutine.DOTC : CublasRoutine.DOT, t, null, null, null, null, 0,
                        x.length(), 0, null, null);
    }

    static Planned axpy(Scalar alpha, HostVector x, HostVector y) {
        if (x.length() == 0) {
            return NOTHING;
        }
        return new Builder().add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.NOTHING)
                .add(Role.Y, Source.Y, asMatrix(y), Fill.UPLOAD, Back.COPY)
                .call(CublasRoutine.AXPY, x.dtype(), null, null, null, null, 0, x.length(), 0, alpha, null);
    }

    static Planned scal(Scalar alpha, HostVector x) {
        if (x.length() == 0) {
            return NOTHING;
        }
        return new Builder().add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.COPY)
                .call(CublasRoutine.SCAL, x.dtype(), null, null, null, null, 0, x.length(), 0, alpha, null);
    }

    /** nrm2, asum or iamax of x. */
    static Planned reduction(CublasRoutine routine, HostVector x) {
        if (x.length() == 0) {
            return NOTHING;
        }
        return new Builder().add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.NOTHING)
                .call(routine, x.dtype(), null, null, null, null, 0, x.length(), 0, null, null);
    }

    // ---- level 2

    static Planned gemv(Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta, HostVector y) {
        DType t = a.dtype();
        Op o = effective(t, op);
        if (y.length() == 0) {
            return NOTHING;
        }
        if (x.length() == 0) {
            return new Builder().add(Role.X, Source.Y, asMatrix(y), output(beta), Back.COPY)
                    .call(CublasRoutine.SCAL, t, null, null, null, null, 0, y.length(), 0, beta, null);
        }
        MatrixShape s = a.shape();
        Builder b = new Builder();
        if (!rowMajor(a)) {
            return b.add(Role.A, Source.A, a, Fill.UPLOAD, Back.NOTHING)
                    .add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.NOTHING)
                    .add(Role.Y, Source.Y, asMatrix(y), output(beta), Back.COPY)
                    .call(CublasRoutine.GEMV, t, null, null, o, null, s.rows(), s.cols(), 0, alpha, beta);
        }
        boolean conjugate = o == Op.CONJUGATE_TRANSPOSE;
        b.add(Role.A, Source.A, a, Fill.UPLOAD, Back.NOTHING)
                .add(Role.X, Source.X, asMatrix(x), conjugate ? Fill.UPLOAD_CONJUGATED : Fill.UPLOAD, Back.NOTHING)
                .add(Role.Y, Source.Y, asMatrix(y), beta.isZero() ? Fill.ZERO : conjugate ? Fill.UPLOAD_CONJUGATED
                        : Fill.UPLOAD, conjugate ? Back.CONJUGATED : Back.COPY);
        Op viewOp = o == Op.TRANSPOSE ? Op.NONE : conjugate ? Op.NONE : Op.TRANSPOSE;
        return b.call(CublasRoutine.GEMV, t, null, null, viewOp, null, s.cols(), s.rows(), 0,
                conjugate ? conj(alpha) : alpha, conjugate ? conj(beta) : beta);
    }

    static Planned ger(boolean conjugateY, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
        DType t = a.dtype();
        MatrixShape s = a.shape();
        if (s.rows() == 0 || s.cols() == 0) {
            return NOTHING;
        }
        boolean conjugate = conjugateY && t.isComplex();
        Builder b = new Builder().add(Role.A, Source.A, a, Fill.UPLOAD, Back.COPY);
        if (!rowMajor(a)) {
            return b.add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.NOTHING)
                    .add(Role.Y, Source.Y, asMatrix(y), Fill.UPLOAD, Back.NOTHING)
                    .call(conjugate ? CublasRoutine.GERC : CublasRoutine.GER, t, null, null, null, null, s.rows(), s.cols(),
                            0, alpha, null);
        }
        return b.add(Role.X, Source.Y, asMatrix(y), conjugate ? Fill.UPLOAD_CONJUGATED : Fill.UPLOAD, Back.NOTHING)
                .add(Role.Y, Source.X, asMatrix(x), Fill.UPLOAD, Back.NOTHING)
                .call(CublasRoutine.GER, t, null, null, null, null, s.cols(), s.rows(), 0, alpha, null);
    }

    static Planned trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
        DType t = a.dtype();
        Op o = effective(t, op);
        if (x.length() == 0) {
            return NOTHING;
        }
        Builder b = new Builder().add(Role.A, Source.A, a, Fill.UPLOAD, Back.NOTHING);
        if (!rowMajor(a)) {
            return b.add(Role.X, Source.X, asMatrix(x), Fill.UPLOAD, Back.COPY)
                    .call(CublasRoutine.TRSV, t, null, uplo, o, diag, 0, x.length(), 0, null, null);
        }
        boolean conjugate = o == Op.CONJUGATE_TRANSPOSE;
        Op viewOp = o == Op.TRANSPOSE || conjugate ? Op.NONE : Op.TRANSPOSE;
        return b.add(Role.X, Source.X, asMatrix(x), conjugate ? Fill.UPLOAD_CONJUGATED : Fill.UPLOAD,
                        conjugate ? Back.CONJUGATED : Back.COPY)
                .call(CublasRoutine.TRSV, t, null, uplo.flipped(), viewOp, diag, 0, x.length(), 0, null, null);
    }

    // ---- level 3 (the operands share the output's storage order)

    private static void sameOrder(HostMatrix output, HostMatrix... others) {
        for (HostMatrix m : others) {
            if (m.shape().layout() != output.shape().layout()) {
                throw new IllegalArgumentException("level-3 operands must share the output's storage order");
            }
        }
    }

    /** trsm when {@code solve}, trmm otherwise. */
    static Planned triangular(boolean solve, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                              HostMatrix b) {
        sameOrder(b, a);
        DType t = a.dtype();
        MatrixShape s = b.shape();
        if (s.rows() == 0 || s.cols() == 0) {
            return NOTHING;
        }
        boolean row = rowMajor(b);
        return new Builder().add(Role.A, Source.A, a, Fill.UPLOAD, Back.NOTHING)
                .add(Role.B, Source.B, b, Fill.UPLOAD, Back.COPY)
                .call(solve ? CublasRoutine.TRSM : CublasRoutine.TRMM, t,
                        row ? (side == Side.LEFT ? Side.RIGHT : Side.LEFT) : side, row ? uplo.flipped() : uplo,
                        effective(t, op), diag, row ? s.cols() : s.rows(), row ? s.rows() : s.cols(), 0, alpha, null);
    }

    static Planned syrk(Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta, HostMatrix c) {
        return rankK(CublasRoutine.SYRK, Op.TRANSPOSE, uplo, op, alpha, a, beta, c);
    }

    static Planned herk(Uplo uplo, Op op, double alpha, HostMatrix a, double beta, HostMatrix c) {
        return rankK(CublasRoutine.HERK, Op.CONJUGATE_TRANSPOSE, uplo, op, Scalar.of(alpha), a, Scalar.of(beta), c);
    }

    /** syrk or herk, whose non-NONE op is {@code other}. */
    private static Planned rankK(CublasRoutine routine, Op other, Uplo uplo, Op op, Scalar alpha, HostMatrix a,
                                 Scalar beta, HostMatrix c) {
        sameOrder(c, a);
        MatrixShape sa = a.shape();
        long n = c.shape().rows();
        if (n == 0) {
            return NOTHING;
        }
        long k = op == Op.NONE ? sa.cols() : sa.rows();
        boolean row = rowMajor(c);
        Op viewOp = row ? (op == Op.NONE ? other : Op.NONE) : (op == Op.NONE ? Op.NONE : other);
        // C is uploaded even when beta = 0 (cuBLAS does not read it then): its other triangle comes back as it was.
        return new Builder().add(Role.A, Source.A, a, Fill.UPLOAD, Back.NOTHING)
                .add(Role.C, Source.C, c, Fill.UPLOAD, Back.COPY)
                .call(routine, a.dtype(), null, row ? uplo.flipped() : uplo, viewOp, null, 0, n, k, alpha, beta);
    }

    static Planned symm(Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
        sameOrder(c, a, b);
        MatrixShape s = c.shape();
        if (s.rows() == 0 || s.cols() == 0) {
            return NOTHING;
        }
        boolean row = rowMajor(c);
        return new Builder().add(Role.A, Source.A, a, Fill.UPLOAD, Back.NOTHING)
                .add(Role.B, Source.B, b, Fill.UPLOAD, Back.NOTHING)
                .add(Role.C, Source.C, c, output(beta), Back.COPY)
                .call(CublasRoutine.SYMM, a.dtype(), row ? (side == Side.LEFT ? Side.RIGHT : Side.LEFT) : side,
                        row ? uplo.flipped() : uplo, null, null, row ? s.cols() : s.rows(), row ? s.rows() : s.cols(), 0,
                        alpha, beta);
    }
}
