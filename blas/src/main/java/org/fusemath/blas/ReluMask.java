package org.fusemath.blas;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * The ReLU aux output of RELU_AUX / RELU_AUX_BIAS and the aux input of DRELU / DRELU_BGRAD: a (batched) m×n
 * bit matrix in a {@code byte[]}, bit (b, i, j) set where the ReLU input of result element (b, i, j) was &gt; 0.
 *
 * <p>Layout: the {@link MatrixShape} counts bits; it is row-major over the row-major result, so a result row
 * is a run of {@code ld} bits, as in cuBLASLt's column-major mask of the swapped product. Bit number
 * {@code p = shape.indexOf(b, i, j)} lives in byte {@code p >>> 3} at bit {@code p & 7} (least significant
 * first). {@link #allocate} pads each row to 128 bits, the leading dimension cuBLASLt requires; the host
 * accepts any leading dimension ≥ n. Bits beyond n in a row are never written.
 *
 * <p>A view over the caller's array; not thread-safe for concurrent writers.
 */
public final class ReluMask {
    private final byte[] bits;
    private final MatrixShape shape;

    private ReluMask(byte[] bits, MatrixShape shape) {
        this.bits = bits;
        this.shape = shape;
    }

    /** A view of {@code bits} with {@code shape} (counted in bits); checks that the array holds every addressed bit. */
    public static ReluMask of(byte[] bits, MatrixShape shape) {
        Arguments.requireNonNull(bits, "bits");
        Arguments.requireNonNull(shape, "shape");
        if (shape.layout() != Layout.ROW_MAJOR) {
            throw new InvalidArgumentException("shape.layout", shape.layout(), "ROW_MAJOR (a mask row is a result row)");
        }
        long needed = (shape.requiredElements() + 7) >>> 3;
        Arguments.requireLength("bits", bits.length, needed);
        return new ReluMask(bits, shape);
    }

    /** A zeroed mask for {@code batch} results of m×n, rows padded to 128 bits and entries packed. */
    public static ReluMask allocate(long batch, long m, long n) {
        long ld = Epilogue.RELU_AUX.alignedAuxLd(n);
        MatrixShape shape = new MatrixShape(batch, m, n, Layout.ROW_MAJOR, ld,
                Arguments.multiply("mask batch stride", m, ld), 0);
        long bytes = (shape.requiredElements() + 7) >>> 3;
        return new ReluMask(new byte[Arguments.toInt("mask bytes", bytes)], shape);
    }

    /** A zeroed mask for one m×n result. */
    public static ReluMask allocate(long m, long n) {
        return allocate(1, m, n);
    }

    /** The backing array, not a copy. */
    public byte[] bits() {
        return bits;
    }

    /** The geometry, in bits. */
    public MatrixShape shape() {
        return shape;
    }

    /** Whether bit (b, i, j) is set. */
    public boolean get(long b, long i, long j) {
        if (b < 0 || b >= shape.batch() || i < 0 || i >= shape.rows() || j < 0 || j >= shape.cols()) {
            throw new InvalidArgumentException("index", "(" + b + ", " + i + ", " + j + ")",
                    "an index inside " + shape.batch() + "x" + shape.rows() + "x" + shape.cols());
        }
        long p = shape.indexOf(b, i, j);
        return (bits[(int) (p >>> 3)] & (1 << (p & 7))) != 0;
    }

    /** Whether bit (i, j) of the first entry is set. */
    public boolean get(long i, long j) {
        return get(0, i, j);
    }

    @Override
    public String toString() {
        return "ReluMask[" + shape + "]";
    }
}
