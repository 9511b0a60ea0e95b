package org.fusemath.blas;

import static org.fusemath.blas.RoutineChecks.length;
import static org.fusemath.blas.RoutineChecks.sameType;
import static org.fusemath.blas.RoutineChecks.scalar;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.blas.device.CublasRoutines;
import org.fusemath.blas.host.OpenBlasRoutines;

/** The level-1 routines as {@link RoutineCall}s: each one's checks, then its host and device kernels. */
final class Level1Calls {
    private Level1Calls() {
    }

    /** xᵀy, or xᴴy when {@code conjugateX}. */
    record Dot(boolean conjugateX, HostVector x, HostVector y) implements RoutineCall<Scalar> {
        static Dot of(boolean conjugateX, HostVector x, HostVector y) {
            sameType("x", x, "y", y);
            length("y", y, x.length(), "as x");
            return new Dot(conjugateX, x, y);
        }

        @Override
        public String routine() {
            return conjugateX ? "dotc" : "dot";
        }

        @Override
        public Scalar onHost(FuseContext context) {
            return OpenBlasRoutines.dot(conjugateX, x, y);
        }

        @Override
        public Scalar onDevice(FuseContext context) {
            return CublasRoutines.dot(context, conjugateX, x, y);
        }
    }

    /** y = alpha·x + y. */
    record Axpy(Scalar alpha, HostVector x, HostVector y) implements RoutineCall<Void> {
        static Axpy of(Scalar alpha, HostVector x, HostVector y) {
            DType t = sameType("x", x, "y", y);
            scalar("alpha", alpha, t);
            length("y", y, x.length(), "as x");
            new Overlaps().add("x", x, false).add("y", y, true).check();
            return new Axpy(alpha, x, y);
        }

        @Override
        public String routine() {
            return "axpy";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.axpy(alpha, x, y);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.axpy(context, alpha, x, y);
            return null;
        }
    }

    /** x = alpha·x. */
    record Scal(Scalar alpha, HostVector x) implements RoutineCall<Void> {
        static Scal of(Scalar alpha, HostVector x) {
            scalar("alpha", alpha, sameType("x", x));
            return new Scal(alpha, x);
        }

        @Override
        public String routine() {
            return "scal";
        }

        @Override
        public Void onHost(FuseContext context) {
            OpenBlasRoutines.scal(alpha, x);
            return null;
        }

        @Override
        public Void onDevice(FuseContext context) {
            CublasRoutines.scal(context, alpha, x);
            return null;
        }
    }

    /**
     * A reduction of one vector (nrm2, asum, iamax): the same check for all three, the kernels given as data.
     *
     * @param <R> the result: Double for the norms, Integer for the index
     */
    record Reduction<R>(String routine, HostVector x, Function<HostVector, R> host,
                        BiFunction<FuseContext, HostVector, R> device) implements RoutineCall<R> {
        /** ‖x‖₂. */
        static Reduction<Double> nrm2(HostVector x) {
            return of("nrm2", x, OpenBlasRoutines::nrm2, CublasRoutines::nrm2);
        }

        /** Σ |Re xᵢ| + |Im xᵢ|. */
        static Reduction<Double> asum(HostVector x) {
            return of("asum", x, OpenBlasRoutines::asum, CublasRoutines::asum);
        }

        /** The 0-based index of the first largest |Re| + |Im|, -1 when empty. */
        static Reduction<Integer> iamax(HostVector x) {
            return of("iamax", x, OpenBlasRoutines::iamax, CublasRoutines::iamax);
        }

        private static <R> Reduction<R> of(String routine, HostVector x, Function<HostVector, R> host,
                                           BiFunction<FuseContext, HostVector, R> device) {
            sameType("x", x);
            return new Reduction<>(routine, x, host, device);
        }

        @Override
        public R onHost(FuseContext context) {
            return host.apply(x);
        }

        @Override
        public R onDevice(FuseContext context) {
            return device.apply(context, x);
        }
    }
}
