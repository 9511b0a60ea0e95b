package org.fusemath.blas.device;

import org.fusemath.blas.ReluMask;

/**
 * Copies a {@link ReluMask} to and from its device image: the mask's bits from its offset on, bit p of the image
 * being bit offset + p of the mask, so that the image starts at a device allocation's first bit (cuBLASLt takes
 * a byte pointer, which cannot start inside a byte). The image travels as 32-bit words, little-endian as on the
 * device. Downloads change only the bits of the mask's elements, never the padding of its rows. Stateless.
 */
final class MaskImage {
    private MaskImage() {
    }

    /** Copies {@code span} bits of {@code mask} from its offset to the start of the allocation. */
    static void upload(DeviceStreamCalls device, ReluMask mask, long span, long allocation) {
        int[] words = new int[words(span)];
        byte[] bits = mask.bits();
        long offset = mask.shape().offset();
        for (long p = 0; p < span; p++) {
            if (bit(bits, offset + p)) {
                words[(int) (p >>> 5)] |= 1 << (p & 31);
            }
        }
        device.upload(words, 0, words.length, allocation, 0);
    }

    /** Writes the bits of {@code mask}'s elements back from its device image of {@code span} bits. */
    static void download(DeviceStreamCalls device, long allocation, ReluMask mask, long span) {
        int[] words = new int[words(span)];
        if (words.length == 0) {
            return;
        }
        device.download(allocation, 0, words, 0, words.length);
        var s = mask.shape();
        byte[] bits = mask.bits();
        for (long b = 0; b < s.batch(); b++) {
            for (long i = 0; i < s.rows(); i++) {
                long row = b * s.batchStride() + i * s.ld();
                for (long j = 0; j < s.cols(); j++) {
                    long p = row + j;
                    boolean on = (words[(int) (p >>> 5)] & (1 << (p & 31))) != 0;
                    long q = s.offset() + p;
                    int at = (int) (q >>> 3);
                    int m = 1 << (q & 7);
                    bits[at] = (byte) (on ? bits[at] | m : bits[at] & ~m);
                }
            }
        }
    }

    /** 32-bit words holding {@code span} bits. */
    static int words(long span) {
        return Math.toIntExact((span + 31) >>> 5);
    }

    private static boolean bit(byte[] bits, long p) {
        return (bits[(int) (p >>> 3)] & (1 << (p & 7))) != 0;
    }
}
