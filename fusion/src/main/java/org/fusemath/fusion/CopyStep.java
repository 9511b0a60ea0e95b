package org.fusemath.fusion;

import java.util.List;
import org.fusemath.fusion.ir.Node;

/** A root that computes nothing (an input, a constant): its value copied into the result array. */
final class CopyStep implements Step {
    final Node node;
    final int from;
    final int to;

    CopyStep(Node node, int from, int to) {
        this.node = node;
        this.from = from;
        this.to = to;
    }

    @Override
    public void run(PlanState state, int index) {
        Object dst = state.values[to];
        if (from < 0) {
            if (dst instanceof float[] f) {
                f[0] = (float) node.constant();
            } else {
                ((double[]) dst)[0] = node.constant();
            }
            return;
        }
        System.arraycopy(state.values[from], 0, dst, 0, (int) node.shape().size());
    }

    @Override
    public Explanation.Launch describe() {
        long b = node.shape().size() * node.type().bytes();
        return new Explanation.Launch(Explanation.LaunchKind.COPY, "copy", List.of(node.describe()), from < 0 ? 0 : b, b, "");
    }
}
