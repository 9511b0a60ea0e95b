package org.fusemath.validation.npy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The .npy format versions: they differ in the width of the header-length field and the header's encoding. */
public enum NpyVersion {
    /** Header length in 2 bytes, Latin-1 header: what NumPy writes whenever the header fits. */
    V1_0(1, 0, 2, StandardCharsets.ISO_8859_1),
    /** Header length in 4 bytes (NumPy ≥ 1.9). */
    V2_0(2, 0, 4, StandardCharsets.ISO_8859_1),
    /** Header length in 4 bytes, UTF-8 header (NumPy ≥ 1.17). */
    V3_0(3, 0, 4, StandardCharsets.UTF_8);

    private final int major;
    private final int minor;
    private final int lengthFieldBytes;
    private final Charset headerCharset;

    NpyVersion(int major, int minor, int lengthFieldBytes, Charset headerCharset) {
        this.major = major;
        this.minor = minor;
        this.lengthFieldBytes = lengthFieldBytes;
        this.headerCharset = headerCharset;
    }

    /** The major version byte. */
    public int major() {
        return major;
    }

    /** The minor version byte. */
    public int minor() {
        return minor;
    }

    /** Bytes of the little-endian header-length field after the version: 2 or 4. */
    public int lengthFieldBytes() {
        return lengthFieldBytes;
    }

    /** The largest header length the length field can hold. */
    public long maxHeaderLength() {
        return lengthFieldBytes == 2 ? 0xFFFFL : 0xFFFF_FFFFL;
    }

    /** How the header text is encoded. */
    public Charset headerCharset() {
        return headerCharset;
    }

    /** The version with these bytes, or null when there is none. */
    static NpyVersion of(int major, int minor) {
        for (NpyVersion v : values()) {
            if (v.major == major && v.minor == minor) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
