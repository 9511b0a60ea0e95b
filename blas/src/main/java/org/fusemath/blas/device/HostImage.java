package org.fusemath.blas.device;

import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;

/**
 * Copies a host view to and from its device image, the span of its array from its offset to its last element.
 * Uploads copy the whole span, gaps included (reading the caller's gaps is harmless). Downloads write back only
 * the view's own elements: the gaps of a padded view may belong to someone else, such as another thread's
 * interleaved view of the same array. A view with gaps therefore comes back through a temporary array. Stateless.
 */
final class HostImage {
    private HostImage() {
    }

    /** Copies {@code span} elements of {@code view} from its offset to the allocation from element {@code deviceElement}. */
    static void upload(DeviceStreamCalls device, HostMatrix view, long span, long allocation, long deviceElement) {
        int slots = view.dtype().slotsPerElement();
        int length = slot(span, slots);
        if (length > 0) {
            device.upload(view.array(), slot(view.shape().offset(), slots), length, allocation, deviceElement * slots);
        }
    }

    /** Writes the elements of {@code view} back from its device image ({@code span} elements from {@code deviceElement}). */
    static void download(DeviceStreamCalls device, long allocation, long deviceElement, HostMatrix view, long span) {
        MatrixShape s = view.shape();
        int slots = view.dtype().slotsPerElement();
        int length = slot(span, slots);
        if (length == 0) {
            return;
        }
        if (isGapless(s)) {
            device.download(allocation, deviceElement * slots, view.array(), slot(s.offset(), slots), length);
            return;
        }
        Object image = view.dtype().isSinglePrecision() ? new float[length] : new double[length];
        device.download(allocation, deviceElement * slots, image, 0, length);
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

    /** Whether the view's elements fill its span without gaps. */
    static boolean isGapless(MatrixShape s) {
        long outer = s.layout() == Layout.ROW_MAJOR ? s.rows() : s.cols();
        return s.isContiguous() && (s.batch() <= 1 || s.batchStride() == outer * s.ld());
    }

    private static int slot(long elements, int slots) {
        return Arguments.toInt("array slots", elements * slots);
    }
}
