package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.fusion.ir.Node;

/**
 * The {@link DevicePlanChecks} on every machine: the same plans, planned by {@link DevicePlanner} and executed through
 * {@link CpuDeviceCalls} (kernels on the group interpreter, matmuls on the host BLAS), so that the plan shapes, the
 * buffer wiring and the checks themselves are proven where no GPU is.
 */
class DevicePlanFakeTest extends DevicePlanChecks {
    @Override
    FusionPlan devicePlan(boolean callersStream, Expr... roots) {
        List<Node> nodes = new ArrayList<>();
        for (Expr e : roots) {
            nodes.add(e.node());
        }
        Graph g = new Graph(nodes);
        PlanTemplate t = DevicePlanner.plan(g, Execution.device(0), new CpuDeviceCalls().factory());
        return new FusionPlan(t, g.inputs, FuseContext.builder().execution(Execution.device(0)).build());
    }

    @Override
    boolean onHardware() {
        return false;
    }
}
