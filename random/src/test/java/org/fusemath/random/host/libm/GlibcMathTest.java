package org.fusemath.random.host.libm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Java ports equal glibc's x86-64 FMA-path results bit for bit on inputs recorded from glibc itself. */
class GlibcMathTest {

    @ParameterizedTest
    @ValueSource(strings = {"logf", "sinf", "cosf", "expf"})
    void floatFunctionsMatchGlibcBitForBit(String name) throws IOException {
        ByteBuffer pairs = load(name);
        int count = 0;
        while (pairs.hasRemaining()) {
            float x = pairs.getFloat();
            float expected = pairs.getFloat();
            float actual = switch (name) {
                case "logf" -> GlibcFloat.logf(x);
                case "sinf" -> GlibcFloat.sinf(x);
                case "cosf" -> GlibcFloat.cosf(x);
                default -> GlibcFloat.expf(x);
            };
            assertEquals(Integer.toHexString(Float.floatToIntBits(expected)), Integer.toHexString(Float.floatToIntBits(actual)),
                    () -> name + "(" + Float.toHexString(x) + ")");
            count++;
        }
        assertTrue(count >= 1000, "known answers loaded: " + count);
    }

    @ParameterizedTest
    @ValueSource(strings = {"log", "sin", "cos", "exp"})
    void doubleFunctionsMatchGlibcBitForBit(String name) throws IOException {
        DoubleUnaryOperator f = switch (name) {
            case "log" -> GlibcDouble::log;
            case "sin" -> GlibcDouble::sin;
            case "cos" -> GlibcDouble::cos;
            default -> GlibcDouble::exp;
        };
        ByteBuffer pairs = load(name);
        int count = 0;
        while (pairs.hasRemaining()) {
            double x = pairs.getDouble();
            double expected = pairs.getDouble();
            double actual = f.applyAsDouble(x);
            assertEquals(Long.toHexString(Double.doubleToLongBits(expected)), Long.toHexString(Double.doubleToLongBits(actual)),
                    () -> name + "(" + Double.toHexString(x) + ")");
            count++;
        }
        assertTrue(count >= 1000, "known answers loaded: " + count);
    }

    private static ByteBuffer load(String name) throws IOException {
        try (InputStream in = GlibcMathTest.class.getResourceAsStream(name + ".bin")) {
            assertTrue(in != null, "missing resource " + name + ".bin");
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
