package org.fusemath.validation.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NpyRoundTripTest {
    static final long[][] SHAPES = {{}, {0}, {5}, {0, 3}, {3, 0}, {2, 3}, {1, 4}, {2, 0, 4}, {2, 3, 4}};

    static Stream<Arguments> everyDtypeOrderAndShape() {
        List<Arguments> args = new ArrayList<>();
        for (DType t : DType.values()) {
            for (boolean fortran : new boolean[] {false, true}) {
                for (long[] shape : SHAPES) {
                    args.add(Arguments.of(t, fortran, shape));
                }
            }
        }
        return args.stream();
    }

    /** Distinct values that include NaN payloads, signed zeros, infinities and subnormals. */
    static HostTensor sample(DType t, long[] shape, boolean fortran) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        int slots = (int) n * t.slotsPerElement();
        if (t.isSinglePrecision()) {
            float[] f = new float[slots];
            float[] special = {Float.intBitsToFloat(0x7fc1_2345), -0.0f, Float.NEGATIVE_INFINITY, Float.MIN_VALUE};
            for (int i = 0; i < slots; i++) {
                f[i] = i < special.length ? special[i] : i * 0.75f - 3;
            }
            return HostTensor.of(t, shape, fortran, f);
        }
        double[] d = new double[slots];
        double[] special = {Double.longBitsToDouble(0x7ff8_0000_1234_5678L), -0.0, Double.POSITIVE_INFINITY, Double.MIN_VALUE};
        for (int i = 0; i < slots; i++) {
            d[i] = i < special.length ? special[i] : i * 0.1 - 3;
        }
        return HostTensor.of(t, shape, fortran, d);
    }

    static void assertSameTensor(HostTensor expected, HostTensor actual) {
        assertEquals(expected.dtype(), actual.dtype());
        assertArrayEquals(expected.shape(), actual.shape());
        assertEquals(expected.isFortranOrder(), actual.isFortranOrder());
        if (expected.array() instanceof float[] e) {
            float[] a = (float[]) actual.array();
            assertEquals(e.length, a.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]), "slot " + i);
            }
        } else {
            double[] e = (double[]) expected.array();
            double[] a = (double[]) actual.array();
            assertEquals(e.length, a.length);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), "slot " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} fortran={1} shape={2}")
    @MethodSource("everyDtypeOrderAndShape")
    void roundTripsThroughAFileBitForBit(DType t, boolean fortran, long[] shape, @TempDir Path dir) throws IOException {
        HostTensor a = sample(t, shape, fortran);
        Path file = dir.resolve("a.npy");
        NpyWriter.write(file, a);
        HostTensor b = NpyReader.read(file);
        assertNotSame(a.array(), b.array());
        assertSameTensor(a, b);

        byte[] bytes = Files.readAllBytes(file);
        long dataBytes = b.elementCount() * t.elementBytes();
        int headerEnd = (int) (bytes.length - dataBytes);
        assertEquals(0, headerEnd % 64, "data starts on a 64-byte boundary");
        assertEquals('\n', bytes[headerEnd - 1], "the header ends with a newline");
        String header = new String(bytes, 10, headerEnd - 10, StandardCharsets.ISO_8859_1);
        assertTrue(header.startsWith("{'descr': '" + t.numpyDescr() + "', 'fortran_order': " + (fortran ? "True" : "False")
                + ", 'shape': " + NpyHeader.shapeRepr(shape) + ", }"), header);
        assertEquals(headerEnd - 10, ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF);
        assertSameTensor(a, NpyReader.read(bytes, "memory"));
    }

    @Test
    void headerTextMatchesNumpysIncludingTheGrowthAxisSpaces() {
        // numpy 1.2x-2.x: np.save of np.zeros((3, 4)) writes exactly this header (70 spaces of padding total).
        byte[] h = NpyWriter.headerBytes(new NpyHeader(DType.F64, ByteOrder.LITTLE_ENDIAN, false, new long[] {3, 4}), null);
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }";
        assertEquals(128, h.length, "prefix 10 + dict 60 + padding to the next multiple of 64");
        String text = new String(h, 10, h.length - 10, StandardCharsets.ISO_8859_1);
        assertEquals(dict + " ".repeat(128 - 10 - dict.length() - 1) + "\n", text);
        // Fortran order reserves the growth spaces for the last axis instead of the first.
        NpyHeader f = new NpyHeader(DType.C64, ByteOrder.LITTLE_ENDIAN, true, new long[] {12345, 7});
        assertEquals("{'descr': '<c8', 'fortran_order': True, 'shape': (12345, 7), }" + " ".repeat(20), f.dictText());
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (), }",
                new NpyHeader(DType.F32, ByteOrder.LITTLE_ENDIAN, false, new long[0]).dictText());
    }

    @ParameterizedTest
    @EnumSource(NpyVersion.class)
    void everyVersionRoundTripsWithItsLengthFieldAndAlignment(NpyVersion version) {
        HostTensor a = sample(DType.C128, new long[] {3, 2}, true);
        byte[] bytes = NpyWriter.toBytes(a, version);
        assertEquals(version.major(), bytes[6]);
        assertEquals(version.minor(), bytes[7]);
        int prefix = 8 + version.lengthFieldBytes();
        ByteBuffer len = ByteBuffer.wrap(bytes, 8, version.lengthFieldBytes()).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = version.lengthFieldBytes() == 2 ? len.getShort() & 0xFFFF : len.getInt();
        assertEquals(0, (prefix + headerLength) % 64);
        assertEquals(bytes.length, prefix + headerLength + 6 * 16);
        assertSameTensor(a, NpyReader.read(bytes, "v" + version));
    }

    @Test
    void aHeaderTooLongForVersion1MovesToVersion2UnlessVersion1IsDemanded() {
        long[] shape = new long[23_000];
        Arrays.fill(shape, 1);
        HostTensor a = HostTensor.of(DType.F32, shape, new float[] {2.5f});
        byte[] bytes = NpyWriter.toBytes(a);
        assertEquals(2, bytes[6], "format 2.0 was chosen");
        // Such a header (23 000 axes; NumPy allows 64) exceeds np.load's 10 000-byte limit, and the reader's.
        NpyFormatException refused = assertThrows(NpyFormatException.class, () -> NpyReader.read(bytes, "long header"));
        assertEquals("header length", refused.field());
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> NpyWriter.toBytes(a, NpyVersion.V1_0));
        assertTrue(e.getMessage().contains("format 2.0"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void bigEndianFilesAreConvertedOnReading(DType t) {
        HostTensor expected = sample(t, new long[] {2, 3}, false);
        NpyHeader be = new NpyHeader(t, ByteOrder.BIG_ENDIAN, false, new long[] {2, 3});
        byte[] header = NpyWriter.headerBytes(be, NpyVersion.V1_0);
        assertTrue(new String(header, StandardCharsets.ISO_8859_1).contains("'descr': '>" + t.numpyDescr().substring(1) + "'"));
        ByteBuffer data = ByteBuffer.allocate(6 * t.elementBytes()).order(ByteOrder.BIG_ENDIAN);
        if (expected.array() instanceof float[] f) {
            data.asFloatBuffer().put(f);
        } else {
            data.asDoubleBuffer().put((double[]) expected.array());
        }
        HostTensor read = NpyReader.read(concat(header, data.array()), "big-endian");
        assertSameTensor(expected, read);
    }

    @ParameterizedTest
    @MethodSource("nativeOrderDescrs")
    void nativeAndNotApplicableByteOrdersReadAsNative(String descr) {
        double[] values = {1.5, -2.25};
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        data.asDoubleBuffer().put(values);
        byte[] file = concat(NpyTestFiles.v1Header("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2,), }"), data.array());
        HostTensor t = NpyReader.read(file, descr);
        assertEquals(DType.F64, t.dtype());
        assertArrayEquals(values, (double[]) t.array());
    }

    static Stream<String> nativeOrderDescrs() {
        return Stream.of("=f8", "|f8", "f8");
    }

    @Test
    void bytesAfterTheDataAreIgnoredAsNumpyDoes(@TempDir Path dir) throws IOException {
        HostTensor a = sample(DType.F32, new long[] {4}, false);
        Path file = dir.resolve("trailing.npy");
        Files.write(file, concat(NpyWriter.toBytes(a), "trailing garbage".getBytes(StandardCharsets.US_ASCII)));
        assertSameTensor(a, NpyReader.read(file));
    }

    @Test
    void readHeaderReportsShapeOrderAndTypeWithoutTheData(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("h.npy");
        NpyWriter.write(file, sample(DType.C64, new long[] {4, 2}, true));
        NpyHeader h = NpyReader.readHeader(file);
        assertEquals(new NpyHeader(DType.C64, ByteOrder.LITTLE_ENDIAN, true, new long[] {4, 2}), h);
        assertEquals("<c8", h.descr());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
