package org.fusemath.validation.npy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-made .npy prefixes for tests that need headers fusemath's writer would never produce. */
final class NpyTestFiles {
    private NpyTestFiles() {
    }

    /** Magic, version 1.0 and {@code dict} padded with spaces and a newline to 64 bytes, as NumPy lays it out. */
    static byte[] v1Header(String dict) {
        return header(1, 2, dict.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A prefix with any version bytes and a header of raw bytes (no padding added beyond the newline). */
    static byte[] header(int major, int lengthBytes, byte[] dict) {
        int unpadded = 8 + lengthBytes + dict.length + 1;
        int total = (unpadded + 63) / 64 * 64;
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (lengthBytes == 2) {
            b.putShort((short) (total - 10));
        } else {
            b.putInt(total - 12);
        }
        b.put(dict);
        while (b.remaining() > 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }
}
