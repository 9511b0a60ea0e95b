package org.fusemath.blas;

import static org.fusemath.blas.RoutineChecks.dims;
import static org.fusemath.blas.RoutineChecks.sameType;
import static org.fusemath.blas.RoutineChecks.scalar;
import static org.fusemath.blas.RoutineChecks.single;
import static org.fusemath.blas.RoutineChecks.square;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.device.CublasRoutines;
import org.fusemath.blas.host.OpenBlasRoutines;

/**
 * The level-3 routines as {@link RoutineCall}s: each one's checks, its storage-order rewrite (BLAS takes all
 * matrices of a call in one order, the output's; see {@link StorageOrders}), then its host and device kernels.
 */
final class Level3Calls {
    private Level3Calls() {
    }

    /** trsm (op(A)·X = alpha·B or X·op(A) = alpha·B, X over B) when {@code solve}, trmm (B = alpha·op(A)·B or alpha·B·op(A)) otherwise. */
    record Triangular(boolean solve, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a, HostMatrix b)
            implements RoutineCall<Void> {
        static Triangular of(boolean solve, Side side, Uplo uplo, Op op, Diag diag, Scalar alpha, HostMatrix a,
                             HostMatrix b) {
            DType t = sameType("a", a, "b", b);
            Arguments.requireNonNull(side, "side");
            Arguments.requireNonNull(uplo, "uplo");
            Arguments.requireNonNull(diag, "diag");
            RoutineChecks.op("op", op);
            scalar("alpha", alpha, t);
            MatrixShape sa = square("a", a);
            MatrixShape sb = single("b", b);
            long needed = side == Side.LEFT ? sb.rows() : sb.cols();
            if (sa.rows() != needed) {
                throw new ShapeMismatchException("a", sa.rows() + "x" + sa.cols(), needed + "x" + needed
                        + " (the " + (side == Side.LEFT ? "rows" : "columns") + " of B)");
            }
            new Overlaps().add("a", a, false).add("b", b, true).check();
            if (sa.layout() != sb.layout()) {
                if (t.isComplex() && op == Op.CONJUGATE_TRANSPOSE) {
                    // Aᴴ of the transposed view would be a conjugate without transpose, which BLAS lacks.
                    a = StorageOrders.copyIn(a, sb.layout());
                } else {
                    // A's storage read in B's order is Aᵀ, a triangle of the other kind: op(A) = op'(Aᵀ).
                    a = StorageOrders.transposedView(a);
                    uplo = uplo.flipped();
                    op = op == Op.NONE ? Op.TRANSPOSE : Op.NONE;
                }
            }
            return new Triangular(solve, side, uplo, op, diag, alpha, a, b);
        }

        @Override
        public String routine() {
            return solve ? "trsm" : "trmm";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.triangular(context, solve, side, uplo, op, diag, alpha, a, b);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.triangular(context, solve, side, uplo, op, diag, alpha, a, b);
            return null;
        }
    }

    /** C = alpha·op(A)·op(A)ᵀ + beta·C on one triangle. */
    record Syrk(Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta, HostMatrix c) implements RoutineCall<Void> {
        static Syrk of(Uplo uplo, Op op, Scalar alpha, HostMatrix a, Scalar beta, HostMatrix c) {
            DType t = sameType("a", a, "c", c);
            Arguments.requireNonNull(uplo, "uplo");
            if (RoutineChecks.op("op", op) == Op.CONJUGATE_TRANSPOSE && t.isComplex()) {
                throw new InvalidArgumentException("op", op, "NONE or TRANSPOSE for syrk (herk takes CONJUGATE_TRANSPOSE)");
            }
            scalar("alpha", alpha, t);
            scalar("beta", beta, t);
            rankK(op, a, c);
            if (op == Op.CONJUGATE_TRANSPOSE) {
                op = Op.TRANSPOSE; // a real type: the same product
            }
            if (a.shape().layout() != c.shape().layout()) {
                // op(A)·op(A)ᵀ with A read as its transpose is the same product with the other op.
                a = StorageOrders.transposedView(a);
                op = op == Op.NONE ? Op.TRANSPOSE : Op.NONE;
            }
            return new Syrk(uplo, op, alpha, a, beta, c);
        }

        @Override
        public String routine() {
            return "syrk";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.syrk(context, uplo, op, alpha, a, beta, c);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.syrk(context, uplo, op, alpha, a, beta, c);
            return null;
        }
    }

    /** C = alpha·op(A)·op(A)ᴴ + beta·C on one triangle (complex types). */
    record Herk(Uplo uplo, Op op, double alpha, HostMatrix a, double beta, HostMatrix c) implements RoutineCall<Void> {
        static Herk of(Uplo uplo, Op op, double alpha, HostMatrix a, double beta, HostMatrix c) {
            DType t = sameType("a", a, "c", c);
            Arguments.requireNonNull(uplo, "uplo");
            if (!t.isComplex()) {
                throw new InvalidArgumentException("a", "a " + t + " matrix", "C64 or C128 for herk (syrk serves real types)");
            }
            if (RoutineChecks.op("op", op) == Op.TRANSPOSE) {
                throw new InvalidArgumentException("op", op, "NONE or CONJUGATE_TRANSPOSE for herk");
            }
            rankK(op, a, c);
            // Read as its transpose, A would need op TRANSPOSE, which herk does not take: copy it instead.
            return new Herk(uplo, op, alpha, StorageOrders.copyIn(a, c.shape().layout()), beta, c);
        }

        @Override
        public String routine() {
            return "herk";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.herk(context, uplo, op, alpha, a, beta, c);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.herk(context, uplo, op, alpha, a, beta, c);
            return null;
        }
    }

    /** The shape and aliasing checks syrk and herk share: C is n×n for the n rows of op(A). */
    private static void rankK(Op op, HostMatrix a, HostMatrix c) {
        MatrixShape sa = single("a", a);
        MatrixShape sc = square("c", c);
        long n = op.rowsOf(sa.rows(), sa.cols());
        if (sc.rows() != n) {
            throw new ShapeMismatchException("c", sc.rows() + "x" + sc.cols(), n + "x" + n + " (the rows of op(A))");
        }
        new Overlaps().add("a", a, false).add("c", c, true).check();
    }

    /** C = alpha·A·B + beta·C (LEFT) or alpha·B·A + beta·C (RIGHT), A symmetric. */
    record Symm(Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c)
            implements RoutineCall<Void> {
        static Symm of(Side side, Uplo uplo, Scalar alpha, HostMatrix a, HostMatrix b, Scalar beta, HostMatrix c) {
            DType t = sameType("a", a, "b", b, "c", c);
            Arguments.requireNonNull(side, "side");
            Arguments.requireNonNull(uplo, "uplo");
            scalar("alpha", alpha, t);
            scalar("beta", beta, t);
            MatrixShape sa = square("a", a);
            MatrixShape sb = single("b", b);
            MatrixShape sc = single("c", c);
            dims("c", sc, sb.rows(), sb.cols());
            long needed = side == Side.LEFT ? sb.rows() : sb.cols();
            if (sa.rows() != needed) {
                throw new ShapeMismatchException("a", sa.rows() + "x" + sa.cols(), needed + "x" + needed);
            }
            new Overlaps().add("a", a, false).add("b", b, false).add("c", c, true).check();
            if (sa.layout() != sc.layout()) {
                // A symmetric matrix is its own transpose; only the stored triangle changes sides.
                a = StorageOrders.transposedView(a);
                uplo = uplo.flipped();
            }
            return new Symm(side, uplo, alpha, a, StorageOrders.copyIn(b, sc.layout()), beta, c);
        }

        @Override
        public String routine() {
            return "symm";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.symm(context, side, uplo, alpha, a, b, beta, c);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.symm(context, side, uplo, alpha, a, b, beta, c);
            return null;
        }
    }
}
