package org.fusemath.validation.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NpyMalformedTest {
    private static NpyFormatException rejected(byte[] file, String field, String... fragments) {
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(file, "bad.npy"));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals("bad.npy", e.source());
        assertTrue(e.getMessage().startsWith("bad.npy: " + field + " = "), e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "'" + f + "' in: " + e.getMessage());
        }
        return e;
    }

    private static byte[] withHeader(String dict) {
        return NpyTestFiles.v1Header(dict);
    }

    @Test
    void isAnInvalidArgumentException() {
        assertTrue(InvalidArgumentException.class.isAssignableFrom(NpyFormatException.class));
    }

    @Test
    void badMagic() {
        rejected("hello world, not numpy".getBytes(StandardCharsets.US_ASCII), "magic", "68 65 6C 6C 6F 20", "\\x93NUMPY");
        rejected(new byte[0], "magic", "empty file");
        rejected(new byte[] {'P', 'K', 3, 4, 0, 0}, "magic", ".npz");
    }

    @ParameterizedTest
    @CsvSource({"4,0", "1,1", "0,0", "2,5"})
    void unsupportedVersion(int major, int minor) {
        byte[] file = withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }");
        file[6] = (byte) major;
        file[7] = (byte) minor;
        rejected(file, "version", major + "." + minor, "1.0, 2.0 or 3.0");
    }

    @Test
    void fileEndingInsideThePrefixOrHeader() {
        byte[] full = withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }");
        rejected(Arrays.copyOf(full, 6), "version", "file ends after the magic");
        rejected(Arrays.copyOf(full, 9), "header length");
        rejected(Arrays.copyOf(full, 40), "header", "only 30 bytes", "118 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2, 3]", "'a string'", "(1, 2)", "None", "42"})
    void headerThatIsNotADict(String literal) {
        rejected(withHeader(literal), "header", "a dict with the keys");
    }

    @Test
    void missingOrUnexpectedKeys() {
        rejected(withHeader("{'descr': '<f8', 'shape': (2,), }"), "header keys", "missing [fortran_order]");
        rejected(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}"), "header keys",
                "unexpected ['extra']");
        rejected(withHeader("{}"), "header keys", "missing [descr, fortran_order, shape]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
        "'<i4';an integer type", "'|b1';a boolean", "'|O';Python objects", "'<f2';float width", "'<c32';complex width",
        "'<U3';a string type", "[('x', '<f8'), ('y', '<f8')];a structured dtype", "3;a int"})
    void unsupportedDtype(String descr, String explanation) {
        rejected(withHeader("{'descr': " + descr + ", 'fortran_order': False, 'shape': (2,), }"), "descr",
                explanation, "'<f4', '<f8', '<c8', '<c16'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"(-1,)|entry 0 is -1", "(2, -3)|entry 1 is -3", "[2, 3]|a list",
        "(2.0,)|entry 0 is 2.0", "(True,)|entry 0 is True", "3|a int", "(18446744073709551616,)|entry 0"})
    void invalidShape(String shape, String explanation) {
        rejected(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }"), "shape", explanation,
                "non-negative integers");
    }

    @Test
    void shapeLargerThanAJavaArrayIsRefusedBeforeAllocating() {
        rejected(withHeader("{'descr': '<c16', 'fortran_order': False, 'shape': (65536, 65536), }"), "shape",
                "limit of one Java array");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "'False'", "None", "1.0"})
    void fortranOrderThatIsNotABool(String value) {
        rejected(withHeader("{'descr': '<f8', 'fortran_order': " + value + ", 'shape': (2,), }"), "fortran_order", "True or False");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'descr': '<f8' 'fortran_order': False, 'shape': (2,)}|expected ','",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)|missing '}'",
        "{'descr': '<f8, 'fortran_order': False, 'shape': (2,)}|expected ','",
        "{'descr': '<f8', 'fortran_order': false, 'shape': (2,)}|unknown name 'false'",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} trailing|unexpected text after the literal",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }}|unexpected text"})
    void headerThatIsNotAPythonLiteral(String header, String problem) {
        rejected(withHeader(header), "header", problem, "Python dict literal");
    }

    @Test
    void nestingIsBoundedInsteadOfOverflowingTheStack() {
        rejected(withHeader("(".repeat(4000) + ")".repeat(4000)), "header", "nested deeper than");
    }

    @Test
    void python2LongSuffixIsAcceptedOnlyBeforeVersion3() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2L,), }";
        byte[] data = new byte[8];
        HostTensor t = NpyReader.read(NpyRoundTripTest.concat(NpyTestFiles.v1Header(dict), data), "py2.npy");
        assertEquals(2, t.dim(0));
        byte[] v3 = NpyTestFiles.header(3, 4, dict.getBytes(StandardCharsets.UTF_8));
        rejected(NpyRoundTripTest.concat(v3, data), "header", "long suffix");
    }

    @Test
    void version3HeaderMustBeUtf8() {
        byte[] dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x\u00e9': 1}".getBytes(StandardCharsets.ISO_8859_1);
        rejected(NpyTestFiles.header(3, 4, dict), "header", "UTF-8");
    }

    @Test
    void headerLengthBeyondTheLimitIsRefusedBeforeReading() {
        byte[] file = NpyTestFiles.header(2, 4, "{}".getBytes(StandardCharsets.US_ASCII));
        file[8] = 0;
        file[9] = 0;
        file[10] = 0;
        file[11] = 0x40;
        rejected(file, "header length", Long.toString(0x4000_0000L), "at most");
    }

    @Test
    void headerLongerThanNumpysLimitIsRefusedEvenInFormat1() {
        // Format 1.0's two-byte length field allows 65 535 bytes; np.load refuses above 10 000 without allow_pickle.
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'pad': '" + "x".repeat(20_000) + "'}";
        NpyFormatException e = rejected(withHeader(dict), "header length", "at most 10000 bytes");
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    /** Every field that echoes a value from the file: a value of a few thousand characters is cut in the message. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'descr': '@LONG@', 'fortran_order': False, 'shape': (2,), }|descr",
        "{'descr': '<f8', 'fortran_order': '@LONG@', 'shape': (2,), }|fortran_order",
        "{'descr': '<f8', 'fortran_order': False, 'shape': '@LONG@', }|shape",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, '@LONG@'), }|shape",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), '@LONG@': 1}|header keys",
        "['@LONG@']|header",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } '@LONG@'|header"})
    void longHostileValuesAreCutInTheMessage(String template, String field) {
        NpyFormatException e = rejected(withHeader(template.replace("@LONG@", "A".repeat(9000))), field);
        // Source, field, a value of at most 200 characters, and the expectation (itself capped at 400).
        assertTrue(e.getMessage().length() < 900, e.getMessage().length() + " characters: "
                + e.getMessage().substring(0, Math.min(300, e.getMessage().length())));
        assertTrue(e.getMessage().contains("more characters)") || !e.getMessage().contains("A".repeat(201)), e.getMessage());
    }

    @Test
    void overLongIntegerLiteralsAreRefusedBeforeConversion() {
        // 5 000 digits fit in a header; NumPy (Python 3.11+) refuses more than 4 300 digits too.
        rejected(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (" + "9".repeat(5000) + ",), }"), "header",
                "5000 digits", "at most 4300");
        // Straight through the parser (no header limit), 900 000 digits take the same early exit.
        NpyFormatException e = assertThrows(NpyFormatException.class,
                () -> PythonLiteral.parse("(" + "1".repeat(900_000) + ",)", "huge", false));
        assertTrue(e.getMessage().contains("900000 digits"), e.getMessage().substring(0, 300));
        assertTrue(e.getMessage().length() < 900, Integer.toString(e.getMessage().length()));
        // At the limit the literal is still an integer (a too-large one that the shape check then refuses).
        rejected(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (" + "9".repeat(4300) + ",), }"), "shape",
                "entry 0");
    }

    @Test
    void dataShorterThanTheShapeSays(@TempDir Path dir) throws IOException {
        HostTensor a = HostTensor.of(DType.C64, new long[] {3, 2}, new float[12]);
        byte[] full = NpyWriter.toBytes(a);
        byte[] cut = Arrays.copyOf(full, full.length - 5);
        rejected(cut, "data", "43 bytes", "48 bytes for shape (3, 2) of <c8", "truncated");
        // From a file the size is checked before the array is allocated; the message is the same.
        Path file = dir.resolve("cut.npy");
        Files.write(file, cut);
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> NpyReader.read(file));
        assertEquals(file.toString(), e.source());
        assertTrue(e.getMessage().contains("43 bytes") && e.getMessage().contains("48 bytes"), e.getMessage());
        // A huge promise in a tiny file fails on the size check, not with an OutOfMemoryError.
        Path huge = dir.resolve("huge.npy");
        Files.write(huge, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (200000000,), }"));
        assertThrows(NpyFormatException.class, () -> NpyReader.read(huge));
    }

    @Test
    void streamReadsStopAtTheArrayAndLeaveTheRest() throws IOException {
        HostTensor a = HostTensor.of(DType.F64, new long[] {2}, new double[] {1, 2});
        HostTensor b = HostTensor.of(DType.F32, new long[] {1}, new float[] {3});
        ByteArrayInputStream in = new ByteArrayInputStream(NpyRoundTripTest.concat(NpyWriter.toBytes(a), NpyWriter.toBytes(b)));
        NpyRoundTripTest.assertSameTensor(a, NpyReader.read(in, "first"));
        NpyRoundTripTest.assertSameTensor(b, NpyReader.read(in, "second"));
    }
}
