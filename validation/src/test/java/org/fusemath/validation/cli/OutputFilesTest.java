package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {
    @TempDir
    Path dir;

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void committedFilesReplaceTheTargetsAndLeaveNoTemporaryFile() throws IOException {
        Files.write(dir.resolve("a.txt"), bytes("old"));
        try (OutputFiles files = new OutputFiles()) {
            files.write(dir.resolve("a.txt"), out -> out.write(bytes("new a")));
            files.write(dir.resolve("b.txt"), out -> out.write(bytes("new b")));
            // Nothing is visible before the commit.
            assertArrayEquals(bytes("old"), Files.readAllBytes(dir.resolve("a.txt")));
            assertFalse(Files.exists(dir.resolve("b.txt")));
            files.commit();
        }
        assertArrayEquals(bytes("new a"), Files.readAllBytes(dir.resolve("a.txt")));
        assertArrayEquals(bytes("new b"), Files.readAllBytes(dir.resolve("b.txt")));
        assertEquals(List.of("a.txt", "b.txt"), listing());
    }

    @Test
    void aStreamFailingHalfWayLeavesEveryTargetAsItWas() throws IOException {
        Files.write(dir.resolve("a.txt"), bytes("old"));
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputFiles files = new OutputFiles()) {
                files.write(dir.resolve("first.txt"), out -> out.write(bytes("complete")));
                files.write(dir.resolve("a.txt"), out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("No space left on device");
                });
                files.commit();
            }
        });
        assertTrue(e.getMessage().contains("cannot write " + dir.resolve("a.txt")), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertArrayEquals(bytes("old"), Files.readAllBytes(dir.resolve("a.txt")));
        assertEquals(List.of("a.txt"), listing(), "neither the first output nor a temporary file remains");
    }

    @Test
    void aMissingDirectoryIsNamedAndNothingIsWritten() throws IOException {
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputFiles files = new OutputFiles()) {
                files.write(dir.resolve("ok.txt"), out -> out.write(1));
                files.write(dir.resolve("missing").resolve("x.txt"), out -> out.write(1));
                files.commit();
            }
        });
        assertTrue(e.getMessage().contains("the directory " + dir.resolve("missing") + " does not exist"), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void aReadOnlyDirectoryRefusesTheTemporaryFile() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.write(ro.resolve("a.txt"), bytes("old"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // The superuser writes anywhere; the point is then moot.
            assumeTrue(!Files.isWritable(ro), "running as a user who can write into a read-only directory");
            assertThrows(IOException.class, () -> {
                try (OutputFiles files = new OutputFiles()) {
                    files.write(ro.resolve("a.txt"), out -> out.write(bytes("new")));
                    files.commit();
                }
            });
            assertArrayEquals(bytes("old"), Files.readAllBytes(ro.resolve("a.txt")));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void theSameTargetTwiceIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> {
            try (OutputFiles files = new OutputFiles()) {
                files.write(dir.resolve("a.txt"), out -> out.write(1));
                files.write(dir.resolve(".").resolve("a.txt"), out -> out.write(2));
            }
        });
        assertTrue(e.getMessage().contains("named twice"), e.getMessage());
    }
}
