package org.fusemath.solver.spi;

import java.util.Arrays;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.spi.ExecRequest;

/**
 * A .npy operand read as numpy.linalg reads it: a stack of matrices over its last two axes, the leading axes the
 * batch (broadcast between operands by NumPy's rules). A 2-D Fortran-order file is read in place as a column-major
 * matrix; a stacked Fortran-order file is reordered to C order first (its matrices are not contiguous).
 */
final class Stack {
    final HostTensor tensor;
    final long[] batch;
    final long count;
    final long rows;
    final long cols;
    private final Layout layout;

    private Stack(HostTensor tensor, long[] batch, long rows, long cols, Layout layout) {
        this.tensor = tensor;
        this.batch = batch;
        this.rows = rows;
        this.cols = cols;
        this.layout = layout;
        long c = 1;
        for (long d : batch) {
            c *= d;
        }
        this.count = c;
    }

    /** The stack of matrices in {@code t} (rank ≥ 2), named {@code name} in errors. */
    static Stack of(String name, HostTensor t) {
        if (t.rank() < 2) {
            throw new ShapeMismatchException(name, Arrays.toString(t.shape()), "an array of at least 2 dimensions");
        }
        HostTensor c = t.rank() > 2 ? t.toCOrder() : t;
        long[] s = c.shape();
        Layout layout = c.isFortranOrder() ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
        return new Stack(c, Arrays.copyOf(s, s.length - 2), s[s.length - 2], s[s.length - 1], layout);
    }

    /** A stack of square matrices. */
    static Stack square(String name, HostTensor t) {
        Stack s = of(name, t);
        if (s.rows != s.cols) {
            throw new ShapeMismatchException(name, Arrays.toString(t.shape()), "square matrices in the last two axes");
        }
        return s;
    }

    DType dtype() {
        return tensor.dtype();
    }

    /** Matrix {@code b} of the stack (a view, no copy). */
    HostMatrix matrix(long b) {
        MatrixShape one = MatrixShape.dense(rows, cols, layout);
        return HostMatrix.of(tensor.dtype(), tensor.array(), one.withOffset(b * rows * cols));
    }

    /** Matrix {@code flat} of a broadcast batch of shape {@code out}: the entry of this stack it reads. */
    HostMatrix matrix(long flat, long[] out) {
        return matrix(source(flat, out, batch));
    }

    /** The flat index into a batch of shape {@code in} that entry {@code flat} of the broadcast shape {@code out} reads. */
    static long source(long flat, long[] out, long[] in) {
        long index = 0;
        long stride = 1;
        long rest = flat;
        for (int ax = out.length - 1, ia = in.length - 1; ax >= 0; ax--, ia--) {
            long i = rest % out[ax];
            rest /= out[ax];
            if (ia >= 0) {
                index += (in[ia] == 1 ? 0 : i) * stride;
                stride *= in[ia];
            }
        }
        return index;
    }

    /** NumPy's broadcast of two batch shapes. */
    static long[] broadcast(String nameA, long[] a, String nameB, long[] b) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new ShapeMismatchException(nameB, "batch dimensions " + Arrays.toString(b),
                        "dimensions that broadcast with " + nameA + "'s " + Arrays.toString(a));
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    static long product(long[] shape) {
        long c = 1;
        for (long d : shape) {
            c *= d;
        }
        return c;
    }

    /** {@code batch} followed by {@code tail}. */
    static long[] shape(long[] batch, long... tail) {
        long[] s = Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, s, batch.length, tail.length);
        return s;
    }

    /** A C-order result of {@code shape} and type t, checked allocatable first, filled by {@link #put}. */
    static HostTensor allocate(ExecRequest r, String what, DType t, long[] shape) {
        r.requireAllocatable(what, t, shape);
        return HostTensor.zeros(t, shape);
    }

    /** Writes matrix {@code m} (any layout) as entry {@code b} of the C-order stack {@code out} of m's shape. */
    static void put(HostTensor out, long b, HostMatrix m) {
        int slots = m.dtype().slotsPerElement();
        long rows = m.shape().rows();
        long cols = m.shape().cols();
        int base = (int) (b * rows * cols);
        for (long i = 0; i < rows; i++) {
            for (long j = 0; j < cols; j++) {
                System.arraycopy(m.array(), (int) m.shape().indexOf(0, i, j) * slots, out.array(),
                        (int) (base + i * cols + j) * slots, slots);
            }
        }
    }

    /** Writes the scalar (re, im) as element {@code at} of out. */
    static void put(HostTensor out, long at, double re, double im) {
        int slots = out.dtype().slotsPerElement();
        if (out.array() instanceof double[] d) {
            d[(int) at * slots] = re;
            if (slots == 2) {
                d[(int) at * slots + 1] = im;
            }
        } else {
            float[] f = (float[]) out.array();
            f[(int) at * slots] = (float) re;
            if (slots == 2) {
                f[(int) at * slots + 1] = (float) im;
            }
        }
    }
}
