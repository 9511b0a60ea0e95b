package org.fusemath.validation.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {
    private static Object parse(String s) {
        return PythonLiteral.parse(s, "test", true);
    }

    @Test
    void numpyHeaderDict() {
        Object v = parse("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }          \n");
        Map<?, ?> m = assertInstanceOf(Map.class, v);
        assertEquals("<f8", m.get("descr"));
        assertEquals(Boolean.FALSE, m.get("fortran_order"));
        assertEquals(new PythonLiteral.Tuple(List.of(3L, 4L)), m.get("shape"));
        assertEquals(List.of("descr", "fortran_order", "shape"), List.copyOf(m.keySet()));
    }

    @Test
    void tuplesParenthesesAndLists() {
        assertEquals(new PythonLiteral.Tuple(List.of()), parse("()"));
        assertEquals(new PythonLiteral.Tuple(List.of(5L)), parse("(5,)"));
        assertEquals(5L, parse("(5)"), "parentheses alone make no tuple");
        assertEquals(new PythonLiteral.Tuple(List.of(1L, 2L)), parse("( 1 ,\n 2 , )"));
        assertEquals(List.of(1L, new PythonLiteral.Tuple(List.of("a"))), parse("[1, ('a',)]"));
    }

    @Test
    void stringsWithQuotesPrefixesAndEscapes() {
        assertEquals("<c16", parse("\"<c16\""));
        assertEquals("it's", parse("'it\\'s'"));
        assertEquals("a\tb\nc\\d\u00e9\u20ac", parse("'a\\tb\\nc\\\\d\\xe9\\u20ac'"));
        assertEquals("<f4", parse("u'<f4'"));
        assertEquals("<f4", parse("b'<f4'"));
        assertEquals("a\\tb", parse("r'a\\tb'"));
        assertEquals("\\q", parse("'\\q'"), "unknown escapes stay verbatim as in Python");
        assertEquals("x'y", parse("'''x'y'''"));
    }

    @Test
    void numbersAndNames() {
        assertEquals(-7L, parse("-7"));
        assertEquals(new BigInteger("123456789012345678901234567890"), parse("123456789012345678901234567890"));
        assertEquals(2.5, parse("2.5"));
        assertEquals(1e-3, parse("1e-3"));
        assertEquals(1_000L, parse("1_000"));
        assertEquals(3L, parse("3L"));
        assertEquals(Boolean.TRUE, parse("True"));
        assertNull(parse("None"));
        assertEquals(0L, parse("# comment\n0"));
    }

    @Test
    void laterDuplicateKeysWinAsInPython() {
        assertEquals(Map.of("a", 2L), parse("{'a': 1, 'a': 2}"));
    }

    @Test
    void rejectsWhatIsNotALiteral() {
        for (String bad : new String[] {"", "{", "{'a' 1}", "'open", "01", "3L", "{[1]: 2}", "os.system('x')", "1 + 2", "@"}) {
            assertThrows(NpyFormatException.class, () -> PythonLiteral.parse(bad, "t", false), bad);
        }
    }

    @Test
    void reprRoundTripsForMessages() {
        Object v = parse("{'k': [None, True, (1,), 'q\\'']}");
        assertEquals("{'k': [None, True, (1,), 'q\\'']}", PythonLiteral.repr(v));
    }
}
