package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.spi.HostKernel;

/** A fused group run by one host kernel (generated, or the interpreter): reads its input slots, writes its output slots. */
final class KernelStep implements Step {
    final FusedGroup group;
    final HostKernel kernel;
    final String executor;
    final int[] inputSlots;
    final int[] outputSlots;
    final List<Node> covered;
    /** The node read through each input slot. */
    final List<Node> inputNodes;
    private final String declined;

    KernelStep(FusedGroup group, HostKernel kernel, String executor, int[] inputSlots, int[] outputSlots,
               List<Node> covered, List<Node> inputNodes, String declined) {
        this.group = group;
        this.kernel = kernel;
        this.executor = executor;
        this.inputSlots = inputSlots;
        this.outputSlots = outputSlots;
        this.covered = List.copyOf(covered);
        this.inputNodes = List.copyOf(inputNodes);
        this.declined = declined;
    }

    @Override
    public void run(PlanState state, int index) {
        // The argument arrays are made once per plan and refilled: result slots get new arrays on every execution.
        Object[][] args = (Object[][]) state.perStep[index];
        if (args == null) {
            args = new Object[][] {new Object[inputSlots.length], new Object[outputSlots.length]};
            state.perStep[index] = args;
        }
        Object[] in = args[0];
        for (int i = 0; i < in.length; i++) {
            in[i] = state.values[inputSlots[i]];
        }
        Object[] out = args[1];
        for (int i = 0; i < out.length; i++) {
            out[i] = state.values[outputSlots[i]];
        }
        kernel.run(in, out);
    }

    /** The arrays of the input slots in {@code state}. */
    Object[] inputs(PlanState state) {
        Object[] in = new Object[inputSlots.length];
        for (int i = 0; i < in.length; i++) {
            in[i] = state.values[inputSlots[i]];
        }
        return in;
    }

    /** The arrays of the output slots in {@code state}. */
    Object[] outputs(PlanState state) {
        Object[] out = new Object[outputSlots.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = state.values[outputSlots[i]];
        }
        return out;
    }

    @Override
    public Explanation.Launch describe() {
        long read = 0;
        for (FusedGroup.Input i : group.inputs()) {
            read += i.shape().size() * i.type().bytes();
        }
        long written = 0;
        for (FusedGroup.Output o : group.outputs()) {
            written += o.shape().size() * o.type().bytes();
        }
        List<String> nodes = new ArrayList<>();
        for (Node n : covered) {
            nodes.add(n.describe());
        }
        String detail = group.toString().stripTrailing() + (declined == null ? "" : "\n" + declined);
        return new Explanation.Launch(Explanation.LaunchKind.FUSED_KERNEL, executor, nodes, read, written, detail);
    }
}
