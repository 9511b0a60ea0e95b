package org.fusemath.cuda;

import java.util.Arrays;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/** A kernel image NVRTC produced (a CUBIN, or NUL-terminated PTX), with its key and the compiler's log. Immutable. */
public final class CompiledKernel {
    private final KernelKey key;
    private final byte[] image;
    private final String log;

    /** An image compiled for {@code key}; the bytes are copied. */
    public CompiledKernel(KernelKey key, byte[] image, String log) {
        this.key = Arguments.requireNonNull(key, "key");
        Arguments.requireNonNull(image, "image");
        if (image.length == 0) {
            throw new InvalidArgumentException("image", "an empty array", "a non-empty kernel image");
        }
        this.image = image.clone();
        this.log = log == null ? "" : log;
    }

    /** What was compiled, for which architecture, with which options. */
    public KernelKey key() {
        return key;
    }

    /** Whether the image is PTX rather than a CUBIN. */
    public boolean isPtx() {
        return key.producesPtx();
    }

    /** A copy of the image bytes. */
    public byte[] image() {
        return image.clone();
    }

    /** The image size in bytes. */
    public int imageSize() {
        return image.length;
    }

    /** NVRTC's log (warnings); empty when it had nothing to say. */
    public String log() {
        return log;
    }

    /** The image without copying, for loading it. */
    byte[] imageBytes() {
        return image;
    }

    @Override
    public String toString() {
        return "CompiledKernel[" + key.architecture() + (isPtx() ? " PTX" : " CUBIN") + ", " + image.length + " bytes, source "
                + key.sourceSha256().substring(0, 12) + ", options " + key.options() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledKernel other && key.equals(other.key) && Arrays.equals(image, other.image);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(image);
    }
}
