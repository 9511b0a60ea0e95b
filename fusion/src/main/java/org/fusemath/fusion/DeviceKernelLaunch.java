package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.cuda.LaunchConfig;
import org.fusemath.fusion.device.CudaFusedKernels;
import org.fusemath.fusion.device.CudaKernel;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.Node;

/**
 * A fused group as one generated CUDA kernel ({@link CudaFusedKernels}: NVRTC, the cuda module's kernel cache),
 * reading and writing device buffers: the other launches' results stay on the device. Immutable.
 */
final class DeviceKernelLaunch implements DeviceLaunch {
    final FusedGroup group;
    final int[] inputs;
    final int[] outputs;
    private final List<Node> covered;
    private final String note;

    /**
     * @param inputs  the buffer of each group input, in order
     * @param outputs the buffer of each group output, in order
     * @param covered the expression nodes the group computes
     * @param note    why the launch exists when it covers no node (a bias scaled for an epilogue), or null
     */
    DeviceKernelLaunch(FusedGroup group, int[] inputs, int[] outputs, List<Node> covered, String note) {
        this.group = group;
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
        this.covered = List.copyOf(covered);
        this.note = note;
    }

    @Override
    public AutoCloseable prepare(DeviceProgram.Session session) {
        return null;
    }

    @Override
    public void run(DeviceProgram.Session session, AutoCloseable prepared) {
        session.calls.kernel(group, session.handles(inputs), session.handles(outputs));
    }

    @Override
    public int[] reads() {
        return inputs.clone();
    }

    @Override
    public int[] writes() {
        return outputs.clone();
    }

    @Override
    public Explanation.Launch describe(String transfers) {
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
        CudaKernel k = CudaFusedKernels.kernel(group);
        LaunchConfig c = k.launch();
        StringBuilder detail = new StringBuilder();
        if (note != null) {
            detail.append(note).append('\n');
        }
        detail.append(group.toString().stripTrailing()).append('\n')
                .append(k.reduction() ? "one block per outer index" : "grid-stride loop").append(", grid ").append(c.gridX())
                .append(" x ").append(c.blockX()).append(" threads, parameters (")
                .append(String.join(", ", CudaFusedKernels.argumentOrder(group))).append(')');
        detail.append(transfers);
        return new Explanation.Launch(Explanation.LaunchKind.FUSED_KERNEL, "NVRTC kernel " + k.entry(), nodes, read, written,
                detail.toString());
    }
}
