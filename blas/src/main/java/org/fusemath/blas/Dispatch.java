package org.fusemath.blas;

import org.fusemath.api.Arguments;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.slf4j.Logger;

/**
 * The one place a {@link Blas} call learns where it runs and which provider computes it, and says so. Every level
 * 1–3 routine is a {@link RoutineCall} run by {@link #run}; every product, the small-product shortcut included,
 * asks {@link #space} through {@link MatmulProviders}. Each leaves one DEBUG line on the context's logger:
 * {@code ROUTINE on SPACE via PROVIDER: WHY}.
 *
 * <p>Execution follows the context: DEVICE runs on its device; HOST and AUTO run on the host, because the
 * operands are host arrays and no crossover at which copying them to a device pays has been measured yet, so
 * AUTO never moves them. Stateless and thread-safe.
 */
final class Dispatch {
    private Dispatch() {
    }

    /** The space a call under {@code context} runs in. */
    static Space space(FuseContext context) {
        return Arguments.requireNonNull(context, "context").execution().kind() == Execution.Kind.DEVICE
                ? Space.DEVICE : Space.HOST;
    }

    /** The provider of the level 1–3 routines in {@code space}. */
    private static Provider routineProvider(Space space) {
        return switch (space) {
            case HOST -> Provider.OPENBLAS;
            case DEVICE -> Provider.CUBLAS;
        };
    }

    /** Runs the checked {@code call} on the provider the context chooses, after tracing the choice. */
    static <R> R run(FuseContext context, RoutineCall<R> call) {
        Space space = space(context);
        Provider provider = routineProvider(space);
        if (tracing(context)) {
            trace(context, call.routine(), provider, "");
        }
        return switch (space) {
            case HOST -> call.onHost(context);
            case DEVICE -> call.onDevice(context);
        };
    }

    /** Whether the context's logger takes the trace: callers build costly details only then. */
    static boolean tracing(FuseContext context) {
        return context.logger().isDebugEnabled();
    }

    /** Logs {@code routine on SPACE via PROVIDER: why}, the why being the context's request and {@code detail}. */
    static void trace(FuseContext context, String routine, Provider provider, String detail) {
        Logger log = context.logger();
        if (log.isDebugEnabled()) {
            log.debug("{} on {} via {}: {}{}", routine, provider.space(), provider, reason(context), detail);
        }
    }

    private static String reason(FuseContext context) {
        Execution e = context.execution();
        return switch (e.kind()) {
            case HOST -> "execution host";
            case DEVICE -> "execution " + e;
            case AUTO -> "execution auto keeps host operands on the host (no measured crossover pays for the copies)";
        };
    }
}
