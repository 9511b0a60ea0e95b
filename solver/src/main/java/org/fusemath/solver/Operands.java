package org.fusemath.solver;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;

/** The argument checks every factorisation makes before it copies anything or calls LAPACK. */
final class Operands {
    private Operands() {
    }

    /** Refuses a DEVICE context: these factorisations run on the host. */
    static void requireHost(FuseContext context) {
        Arguments.requireNonNull(context, "context");
        if (context.execution().kind() == Execution.Kind.DEVICE) {
            throw new InvalidArgumentException("execution", context.execution(),
                    "host or auto: the dense factorisations run on the host only");
        }
    }

    /** Checks that {@code a} is one host matrix whose elements fit an array; returns it. */
    static HostMatrix requireOne(String name, HostMatrix a) {
        Arguments.requireNonNull(a, name);
        MatrixShape s = a.shape();
        if (s.batch() != 1) {
            throw new InvalidArgumentException(name, "a batch of " + s.batch() + " matrices", "one matrix");
        }
        Arguments.toInt(name + " slots", Arguments.multiply(name + " slots", s.size(), a.dtype().slotsPerElement()));
        return a;
    }

    /** Checks that {@code a} is one square host matrix; returns its order. */
    static int requireSquare(String name, HostMatrix a) {
        MatrixShape s = requireOne(name, a).shape();
        if (s.rows() != s.cols()) {
            throw new ShapeMismatchException(name, s.rows() + "x" + s.cols(), "a square matrix");
        }
        return (int) s.rows();
    }

    /** The host context and one square A: returns its order. */
    static int hostSquare(FuseContext context, HostMatrix a) {
        requireHost(context);
        return requireSquare("a", a);
    }

    /** Checks a right-hand side of {@code rows} rows and A's type {@code t}; returns its column count. */
    static int requireRhs(DType t, long rows, String aShape, HostMatrix b) {
        Arguments.requireNonNull(b, "b");
        if (b.dtype() != t) {
            throw new InvalidArgumentException("b", b.dtype(), t + " (the type of A)");
        }
        MatrixShape s = b.shape();
        if (s.batch() != 1 || s.rows() != rows) {
            throw new ShapeMismatchException("b", (s.batch() == 1 ? "" : s.batch() + "x") + s.rows() + "x" + s.cols(),
                    "one matrix of " + rows + " rows (A is " + aShape + ")");
        }
        requireOne("b", b);
        return (int) s.cols();
    }
}
