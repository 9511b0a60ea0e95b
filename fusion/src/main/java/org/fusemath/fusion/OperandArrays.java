package org.fusemath.fusion;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/** Reads the operands bound to inputs (tensors, matrices, heap arrays) as dense C-order arrays, and checks them. */
final class OperandArrays {
    private OperandArrays() {
    }

    /** Throws unless {@code operand} can be input {@code name} of {@code type} and {@code shape}. */
    static void check(String name, ScalarType type, Shape shape, Object operand) {
        Arguments.requireNonNull(operand, "operand '" + name + "'");
        DType dtype;
        long[] dims;
        if (operand instanceof HostTensor t) {
            dtype = t.dtype();
            dims = t.shape();
        } else if (operand instanceof HostMatrix m) {
            dtype = m.dtype();
            MatrixShape s = m.shape();
            dims = s.batch() == 1 && shape.rank() == 2 ? new long[] {s.rows(), s.cols()}
                    : new long[] {s.batch(), s.rows(), s.cols()};
        } else if (operand instanceof double[] d) {
            dtype = DType.F64;
            dims = shape.size() == d.length ? shape.dims() : new long[] {d.length};
        } else if (operand instanceof float[] f) {
            dtype = DType.F32;
            dims = shape.size() == f.length ? shape.dims() : new long[] {f.length};
        } else {
            throw new InvalidArgumentException("operand '" + name + "'", operand.getClass().getSimpleName(),
                    "a HostTensor, HostMatrix, double[] or float[]");
        }
        if (dtype != type.dtype()) {
            throw new InvalidArgumentException("operand '" + name + "'", dtype, type.dtype() + " as the input was declared");
        }
        if (!Shape.of(dims).equals(shape)) {
            throw new ShapeMismatchException("operand '" + name + "'", Shape.of(dims).toString(),
                    shape + " as the input was declared");
        }
    }

    /** The Java array behind an operand. */
    static Object data(Object operand) {
        if (operand instanceof HostTensor t) {
            return t.array();
        }
        if (operand instanceof HostMatrix m) {
            return m.array();
        }
        return operand;
    }

    /** Whether {@code operand} already is a dense C-order array of its shape (no copy needed). */
    static boolean isDense(Object operand) {
        if (operand instanceof float[] || operand instanceof double[]) {
            return true;
        }
        if (operand instanceof HostTensor t) {
            return !t.isFortranOrder() || t.rank() <= 1;
        }
        HostMatrix m = (HostMatrix) operand;
        MatrixShape s = m.shape();
        return s.offset() == 0 && s.layout() == Layout.ROW_MAJOR && (s.ld() == s.cols() || s.rows() <= 1)
                && (s.batch() <= 1 || s.batchStride() == s.rows() * s.cols())
                && java.lang.reflect.Array.getLength(m.array()) == s.size();
    }

    /** The operand's elements as a dense C-order {@code float[]} or {@code double[]} (the operand's own when dense). */
    static Object dense(Object operand, ScalarType type, Shape shape) {
        if (operand instanceof float[] || operand instanceof double[]) {
            return operand;
        }
        if (operand instanceof HostTensor t) {
            return t.toCOrder().array();
        }
        HostMatrix m = (HostMatrix) operand;
        if (isDense(m)) {
            return m.array();
        }
        MatrixShape s = m.shape();
        int n = (int) shape.size();
        Object src = m.array();
        if (type == ScalarType.F32) {
            float[] out = new float[n];
            float[] in = (float[]) src;
            int k = 0;
            for (long b = 0; b < s.batch(); b++) {
                for (long i = 0; i < s.rows(); i++) {
                    for (long j = 0; j < s.cols(); j++) {
                        out[k++] = in[(int) s.indexOf(b, i, j)];
                    }
                }
            }
            return out;
        }
        double[] out = new double[n];
        double[] in = (double[]) src;
        int k = 0;
        for (long b = 0; b < s.batch(); b++) {
            for (long i = 0; i < s.rows(); i++) {
                for (long j = 0; j < s.cols(); j++) {
                    out[k++] = in[(int) s.indexOf(b, i, j)];
                }
            }
        }
        return out;
    }

    /** The operand as a matrix view for a library call: a HostMatrix as it is, anything else dense row-major. */
    static HostMatrix matrix(Object operand, ScalarType type, Shape shape) {
        if (operand instanceof HostMatrix m) {
            return m;
        }
        Object data = dense(operand, type, shape);
        return matrixOf(data, type, shape);
    }

    /** A dense C-order array of rank 2 or 3 as a row-major (batched) matrix. */
    static HostMatrix matrixOf(Object data, ScalarType type, Shape shape) {
        MatrixShape ms = shape.rank() == 2 ? MatrixShape.rowMajor(shape.dim(0), shape.dim(1))
                : MatrixShape.rowMajor(shape.dim(1), shape.dim(2)).batched(shape.dim(0));
        return HostMatrix.of(type.dtype(), data, ms);
    }

    /** A new zeroed array for {@code shape} of {@code type}. */
    static Object allocate(ScalarType type, Shape shape) {
        int n = (int) shape.size();
        return type == ScalarType.F32 ? new float[n] : new double[n];
    }

    /** Element {@code i} of a float[] or double[] as a double. */
    static double get(Object array, int i) {
        return array instanceof float[] f ? f[i] : ((double[]) array)[i];
    }
}
