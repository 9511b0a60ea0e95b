package org.fusemath.solver.spi;

import java.util.List;
import java.util.function.Function;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.blas.Scalar;
import org.fusemath.solver.Linalg;

/**
 * {@code fusemath exec solve|inv|det}: {@code numpy.linalg.solve(a, b)}, {@code inv(a)} and {@code det(a)} for
 * one square 2-D {@code a} (C or Fortran order, read in place) and a {@code b} of shape (n,) or (n, k) of the same
 * type; det writes a 0-d array. solve also takes stacks, (..., n, n) and (..., n, k), broadcast as NumPy 2 does
 * ({@link StackedSolve}). An exactly singular {@code a} fails solve and inv with LAPACK's info. Like NumPy's
 * functions they take no options, so {@code fusemath exec} refuses any.
 */
public final class LinalgExecOperations implements ExecOperationGroup {
    private static final FuseContext HOST = FuseContext.builder().execution(Execution.HOST).build();

    @Override
    public List<ExecOperation> operations() {
        return List.of(
                op("solve", "x = numpy.linalg.solve(a, b): --in A (..., n, n) --in B (n,) or (..., n, k), stacks"
                        + " broadcast", 2,
                        LinalgExecOperations::solve),
                op("inv", "numpy.linalg.inv(a): --in A (n x n)", 1, LinalgExecOperations::inv),
                op("det", "numpy.linalg.det(a), a 0-d array: --in A (n x n)", 1, LinalgExecOperations::det));
    }

    private static ExecOperation op(String name, String summary, int inputs, Function<ExecRequest, HostTensor> run) {
        return new ExecOperation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary + " (host)";
            }

            @Override
            public List<ExecParameter> parameters() {
                return List.of();
            }

            @Override
            public List<HostTensor> execute(ExecRequest request) {
                request.requireInputs(name, inputs, inputs);
                if (request.execution().kind() == Execution.Kind.DEVICE) {
                    throw new InvalidArgumentException("--space", request.execution(),
                            "host or auto: '" + name + "' runs on the host only");
                }
                return List.of(run.apply(request));
            }
        };
    }

    /**
     * The square matrix A as read: a Fortran-order file is already column-major, so no reordering is needed. The LU
     * factors are a copy of A, checked to fit before the factorisation allocates it.
     */
    private static HostMatrix square(ExecRequest r, String op) {
        HostTensor a = r.inputs().get(0);
        if (a.rank() != 2 || a.dim(0) != a.dim(1)) {
            throw new ShapeMismatchException("--in A", java.util.Arrays.toString(a.shape()), "a square 2-D matrix");
        }
        r.requireAllocatable("the LU factors of A for " + op, a.dtype(), a.shape());
        Layout layout = a.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
        return HostMatrix.of(a.dtype(), a.array(), MatrixShape.dense(a.dim(0), a.dim(1), layout));
    }

    private static HostTensor solve(ExecRequest r) {
        if (r.inputs().get(0).rank() > 2 || r.inputs().get(1).rank() > 2) {
            return StackedSolve.solve(r, HOST);
        }
        HostMatrix a = square(r, "solve");
        HostTensor b = r.inputs().get(1);
        DType t = a.dtype();
        if (b.dtype() != t) {
            throw new InvalidArgumentException("--in B", b.dtype(), t + " (the type of A)");
        }
        long n = a.shape().rows();
        if (b.rank() < 1 || b.rank() > 2 || b.dim(0) != n) {
            throw new ShapeMismatchException("--in B", java.util.Arrays.toString(b.shape()),
                    "(" + n + ",) or (" + n + ", k) for a " + n + "x" + n + " A");
        }
        long k = b.rank() == 1 ? 1 : b.dim(1);
        r.requireAllocatable("the result of solve", t, b.shape());
        Layout layout = b.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
        HostMatrix x = Linalg.solve(HOST, a, HostMatrix.of(t, b.array(), MatrixShape.dense(n, k, layout)));
        boolean fortran = x.shape().layout() == Layout.COLUMN_MAJOR && b.rank() == 2;
        return HostTensor.of(t, b.shape(), fortran, x.array());
    }

    private static HostTensor inv(ExecRequest r) {
        HostMatrix a = square(r, "inv");
        long n = a.shape().rows();
        r.requireAllocatable("the result of inv", a.dtype(), n, n);
        HostMatrix x = Linalg.inv(HOST, a);
        return HostTensor.of(a.dtype(), new long[] {n, n}, x.shape().layout() == Layout.COLUMN_MAJOR, x.array());
    }

    private static HostTensor det(ExecRequest r) {
        HostMatrix a = square(r, "det");
        Scalar d = Linalg.det(HOST, a);
        DType t = a.dtype();
        Object value = switch (t) {
            case F32 -> new float[] {(float) d.re()};
            case F64 -> new double[] {d.re()};
            case C64 -> new float[] {(float) d.re(), (float) d.im()};
            case C128 -> new double[] {d.re(), d.im()};
        };
        return HostTensor.of(t, new long[0], value);
    }
}
