package org.fusemath.fusion.spi;

import java.util.Optional;
import org.fusemath.fusion.ir.FusedGroup;

/**
 * Turns a {@link FusedGroup} into executable code: the code generators implement it and are found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.fusemath.fusion.spi.KernelCompiler}). The planner
 * asks each compiler in turn (ordered by {@link #priority()}, highest first) and falls back to the interpreter,
 * saying so in the plan's explanation, when none returns a kernel. Implementations must be thread-safe and
 * should cache by {@link FusedGroup#key()}.
 */
public interface KernelCompiler {
    /** A short name shown in explanations ({@code java-hidden-class}). */
    String name();

    /** Larger runs first; the default is 0. */
    default int priority() {
        return 0;
    }

    /** A host kernel for {@code group}, or empty when this compiler does not handle it (the plan says why not). */
    Optional<HostKernel> compileHost(FusedGroup group);

    /**
     * Why {@link #compileHost} returns empty for {@code group}, for the explanation; the default says nothing
     * specific.
     */
    default String declineReason(FusedGroup group) {
        return name() + " does not handle this group";
    }
}
