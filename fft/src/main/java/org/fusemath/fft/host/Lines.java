package org.fusemath.fft.host;

/**
 * Moves one line of a strided view between a caller's array ({@code double[]} or {@code float[]}) and a contiguous
 * {@code double[]} work line, scaling on the way out. Indices are element indices; a complex element is two slots.
 * F32 data is widened on the way in and rounded once on the way out.
 */
final class Lines {
    private Lines() {
    }

    static void gatherComplex(Object array, long offset, long stride, int count, double[] work) {
        if (array instanceof double[] a) {
            if (stride == 1) {
                System.arraycopy(a, (int) (2 * offset), work, 0, 2 * count);
                return;
            }
            for (int j = 0; j < count; j++) {
                int s = (int) (2 * (offset + j * stride));
                work[2 * j] = a[s];
                work[2 * j + 1] = a[s + 1];
            }
        } else {
            float[] a = (float[]) array;
            for (int j = 0; j < count; j++) {
                int s = (int) (2 * (offset + j * stride));
                work[2 * j] = a[s];
                work[2 * j + 1] = a[s + 1];
            }
        }
    }

    static void gatherReal(Object array, long offset, long stride, int count, double[] work) {
        if (array instanceof double[] a) {
            if (stride == 1) {
                System.arraycopy(a, (int) offset, work, 0, count);
                return;
            }
            for (int j = 0; j < count; j++) {
                work[j] = a[(int) (offset + j * stride)];
            }
        } else {
            float[] a = (float[]) array;
            for (int j = 0; j < count; j++) {
                work[j] = a[(int) (offset + j * stride)];
            }
        }
    }

    static void scatterComplex(double[] work, int count, double scale, Object array, long offset, long stride) {
        if (array instanceof double[] a) {
            if (stride == 1 && scale == 1.0) {
                System.arraycopy(work, 0, a, (int) (2 * offset), 2 * count);
                return;
            }
            for (int j = 0; j < count; j++) {
                int s = (int) (2 * (offset + j * stride));
                a[s] = work[2 * j] * scale;
                a[s + 1] = work[2 * j + 1] * scale;
            }
        } else {
            float[] a = (float[]) array;
            for (int j = 0; j < count; j++) {
                int s = (int) (2 * (offset + j * stride));
                a[s] = (float) (work[2 * j] * scale);
                a[s + 1] = (float) (work[2 * j + 1] * scale);
            }
        }
    }

    static void scatterReal(double[] work, int count, double scale, Object array, long offset, long stride) {
        if (array instanceof double[] a) {
            for (int j = 0; j < count; j++) {
                a[(int) (offset + j * stride)] = work[j] * scale;
            }
        } else {
            float[] a = (float[]) array;
            for (int j = 0; j < count; j++) {
                a[(int) (offset + j * stride)] = (float) (work[j] * scale);
            }
        }
    }

    /** Multiplies {@code slots} doubles of {@code a} from {@code from} by {@code scale} (nothing when it is 1). */
    static void scale(double[] a, int from, int slots, double scale) {
        if (scale != 1.0) {
            for (int i = from; i < from + slots; i++) {
                a[i] *= scale;
            }
        }
    }
}
