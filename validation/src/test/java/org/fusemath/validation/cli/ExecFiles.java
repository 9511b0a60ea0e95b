package org.fusemath.validation.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.fusemath.api.HostTensor;
import org.fusemath.validation.npy.NpyWriter;

/** The .npy files of an exec test: inputs written into the test's directory, outputs named there. */
final class ExecFiles {
    private ExecFiles() {
    }

    /** Writes {@code t} to {@code name} in {@code dir} and returns the file's path as a CLI argument. */
    static String write(Path dir, String name, HostTensor t) throws IOException {
        Path p = dir.resolve(name);
        NpyWriter.write(p, t);
        return p.toString();
    }

    /** The path of {@code name} in {@code dir} as a CLI argument. */
    static String path(Path dir, String name) {
        return dir.resolve(name).toString();
    }
}
