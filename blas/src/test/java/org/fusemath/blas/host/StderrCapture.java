package org.fusemath.blas.host;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs code with {@code System.err} captured, so that a test can assert the warning slf4j-simple (the tests' SLF4J
 * binding, which looks {@code System.err} up on every message) logs for a bad setting, instead of leaving it in the
 * build log. Not thread-safe: {@code System.err} is global, and surefire runs this module's tests one at a time.
 */
final class StderrCapture {
    private StderrCapture() {
    }

    /** What {@code code} returned and what it wrote to {@code System.err}. */
    record Captured<T>(T value, String stderr) {
    }

    static <T> Captured<T> run(Supplier<T> code) {
        PrintStream before = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        T value;
        try {
            value = code.get();
        } finally {
            System.setErr(before);
        }
        return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8));
    }
}
