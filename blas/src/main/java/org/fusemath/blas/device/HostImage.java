package org.fusemath.blas.device;

import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * Copies a host view to and from its device image, the span of its array from its offset to its last element.
 * Uploads copy the whole span, gaps included (reading the caller's gaps is harmless). Downloads write back only
 * the view's own elements: the gaps of a padded view may belong to someone else, such as another thread's
 * interleaved view of the same array. A view with gaps therefore comes back through a temporary array. Either
 * way can conjugate (complex types), for the level-2 calls whose conjugate cuBLAS cannot express
 * ({@link RoutineDescriptions}): such an image travels through a temporary array. Stateless.
 */
final class HostImage {
    private HostImage() {
    }

    /** Copies {@code span} elements of {@code view} from its offset to the allocation from element {@code deviceElement}. */
    static void upload(DeviceStreamCalls device, HostMatrix view, long span, long allocation, long deviceElement) {
        upload(device, view, span, allocation, deviceElement, false);
    }

    /** {@link #upload(DeviceStreamCalls, HostMatrix, long, long, long)}, every imaginary part negated when {@code conjugate}. */
    static void upload(DeviceStreamCalls device, HostMatrix view, long span, long allocation, long deviceElement,
                       boolean conjugate) {
        int slots = view.dtype().slotsPerElement();
        int length = slot(span, slots);
        if (length == 0) {
            return;
        }
        int from = slot(view.shape().offset(), slots);
        if (conjugate && view.dtype().isComplex()) {
            Object image = view.dtype().isSinglePrecision() ? new float[length] : new double[length];
            System.arraycopy(view.array(), from, image, 0, length);
            negateImaginary(image);
            device.upload(image, 0, length, allocation, deviceElement * slots);
            return;
        }
        device.upload(view.array(), from, length, allocation, deviceElement * slots);
    }

    /** Writes the elements of {@code view} back from its device image ({@code span} elements from {@code deviceElement}). */
    static void download(DeviceStreamCalls device, long allocation, long deviceElement, HostMatrix view, long span) {
        download(device, allocation, deviceElement, view, span, false);
    }

    /** {@link #download(DeviceStreamCalls, long, long, HostMatrix, long)}, every imaginary part negated when {@code conjugate}. */
    static void download(DeviceStreamCalls device, long allocation, long deviceElement, HostMatrix view, long span,
                         boolean conjugate) {
        MatrixShape s = view.shape();
        int slots = view.dtype().slotsPerElement();
        int length = slot(span, slots);
        if (length == 0) {
            return;
        }
        boolean negate = conjugate && view.dtype().isComplex();
        if (isGapless(s) && !negate) {
            device.download(allocation, deviceElement * slots, view.array(), slot(s.offset(), slots), length);
            return;
        }
        Object image = view.dtype().isSinglePrecision() ? new float[length] : new double[length];
        device.download(allocation, deviceElement * slots, image, 0, length);
        if (negate) {
            negateImaginary(image);
        }
        boolean rowMajor = s.layout() == Layout.ROW_MAJOR;
        long outer = rowMajor ? s.rows() : s.cols();
        int inner = slot(rowMajor ? s.cols() : s.rows(), slots);
        for (long b = 0; b < s.batch(); b++) {
            for (long o = 0; o < outer; o++) {
                long at = b * s.batchStride() + o * s.ld();
                System.arraycopy(image, slot(at, slots), view.array(), slot(s.offset() + at, slots), inner);
            }
        }
    }

    /** Negates slots 1, 3, 5, ...: the imaginary parts of interleaved complex elements. */
    private static void negateImaginary(Object image) {
        if (image instanceof float[] f) {
            for (int i = 1; i < f.length; i += 2) {
                f[i] = -f[i];
            }
        } else {
            double[] d = (double[]) image;
            for (int i = 1; i < d.length; i += 2) {
                d[i] = -d[i];
            }
        }
    }

    /** Whether the view's elements fill its span without gaps. */
    static boolean isGapless(MatrixShape s) {
        long outer = s.layout() == Layout.ROW_MAJOR ? s.rows() : s.cols();
        return s.isContiguous() && (s.batch() <= 1 || s.batchStride() == outer * s.ld());
    }

    private static int slot(long elements, int slots) {
        return Arguments.toInt("array slots", elements * slots);
    }
}
