package org.fusemath.fft.host;

/**
 * One pass of 1-D transforms of length {@code n} along one axis, over every line the other axes index: where the
 * lines are read ({@link #source}, element offset, stride along the axis, strides of the other axes) and written.
 * A C2C pass reads and writes {@code n} complex elements; R2C reads {@code n} reals and writes {@code n/2+1}
 * complex; C2R the reverse. The output is multiplied by {@code scale}.
 */
record LinePass(Type type, int sign, int n, Buffer source, long sourceOffset, long sourceStride, long[] sourceLineStrides,
        Buffer target, long targetOffset, long targetStride, long[] targetLineStrides, long[] lineShape, double scale) {

    /** The transform a pass applies to each line. */
    enum Type {
        C2C, R2C, C2R
    }

    /** Which array a pass reads or writes. */
    enum Buffer {
        INPUT, OUTPUT, SCRATCH
    }

    /** The number of lines. */
    long lineCount() {
        long c = 1;
        for (long d : lineShape) {
            c *= d;
        }
        return c;
    }

    /** Elements (source, target) of line {@code line} start at, from its multi-index over {@link #lineShape}. */
    void lineOffsets(long line, long[] out) {
        long s = sourceOffset;
        long t = targetOffset;
        long rest = line;
        for (int d = lineShape.length - 1; d >= 0; d--) {
            long i = rest % lineShape[d];
            rest /= lineShape[d];
            s += i * sourceLineStrides[d];
            t += i * targetLineStrides[d];
        }
        out[0] = s;
        out[1] = t;
    }

    /** Complex elements read or written along the axis on the complex side of R2C/C2R: n/2 + 1. */
    int halfLength() {
        return n / 2 + 1;
    }
}
