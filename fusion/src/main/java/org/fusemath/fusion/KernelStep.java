package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.spi.HostKernel;
import org.fusemath.fusion.spi.RowParts;

/**
 * A fused group run by one host kernel (generated, or the interpreter): reads its input slots, writes its output slots.
 * A generated kernel of rank ≥ 1 that does not reduce axis 0 runs in blocks of axis 0 on up to the context's threads
 * ({@link RowParts}): every index of axis 0 is computed by the same code on any thread and no sum crosses them, so the
 * results are those of one thread bit for bit. A group reducing axis 0 (a whole-array or column reduction) runs on
 * one thread: splitting it would change its summation order. (A GEMM panel group is run per panel by its
 * {@link MatmulStep} through {@link HostKernel#run(Object[], Object[], int, int)}, never through this step's split.)
 */
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
    /** Rows of axis 0 the step may split, or 0 when it runs on one thread. */
    private final int rows;
    private final long elementsPerRow;

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
        boolean split = splittable(group) && !(kernel instanceof GroupInterpreter);
        this.rows = split ? (int) group.shape().dim(0) : 0;
        this.elementsPerRow = split ? group.shape().size() / group.shape().dim(0) : 0;
    }

    /** Whether {@code g}'s axis 0 may be split: rank ≥ 1, not reduced, not empty. */
    static boolean splittable(FusedGroup g) {
        if (g.shape().rank() == 0 || g.shape().size() == 0 || g.shape().dim(0) > Integer.MAX_VALUE) {
            return false;
        }
        int[] r = g.reducedAxes();
        return r.length == 0 || r[0] != 0;
    }

    /** The most threads this step's kernel can use by its work alone (1: it runs on one thread). */
    int partsByWork() {
        return rows == 0 ? 1 : RowParts.partsByWork(rows, elementsPerRow);
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
        int parts = rows == 0 ? 1 : RowParts.parts(rows, elementsPerRow, state.context.threads());
        if (parts <= 1) {
            kernel.run(in, out);
        } else {
            RowParts.run(rows, elementsPerRow, parts, (from, to) -> kernel.run(in, out, from, to));
        }
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
        int[] r = group.reducedAxes();
        if (group.shape().rank() > 0 && r.length > 0 && r[0] == 0 && group.shape().dim(0) > 1) {
            detail += "\none host thread: the group reduces axis 0 (splitting it would change the summation order)";
        }
        return new Explanation.Launch(Explanation.LaunchKind.FUSED_KERNEL, executor, nodes, read, written, detail,
                partsByWork());
    }
}
