package org.fusemath.cuda;

/** The Java array types copies move to and from device memory, with their element width. */
enum HostArrayKind {
    /** {@code float[]}. */
    FLOAT(Float.BYTES),
    /** {@code double[]}. */
    DOUBLE(Double.BYTES),
    /** {@code int[]}. */
    INT(Integer.BYTES);

    private final int bytes;

    HostArrayKind(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    int bytes() {
        return bytes;
    }

    /** The length of {@code array}, which must be of this kind. */
    int length(Object array) {
        return switch (this) {
            case FLOAT -> ((float[]) array).length;
            case DOUBLE -> ((double[]) array).length;
            case INT -> ((int[]) array).length;
        };
    }
}
