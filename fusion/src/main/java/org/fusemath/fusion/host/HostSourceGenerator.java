package org.fusemath.fusion.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * Java source of one {@link FusedGroup}: a {@code HostKernel} that walks its elements in chunks of
 * {@link F32Lanes#CHUNK}. Within a chunk, the arithmetic between two transcendentals is one plain loop (C2
 * vectorises it), each transcendental one call of the {@link F32Lanes}/{@link F64Lanes} kernels, and values that
 * cross from one loop to a later one go through chunk-sized scratch arrays that stay in L1.
 *
 * <p>Element-wise groups run one chunked pass over the flat index (or, with broadcast inputs, over the innermost
 * axis of a strided nest). With a transcendental (so more than one loop per chunk), per chunk each input read along it is copied once into a chunk array
 * ({@code System.arraycopy}), every loop runs over the whole chunk at {@code [i]} (a constant count, which C2
 * vectorises on JDK 17 and 25 alike; the tail of a short chunk is computed on stale values and never stored), and
 * each output is copied out once. Groups that reduce along the last axis run,
 * per outer index (a row), one chunked pass per stage over the row: a stage accumulates its reductions in double,
 * in lane-wise partial accumulators (lane i takes the row's elements i, i + CHUNK, i + 2·CHUNK, ...: independent
 * accumulations, which C2 vectorises, where one serial accumulator is a dependency chain it cannot), combined
 * pairwise at the end of the row ({@link KernelScratch#sumLanes}). Max and min are therefore exactly the
 * interpreter's (they do not depend on order, NaN and ±0 included); a sum is within the bound of its pairwise
 * form, (⌈n / CHUNK⌉ + log₂ CHUNK)·u·Σ|x| in double, no larger than the interpreter's serial (n − 1)·u·Σ|x|; and
 * the stage stores its element outputs; later stages read the reduced values as per-row scalars (softmax: max, then the sum of exp, then the
 * divide). A value one stage computes and a later stage re-reads (softmax's {@code exp(x - max)}) is kept in a
 * per-thread row buffer rather than recomputed, for rows up to {@link #KEEP_ROW_LIMIT} elements; so is an input that
 * two or more stages read along the row (softmax's x: copied from the input array once, by the first stage). Every
 * loop of a row chunk indexes its arrays at {@code [i]} only (see {@code declareRowStaging} for why): a row buffer
 * is one chunk array per chunk of the row ({@link KernelScratch#rowChunksF}), which the loops and transcendental
 * calls write and later stages read in place, and the other inputs and the element outputs are copied between the
 * row and chunk scratch around the loops. While the second stage computes, it loads one element per cache line of
 * the next row of each input that the first stage reads ({@link #touchAhead}), so that the first stage's reads from
 * memory overlap the computing instead of running alone.
 *
 * <p>Handled inputs: dense over the group's shape, a per-row scalar (a column vector) or a row vector along the
 * last axis, or one broadcast scalar. Element-wise groups with inputs broadcast along some axes only (NumPy
 * broadcasting in general) run the same chunked loop as the innermost loop of a strided outer loop, and groups that
 * reduce any other set of axes accumulate per kept index, serially over the reduced elements in index order in
 * double, within (m − 1)·u·Σ|x| for m reduced elements and equal to the interpreter's sum: both in
 * {@link StridedLoops}. A group that reduces every axis with inputs dense or scalar, or a trailing block of axes
 * through which every array steps as through one, runs the row path over that block flattened
 * ({@link ReductionForms}). A comparison read by a loop after a transcendental's call is recomputed there. Declined
 * (the interpreter runs the group, and {@link #declineReason} says why): an input with a non-unit, non-zero stride
 * along the innermost collapsed axis (groups the planner builds have none), and innermost extents past the int
 * chunk index.
 */
final class HostSourceGenerator {
    static final String PACKAGE = "org.fusemath.fusion.host";

    /** How an input is read along the innermost loop. */
    private enum Access {
        /** contiguous along the loop: {@code in[base + i]} */
        RUN,
        /** constant along the loop (a broadcast scalar or, in a row loop, a per-row value) */
        FIXED
    }

    private HostSourceGenerator() {
    }

    /** Why {@code group} cannot be generated, or empty when it can. */
    static Optional<String> declineReason(FusedGroup group) {
        group = ReductionForms.hostForm(group);
        Shape s = group.shape();
        int rank = s.rank();
        if (StridedLoops.columns(group)) {
            Optional<String> why = StridedLoops.columnDecline(group);
            if (why.isPresent()) {
                return why;
            }
        } else if (group.hasReduction()) {   // along the last axis alone (StridedLoops.columns takes the rest)
            for (int k = 0; k < group.inputs().size(); k++) {
                long last = group.inputs().get(k).strides()[rank - 1];
                if (last != 0 && last != 1) {
                    return Optional.of("input " + k + " is not contiguous along the reduced axis");
                }
            }
            for (FusedGroup.Output o : group.outputs()) {
                long last = o.strides()[rank - 1];
                if (last != 0 && last != 1) {
                    return Optional.of("an output is not contiguous along the reduced axis: " + o);
                }
            }
        } else {
            Optional<String> why = StridedLoops.innerDecline(StridedLoops.elementwise(group), group.inputs().size(),
                    group.inputs().size() + group.outputs().size());
            if (why.isPresent()) {
                return why;
            }
        }
        for (Plan p : plans(group)) {
            for (FusedGroup.Op op : p.body) {
                if (op.type() == ScalarType.BOOL && p.stored[op.index()]) {
                    return Optional.of("comparison v" + op.index() + " is used across a transcendental");
                }
            }
        }
        return Optional.empty();
    }

    static boolean transcendental(OpKind k) {
        return switch (k) {
            case EXP, LOG, TANH, SIGMOID, GELU_ERF, GELU_TANH -> true;
            default -> false;
        };
    }

    /** The element outputs ({@code reductions} false) or reduction outputs of stage {@code st}. */
    static List<FusedGroup.Output> outputsAt(FusedGroup g, int st, boolean reductions) {
        List<FusedGroup.Output> r = new ArrayList<>();
        for (FusedGroup.Output o : g.outputsAt(st)) {
            if (g.ops().get(o.op()).kind().isReduction() == reductions) {
                r.add(o);
            }
        }
        return r;
    }

    private static Access access(FusedGroup g, FusedGroup.Input in) {
        long[] st = in.strides();
        if (StridedLoops.columns(g)) {
            return StridedLoops.stageNest(g).inner(g.inputs().indexOf(in)) == 1 ? Access.RUN : Access.FIXED;
        }
        if (g.hasReduction()) {
            return st[st.length - 1] == 1 ? Access.RUN : Access.FIXED;
        }
        // along the innermost collapsed axis: the whole flat index for a dense input, a row for a broadcast one
        return StridedLoops.elementwise(g).inner(g.inputs().indexOf(in)) == 1 ? Access.RUN : Access.FIXED;
    }

    /**
     * The longest row (elements along the reduced axis) whose stage values are kept in per-row buffers: a kept
     * value, or an input read by more than one stage, costs each thread one buffer of this many elements (4 MiB for
     * F32) for as long as the thread lives.
     * Longer rows recompute earlier stages' values in later stages (each transcendental then runs once per stage
     * that needs it).
     */
    static final long KEEP_ROW_LIMIT = 1 << 20;

    /**
     * Which values each stage of a row reduction keeps for later stages: {@code keep[i]} is true when op i is
     * computed in stage {@code first[i]} (the first whose loop body needs it) and read again by a later stage,
     * which then reads it from a row buffer instead of recomputing it and everything below it. Comparisons are
     * never kept (they are cheap and have no buffer type); a later stage recomputes them from kept values.
     */
    private static final class Keep {
        final int[] first;
        final boolean[] keep;
        final List<List<FusedGroup.Op>> bodies = new ArrayList<>();
        final List<boolean[]> reads = new ArrayList<>();

        Keep(FusedGroup g) {
            int n = g.ops().size();
            first = new int[n];
            keep = new boolean[n];
            Arrays.fill(first, -1);
            boolean keeping = g.hasReduction() && !StridedLoops.columns(g) && g.shape().dim(g.shape().rank() - 1) <= KEEP_ROW_LIMIT;
            for (int st = 0; st < g.stages(); st++) {
                List<FusedGroup.Op> body = new ArrayList<>();
                boolean[] read = new boolean[n];
                for (FusedGroup.Op op : g.loopBody(st)) {
                    if (!(keeping && available(op, st))) {
                        body.add(op);
                    }
                }
                if (keeping) {
                    for (FusedGroup.Op op : body) {
                        for (int a : op.args()) {
                            if (available(g.ops().get(a), st)) {
                                read[a] = true;
                                keep[a] = true;
                            }
                        }
                    }
                    for (FusedGroup.Output o : outputsAt(g, st, false)) {
                        if (available(g.ops().get(o.op()), st)) {
                            read[o.op()] = true;
                            keep[o.op()] = true;
                        }
                    }
                }
                for (FusedGroup.Op op : g.loopBody(st)) {
                    if (first[op.index()] < 0) {
                        first[op.index()] = st;
                    }
                }
                bodies.add(body);
                reads.add(read);
            }
        }

        /** Whether {@code op}'s value was computed by a stage before {@code st} and may be kept from there. */
        private boolean available(FusedGroup.Op op, int st) {
            return first[op.index()] >= 0 && first[op.index()] < st && op.kind() != OpKind.INPUT
                    && op.kind() != OpKind.CONSTANT && !op.kind().isReduction() && op.type() != ScalarType.BOOL;
        }
    }

    /** The plan of every stage, with kept values read from row buffers. */
    private static List<Plan> plans(FusedGroup g) {
        if (StridedLoops.columns(g)) {
            return ColumnStaging.plans(g);
        }
        Keep k = new Keep(g);
        List<Plan> plans = new ArrayList<>();
        for (int st = 0; st < g.stages(); st++) {
            List<Integer> writes = new ArrayList<>();
            for (FusedGroup.Op op : g.ops()) {
                if (k.keep[op.index()] && k.first[op.index()] == st) {
                    writes.add(op.index());
                }
            }
            plans.add(new Plan(g, k.bodies.get(st), outputsAt(g, st, false), k.reads.get(st), writes));
        }
        return plans;
    }

    /** For one loop body: which staged loop computes each op, and which values go through scratch arrays. */
    static final class Plan {
        final List<FusedGroup.Op> body;
        final String accumulator;  // how the chunk indexes reduction accumulators: lanes "[i]", or per column
        final int[] loop;          // the loop computing an op; -1 for leaves, earlier reductions and transcendentals
        final boolean[] stored;    // written to scratch in its loop (or produced in scratch by a call)
        final int[] callAfter;     // for a transcendental: the loop after which its call runs
        final boolean[] read;      // kept by an earlier stage: read from its row buffer
        final List<Integer> writes; // computed here and kept: written to its row buffer after the last loop
        final boolean[] usesInput; // input k is read along the loop (a row chunk copies it into scratch first)
        final int loops;
        final int[] stagedIn;       // column groups: the output whose array holds a read or written value (ColumnStaging)

        Plan(FusedGroup g, List<FusedGroup.Op> body, List<FusedGroup.Output> elementOutputs, boolean[] read,
                List<Integer> writes) {
            this(g, body, elementOutputs, read, writes, new int[0]);
        }

        Plan(FusedGroup g, List<FusedGroup.Op> body, List<FusedGroup.Output> elementOutputs, boolean[] read,
                List<Integer> writes, int[] stagedIn) {
            int n = g.ops().size();
            this.stagedIn = stagedIn;
            this.body = body;
            this.read = read;
            this.writes = writes;
            accumulator = StridedLoops.columns(g) ? StridedLoops.accumulatorIndex(g) : "[i]";
            loop = new int[n];
            stored = new boolean[n];
            callAfter = new int[n];
            Arrays.fill(loop, -1);
            usesInput = new boolean[g.inputs().size()];
            int current = 0;
            for (FusedGroup.Op op : body) {
                if (op.kind() == OpKind.INPUT || op.kind() == OpKind.CONSTANT || read[op.index()]) {
                    continue;
                }
                if (transcendental(op.kind())) {
                    stored[op.index()] = true;
                    callAfter[op.index()] = current;
                    // The call reads a full chunk of scratch: its argument is stored there (see chunk()), unless it
                    // is an input that the chunk already copies into its chunk array, which the call then reads.
                    if (!stagedInput(g, op.arg(0))) {
                        stored[op.arg(0)] = true;
                    }
                    current++;
                } else {
                    loop[op.index()] = current;
                    for (int a : op.args()) {
                        needIn(g, this, a, current);
                    }
                }
            }
            for (FusedGroup.Output o : elementOutputs) {
                if (loop[o.op()] >= 0 && loop[o.op()] != current) {
                    stored[o.op()] = true;
                }
            }
            for (int w : writes) {
                if (loop[w] >= 0 && loop[w] != current) {
                    stored[w] = true;
                }
            }
            loops = current + 1;
            List<Integer> uses = new ArrayList<>(writes);
            for (FusedGroup.Op op : body) {
                if (op.kind() != OpKind.INPUT && op.kind() != OpKind.CONSTANT && !read[op.index()]) {
                    for (int a : op.args()) {
                        uses.add(a);
                    }
                }
            }
            for (FusedGroup.Output o : elementOutputs) {
                uses.add(o.op());
            }
            for (int a : uses) {
                FusedGroup.Op op = g.ops().get(a);
                if (op.kind() == OpKind.INPUT && !read[a] && access(g, g.inputs().get(op.input())) == Access.RUN) {
                    usesInput[op.input()] = true;
                }
            }
        }
    }

    /**
     * Makes value {@code a} available to loop {@code current}: stored in scratch by the loop that computes it, or, for
     * a comparison (a boolean, which has no scratch type that the lanes loops share), recomputed in {@code current}
     * from its operands, which are then made available there in turn (see {@code ref}).
     */
    private static void needIn(FusedGroup g, Plan p, int a, int current) {
        if (p.loop[a] < 0 || p.loop[a] == current) {
            return;
        }
        if (g.ops().get(a).type() == ScalarType.BOOL) {
            for (int b : g.ops().get(a).args()) {
                needIn(g, p, b, current);
            }
        } else {
            p.stored[a] = true;
        }
    }

    /** The source of class {@code simpleName} in {@link #PACKAGE}. */
    static String generate(FusedGroup g, String simpleName) {
        g = ReductionForms.hostForm(g);   // a row view of the reduced axes where there is one
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("/* ").append(g.key().replace("*/", "* /")).append(" */\n");
        sb.append("public final class ").append(simpleName).append(" implements org.fusemath.fusion.spi.HostKernel {\n");
        Shape shape = g.shape();
        for (FusedGroup.Op op : g.ops()) {
            if (op.kind() == OpKind.CONSTANT) {
                sb.append("    private static final ").append(javaType(op.type())).append(" K").append(op.index())
                        .append(" = ").append(literal(op.type(), op.constant())).append(";\n");
            }
        }
        long axis0 = shape.rank() == 0 ? 1 : shape.dim(0);
        sb.append("    public void run(Object[] in, Object[] out) { run(in, out, 0, ").append(axis0).append("); }\n");
        sb.append("    public void run(Object[] in, Object[] out, int from, int to) {\n");
        sb.append("        KernelScratch s = KernelScratch.get();\n");
        sb.append("        F32Lanes l32 = s.f32;\n        F64Lanes l64 = s.f64;\n");
        for (int k = 0; k < g.inputs().size(); k++) {
            String t = javaType(g.inputs().get(k).type());
            sb.append("        ").append(t).append("[] in").append(k).append(" = (").append(t).append("[]) in[").append(k).append("];\n");
        }
        for (int k = 0; k < g.outputs().size(); k++) {
            String t = javaType(g.outputs().get(k).type());
            sb.append("        ").append(t).append("[] out").append(k).append(" = (").append(t).append("[]) out[").append(k).append("];\n");
        }
        int[] scratch = new int[2];
        List<Plan> plans = plans(g);
        // one row buffer per kept value and per kept input (its chunk arrays), reused across rows and calls by this thread
        int[] rowBuffers = new int[2];
        if (rowStaged(g)) {
            long chunks = (shape.dim(shape.rank() - 1) + F32Lanes.CHUNK - 1) / F32Lanes.CHUNK;
            int[] firstUse = keptInputs(g, plans);
            for (int k = 0; k < firstUse.length; k++) {
                if (firstUse[k] >= 0) {
                    declareRowChunks(sb, "xk" + k, g.inputs().get(k).type(), rowBuffers, chunks);
                }
            }
            for (Plan p : plans) {
                for (int w : p.writes) {
                    declareRowChunks(sb, "k" + w, g.ops().get(w).type(), rowBuffers, chunks);
                }
            }
        }
        // one lane accumulator array per reduction: float lanes for a max or min of floats (exact in float, and a loop
        // of one type, which C2 vectorises), double lanes otherwise (sums accumulate in double)
        for (FusedGroup.Op op : StridedLoops.columns(g) ? List.<FusedGroup.Op>of() : g.ops()) {
            if (op.kind().isReduction()) {
                boolean f = floatLanes(g, op);
                sb.append("        ").append(f ? "float" : "double").append("[] p").append(op.index()).append(" = s.")
                        .append(f ? "f(" + scratch[0]++ : "d(" + scratch[1]++).append(");\n");
            }
        }
        // one scratch array per stored value (stages reuse none of them: a group has few)
        boolean[] declared = new boolean[g.ops().size()];
        for (Plan p : rowStaged(g) ? plans : List.<Plan>of()) {
            for (int w : p.writes) {
                if (inScratch(p, w) && !declared[w]) {   // a kept value: computed straight into its row chunks
                    declared[w] = true;
                    declareAlias(sb, "m" + w, g.ops().get(w).type(), "k" + w);
                }
            }
        }
        for (Plan p : plans) {
            for (FusedGroup.Op op : g.ops()) {
                if (p.stored[op.index()] && !declared[op.index()]) {
                    declared[op.index()] = true;
                    boolean f = op.type() == ScalarType.F32;
                    sb.append("        ").append(javaType(op.type())).append("[] m").append(op.index()).append(" = s.")
                            .append(f ? "f(" + scratch[0]++ : "d(" + scratch[1]++).append(");\n");
                }
            }
        }
        if (chunkStaged(g)) {
            declareRowStaging(sb, g, plans, scratch);
        }
        if (!g.hasReduction() && StridedLoops.elementwise(g).rank() > 1) {
            StridedLoops.emitElementwise(sb, g, plans.get(0));
        } else if (StridedLoops.columns(g)) {
            StridedLoops.emitColumns(sb, g, plans);
        } else if (!g.hasReduction()) {
            long row = shape.rank() == 0 ? 1 : shape.size() / Math.max(1, shape.dim(0));
            sb.append("        int end = to * ").append(row).append(";\n");
            for (int k = 0; k < g.inputs().size(); k++) {
                if (access(g, g.inputs().get(k)) == Access.FIXED) {
                    sb.append("        ").append(javaType(g.inputs().get(k).type())).append(" f").append(k).append(" = in").append(k).append("[0];\n");
                }
            }
            sb.append("        for (int b = from * ").append(row).append("; b < end; b += ").append(F32Lanes.CHUNK).append(") {\n");
            sb.append("            int n = Math.min(").append(F32Lanes.CHUNK).append(", end - b);\n");
            for (int k = 0; k < g.inputs().size(); k++) {
                sb.append("            int b").append(k).append(" = b;\n");
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                sb.append("            int o").append(k).append(" = b;\n");
            }
            chunk(sb, g, plans.get(0), g.outputs(), List.of(), "            ");
            sb.append("        }\n");
        } else {
            rows(sb, g, plans);
        }
        sb.append("    }\n}\n");
        return sb.toString();
    }

    /** Rows of a last-axis reduction: per row, one chunked pass per stage. */
    private static void rows(StringBuilder sb, FusedGroup g, List<Plan> plans) {
        int[] keptInput = keptInputs(g, plans);
        Shape shape = g.shape();
        int rank = shape.rank();
        long inner = shape.dim(rank - 1);
        long perAxis0 = 1;
        for (int a = 1; a < rank - 1; a++) {
            perAxis0 *= shape.dim(a);
        }
        String ind = "            ";
        sb.append("        double touched_ = 0;\n");
        if (rank == 1) {
            sb.append("        for (int row = 0; row < 1; row++) {\n");
        } else {
            sb.append("        for (int row = from * ").append(perAxis0).append("; row < to * ").append(perAxis0).append("; row++) {\n");
        }
        sb.append(ind).append("int r_ = row;\n");
        for (int a = rank - 2; a >= 0; a--) {
            sb.append(ind).append("int c").append(a).append(" = r_ % ").append(shape.dim(a)).append("; r_ /= ").append(shape.dim(a)).append(";\n");
        }
        for (int k = 0; k < g.inputs().size(); k++) {
            FusedGroup.Input in = g.inputs().get(k);
            sb.append(ind).append("int r").append(k).append(" = ").append(rowOffset(in.strides())).append(";\n");
            if (access(g, in) == Access.FIXED) {
                sb.append(ind).append(javaType(in.type())).append(" f").append(k).append(" = in").append(k).append("[r").append(k).append("];\n");
            }
        }
        for (int k = 0; k < g.outputs().size(); k++) {
            sb.append(ind).append("int q").append(k).append(" = ").append(rowOffset(g.outputs().get(k).strides())).append(";\n");
        }
        boolean[] touch = touchAhead(g, plans);
        boolean touching = false;
        for (boolean t : touch) {
            touching |= t;
        }
        if (touching) {
            // the next row's offsets (-1 past this call's last row), for the second stage's touch-ahead loads
            sb.append(ind).append("int n_ = row + 1;\n");
            for (int a = rank - 2; a >= 0; a--) {
                sb.append(ind).append("int nc").append(a).append(" = n_ % ").append(shape.dim(a)).append("; n_ /= ").append(shape.dim(a)).append(";\n");
            }
            for (int k = 0; k < touch.length; k++) {
                if (touch[k]) {
                    sb.append(ind).append("int ta").append(k).append(" = row + 1 < to * ").append(perAxis0).append(" ? ")
                            .append(rowOffset(g.inputs().get(k).strides(), "nc")).append(" : -1;\n");
                }
            }
        }
        for (int st = 0; st < g.stages(); st++) {
            List<FusedGroup.Op> body = plans.get(st).body;
            List<FusedGroup.Op> reds = new ArrayList<>();
            for (FusedGroup.Op op : body) {
                if (op.kind().isReduction()) {
                    reds.add(op);
                    sb.append(ind).append("java.util.Arrays.fill(p").append(op.index()).append(", 0, ").append(lanes(inner))
                            .append(", ").append(floatLanes(g, op) ? "(float) " : "").append(identity(op.kind())).append(");\n");
                }
            }
            sb.append(ind).append("for (int j = 0; j < ").append(inner).append("; j += ").append(F32Lanes.CHUNK).append(") {\n");
            String ind2 = ind + "    ";
            sb.append(ind2).append("int n = Math.min(").append(F32Lanes.CHUNK).append(", ").append(inner).append(" - j);\n");
            for (int k = 0; k < g.inputs().size(); k++) {
                sb.append(ind2).append("int b").append(k).append(" = r").append(k).append(" + j;\n");
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                sb.append(ind2).append("int o").append(k).append(" = q").append(k).append(fixedStore(g, g.outputs().get(k)) ? "" : " + j").append(";\n");
            }
            Plan p = plans.get(st);
            // kept inputs and values live in row chunk arrays: the loops read and write chunk jc in place
            sb.append(ind2).append("int jc = j / ").append(F32Lanes.CHUNK).append(";\n");
            for (int k = 0; k < g.inputs().size(); k++) {
                if (p.usesInput[k]) {
                    if (keptInput[k] >= 0) {
                        sb.append(ind2).append("xs").append(k).append(" = xk").append(k).append("[jc];\n");
                    }
                    if (keptInput[k] < 0 || keptInput[k] == st) {
                        sb.append(ind2).append("System.arraycopy(in").append(k).append(", b").append(k).append(", xs").append(k).append(", 0, n);\n");
                    }
                }
            }
            for (int a = 0; a < p.read.length; a++) {
                if (p.read[a]) {
                    sb.append(ind2).append("ks").append(a).append(" = k").append(a).append("[jc];\n");
                }
            }
            for (int w : p.writes) {
                sb.append(ind2).append(staged(p, w)).append(" = k").append(w).append("[jc];\n");
            }
            chunk(sb, g, p, outputsAt(g, st, false), reds, ind2);
            for (int k = 0; st == 1 && k < touch.length; k++) {
                if (touch[k]) {
                    sb.append(ind2).append("if (ta").append(k).append(" >= 0) {\n");
                    sb.append(ind2).append("    for (int q = ta").append(k).append(" + j; q < ta").append(k).append(" + j + n; q += ")
                            .append(lineElements(g.inputs().get(k).type())).append(") {\n");
                    sb.append(ind2).append("        touched_ += in").append(k).append("[q];\n");
                    sb.append(ind2).append("    }\n").append(ind2).append("}\n");
                }
            }
            for (FusedGroup.Output o : outputsAt(g, st, false)) {
                int k = g.outputs().indexOf(o);
                if (fixedStore(g, o)) {
                    // constant along the row: the row's one element (the last chunk's value is the value)
                    sb.append(ind2).append("out").append(k).append("[o").append(k).append("] = ").append(staged(p, o.op(), k))
                            .append("[n - 1];\n");
                } else {
                    sb.append(ind2).append("System.arraycopy(").append(staged(p, o.op(), k)).append(", 0, out").append(k).append(", o")
                            .append(k).append(", n);\n");
                }
            }
            sb.append(ind).append("}\n");
            for (FusedGroup.Op r : reds) {
                String combine = switch (r.kind()) {
                    case REDUCE_SUM -> "sumLanes";
                    case REDUCE_MAX -> "maxLanes";
                    case REDUCE_MIN -> "minLanes";
                    default -> throw new IllegalStateException(r.kind() + " is not a reduction");
                };
                sb.append(ind).append(javaType(r.type())).append(" red").append(r.index()).append(" = (").append(javaType(r.type()))
                        .append(") KernelScratch.").append(combine).append("(p").append(r.index()).append(", ").append(lanes(inner))
                        .append(");\n");
            }
            for (FusedGroup.Output o : outputsAt(g, st, true)) {
                int k = g.outputs().indexOf(o);
                sb.append(ind).append("out").append(k).append("[q").append(k).append("] = red").append(o.op()).append(";\n");
            }
        }
        sb.append("        }\n");
        sb.append("        s.touched(touched_);\n");   // the touch-ahead loads' sum, kept so that they are not removed
    }

    /**
     * The chunk scratch arrays of a row group's loops, and of an element-wise group's (its inputs and outputs only):
     * every loop of a row chunk indexes its arrays at {@code [i]}
     * only, so inputs, kept values and outputs pass through chunk-sized scratch ({@code System.arraycopy} in before
     * the loops, out after them). Why: C2 (JDK 17) vectorises none of a loop that mixes {@code [i]} with
     * {@code [j + i]} or another invariant offset (JDK 25 none that mixes them across arrays that may alias), and
     * the copies cost a few percent of what they save (measured: a row max 0.82 ns per element indexed at
     * {@code [j + i]}, 0.17 copied first; the divide of softmax's last stage 1.12 against 0.19). Kept values and kept
     * inputs need no copies: their chunk variables point at the row buffer's chunk arrays ({@code ks3 = k3[jc]}), so
     * a loop or a transcendental call writes a kept chunk where a later stage reads it (softmax: three fewer copies
     * of each element).
     */
    private static void declareRowStaging(StringBuilder sb, FusedGroup g, List<Plan> plans, int[] scratch) {
        boolean[] inputs = new boolean[g.inputs().size()];
        boolean[] kept = new boolean[g.ops().size()];
        boolean[] written = new boolean[g.ops().size()];
        boolean[] outputs = new boolean[g.outputs().size()];
        for (int st = 0; st < plans.size(); st++) {
            Plan p = plans.get(st);
            for (int k = 0; k < inputs.length; k++) {
                inputs[k] |= p.usesInput[k];
            }
            for (int a = 0; a < kept.length; a++) {
                kept[a] |= p.read[a];
            }
            for (int w : p.writes) {
                written[w] |= !inScratch(p, w);
            }
            for (FusedGroup.Output o : outputsAt(g, st, false)) {
                outputs[g.outputs().indexOf(o)] |= !inScratch(p, o.op());
            }
        }
        int[] keptInput = keptInputs(g, plans);
        for (int k = 0; k < inputs.length; k++) {
            if (keptInput[k] >= 0) {
                declareAlias(sb, "xs" + k, g.inputs().get(k).type(), "xk" + k);   // set to a row chunk per chunk
            } else if (inputs[k]) {
                declareChunk(sb, "xs" + k, g.inputs().get(k).type(), scratch);
            }
        }
        for (int a = 0; a < kept.length; a++) {
            if (kept[a]) {
                declareAlias(sb, "ks" + a, g.ops().get(a).type(), "k" + a);
            }
            if (written[a]) {
                declareAlias(sb, "ws" + a, g.ops().get(a).type(), "k" + a);
            }
        }
        for (int k = 0; k < outputs.length; k++) {
            if (outputs[k]) {
                declareChunk(sb, "ys" + k, g.outputs().get(k).type(), scratch);
            }
        }
    }

    /** A chunk array variable that the row loop points at chunk {@code jc} of row buffer {@code row} per chunk. */
    private static void declareAlias(StringBuilder sb, String name, ScalarType t, String row) {
        sb.append("        ").append(javaType(t)).append("[] ").append(name).append(" = ").append(row).append("[0];\n");
    }

    private static void declareChunk(StringBuilder sb, String name, ScalarType t, int[] scratch) {
        boolean f = t == ScalarType.F32;
        sb.append("        ").append(javaType(t)).append("[] ").append(name).append(" = s.")
                .append(f ? "f(" + scratch[0]++ : "d(" + scratch[1]++).append(");\n");
    }

    private static void declareRowChunks(StringBuilder sb, String name, ScalarType t, int[] rowBuffers, long chunks) {
        boolean f = t == ScalarType.F32;
        sb.append("        ").append(javaType(t)).append("[][] ").append(name).append(" = s.")
                .append(f ? "rowChunksF(" + rowBuffers[0]++ : "rowChunksD(" + rowBuffers[1]++).append(", ").append(chunks).append(");\n");
    }

    /**
     * For each input of a row group: the first stage that reads it along the row when two or more stages do and the
     * row is short enough to keep ({@link #KEEP_ROW_LIMIT}), else -1. That stage copies each chunk of the input's
     * row into the input's row chunk arrays ({@code xk<k>}), and the later stages read them there: softmax's second
     * stage reads x from the chunks its first stage copied instead of copying x again.
     */
    static int[] keptInputs(FusedGroup g, List<Plan> plans) {
        int[] first = new int[g.inputs().size()];
        Arrays.fill(first, -1);
        if (!rowStaged(g) || g.shape().dim(g.shape().rank() - 1) > KEEP_ROW_LIMIT) {
            return first;
        }
        for (int k = 0; k < first.length; k++) {
            int uses = 0;
            for (int st = 0; st < plans.size(); st++) {
                if (plans.get(st).usesInput[k]) {
                    if (uses++ == 0) {
                        first[k] = st;
                    }
                }
            }
            if (uses < 2) {
                first[k] = -1;
            }
        }
        return first;
    }

    /** Whether a row chunk's value {@code a} is whole in scratch {@code m<a>} after the loops (a call's result, or stored). */
    private static boolean inScratch(Plan p, int a) {
        return p.stored[a] && !p.read[a];
    }

    /** The scratch array holding row chunk value {@code a} after the loops, when it is kept for a later stage. */
    private static String staged(Plan p, int a) {
        return inScratch(p, a) ? "m" + a : "ws" + a;
    }

    /** The scratch array holding row chunk value {@code a} after the loops, for element output {@code k}. */
    private static String staged(Plan p, int a, int k) {
        return inScratch(p, a) ? "m" + a : "ys" + k;
    }

    /** Whether op {@code a} is an input read along the loop that a chunk copies whole into {@code xs<k>}. */
    private static boolean stagedInput(FusedGroup g, int a) {
        FusedGroup.Op op = g.ops().get(a);
        return chunkStaged(g) && op.kind() == OpKind.INPUT && access(g, g.inputs().get(op.input())) == Access.RUN;
    }

    /** The chunk array a transcendental call reads value {@code a} from. */
    private static String callArgument(FusedGroup g, Plan p, int a) {
        return p.stored[a] ? "m" + a : "xs" + g.ops().get(a).input();
    }

    /** Whether {@code g} runs the row path, whose chunks stage inputs, kept values and outputs through scratch. */
    private static boolean rowStaged(FusedGroup g) {
        return g.hasReduction() && !StridedLoops.columns(g);
    }

    /**
     * Whether {@code g}'s chunk loops index chunk scratch at {@code [i]} only, its inputs and outputs copied in and
     * out around them: the row path, and element-wise groups with a transcendental (flat, or the innermost loop of a
     * strided nest, whose outputs are contiguous along it and whose inputs are contiguous or constant; see
     * {@link StridedLoops#innerDecline}). An element-wise group without one is a single loop that indexes only the
     * caller's arrays, at {@code [b + i]}: it mixes no forms, C2 vectorises it as it is, and staging it measured
     * slower (the {@code chain F32} bench row, JDK 25: 23 ms against 11). Column groups index the caller's arrays.
     */
    private static boolean chunkStaged(FusedGroup g) {
        return rowStaged(g) || (!g.hasReduction() && hasTranscendental(g));
    }

    private static boolean hasTranscendental(FusedGroup g) {
        for (FusedGroup.Op op : g.ops()) {
            if (transcendental(op.kind())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether element output {@code o} of a row reduction is constant along the row (stored at the reduced shape,
     * {@code var + eps}): each position of the row stores to the row's one element, not to consecutive ones.
     */
    private static boolean fixedStore(FusedGroup g, FusedGroup.Output o) {
        long[] st = o.strides();
        return g.hasReduction() && !StridedLoops.columns(g) && st[st.length - 1] == 0;
    }

    /** Whether reduction {@code op} accumulates in float lanes: a max or min of float values. */
    static boolean floatLanes(FusedGroup g, FusedGroup.Op op) {
        return op.kind() != OpKind.REDUCE_SUM && g.ops().get(op.arg(0)).type() == ScalarType.F32;
    }

    /** The lane accumulators a row of {@code inner} elements uses: a power of two covering min(inner, CHUNK). */
    static int lanes(long inner) {
        int l = 1;
        while (l < Math.min(inner, F32Lanes.CHUNK)) {
            l <<= 1;
        }
        return l;
    }

    private static String rowOffset(long[] strides) {
        return rowOffset(strides, "c");
    }

    /** The offset of a row whose outer coordinates are the variables {@code <coordinate>0, <coordinate>1, ...}. */
    private static String rowOffset(long[] strides, String coordinate) {
        StringBuilder sb = new StringBuilder("0");
        for (int a = 0; a < strides.length - 1; a++) {
            if (strides[a] != 0) {
                sb.append(" + ").append(coordinate).append(a).append(" * ").append(strides[a]);
            }
        }
        return sb.toString();
    }

    /** Elements of one 64-byte cache line: the touch-ahead loop's step. */
    private static int lineElements(ScalarType t) {
        return t == ScalarType.F64 ? 8 : 16;
    }

    /**
     * The inputs whose next row the second stage touches ahead, one load per cache line while it computes: those
     * the first stage reads along the row, in groups of two or more stages over rows of an array of rows. Why: the
     * first stage's reads are the kernel's reads from memory, and without this they run alone (softmax: the row max
     * streams x while nothing else runs); loads issued between the second stage's chunks (softmax: the exp) let the
     * hardware fetch the next row while this one computes, so the next row's first stage finds it in cache
     * (measured on a loaded 2-core machine: softmax 4096 × 4096 F32, paired medians, 5-8 % less time on JDK 17, no
     * clear change on JDK 25).
     */
    static boolean[] touchAhead(FusedGroup g, List<Plan> plans) {
        boolean[] touch = new boolean[g.inputs().size()];
        if (!rowStaged(g) || g.shape().rank() < 2 || plans.size() < 2) {
            return touch;
        }
        for (int k = 0; k < touch.length; k++) {
            touch[k] = plans.get(0).usesInput[k];
        }
        return touch;
    }

    static String identity(OpKind k) {
        return switch (k) {
            case REDUCE_SUM -> "0.0";
            case REDUCE_MAX -> "Double.NEGATIVE_INFINITY";
            case REDUCE_MIN -> "Double.POSITIVE_INFINITY";
            default -> throw new IllegalStateException(k + " is not a reduction");
        };
    }

    /**
     * A row chunk's {@code exp(x - r)} with r a reduction of an earlier stage (softmax's and logsumexp's shifted
     * exponential), run as one {@code expShiftedChunk} call that forms the differences itself, and with
     * {@code sum} the index of a {@code sum(exp(x - r))} reduction of the same chunk folded into the call
     * ({@code expShiftedSumChunk}), or -1. Neither the difference's loop nor the sum's runs: one pass over scratch
     * for each fewer, the same bits.
     */
    private record ShiftedExp(int difference, String x, String shift, int sum) {
    }

    /**
     * The shifted exponentials of a row chunk's plan (see {@link ShiftedExp}), by exp index: only where every chunk
     * of the row is whole (the lanes calls compute whole chunks, and a folded sum must not see a short chunk's
     * stale tail), the difference is computed in the loop just before the call and used by nothing else, and x is a
     * staged input's or a kept value's chunk array.
     */
    private static java.util.Map<Integer, ShiftedExp> shiftedExps(FusedGroup g, Plan p, List<FusedGroup.Op> reductions) {
        java.util.Map<Integer, ShiftedExp> folds = new java.util.HashMap<>();
        if (!g.hasReduction() || StridedLoops.columns(g) || g.shape().dim(g.shape().rank() - 1) % F32Lanes.CHUNK != 0) {
            return folds;
        }
        for (FusedGroup.Op e : p.body) {
            if (e.kind() != OpKind.EXP || p.read[e.index()]) {
                continue;
            }
            FusedGroup.Op d = g.ops().get(e.arg(0));
            int l = p.callAfter[e.index()];
            if (d.kind() != OpKind.SUB || p.loop[d.index()] != l || p.writes.contains(d.index()) || usedBesides(g, p, d, e)
                    || !g.ops().get(d.arg(1)).kind().isReduction()) {
                continue;
            }
            FusedGroup.Op x = g.ops().get(d.arg(0));
            String array = p.read[x.index()] ? "ks" + x.index() : stagedInput(g, x.index()) ? "xs" + x.input() : null;
            if (array == null) {
                continue;
            }
            int sum = -1;
            for (FusedGroup.Op r : reductions) {
                if (r.kind() == OpKind.REDUCE_SUM && r.arg(0) == e.index() && p.loop[r.index()] == l + 1) {
                    sum = r.index();
                }
            }
            folds.put(e.index(), new ShiftedExp(d.index(), array, "red" + d.arg(1), sum));
        }
        return folds;
    }

    /** Whether anything in {@code p}'s chunk but {@code user} reads {@code d}: another op, an output or a kept write. */
    private static boolean usedBesides(FusedGroup g, Plan p, FusedGroup.Op d, FusedGroup.Op user) {
        for (FusedGroup.Op op : p.body) {
            if (op.index() != user.index() && op.kind() != OpKind.INPUT && op.kind() != OpKind.CONSTANT && !p.read[op.index()]) {
                for (int a : op.args()) {
                    if (a == d.index()) {
                        return true;
                    }
                }
            }
        }
        for (FusedGroup.Output o : g.outputs()) {
            if (o.op() == d.index()) {
                return true;
            }
        }
        return false;
    }

    /** The staged loops and lanes calls of one chunk of {@code n} elements. */
    static void chunk(StringBuilder sb, FusedGroup g, Plan p,
            List<FusedGroup.Output> elementOutputs, List<FusedGroup.Op> reductions, String ind) {
        List<FusedGroup.Op> body = p.body;
        java.util.Map<Integer, ShiftedExp> folds = shiftedExps(g, p, reductions);
        java.util.Set<Integer> folded = new java.util.HashSet<>();   // differences and sums the calls compute
        for (ShiftedExp f : folds.values()) {
            folded.add(f.difference());
            if (f.sum() >= 0) {
                folded.add(f.sum());
            }
        }
        boolean elementwise = !g.hasReduction() && chunkStaged(g);   // staged element-wise chunk
        if (elementwise) {
            // each contiguous input's chunk is copied once into its chunk array (loops and calls read it there)
            for (int k = 0; k < g.inputs().size(); k++) {
                if (p.usesInput[k]) {
                    sb.append(ind).append("System.arraycopy(in").append(k).append(", b").append(k).append(", xs").append(k).append(", 0, n);\n");
                }
            }
        }
        for (int l = 0; l < p.loops; l++) {
            StringBuilder lb = new StringBuilder();
            String in2 = ind + "    ";
            for (FusedGroup.Op op : body) {
                int i = op.index();
                if (p.loop[i] == l && !op.kind().isReduction() && !folded.contains(i)) {
                    lb.append(in2).append(javaType(op.type())).append(" v").append(i).append(" = ").append(expr(g, p, op, l)).append(";\n");
                    if (p.stored[i]) {
                        lb.append(in2).append("m").append(i).append("[i] = v").append(i).append(";\n");
                    }
                }
                if (transcendental(op.kind()) && p.callAfter[i] == l) {
                    FusedGroup.Op a = g.ops().get(op.arg(0));
                    if (p.loop[a.index()] < 0 && p.stored[a.index()] && (p.read[a.index()] || !transcendental(a.kind()))) {
                        lb.append(in2).append("m").append(a.index()).append("[i] = ").append(ref(g, p, a.index(), l)).append(";\n");
                    }
                }
            }
            for (FusedGroup.Op r : reductions) {
                if (p.loop[r.index()] == l && !folded.contains(r.index())) {
                    String v = ref(g, p, r.arg(0), l);
                    String acc = (p.accumulator.equals("[i]") ? "p" : "c") + r.index() + p.accumulator;
                    lb.append(in2).append(acc).append(" = ").append(switch (r.kind()) {
                        case REDUCE_SUM -> acc + " + " + v;
                        case REDUCE_MAX -> "Math.max(" + acc + ", " + v + ")";
                        case REDUCE_MIN -> "Math.min(" + acc + ", " + v + ")";
                        default -> throw new IllegalStateException(r.kind() + " is not a reduction");
                    }).append(";\n");
                }
            }
            if (l == p.loops - 1 && chunkStaged(g)) {
                // row and element-wise chunks: values leave through chunk scratch (copied out after the loops)
                for (int w : p.writes) {
                    if (!inScratch(p, w)) {
                        lb.append(in2).append("ws").append(w).append("[i] = ").append(ref(g, p, w, l)).append(";\n");
                    }
                }
                for (FusedGroup.Output o : elementOutputs) {
                    int k = g.outputs().indexOf(o);
                    if (!inScratch(p, o.op())) {
                        lb.append(in2).append("ys").append(k).append("[i] = ").append(ref(g, p, o.op(), l)).append(";\n");
                    }
                }
            } else if (l == p.loops - 1) {
                // column groups, and element-wise ones without a transcendental: straight to the caller's arrays
                for (int w : p.writes) {   // column groups: staged in an output's array (ColumnStaging)
                    int k = p.stagedIn[w];
                    lb.append(in2).append("out").append(k).append("[o").append(k).append(" + i] = ").append(ref(g, p, w, l)).append(";\n");
                }
                for (FusedGroup.Output o : elementOutputs) {
                    int k = g.outputs().indexOf(o);
                    lb.append(in2).append("out").append(k).append("[o").append(k)
                            .append(StridedLoops.columns(g) && StridedLoops.fixedAlongChunk(g, o) ? "" : " + i").append("] = ")
                            .append(ref(g, p, o.op(), l)).append(";\n");
                }
            }
            if (lb.length() > 0) {
                // Staged element-wise loops run over the whole chunk (the tail of a short chunk is computed on stale
                // scratch and never copied out): with a constant count and every array at [i], C2 vectorises them
                // (JDK 25 too); a row chunk's loops stop at n, since its reductions must not see the tail.
                sb.append(ind).append("for (int i = 0; i < ").append(elementwise ? String.valueOf(F32Lanes.CHUNK) : "n")
                        .append("; i++) {\n").append(lb).append(ind).append("}\n");
            }
            for (FusedGroup.Op op : body) {
                if (transcendental(op.kind()) && p.callAfter[op.index()] == l) {
                    FusedGroup.Op a = g.ops().get(op.arg(0));
                    // Always a whole chunk from offset 0 (the tail of a short chunk is computed and never stored):
                    // C2 vectorises the lanes' loops only when their count and offsets are constants at the call.
                    int chunkSize = op.type() == ScalarType.F32 ? F32Lanes.CHUNK : F64Lanes.CHUNK;
                    ShiftedExp f = folds.get(op.index());
                    if (f != null) {
                        sb.append(ind).append(op.type() == ScalarType.F32 ? "l32." : "l64.")
                                .append(f.sum() >= 0 ? "expShiftedSumChunk(" : "expShiftedChunk(").append(f.x()).append(", ")
                                .append(f.shift()).append(", m").append(op.index())
                                .append(f.sum() >= 0 ? ", p" + f.sum() : "").append(");\n");
                        continue;
                    }
                    if (op.kind() == OpKind.EXP || op.kind() == OpKind.TANH || op.kind() == OpKind.SIGMOID) {
                        // the whole-chunk form: the argument (m<a> or an input's xs<k>) and m<op> are chunk arrays
                        // already, so no copies through the lanes' scratch
                        sb.append(ind).append(op.type() == ScalarType.F32 ? "l32." : "l64.").append(lanesName(op.kind()))
                                .append("Chunk(").append(callArgument(g, p, a.index())).append(", m").append(op.index()).append(");\n");
                        continue;
                    }
                    sb.append(ind).append(op.type() == ScalarType.F32 ? "l32." : "l64.").append(lanesName(op.kind()))
                            .append("(").append(callArgument(g, p, a.index())).append(", 0, m").append(op.index()).append(", 0, ").append(chunkSize).append(");\n");
                }
            }
        }
        if (elementwise) {
            for (FusedGroup.Output o : elementOutputs) {   // the chunk's n elements of each output, copied out once
                int k = g.outputs().indexOf(o);
                sb.append(ind).append("System.arraycopy(").append(staged(p, o.op(), k)).append(", 0, out").append(k).append(", o")
                        .append(k).append(", n);\n");
            }
        }
    }

    private static String ref(FusedGroup g, Plan p, int a, int loop) {
        FusedGroup.Op op = g.ops().get(a);
        if (p.read[a]) {
            return p.stagedIn.length > 0 && p.stagedIn[a] >= 0 ? "out" + p.stagedIn[a] + "[o" + p.stagedIn[a] + " + i]" : "ks" + a + "[i]";
        }
        if (op.kind() == OpKind.INPUT) {
            if (access(g, g.inputs().get(op.input())) == Access.FIXED) {
                return "f" + op.input();
            }
            return chunkStaged(g) ? "xs" + op.input() + "[i]" : "in" + op.input() + "[b" + op.input() + " + i]";
        }
        if (op.kind() == OpKind.CONSTANT) {
            return "K" + a;
        }
        if (op.kind().isReduction()) {
            return "red" + a + (p.accumulator.equals("[i]") ? "" : p.accumulator);
        }
        if (p.loop[a] == loop) {
            return "v" + a;
        }
        if (op.type() == ScalarType.BOOL && p.loop[a] >= 0) {
            return "(" + expr(g, p, op, loop) + ")";   // a comparison from an earlier loop, recomputed (see needIn)
        }
        return "m" + a + "[i]";
    }

    private static String expr(FusedGroup g, Plan p, FusedGroup.Op op, int loop) {
        String[] a = new String[op.args().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = ref(g, p, op.arg(i), loop);
        }
        boolean f = op.type() == ScalarType.F32;
        String zero = f ? "0f" : "0.0";
        return switch (op.kind()) {
            case NEG -> "-" + a[0];
            case ABS -> "Math.abs(" + a[0] + ")";
            case SQRT -> f ? "(float) Math.sqrt(" + a[0] + ")" : "Math.sqrt(" + a[0] + ")";
            case RSQRT -> (f ? "(float) " : "") + "(1.0 / Math.sqrt(" + a[0] + "))";
            case RELU -> "Math.max(" + a[0] + ", " + zero + ")";
            case SQUARE -> a[0] + " * " + a[0];
            case CAST -> "(" + javaType(op.type()) + ") " + a[0];
            case ADD -> a[0] + " + " + a[1];
            case SUB -> a[0] + " - " + a[1];
            case MUL -> a[0] + " * " + a[1];
            case DIV -> a[0] + " / " + a[1];
            case POW -> (f ? "(float) " : "") + "Math.pow(" + a[0] + ", " + a[1] + ")";
            case MIN -> "Math.min(" + a[0] + ", " + a[1] + ")";
            case MAX -> "Math.max(" + a[0] + ", " + a[1] + ")";
            case LT -> a[0] + " < " + a[1];
            case LE -> a[0] + " <= " + a[1];
            case GT -> a[0] + " > " + a[1];
            case GE -> a[0] + " >= " + a[1];
            case EQ -> a[0] + " == " + a[1];
            case NE -> a[0] + " != " + a[1];
            case WHERE -> a[0] + " ? " + a[1] + " : " + a[2];
            default -> throw new IllegalStateException(op.kind() + " is not generated inline");
        };
    }

    private static String lanesName(OpKind k) {
        return switch (k) {
            case EXP -> "exp";
            case LOG -> "log";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case GELU_ERF -> "gelu";
            case GELU_TANH -> "geluTanh";
            default -> throw new IllegalStateException(k + " has no lanes kernel");
        };
    }

    static String javaType(ScalarType t) {
        return switch (t) {
            case F32 -> "float";
            case F64 -> "double";
            case BOOL -> "boolean";
        };
    }

    private static String literal(ScalarType t, double v) {
        return switch (t) {
            case F32 -> "Float.intBitsToFloat(" + Float.floatToRawIntBits((float) v) + ")";
            case F64 -> "Double.longBitsToDouble(" + Double.doubleToRawLongBits(v) + "L)";
            case BOOL -> v != 0 ? "true" : "false";
        };
    }
}
