package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fusemath.api.InvalidArgumentException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Scalar.parse reads the notations users type for --alpha and --beta. */
class ScalarTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "2; 2; 0", "-1.5e-3; -1.5e-3; 0", "1+2j; 1; 2", "(1-2j); 1; -2", " ( 0.5-1J ) ; 0.5; -1", "3j; 0; 3",
            "-j; 0; -1", "j; 0; 1", "1-j; 1; -1", "1e-5+2e3j; 1e-5; 2000", "-2.5E+2-4e-1i; -250; -0.4", "7i; 0; 7"})
    void parsesRealAndComplexNotations(String text, double re, double im) {
        Scalar s = Scalar.parse("--alpha", text);
        assertEquals(re, s.re(), 0.0, text);
        assertEquals(im, s.im(), 0.0, text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two", "1+", "1+2", "1+2jj", "1++2j", "()", "j1"})
    void rejectsWhatIsNotANumberNamingTheOption(String text) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, () -> Scalar.parse("--beta", text));
        assertEquals("--beta", e.argument(), text);
    }
}
