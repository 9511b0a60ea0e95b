package org.fusemath.blas;

import static org.fusemath.blas.RoutineChecks.length;
import static org.fusemath.blas.RoutineChecks.sameType;
import static org.fusemath.blas.RoutineChecks.scalar;
import static org.fusemath.blas.RoutineChecks.single;
import static org.fusemath.blas.RoutineChecks.square;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.device.CublasRoutines;
import org.fusemath.blas.host.OpenBlasRoutines;

/**
 * The level-2 routines as {@link RoutineCall}s: each one's checks, then its host and device kernels. Both
 * providers take A in either storage order (the order is a call flag), so no rewrite is needed here.
 */
final class Level2Calls {
    private Level2Calls() {
    }

    /** y = alpha·op(A)·x + beta·y. */
    record Gemv(Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta, HostVector y)
            implements RoutineCall<Void> {
        static Gemv of(Op op, Scalar alpha, HostMatrix a, HostVector x, Scalar beta, HostVector y) {
            DType t = sameType("a", a, "x", x, "y", y);
            RoutineChecks.op("op", op);
            scalar("alpha", alpha, t);
            scalar("beta", beta, t);
            MatrixShape s = single("a", a);
            length("x", x, op.colsOf(s.rows(), s.cols()), "the columns of op(A)");
            length("y", y, op.rowsOf(s.rows(), s.cols()), "the rows of op(A)");
            new Overlaps().add("a", a, false).add("x", x, false).add("y", y, true).check();
            return new Gemv(op, alpha, a, x, beta, y);
        }

        @Override
        public String routine() {
            return "gemv";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.gemv(context, op, alpha, a, x, beta, y);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.gemv(context, op, alpha, a, x, beta, y);
            return null;
        }
    }

    /** A = alpha·x·yᵀ + A, or alpha·x·yᴴ + A when {@code conjugate} (ger, gerc). */
    record Rank1(boolean conjugate, Scalar alpha, HostVector x, HostVector y, HostMatrix a)
            implements RoutineCall<Void> {
        static Rank1 of(boolean conjugate, Scalar alpha, HostVector x, HostVector y, HostMatrix a) {
            DType t = sameType("a", a, "x", x, "y", y);
            scalar("alpha", alpha, t);
            MatrixShape s = single("a", a);
            length("x", x, s.rows(), "the rows of A");
            length("y", y, s.cols(), "the columns of A");
            new Overlaps().add("a", a, true).add("x", x, false).add("y", y, false).check();
            return new Rank1(conjugate, alpha, x, y, a);
        }

        @Override
        public String routine() {
            return conjugate ? "gerc" : "ger";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.ger(context, conjugate, alpha, x, y, a);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.ger(context, conjugate, alpha, x, y, a);
            return null;
        }
    }

    /** Solves op(A)·z = x for the triangular A, in place of x. */
    record Trsv(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) implements RoutineCall<Void> {
        static Trsv of(Uplo uplo, Op op, Diag diag, HostMatrix a, HostVector x) {
            sameType("a", a, "x", x);
            Arguments.requireNonNull(uplo, "uplo");
            Arguments.requireNonNull(diag, "diag");
            RoutineChecks.op("op", op);
            length("x", x, square("a", a).rows(), "the order of A");
            new Overlaps().add("a", a, false).add("x", x, true).check();
            return new Trsv(uplo, op, diag, a, x);
        }

        @Override
        public String routine() {
            return "trsv";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.trsv(uplo, op, diag, a, x);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.trsv(context, uplo, op, diag, a, x);
            return null;
        }
    }
}
