package org.fusemath.blas;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;

/** The shape, type and layout checks of the level 1–3 function forms, each naming the argument at fault. */
final class RoutineChecks {
    private RoutineChecks() {
    }

    static DType sameType(String firstName, Object first, Object... rest) {
        DType t = dtypeOf(firstName, first);
        for (int i = 0; i < rest.length; i += 2) {
            String name = (String) rest[i];
            DType other = dtypeOf(name, rest[i + 1]);
            if (other != t) {
                throw new InvalidArgumentException(name, "a " + other + " operand", t + " as " + firstName);
            }
        }
        return t;
    }

    private static DType dtypeOf(String name, Object operand) {
        Arguments.requireNonNull(operand, name);
        return operand instanceof HostMatrix m ? m.dtype() : ((HostVector) operand).dtype();
    }

    static MatrixShape single(String name, HostMatrix m) {
        if (m.shape().batch() != 1) {
            throw new InvalidArgumentException(name + ".batch", m.shape().batch(), "1 (level-2/3 routines take one matrix)");
        }
        return m.shape();
    }

    static MatrixShape square(String name, HostMatrix m) {
        MatrixShape s = single(name, m);
        if (s.rows() != s.cols()) {
            throw new ShapeMismatchException(name, s.rows() + "x" + s.cols(), "a square matrix");
        }
        return s;
    }

    static void length(String name, HostVector v, long expected, String why) {
        if (v.length() != expected) {
            throw new ShapeMismatchException(name, "a vector of " + v.length(), expected + " elements (" + why + ")");
        }
    }

    static void dims(String name, MatrixShape s, long rows, long cols) {
        if (s.rows() != rows || s.cols() != cols) {
            throw new ShapeMismatchException(name, s.rows() + "x" + s.cols(), rows + "x" + cols);
        }
    }

    static Scalar scalar(String name, Scalar s, DType t) {
        return Arguments.requireNonNull(s, name).requireFor(name, t);
    }

    static Op op(String name, Op op) {
        return Arguments.requireNonNull(op, name);
    }
}
