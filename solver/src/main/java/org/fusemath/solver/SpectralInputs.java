package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Uplo;

/** The argument checks the SVD and eigen plans share, all made before any native call. */
final class SpectralInputs {
    private SpectralInputs() {
    }

    /**
     * The device a plan for {@code context} runs on: none for HOST and AUTO, else {@code given} (tests) or the
     * context's device after asking the probe.
     *
     * @throws org.fusemath.api.DeviceUnavailableException for DEVICE when that device or cuSOLVER is not usable
     */
    static org.fusemath.solver.device.CusolverDevice device(FuseContext context,
                                                            org.fusemath.solver.device.CusolverDevice given) {
        if (context.execution().kind() != Execution.Kind.DEVICE) {
            return null;
        }
        return given != null ? given : org.fusemath.solver.device.CusolverDevice.open(context);
    }

    /** Rejects a DEVICE context for {@code op}, a plan that runs on the host only. */
    static void hostOnly(FuseContext context, String op) {
        Arguments.requireNonNull(context, "context");
        if (context.execution().kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("execution", context.execution(),
                    "host or auto: " + op + " runs on the host only");
        }
    }

    static int dimension(String name, long value) {
        if (value < 0) {
            throw new InvalidArgumentException(name, value, "a value >= 0");
        }
        return Arguments.toInt(name, value);
    }

    /** Checks that {@code a} is one matrix of the plan's type and shape. */
    static void matches(HostMatrix a, DType dtype, long rows, long cols) {
        Arguments.requireNonNull(a, "a");
        if (a.dtype() != dtype) {
            throw new InvalidArgumentException("a", a.dtype(), dtype + " (the type the plan was made for)");
        }
        MatrixShape s = a.shape();
        if (s.batch() != 1) {
            throw new InvalidArgumentException("a", "a batch of " + s.batch() + " matrices", "one matrix");
        }
        if (s.rows() != rows || s.cols() != cols) {
            throw new ShapeMismatchException("a", s.rows() + "x" + s.cols(),
                    rows + "x" + cols + " (the shape the plan was made for)");
        }
    }

    static void square(HostMatrix a) {
        Arguments.requireNonNull(a, "a");
        if (a.shape().rows() != a.shape().cols()) {
            throw new ShapeMismatchException("a", a.shape().rows() + "x" + a.shape().cols(), "a square matrix");
        }
    }

    /**
     * Rejects NaN or infinity among the elements LAPACK will read (all, or the {@code uplo} triangle when not null):
     * LAPACK's iterations are not defined on them (they may fail to converge, or return numbers). NumPy's eig and
     * eigvals reject them likewise; its svd reports them as non-convergence.
     */
    static void finite(HostMatrix a, Uplo uplo) {
        MatrixShape s = a.shape();
        int slots = a.dtype().slotsPerElement();
        Object array = a.array();
        for (long i = 0; i < s.rows(); i++) {
            long from = uplo == Uplo.UPPER ? i : 0;
            long to = uplo == Uplo.LOWER ? Math.min(i + 1, s.cols()) : s.cols();
            for (long j = from; j < to; j++) {
                int at = (int) (s.indexOf(0, i, j) * slots);
                for (int p = 0; p < slots; p++) {
                    double v = array instanceof double[] d ? d[at + p] : ((float[]) array)[at + p];
                    if (!Double.isFinite(v)) {
                        throw new InvalidArgumentException("a", v + " at (" + i + ", " + j + ")",
                                "finite values (LAPACK's iterations are undefined on NaN and infinity)");
                    }
                }
            }
        }
    }
}
