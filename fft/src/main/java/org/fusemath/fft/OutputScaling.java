package org.fusemath.fft;

/**
 * Applies a spec's normalisation to an output array after a library computed the unnormalized transform (FFTW and
 * cuFFT do not scale): every output element the spec's layout addresses is multiplied by {@link FftSpec#scale()},
 * and nothing else in the array (a strided output's holes stay as they were). A contiguous output is one loop.
 * Stateless and thread-safe.
 */
public final class OutputScaling {
    private OutputScaling() {
    }

    /** Scales {@code out} ({@code double[]} or {@code float[]}) as {@code spec} says; nothing when the scale is 1. */
    public static void apply(FftSpec spec, Object out) {
        double s = spec.scale();
        if (s == 1.0) {
            return;
        }
        int slots = spec.kind() == FftKind.C2R ? 1 : 2;
        long[] shape = spec.outputShape();
        long[] strides = spec.outputStrides();
        long count = 1;
        for (long n : shape) {
            count *= n;
        }
        if (count == 0) {
            return;
        }
        if (contiguous(shape, strides)) {
            int from = (int) (spec.outputOffset() * slots);
            scaleRange(out, from, (int) (from + count * slots), s);
            return;
        }
        walk(out, shape, strides, 0, spec.outputOffset(), slots, s);
    }

    private static boolean contiguous(long[] shape, long[] strides) {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && strides[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    private static void walk(Object out, long[] shape, long[] strides, int axis, long element, int slots, double s) {
        if (axis == shape.length) {
            int at = (int) (element * slots);
            scaleRange(out, at, at + slots, s);
            return;
        }
        for (long i = 0; i < shape[axis]; i++) {
            walk(out, shape, strides, axis + 1, element + i * strides[axis], slots, s);
        }
    }

    private static void scaleRange(Object out, int from, int to, double s) {
        if (out instanceof double[] d) {
            for (int i = from; i < to; i++) {
                d[i] *= s;
            }
        } else {
            float[] f = (float[]) out;
            float fs = (float) s;
            for (int i = from; i < to; i++) {
                f[i] *= fs;
            }
        }
    }
}
