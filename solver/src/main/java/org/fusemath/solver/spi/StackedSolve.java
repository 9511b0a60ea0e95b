package org.fusemath.solver.spi;

import java.util.Arrays;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.solver.BatchedSolve;

/**
 * {@code numpy.linalg.solve(a, b)} (NumPy 2 semantics) for a stacked {@code a} of shape (..., n, n): a {@code b} of
 * shape (n,) is one vector for every member (the result has shape (..., n)); any other {@code b} is a stack
 * (..., n, k) whose leading dimensions broadcast with a's as NumPy broadcasts (the result has shape (..., n, k)).
 * The members are solved by {@link BatchedSolve#lu}; a broadcast operand is expanded to the common stack first.
 */
final class StackedSolve {
    private StackedSolve() {
    }

    static HostTensor solve(ExecRequest r, FuseContext context) {
        HostTensor a = r.inputs().get(0);
        HostTensor b = r.inputs().get(1);
        DType t = a.dtype();
        if (b.dtype() != t) {
            throw new InvalidArgumentException("--in B", b.dtype(), t + " (the type of A)");
        }
        long[] as = a.shape();
        long[] bs = b.shape();
        if (as.length < 2 || as[as.length - 1] != as[as.length - 2]) {
            throw new ShapeMismatchException("--in A", Arrays.toString(as), "(..., n, n): square matrices");
        }
        long n = as[as.length - 1];
        boolean vector = bs.length == 1;
        if (vector ? bs[0] != n : bs.length < 2 || bs[bs.length - 2] != n) {
            throw new ShapeMismatchException("--in B", Arrays.toString(bs),
                    "(" + n + ",) or (..., " + n + ", k) for A of shape " + Arrays.toString(as));
        }
        long k = vector ? 1 : bs[bs.length - 1];
        long[] aBatch = Arrays.copyOf(as, as.length - 2);
        long[] bBatch = vector ? new long[0] : Arrays.copyOf(bs, bs.length - 2);
        long[] batch = broadcast(aBatch, bBatch, as, bs);
        long count = product(batch);
        long[] outShape = Arrays.copyOf(batch, batch.length + (vector ? 1 : 2));
        outShape[batch.length] = n;
        if (!vector) {
            outShape[batch.length + 1] = k;
        }
        r.requireAllocatable("A expanded to the broadcast stack", t, count, n, n);
        r.requireAllocatable("the result of solve", t, outShape);
        Object aData = expand(a.toCOrder(), aBatch, batch, n * n);
        Object bData = expand(b.toCOrder(), bBatch, batch, n * k);
        HostMatrix x = BatchedSolve.lu(context,
                HostMatrix.of(t, aData, MatrixShape.rowMajor(n, n).batched(count)),
                HostMatrix.of(t, bData, MatrixShape.rowMajor(n, k).batched(count)));
        return HostTensor.of(t, outShape, x.array());
    }

    /** NumPy's broadcast of two batch shapes, aligned at their last dimension. */
    private static long[] broadcast(long[] a, long[] b, long[] as, long[] bs) {
        int rank = Math.max(a.length, b.length);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new ShapeMismatchException("--in B", Arrays.toString(bs),
                        "stack dimensions that broadcast with A's " + Arrays.toString(as));
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    private static long product(long[] dims) {
        long p = 1;
        for (long d : dims) {
            p *= d;
        }
        return p;
    }

    /**
     * The C-order members of {@code in} (stack shape {@code from}, {@code member} elements each) laid out for the
     * stack {@code to}: the array itself when the shapes agree, else a copy with each broadcast member repeated.
     */
    private static Object expand(HostTensor in, long[] from, long[] to, long member) {
        if (Arrays.equals(from, to)) {
            return in.array();
        }
        int slots = in.dtype().slotsPerElement();
        int count = (int) product(to);
        int size = (int) member * slots;
        Object out = in.dtype().isSinglePrecision() ? new float[count * size] : new double[count * size];
        int[] idx = new int[to.length];
        int offset = to.length - from.length;
        for (int m = 0; m < count; m++) {
            long src = 0; // the C-order index of the source member: broadcast dimensions contribute 0
            for (int d = 0; d < from.length; d++) {
                src = src * from[d] + (from[d] == 1 ? 0 : idx[d + offset]);
            }
            System.arraycopy(in.array(), (int) src * size, out, m * size, size);
            for (int d = to.length - 1; d >= 0; d--) {
                if (++idx[d] < to[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }
}
