package org.fusemath.validation.npy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.HostMemory;

/**
 * Reads .npy files (format 1.0, 2.0 and 3.0) of {@code <f4 <f8 <c8 <c16} in C or Fortran order into a
 * {@link HostTensor} that keeps the file's order; big-endian files are converted on reading.
 *
 * <p>Anything else fails with an {@link NpyFormatException} naming the file and the offending field.
 * Bytes after the data are ignored, as {@code numpy.load} ignores them. Stateless and thread-safe.
 */
public final class NpyReader {
    /**
     * Headers longer than this are refused before being read: NumPy's own limit ({@code numpy.lib.format}'s
     * {@code _MAX_HEADER_SIZE}, applied by {@code np.load} unless {@code allow_pickle=True}); the headers of the
     * four types fusemath reads stay far below it (64 axes of 20 digits take under 1 500 bytes).
     */
    static final int MAX_HEADER_BYTES = 10_000;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK_BYTES = 1 << 16;

    private NpyReader() {
    }

    /** The array stored in {@code file}. */
    public static HostTensor read(Path file) throws IOException {
        Arguments.requireNonNull(file, "file");
        String source = file.toString();
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES)) {
            Prefix prefix = readPrefix(in, source);
            BigInteger available = BigInteger.valueOf(size - prefix.dataOffset());
            // Checked before allocating, so that a header promising more than the file holds costs nothing.
            if (available.compareTo(prefix.header().dataBytes()) < 0) {
                throw truncated(source, prefix.header(), available);
            }
            return readData(in, prefix.header(), source);
        }
    }

    /** The array in {@code in}, read from its current position; {@code source} names it in messages. */
    public static HostTensor read(InputStream in, String source) throws IOException {
        Arguments.requireNonNull(in, "in");
        Arguments.requireNonNull(source, "source");
        return readData(in, readPrefix(in, source).header(), source);
    }

    /** The array in {@code bytes}, a whole .npy file. */
    public static HostTensor read(byte[] bytes, String source) {
        Arguments.requireNonNull(bytes, "bytes");
        try {
            return read(new ByteArrayInputStream(bytes), source);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    /** Only the header of {@code file}: dtype, byte order, order and shape. */
    public static NpyHeader readHeader(Path file) throws IOException {
        Arguments.requireNonNull(file, "file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return readPrefix(in, file.toString()).header();
        }
    }

    /** The header and the offset at which the data starts. */
    record Prefix(NpyVersion version, NpyHeader header, long dataOffset) {
    }

    static Prefix readPrefix(InputStream in, String source) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            String hint = magic.length >= 2 && magic[0] == 'P' && magic[1] == 'K'
                    ? " (this is a zip archive, perhaps a .npz: extract its .npy members first)" : "";
            throw new NpyFormatException(source, "magic", hex(magic), "the bytes 93 4E 55 4D 50 59 (\\x93NUMPY) that start a .npy file" + hint);
        }
        byte[] versionBytes = in.readNBytes(2);
        if (versionBytes.length < 2) {
            throw new NpyFormatException(source, "version", "missing (file ends after the magic)", "two version bytes");
        }
        NpyVersion version = NpyVersion.of(versionBytes[0] & 0xFF, versionBytes[1] & 0xFF);
        if (version == null) {
            throw new NpyFormatException(source, "version", (versionBytes[0] & 0xFF) + "." + (versionBytes[1] & 0xFF),
                    "1.0, 2.0 or 3.0");
        }
        byte[] lengthBytes = in.readNBytes(version.lengthFieldBytes());
        if (lengthBytes.length < version.lengthFieldBytes()) {
            throw new NpyFormatException(source, "header length", "missing (file ends after the version)",
                    version.lengthFieldBytes() + " bytes for format " + version);
        }
        ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = version.lengthFieldBytes() == 2 ? lb.getShort() & 0xFFFFL : lb.getInt() & 0xFFFF_FFFFL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new NpyFormatException(source, "header length", headerLength, "at most " + MAX_HEADER_BYTES
                    + " bytes (NumPy's limit for np.load without allow_pickle)");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new NpyFormatException(source, "header", "only " + headerBytes.length + " bytes",
                    headerLength + " bytes as the header length field says");
        }
        String text = decode(headerBytes, version, source);
        NpyHeader header = NpyHeader.fromLiteral(PythonLiteral.parse(text, source, version != NpyVersion.V3_0), source);
        return new Prefix(version, header, MAGIC.length + 2L + version.lengthFieldBytes() + headerLength);
    }

    private static String decode(byte[] bytes, NpyVersion version, String source) {
        try {
            CharBuffer chars = version.headerCharset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new NpyFormatException(source, "header", "bytes that are not " + version.headerCharset(),
                    "a " + version.headerCharset() + " header for format " + version);
        }
    }

    private static HostTensor readData(InputStream in, NpyHeader header, String source) throws IOException {
        HostMemory.requireAllocatable(source, header.dtype(), header.shape());
        int slots = (int) (header.elementCount().longValueExact() * header.dtype().slotsPerElement());
        boolean single = header.dtype().isSinglePrecision();
        int slotBytes = header.dtype().componentType().elementBytes();
        Object data = single ? new float[slots] : new double[slots];
        byte[] chunk = new byte[Math.min(CHUNK_BYTES, Math.max(slotBytes, slots * slotBytes))];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.byteOrder());
        int done = 0;
        while (done < slots) {
            int n = Math.min(slots - done, chunk.length / slotBytes);
            int got = in.readNBytes(chunk, 0, n * slotBytes);
            if (got < n * slotBytes) {
                throw truncated(source, header, BigInteger.valueOf((long) done * slotBytes + got));
            }
            buffer.clear();
            if (single) {
                buffer.asFloatBuffer().get((float[]) data, done, n);
            } else {
                buffer.asDoubleBuffer().get((double[]) data, done, n);
            }
            done += n;
        }
        return HostTensor.of(header.dtype(), header.shape(), header.fortranOrder(), data);
    }

    private static NpyFormatException truncated(String source, NpyHeader header, BigInteger available) {
        return new NpyFormatException(source, "data", available + " bytes",
                header.dataBytes() + " bytes for shape " + NpyHeader.shapeRepr(header.shape()) + " of " + header.descr()
                        + " (the file is truncated)");
    }

    private static String hex(byte[] bytes) {
        if (bytes.length == 0) {
            return "nothing (empty file)";
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }
}
