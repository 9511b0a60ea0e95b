package org.fusemath.validation.npy;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;

/**
 * Writes a {@link HostTensor} as a little-endian .npy file byte for byte as NumPy's {@code numpy.save}
 * does: the same header text, padded with spaces and a newline so that the data starts on a 64-byte
 * boundary, in the tensor's own order ({@code fortran_order} follows {@link HostTensor#isFortranOrder()}).
 *
 * <p>Stateless and thread-safe.
 */
public final class NpyWriter {
    /** NumPy aligns the start of the data to this many bytes. */
    public static final int ALIGNMENT = 64;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK_BYTES = 1 << 16;

    private NpyWriter() {
    }

    /** Writes {@code tensor} to {@code file} (created or replaced) in the oldest format that can hold its header. */
    public static void write(Path file, HostTensor tensor) throws IOException {
        write(file, tensor, null);
    }

    /** Writes {@code tensor} to {@code file} in {@code version}, or the oldest that fits when null. */
    public static void write(Path file, HostTensor tensor, NpyVersion version) throws IOException {
        Arguments.requireNonNull(file, "file");
        Arguments.requireNonNull(tensor, "tensor");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK_BYTES)) {
            write(out, tensor, version);
        }
    }

    /** Writes {@code tensor} to {@code out} (left open) in {@code version}, or the oldest that fits when null. */
    public static void write(OutputStream out, HostTensor tensor, NpyVersion version) throws IOException {
        Arguments.requireNonNull(out, "out");
        Arguments.requireNonNull(tensor, "tensor");
        out.write(headerBytes(NpyHeader.of(tensor), version));
        writeData(out, tensor);
        out.flush();
    }

    /** The whole file for {@code tensor} in memory, in the oldest format that fits. */
    public static byte[] toBytes(HostTensor tensor) {
        return toBytes(tensor, null);
    }

    /** The whole file for {@code tensor} in memory, in {@code version} (the oldest that fits when null). */
    public static byte[] toBytes(HostTensor tensor, NpyVersion version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes, tensor, version);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Magic, version, header length and the padded header for {@code header}: {@code version} when given
     * (rejected when its length field cannot hold the header), else 1.0, or 2.0 when 1.0 cannot hold it.
     */
    public static byte[] headerBytes(NpyHeader header, NpyVersion version) {
        Arguments.requireNonNull(header, "header");
        String dict = header.dictText();
        NpyVersion chosen = version != null ? version : NpyVersion.V1_0;
        long length = paddedLength(dict, chosen);
        if (version == null && length > chosen.maxHeaderLength()) {
            chosen = NpyVersion.V2_0;
            length = paddedLength(dict, chosen);
        }
        if (length > chosen.maxHeaderLength()) {
            throw new InvalidArgumentException("version", chosen, "a format whose header length field holds "
                    + length + " bytes (format 2.0 or later)");
        }
        int prefix = MAGIC.length + 2 + chosen.lengthFieldBytes();
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(prefix + length)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) chosen.major()).put((byte) chosen.minor());
        if (chosen.lengthFieldBytes() == 2) {
            b.putShort((short) length);
        } else {
            b.putInt((int) length);
        }
        b.put(dict.getBytes(chosen.headerCharset()));
        while (b.remaining() > 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    // The header-length field NumPy writes: the dict, 1..ALIGNMENT spaces (never zero, as NumPy) and '\n'.
    private static long paddedLength(String dict, NpyVersion version) {
        long withNewline = dict.getBytes(version.headerCharset()).length + 1L;
        long prefix = MAGIC.length + 2L + version.lengthFieldBytes();
        return withNewline + ALIGNMENT - (prefix + withNewline) % ALIGNMENT;
    }

    private static void writeData(OutputStream out, HostTensor tensor) throws IOException {
        boolean single = tensor.dtype().isSinglePrecision();
        int slotBytes = tensor.dtype().componentType().elementBytes();
        int slots = single ? ((float[]) tensor.array()).length : ((double[]) tensor.array()).length;
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        int done = 0;
        while (done < slots) {
            int n = Math.min(slots - done, CHUNK_BYTES / slotBytes);
            buffer.clear();
            if (single) {
                buffer.asFloatBuffer().put((float[]) tensor.array(), done, n);
            } else {
                buffer.asDoubleBuffer().put((double[]) tensor.array(), done, n);
            }
            out.write(chunk, 0, n * slotBytes);
            done += n;
        }
    }
}
