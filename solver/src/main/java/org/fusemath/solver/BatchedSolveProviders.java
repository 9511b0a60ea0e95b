package org.fusemath.solver;

import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.solver.device.DeviceBatchedSolve;
import org.fusemath.solver.host.HostBatchedSolve;

/**
 * The one place a batched solve learns where it runs: DEVICE runs on the context's device (cuBLAS/cuSOLVER,
 * operands copied in and X back); HOST and AUTO run on the host, because the operands are heap arrays and no
 * crossover at which copying them pays has been measured yet. Leaves one DEBUG line on the context's logger.
 * Stateless.
 */
final class BatchedSolveProviders {
    private BatchedSolveProviders() {
    }

    static BatchedProblem.Failure solve(FuseContext context, BatchedProblem problem) {
        boolean device = context.execution().kind() == Execution.Kind.DEVICE;
        if (context.logger().isDebugEnabled()) {
            context.logger().debug("batched {} solve of {} members of order {} on {}", problem.method(), problem.batch(),
                    problem.n(), device ? "device " + context.deviceId() + " (cuBLAS/cuSOLVER)" : "host");
        }
        return device ? DeviceBatchedSolve.solve(context, problem) : HostBatchedSolve.solve(context.threads(), problem);
    }
}
