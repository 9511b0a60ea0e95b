package org.fusemath.fft;

import org.fusemath.api.HostTensor;

/** Element strides of a {@link HostTensor}'s storage order (C: last axis fastest; Fortran: first axis fastest). */
final class TensorLayout {
    private TensorLayout() {
    }

    static long[] strides(HostTensor t) {
        long[] shape = t.shape();
        if (!t.isFortranOrder()) {
            return FftSpec.contiguous(shape);
        }
        long[] s = new long[shape.length];
        long stride = 1;
        for (int d = 0; d < shape.length; d++) {
            s[d] = stride;
            stride *= Math.max(1, shape[d]);
        }
        return s;
    }
}
