package org.fusemath.api.spi;

import java.util.List;
import java.util.Set;
import org.fusemath.api.HostTensor;

/**
 * One operation {@code fusemath exec} can run on .npy files, with NumPy/SciPy semantics so that its
 * output can be compared with NumPy's. Registered through {@code META-INF/services}.
 */
public interface ExecOperation {
    /** The name on the command line, e.g. {@code matmul}. */
    String name();

    /** One line: what it computes, in NumPy terms, and its options. */
    String summary();

    /** Options whose value is a .npy file the command line loads into {@link ExecRequest#arrays()}. */
    default Set<String> arrayOptions() {
        return Set.of();
    }

    /** Runs the operation; the outputs map to the {@code --out} files in order. */
    List<HostTensor> execute(ExecRequest request);
}
