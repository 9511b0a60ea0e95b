package org.fusemath.validation.npy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever a header holds, reading it either yields an array or fails with an {@link NpyFormatException} whose
 * message stays short (values cut at 200 characters), never another exception and never a message that echoes a
 * hostile value whole.
 */
class NpyHostileHeaderPropertiesTest {
    private static final int MAX_MESSAGE = 1_200;

    /** Header-like text: the real keys and values spliced with long runs of digits, quotes, brackets and junk. */
    @Provide
    Arbitrary<String> headers() {
        Arbitrary<String> longRun = Combinators.combine(Arbitraries.of("9", "A", "'", "(", "[", "{", " ", ",", "\\", "-"),
                Arbitraries.integers().between(0, 9_000)).as(String::repeat);
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.of("{", "}", "(", ")", ",", ": ", "'descr'", "'<f8'", "'<c16'",
                "'fortran_order'", "False", "True", "'shape'", "(2, 3)", "(", "L", "1e5", "None", "#", "\n"), longRun,
                Arbitraries.strings().ascii().ofMaxLength(40));
        return piece.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void readingFailsOnlyWithAShortFormatError(@ForAll("headers") String header) {
        byte[] file = NpyTestFiles.header(2, 4, header.getBytes(StandardCharsets.ISO_8859_1));
        try {
            NpyReader.read(file, "hostile.npy");
        } catch (NpyFormatException e) {
            assertTrue(e.getMessage().length() < MAX_MESSAGE, e.getMessage().length() + " characters: "
                    + e.getMessage().substring(0, Math.min(300, e.getMessage().length())));
        }
    }

    @Property(tries = 200)
    void theParserRefusesOverLongIntegersBeforeConverting(@ForAll("digits") String digits) {
        try {
            PythonLiteral.parse("(" + digits + ",)", "digits", false);
            assertTrue(digits.length() <= PythonLiteral.MAX_INTEGER_DIGITS, digits.length() + " digits were converted");
        } catch (NpyFormatException e) {
            assertTrue(digits.length() > PythonLiteral.MAX_INTEGER_DIGITS, e.getMessage());
            assertTrue(e.getMessage().length() < MAX_MESSAGE, Integer.toString(e.getMessage().length()));
        }
    }

    @Provide
    Arbitrary<String> digits() {
        return Combinators.combine(Arbitraries.strings().withCharRange('1', '9').ofLength(1),
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(20_000)).as(String::concat);
    }
}
