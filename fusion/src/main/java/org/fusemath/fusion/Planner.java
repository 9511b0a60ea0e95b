package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusemath.api.Execution;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;

import org.fusemath.fusion.spi.HostKernel;
import org.fusemath.fusion.spi.KernelCompiler;

/**
 * Turns a {@link Graph} into a {@link PlanTemplate}: matmuls become library launches absorbing what their
 * epilogue can ({@link MatmulFusion}), the remaining element-wise and reduction nodes become fused groups
 * ({@link Grouping}), each lowered to a {@link FusedGroup} and compiled by the first {@link KernelCompiler} that
 * takes it (else interpreted), and the launches are ordered so that each runs after what it reads.
 */
final class Planner {
    private final Graph g;
    private final Execution execution;
    private final List<KernelCompiler> compilers;
    private final Map<Node, Integer> slotOf = new IdentityHashMap<>();
    private final List<PlanTemplate.Slot> slots = new ArrayList<>();
    private final List<Explanation.NotFused> notFused = new ArrayList<>();

    private Planner(Graph g, Execution execution, List<KernelCompiler> compilers) {
        this.g = g;
        this.execution = execution;
        this.compilers = compilers;
    }

    static PlanTemplate plan(Graph g, Execution execution, List<KernelCompiler> compilers) {
        return new Planner(g, execution, compilers).build();
    }

    private PlanTemplate build() {
        for (Node in : g.inputs) {
            slotOf.put(in, slots.size());
            slots.add(new PlanTemplate.Slot(in.type(), in.shape(), false, false));
        }
        // 1. library launches, 2. fused groups
        Set<Node> leaveEpilogue = Collections.newSetFromMap(new IdentityHashMap<>());
        List<MatmulFusion> matmuls = matchMatmuls(leaveEpilogue);
        Grouping grouping = new Grouping(g, coveredBy(matmuls));
        boolean host = execution.kind() != Execution.Kind.DEVICE;
        if (host) {
            // A host matmul whose result a group finishes per panel anyway leaves its bias and ReLU to that group: one
            // pass over each panel instead of the epilogue's and the group's. Kept only when every such group still
            // finishes its matmul per panel (it declines, e.g., a bias computed by another launch).
            for (MatmulFusion f : matmuls) {
                if (f.epilogueFoldsIntoGroup() && panelGroup(f, grouping, false) != null) {
                    leaveEpilogue.add(f.matmul);
                }
            }
            if (!leaveEpilogue.isEmpty()) {
                List<MatmulFusion> left = matchMatmuls(leaveEpilogue);
                Grouping regrouped = new Grouping(g, coveredBy(left));
                boolean kept = true;
                for (MatmulFusion f : left) {
                    kept &= !leaveEpilogue.contains(f.matmul) || panelGroup(f, regrouped, false) != null;
                }
                if (kept) {
                    matmuls = left;
                    grouping = regrouped;
                }
            }
        }
        for (MatmulFusion f : matmuls) {
            for (String[] d : f.declined) {
                notFused.add(new Explanation.NotFused(d[0], d[1]));
            }
            for (Node operand : g.args(f.matmul)) {
                if (operand.kind() != OpKind.INPUT) {
                    notFused.add(new Explanation.NotFused(operand.describe(),
                            "stored: it is an operand of the library matmul " + f.matmul.describe()));
                }
            }
        }
        for (String[] d : grouping.notFused) {
            notFused.add(new Explanation.NotFused(d[0], d[1]));
        }
        // 3. the element-wise group that finishes a host matmul's result runs per GEMM panel, in place in C
        Map<MatmulFusion, Grouping.Group> panelGroups = new IdentityHashMap<>();
        if (host) {
            for (MatmulFusion f : matmuls) {
                Grouping.Group gr = panelGroup(f, grouping, true);
                if (gr != null) {
                    panelGroups.put(f, gr);
                    // C is the group's output array: the matmul writes it and the kernel finishes it in place.
                    slotOf.put(f.result, slotFor(outputsOf(gr, grouping).get(0)));
                }
            }
        }
        // 4. slots for every stored value, then the steps
        Map<Object, Step> stepOf = new LinkedHashMap<>();
        Map<Step, List<Node>> reads = new IdentityHashMap<>();
        Map<Node, Step> producer = new IdentityHashMap<>();
        for (MatmulFusion f : matmuls) {
            KernelStep panel = null;
            Grouping.Group pg = panelGroups.get(f);
            if (pg != null) {
                panel = (KernelStep) lower(pg, grouping, new IdentityHashMap<>());
            }
            int result = slotFor(f.result);
            int aux = f.aux == null ? -1 : slotFor(f.aux);
            List<Node> r = new ArrayList<>(List.of(g.arg(f.matmul, 0), g.arg(f.matmul, 1)));
            if (f.c != null) {
                r.add(f.c);
            }
            if (f.bias != null) {
                r.add(f.bias);
            }
            for (Node x : r) {
                slotFor(x);
            }
            if (f.c != null) {
                markDense(f.c);
            }
            if (f.bias != null) {
                markDense(f.bias);
            }
            for (int k = 0; k < 2; k++) {
                if (g.arg(f.matmul, k).kind() != OpKind.INPUT) {
                    markDense(g.arg(f.matmul, k));
                }
            }
            Step s = new MatmulStep(f, slotOf.get(g.arg(f.matmul, 0)), slotOf.get(g.arg(f.matmul, 1)),
                    f.c == null ? -1 : slotOf.get(f.c), f.bias == null ? -1 : slotOf.get(f.bias), result, aux,
                    execution.kind() == Execution.Kind.DEVICE, panel);
            stepOf.put(f, s);
            producer.put(f.result, s);
            if (f.aux != null) {
                producer.put(f.aux, s);
            }
            if (panel != null) {
                for (Node x : pg.members) {
                    producer.put(x, s);
                }
                for (Node x : panel.inputNodes) {
                    if (x != f.result && !r.contains(x)) {
                        r.add(x);
                    }
                }
            }
            reads.put(s, r);
        }
        for (Grouping.Group gr : grouping.groups) {
            if (panelGroups.containsValue(gr)) {
                continue;
            }
            Step s = lower(gr, grouping, reads);
            stepOf.put(gr, s);
            for (int o : ((KernelStep) s).outputSlots) {
                producer.put(nodeOfSlot(o), s);
            }
        }
        Map<Node, Integer> copySlots = new IdentityHashMap<>();
        for (Node r : g.roots) {
            if ((r.kind() == OpKind.INPUT || r.kind() == OpKind.CONSTANT) && !copySlots.containsKey(r)) {
                int to = slots.size();
                copySlots.put(r, to);
                slots.add(new PlanTemplate.Slot(r.type(), r.shape(), true, false));
                Step s = new CopyStep(r, r.kind() == OpKind.INPUT ? slotOf.get(r) : -1, to);
                if (r.kind() == OpKind.INPUT) {
                    markDense(r);
                    reads.put(s, List.of(r));
                } else {
                    reads.put(s, List.of());
                }
                stepOf.put(new Object(), s);
            }
        }
        // 5. order: each step after the producers of what it reads
        List<Step> ordered = new ArrayList<>();
        Set<Step> done = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Step> pending = new ArrayList<>(stepOf.values());
        while (!pending.isEmpty()) {
            boolean progressed = false;
            for (int i = 0; i < pending.size(); i++) {
                Step s = pending.get(i);
                boolean ready = true;
                for (Node x : reads.getOrDefault(s, List.of())) {
                    Step p = producer.get(x);
                    if (p != null && p != s && !done.contains(p)) {
                        ready = false;
                        break;
                    }
                }
                if (ready) {
                    ordered.add(s);
                    done.add(s);
                    pending.remove(i);
                    progressed = true;
                    break;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("fusion planner produced a cycle of launches: " + pending);
            }
        }
        int[] rootSlots = new int[g.roots.size()];
        for (int i = 0; i < rootSlots.length; i++) {
            Node r = g.roots.get(i);
            rootSlots[i] = copySlots.containsKey(r) ? copySlots.get(r) : slotOf.get(r);
        }
        List<Explanation.Launch> launches = new ArrayList<>();
        for (Step s : ordered) {
            launches.add(s.describe());
        }
        String space = execution.kind() == Execution.Kind.DEVICE ? "device:" + Math.max(0, execution.deviceId()) : "host";
        Explanation ex = new Explanation(launches, notFused, space, g.merged);
        return new PlanTemplate(slots, g.inputs.size(), ordered, rootSlots, g.inputs, ex);
    }

    /**
     * The library launch of every matmul, in graph order; those in {@code leaveEpilogue} leave their bias and ReLU to
     * the group after them.
     */
    private List<MatmulFusion> matchMatmuls(Set<Node> leaveEpilogue) {
        List<MatmulFusion> matmuls = new ArrayList<>();
        for (Node n : g.order) {
            if (n.kind() == OpKind.MATMUL) {
                if (n.shape().rank() > 3) {
                    throw new InvalidArgumentException(n.describe(), "rank " + n.shape().rank(),
                            "a matmul of rank 2 or 3 (one batch axis)");
                }
                matmuls.add(MatmulFusion.match(g, n, leaveEpilogue.contains(n)));
            }
        }
        return matmuls;
    }

    private static Set<Node> coveredBy(List<MatmulFusion> matmuls) {
        Set<Node> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (MatmulFusion f : matmuls) {
            covered.addAll(f.covered);
        }
        return covered;
    }

    private Node nodeOfSlot(int slot) {
        for (Map.Entry<Node, Integer> e : slotOf.entrySet()) {
            if (e.getValue() == slot) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("slot " + slot + " has no node");
    }

    private int slotFor(Node n) {
        Integer s = slotOf.get(n);
        if (s != null) {
            return s;
        }
        slotOf.put(n, slots.size());
        slots.add(new PlanTemplate.Slot(n.type(), n.shape(), g.roots.contains(n), false));
        return slots.size() - 1;
    }

    private void markDense(Node n) {
        int i = slotOf.get(n);
        PlanTemplate.Slot s = slots.get(i);
        slots.set(i, new PlanTemplate.Slot(s.type(), s.shape(), s.result(), true));
    }

    private Step lower(Grouping.Group gr, Grouping grouping, Map<Step, List<Node>> reads) {
        GroupBuilder b = new GroupBuilder(gr.shape);
        Map<Node, Integer> op = new IdentityHashMap<>();
        Map<Node, Integer> inputOp = new IdentityHashMap<>();
        List<Node> inputNodes = new ArrayList<>();
        for (Node n : gr.members) {
            List<Node> args = g.args(n);
            int[] a = new int[args.size()];
            for (int i = 0; i < a.length; i++) {
                Node x = args.get(i);
                Integer known = op.get(x);
                if (known == null) {
                    known = inputOp.get(x);
                }
                if (known == null) {
                    if (x.kind() == OpKind.CONSTANT) {
                        known = b.constant(x.constant(), x.type());
                        op.put(x, known);
                    } else {
                        known = b.input(x.type(), x.shape());
                        inputOp.put(x, known);
                        inputNodes.add(x);
                    }
                }
                a[i] = known;
            }
            int id;
            if (n.kind().isReduction()) {
                id = b.reduce(n.kind(), a[0], n.axes());
            } else if (n.kind() == OpKind.CAST) {
                id = b.cast(a[0], n.type());
            } else {
                id = b.op(n.kind(), a);
            }
            op.put(n, id);
        }
        List<Node> outs = outputsOf(gr, grouping);
        for (Node n : outs) {
            b.output(op.get(n), !n.shape().equals(gr.shape));
        }
        FusedGroup group = b.build();
        int[] in = new int[inputNodes.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = slotFor(inputNodes.get(i));
            markDense(inputNodes.get(i));
        }
        int[] out = new int[outs.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = slotFor(outs.get(i));
        }
        HostKernel kernel = null;
        String executor = "interpreter";
        StringBuilder declined = new StringBuilder();
        for (KernelCompiler c : compilers) {
            Optional<HostKernel> k = c.compileHost(group);
            if (k.isPresent()) {
                kernel = k.get();
                executor = c.name();
                break;
            }
            declined.append(declined.length() == 0 ? "" : "; ").append(c.declineReason(group));
        }
        if (kernel == null) {
            kernel = new GroupInterpreter(group);
            if (declined.length() == 0) {
                declined.append("interpreted: no kernel compiler is installed");
            } else {
                declined.insert(0, "interpreted: ");
            }
        }
        if (execution.kind() == Execution.Kind.DEVICE) {
            declined.append(declined.length() == 0 ? "" : "; ").append("runs on the host between device launches");
        }
        KernelStep s = new KernelStep(group, kernel, executor, in, out, gr.members, inputNodes,
                declined.length() == 0 ? null : declined.toString());
        reads.put(s, inputNodes);
        return s;
    }

    /** The members of {@code gr} whose values leave it (roots, or read by another launch), in member order. */
    private List<Node> outputsOf(Grouping.Group gr, Grouping grouping) {
        List<Node> outs = new ArrayList<>();
        for (Node n : gr.members) {
            boolean outside = g.roots.contains(n);
            for (Node u : g.usersOf(n)) {
                outside |= grouping.groupOf.get(u) != gr;
            }
            if (outside) {
                outs.add(n);
            }
        }
        return outs;
    }

    /**
     * The group that can finish {@code f}'s result per GEMM panel, in place, or null (with the reason recorded when
     * {@code record}): an element-wise group over exactly C's shape that holds every use of C, reads besides C only
     * the plan's inputs and constants (ready before the matmul starts), and has one output, of C's type and shape
     * (written over C: each element is read before it is written, in the same pass).
     */
    private Grouping.Group panelGroup(MatmulFusion f, Grouping grouping, boolean record) {
        Node c = f.result;
        if (c.shape().rank() != 2 || g.roots.contains(c) || g.usersOf(c).isEmpty()) {
            return null;
        }
        Grouping.Group gr = null;
        for (Node u : g.usersOf(c)) {
            Grouping.Group gu = grouping.groupOf.get(u);
            if (gu == null) {
                return declinePanel(record, c, "it is read by " + u.describe() + ", which is not in a fused group");
            }
            if (gr != null && gu != gr) {
                return declinePanel(record, c, "its value is read by more than one launch");
            }
            gr = gu;
        }
        if (!gr.shape.equals(c.shape())) {
            return declinePanel(record, c, "the group reading it iterates over " + gr.shape + ", not C's " + c.shape());
        }
        for (Node n : gr.members) {
            if (n.kind().isReduction()) {
                return declinePanel(record, c, "the group reading it reduces (" + n.describe() + ")");
            }
            for (Node x : g.args(n)) {
                if (x != c && grouping.groupOf.get(x) != gr && x.kind() != OpKind.INPUT && x.kind() != OpKind.CONSTANT) {
                    return declinePanel(record, c, "the group reading it also reads " + x.describe() + ", computed by another launch");
                }
            }
        }
        List<Node> outs = outputsOf(gr, grouping);
        if (outs.size() != 1 || outs.get(0).type() != c.type() || !outs.get(0).shape().equals(c.shape())) {
            return declinePanel(record, c, "the group reading it stores " + outs.size() + " value(s), not one of C's type and shape");
        }
        return gr;
    }

    private Grouping.Group declinePanel(boolean record, Node c, String why) {
        if (record) {
            notFused.add(new Explanation.NotFused(c.describe(), "not finished per GEMM panel: " + why));
        }
        return null;
    }

}
