package org.fusemath.validation.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files one command writes, all or nothing: each is first written in full to a temporary file beside its
 * target (same directory, so the final rename never copies), and only when every one is written are the targets
 * replaced by renames ({@code ATOMIC_MOVE} where the file system has it). A write that fails half-way (disk
 * full, file-size limit, a read-only directory) leaves every target as it was and no temporary file behind; a
 * rename that fails puts back the targets already replaced.
 *
 * <p>Use: {@link #write} each file, then {@link #commit()}; {@link #close()} (try-with-resources) removes what
 * was not committed. One instance belongs to one thread.
 */
final class OutputFiles implements AutoCloseable {
    /** Writes the contents of one file; the stream is buffered and closed by the caller. */
    interface Contents {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Pending(Path target, Path temporary) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Set<Path> targets = new HashSet<>();
    private boolean committed;

    /** Writes {@code contents} to a temporary file beside {@code target}; {@code target} itself is untouched until {@link #commit()}. */
    void write(Path target, Contents contents) throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        Path absolute = target.toAbsolutePath().normalize();
        if (!targets.add(absolute)) {
            throw new UsageException("the output file " + target + " is named twice");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException(target + " is a directory, not a file to write");
        }
        Path temporary = temporaryBeside(absolute);
        pending.add(new Pending(absolute, temporary));
        // CREATE_NEW with the process's default permissions (a temp-file API would make it owner-only).
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16)) {
            contents.writeTo(out);
        } catch (IOException e) {
            // Name the file the user asked for, not the temporary one.
            throw new IOException("cannot write " + target + ": " + reason(e, absolute.getParent()), e);
        }
    }

    private static String reason(IOException e, Path directory) {
        if (e instanceof NoSuchFileException) {
            return "the directory " + directory + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + directory;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Replaces every target by its written file; on failure the targets already replaced get their old contents back. */
    void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed");
        }
        List<Path> backups = new ArrayList<>();
        int moved = 0;
        try {
            for (Pending p : pending) {
                Path backup = null;
                if (Files.exists(p.target(), LinkOption.NOFOLLOW_LINKS)) {
                    backup = temporaryBeside(p.target());
                    move(p.target(), backup);
                }
                backups.add(backup);
                move(p.temporary(), p.target());
                moved++;
            }
        } catch (IOException | RuntimeException e) {
            rollBack(backups, moved, e);
            throw e;
        }
        committed = true;
        for (Path backup : backups) {
            if (backup != null) {
                Files.deleteIfExists(backup);
            }
        }
    }

    /** Deletes the temporary files of an uncommitted set. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Pending p : pending) {
            try {
                Files.deleteIfExists(p.temporary());
            } catch (IOException e) {
                // Nothing better to do: the command already fails with the first error.
            }
        }
    }

    private void rollBack(List<Path> backups, int moved, Exception cause) {
        for (int i = backups.size() - 1; i >= 0; i--) {
            Pending p = pending.get(i);
            Path backup = backups.get(i);
            try {
                if (i < moved) {
                    Files.deleteIfExists(p.target());
                }
                if (backup != null) {
                    move(backup, p.target());
                }
            } catch (IOException | UncheckedIOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path temporaryBeside(Path target) {
        String name = target.getFileName().toString();
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return target.resolveSibling("." + name + "." + suffix + ".tmp");
    }
}
