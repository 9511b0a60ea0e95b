package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fusemath.api.Execution;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.device.CublasLtMatmul;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * Plans a {@link Graph} for the device, in plain Java (no device needed, so tests assert the plan on every machine):
 * the host {@link Planner} decides the launches (matmuls with their epilogues, fused groups; on the device no group
 * runs per GEMM panel), and this turns each into a device launch over device buffers: every library matmul into a
 * cuBLASLt call on the buffers of its operands ({@link DeviceMatmulLaunch}, its call checked here by blas), every
 * fused group into one generated kernel ({@link DeviceKernelLaunch}). Every stored value gets one buffer; inputs are
 * copied in (a bias the epilogue needs scaled is scaled as it is copied), only the roots are copied back, and a root
 * that computes nothing is copied on the host. The result is a template of one {@link DeviceProgram} step whose
 * explanation lists each launch with the nodes it covers, the bytes it moves and the copies around it.
 */
final class DevicePlanner {
    private final PlanTemplate host;
    private final List<PlanTemplate.Slot> slots;
    private final int[] bufferOfSlot;
    private final List<DeviceProgram.Buffer> buffers = new ArrayList<>();
    private final List<DeviceProgram.Upload> uploads = new ArrayList<>();
    private final List<DeviceLaunch> launches = new ArrayList<>();

    private DevicePlanner(PlanTemplate host) {
        this.host = host;
        this.slots = new ArrayList<>(host.slots);
        this.bufferOfSlot = new int[slots.size()];
        Arrays.fill(bufferOfSlot, -1);
    }

    /** The device plan of {@code g} on {@code execution}'s device, made through fusemath-cuda and cuBLASLt. */
    static PlanTemplate plan(Graph g, Execution execution) {
        return plan(g, execution, CudaDeviceCalls::open);
    }

    /** The device plan of {@code g}, whose launches go through the calls {@code factory} opens. */
    static PlanTemplate plan(Graph g, Execution execution, DeviceCalls.Factory factory) {
        if (execution.kind() != Execution.Kind.DEVICE) {
            throw new IllegalArgumentException("a device plan for " + execution);
        }
        // No kernel compilers: the groups run as generated CUDA, so generating host kernels for them would be waste.
        return new DevicePlanner(Planner.plan(g, execution, List.of())).build(g, factory);
    }

    private PlanTemplate build(Graph g, DeviceCalls.Factory factory) {
        List<CopyStep> hostCopies = new ArrayList<>();
        List<Explanation.Launch> copyLaunches = new ArrayList<>();
        for (Step s : host.steps) {
            if (s instanceof MatmulStep m) {
                matmul(m);
            } else if (s instanceof KernelStep k) {
                launches.add(new DeviceKernelLaunch(k.group, buffersOf(k.inputSlots), buffersOf(k.outputSlots), k.covered,
                        null));
            } else if (s instanceof CopyStep c) {
                hostCopies.add(c);
                Explanation.Launch l = c.describe();
                copyLaunches.add(new Explanation.Launch(l.kind(), "host copy", l.nodes(), l.bytesRead(), l.bytesWritten(),
                        "computes nothing: copied on the host, not sent to the device"));
            } else {
                throw new IllegalStateException("no device form for " + s.getClass().getSimpleName());
            }
        }
        List<DeviceProgram.Upload> inputs = new ArrayList<>();
        for (int i = 0; i < host.inputCount; i++) {
            if (bufferOfSlot[i] >= 0) {
                inputs.add(new DeviceProgram.Upload(i, bufferOfSlot[i], 1));
            }
        }
        uploads.addAll(0, inputs);
        for (DeviceProgram.Upload u : uploads) {
            PlanTemplate.Slot s = slots.get(u.slot());
            slots.set(u.slot(), new PlanTemplate.Slot(s.type(), s.shape(), s.result(), true));
        }
        List<DeviceProgram.Download> downloads = new ArrayList<>();
        for (int r : host.rootSlots) {
            int b = bufferOfSlot[r];
            if (b >= 0 && downloads.stream().noneMatch(d -> d.slot() == r)) {
                downloads.add(new DeviceProgram.Download(b, r));
            }
        }
        boolean[] deviceOnly = new boolean[slots.size()];
        for (int i = host.inputCount; i < deviceOnly.length; i++) {
            deviceOnly[i] = !slots.get(i).result();
        }
        List<Explanation.Launch> explained = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            explained.add(launches.get(i).describe(transfers(g, i, downloads)));
        }
        explained.addAll(copyLaunches);
        Explanation ex = new Explanation(explained, host.explanation.notFused(), host.explanation.space(),
                host.explanation.mergedSubexpressions());
        DeviceProgram program = new DeviceProgram(buffers, uploads, launches, downloads, hostCopies, factory);
        return new PlanTemplate(slots, host.inputCount, List.of(program), host.rootSlots, host.inputs, ex, deviceOnly);
    }

    private void matmul(MatmulStep m) {
        MatmulFusion f = m.f;
        ScalarType t = f.result.type();
        int a = bufferOf(m.aSlot);
        int b = bufferOf(m.bSlot);
        int result = bufferOf(m.resultSlot);
        int aux = m.auxSlot < 0 ? -1 : bufferOf(m.auxSlot);
        int copyCFrom = -1;
        if (m.cSlot >= 0) {
            if (m.cSlot < host.inputCount) {
                uploads.add(new DeviceProgram.Upload(m.cSlot, result, 1));
            } else {
                copyCFrom = bufferOf(m.cSlot);
            }
        }
        int bias = -1;
        if (m.biasSlot >= 0) {
            if (f.biasScale == 1) {
                bias = bufferOf(m.biasSlot);
            } else {
                long n = f.bias.shape().size();
                bias = newBuffer(t, n);
                if (m.biasSlot < host.inputCount) {
                    uploads.add(new DeviceProgram.Upload(m.biasSlot, bias, f.biasScale));
                } else {
                    launches.add(scaleBias(f, bufferOf(m.biasSlot), bias));
                }
            }
        }
        Node an = f.matmul.arg(0);
        Node bn = f.matmul.arg(1);
        MatmulSpec.Builder spec = MatmulSpec.builder(t.dtype())
                .a(image(an.shape()), f.matmul.transA() ? Op.TRANSPOSE : Op.NONE)
                .b(image(bn.shape()), f.matmul.transB() ? Op.TRANSPOSE : Op.NONE)
                .c(image(f.result.shape())).alpha(f.alpha).beta(f.beta).epilogue(f.epilogue());
        if (f.bias != null) {
            spec.bias(MatrixShape.rowMajor(1, f.result.shape().dim(1)));
        }
        if (f.aux != null) {
            spec.aux(image(f.aux.shape()));
        }
        MatmulSpec s = spec.build();
        launches.add(new DeviceMatmulLaunch(m, s, CublasLtMatmul.describeCall(s), a, b, result, bias, aux, copyCFrom));
    }

    /** A kernel scaling a bias computed on the device by the power of two the epilogue needs. */
    private DeviceKernelLaunch scaleBias(MatmulFusion f, int from, int to) {
        Shape shape = f.bias.shape();
        ScalarType t = f.bias.type();
        GroupBuilder gb = new GroupBuilder(shape);
        int x = gb.input(t, shape);
        int y = gb.op(OpKind.MUL, x, gb.constant(f.biasScale, t));
        gb.output(y, false);
        FusedGroup group = gb.build();
        return new DeviceKernelLaunch(group, new int[] {from}, new int[] {to}, List.of(),
                "scales the bias " + f.bias.describe() + " by " + f.biasScale + " for the epilogue of " + f.matmul.describe());
    }

    /** A dense C-order value of rank 2 or 3 as the row-major (batched) image the library reads. */
    private static MatrixShape image(Shape s) {
        return s.rank() == 2 ? MatrixShape.rowMajor(s.dim(0), s.dim(1))
                : MatrixShape.rowMajor(s.dim(1), s.dim(2)).batched(s.dim(0));
    }

    private int bufferOf(int slot) {
        if (bufferOfSlot[slot] < 0) {
            PlanTemplate.Slot s = slots.get(slot);
            bufferOfSlot[slot] = newBuffer(s.type(), s.shape().size());
        }
        return bufferOfSlot[slot];
    }

    private int[] buffersOf(int[] slotIndices) {
        int[] b = new int[slotIndices.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = bufferOf(slotIndices[i]);
        }
        return b;
    }

    private int newBuffer(ScalarType t, long elements) {
        buffers.add(new DeviceProgram.Buffer(t, elements));
        return buffers.size() - 1;
    }

    /** The copies around launch {@code i}: inputs it is the first to read, roots it writes (copied back at the end). */
    private String transfers(Graph g, int i, List<DeviceProgram.Download> downloads) {
        StringBuilder sb = new StringBuilder();
        DeviceLaunch l = launches.get(i);
        for (DeviceProgram.Upload u : uploads) {
            if (contains(l.reads(), u.buffer()) && firstReader(u.buffer()) == i) {
                Node in = host.inputs.get(u.slot());
                sb.append("\ncopied to the device first: ").append(in.describe()).append(" (")
                        .append(in.shape().size() * in.type().bytes()).append(" B")
                        .append(u.scale() == 1 ? "" : ", scaled by " + u.scale() + " for the epilogue").append(')');
            }
        }
        for (DeviceProgram.Download d : downloads) {
            if (contains(l.writes(), d.buffer())) {
                for (int r = 0; r < host.rootSlots.length; r++) {
                    if (host.rootSlots[r] == d.slot()) {
                        Node root = g.roots.get(r);
                        sb.append("\ncopied back to the host: ").append(root.describe()).append(" (")
                                .append(root.shape().size() * root.type().bytes()).append(" B)");
                        break;
                    }
                }
            }
        }
        return sb.toString();
    }

    private int firstReader(int buffer) {
        for (int i = 0; i < launches.size(); i++) {
            if (contains(launches.get(i).reads(), buffer)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }
}
