package org.fusemath.fusion.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.Shape;

/**
 * The loop nests of generated host kernels whose arrays are not all dense over the group's shape: element-wise
 * groups with inputs broadcast along some axes only, and groups that reduce along axes other than the last.
 *
 * <p>A nest walks a range of the group's axes, collapsed: axes of extent 1 are dropped and neighbouring axes
 * merge wherever every array steps through them as through one axis (stride of the outer = stride of the inner ·
 * extent of the inner; a dense input, a broadcast scalar and a row vector all merge (m, n) → (m·n) only when they
 * agree). The innermost collapsed axis runs in chunks of {@link F32Lanes#CHUNK}, each array either contiguous along
 * it (stride 1: RUN, read at {@code base + i}) or constant along it (stride 0: FIXED, read once per row of the nest
 * into a local); the outer axes are plain counted loops that add each array's stride to its base offset, so the
 * per-element loop carries no index arithmetic beyond the dense path's {@code base + i}. Anything else along the
 * innermost axis (a non-unit, non-zero stride) is declined.
 *
 * <p>Reductions along leading axes (more generally, along any set of axes other than the last alone, whose groups
 * {@link ReductionForms} gives no row view) accumulate per column: for each index of the axes before the first
 * reduced one, each stage streams the rest of the group once, adding each element into the accumulator of its kept
 * index (the kept axes after the first reduced one, dense: {@code acc[j] += v} along a kept innermost axis,
 * independent lanes, which C2 vectorises across columns; one serial accumulator along a reduced one), in double for
 * sums; later stages read the reduced values by the same index. The order of each sum is serial over the reduced
 * elements, in index order, exactly the interpreter's, so its error is that of a serial double sum,
 * (m − 1)·u·Σ|x| for m reduced elements (u = 2⁻⁵³), and the result matches the interpreter bit for bit; max and
 * min are exact (NaN-propagating, ±0 as {@link Math#max}). Values computed in one stage are recomputed in the next
 * (a per-stage buffer would be as large as the input), except the transcendental values {@link ColumnStaging}
 * stores in an output's array for the last stage.
 */
final class StridedLoops {
    private StridedLoops() {
    }

    /** Collapsed axes: extents outermost first and, per array, its stride along each. */
    record Nest(long[] dims, long[][] strides, boolean hasAxis0, long per0) {
        int rank() {
            return dims.length;
        }

        long inner(int array) {
            return strides[array][dims.length - 1];
        }
    }

    /**
     * Collapses axes [lo, hi) of {@code shape} for arrays with the given strides (over the whole shape). With no
     * axis left (all extents 1) the nest is one unit axis along which every array is contiguous (one element).
     * {@code hasAxis0}: the first collapsed axis contains original axis 0, {@code per0} of its positions per index
     * of axis 0.
     */
    static Nest collapse(Shape shape, int lo, int hi, List<long[]> arrays) {
        List<Long> dims = new ArrayList<>();
        List<long[]> strides = new ArrayList<>();     // per collapsed axis: one stride per array
        boolean hasAxis0 = false;
        for (int a = lo; a < hi; a++) {
            long d = shape.dim(a);
            if (d == 1) {
                continue;
            }
            long[] s = new long[arrays.size()];
            for (int t = 0; t < s.length; t++) {
                s[t] = arrays.get(t)[a];
            }
            int last = dims.size() - 1;
            boolean merge = last >= 0;
            for (int t = 0; merge && t < s.length; t++) {
                merge = strides.get(last)[t] == s[t] * d;
            }
            if (merge) {
                dims.set(last, dims.get(last) * d);
                strides.set(last, s);
            } else {
                if (a == 0) {
                    hasAxis0 = true;
                }
                dims.add(d);
                strides.add(s);
            }
        }
        if (dims.isEmpty()) {
            long[] ones = new long[arrays.size()];
            Arrays.fill(ones, 1);
            return new Nest(new long[] {1}, transpose(List.<long[]>of(ones), arrays.size()), false, 1);
        }
        long[] d = dims.stream().mapToLong(Long::longValue).toArray();
        return new Nest(d, transpose(strides, arrays.size()), hasAxis0, hasAxis0 && shape.dim(0) > 0 ? d[0] / shape.dim(0) : 1);
    }

    private static long[][] transpose(List<long[]> perAxis, int arrays) {
        long[][] r = new long[arrays][perAxis.size()];
        for (int a = 0; a < perAxis.size(); a++) {
            for (int t = 0; t < arrays; t++) {
                r[t][a] = perAxis.get(a)[t];
            }
        }
        return r;
    }

    // ------------------------------------------------------------------ element-wise groups

    /** The nest of an element-wise group over all its axes: inputs, then outputs. */
    static Nest elementwise(FusedGroup g) {
        List<long[]> arrays = new ArrayList<>();
        for (FusedGroup.Input in : g.inputs()) {
            arrays.add(in.strides());
        }
        for (FusedGroup.Output o : g.outputs()) {
            arrays.add(o.strides());
        }
        return collapse(g.shape(), 0, g.shape().rank(), arrays);
    }

    /** Why the nest cannot run input/output {@code t}: its innermost stride is neither 0 nor 1 (outputs: not 1). */
    static Optional<String> innerDecline(Nest n, int inputs, int arrays) {
        for (int t = 0; t < arrays; t++) {
            long s = n.inner(t);
            if (t < inputs ? s != 0 && s != 1 : s != 1) {
                return Optional.of((t < inputs ? "input " + t : "output " + (t - inputs)) + " has stride " + s
                        + " along the innermost collapsed axis (extent " + n.dims()[n.rank() - 1]
                        + "): neither contiguous nor broadcast");
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ reductions along other axes

    /**
     * Whether {@code g} runs the column path: it reduces, and not along its last axis alone (which is the row path;
     * callers first rewrite every-axis and trailing-block reductions that have a row view into that form, see
     * {@link ReductionForms}).
     */
    static boolean columns(FusedGroup g) {
        int[] r = g.reducedAxes();
        return r.length > 0 && !(r.length == 1 && r[0] == g.shape().rank() - 1);
    }

    /** The first reduced axis of a column group: axes before it are walked one index at a time. */
    private static int firstReduced(FusedGroup g) {
        return g.reducedAxes()[0];
    }

    /** The strides of the column accumulators over the group's shape: dense over the reduced shape. */
    private static long[] accumulatorStrides(FusedGroup g) {
        return g.shape().reduced(g.reducedAxes()).stridesIn(g.shape());
    }

    /** The element outputs of a group: those that are not reductions. */
    private static List<Integer> elementOutputs(FusedGroup g) {
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < g.outputs().size(); k++) {
            if (!g.ops().get(g.outputs().get(k).op()).kind().isReduction()) {
                r.add(k);
            }
        }
        return r;
    }

    /** The nest of one stage of a column group: the axes from the first reduced one; inputs, element outputs, accumulators. */
    static Nest stageNest(FusedGroup g) {
        List<long[]> arrays = new ArrayList<>();
        for (FusedGroup.Input in : g.inputs()) {
            arrays.add(in.strides());
        }
        for (int k : elementOutputs(g)) {
            arrays.add(g.outputs().get(k).strides());
        }
        arrays.add(accumulatorStrides(g));
        return collapse(g.shape(), firstReduced(g), g.shape().rank(), arrays);
    }

    /** The nest over the axes before the first reduced one (walked per index): inputs, then all outputs. */
    private static Nest outerNest(FusedGroup g) {
        List<long[]> arrays = new ArrayList<>();
        for (FusedGroup.Input in : g.inputs()) {
            arrays.add(in.strides());
        }
        for (FusedGroup.Output o : g.outputs()) {
            arrays.add(o.strides());
        }
        return collapse(g.shape(), 0, firstReduced(g), arrays);
    }

    /** Why a column group cannot be generated, or empty. */
    static Optional<String> columnDecline(FusedGroup g) {
        Nest n = stageNest(g);
        // the chunk loop steps an int by CHUNK up to the innermost extent: it must not pass Integer.MAX_VALUE
        if (n.dims()[n.rank() - 1] > Integer.MAX_VALUE - F32Lanes.CHUNK) {
            return Optional.of("an innermost extent of " + n.dims()[n.rank() - 1] + ": more than the chunk loop's int index"
                    + " reaches (" + (Integer.MAX_VALUE - F32Lanes.CHUNK) + ")");
        }
        // element outputs are dense (stride 1) or at the reduced shape (stride 0 where the innermost axis is reduced:
        // every position of the chunk stores the one value, see fixedAlongChunk): only inputs can have another stride
        return innerDecline(n, g.inputs().size(), g.inputs().size());
    }

    /**
     * Whether element output {@code o} of a column group is constant along the chunk loop: stored at the reduced
     * shape ({@code var + eps}) with the innermost collapsed axis reduced, so each position stores to one element.
     */
    static boolean fixedAlongChunk(FusedGroup g, FusedGroup.Output o) {
        int e = elementOutputs(g).indexOf(g.outputs().indexOf(o));
        return e >= 0 && stageNest(g).inner(g.inputs().size() + e) == 0;
    }

    /**
     * The size of one accumulator: the product of the kept axes after the first reduced one (those after the reduced
     * block, and any between reduced axes), which are the trailing, contiguous part of the dense reduced shape.
     */
    private static long columnsPerOuter(FusedGroup g) {
        long c = 1;
        int[] r = g.reducedAxes();
        for (int a = r[0] + 1; a < g.shape().rank(); a++) {
            if (Arrays.binarySearch(r, a) < 0) {
                c *= g.shape().dim(a);
            }
        }
        return c;
    }

    // ------------------------------------------------------------------ emitters

    /** Emits what runs per innermost position (one chunk, or one index of an unchunked nest). */
    interface Body {
        void emit(String ind);
    }

    /**
     * Emits the loops of {@code n}: array t's offset is {@code stems[t]} inside (at the chunk's start when
     * {@code chunked}, otherwise at the index), starting from {@code bases[t]}; {@code ranged} restricts
     * original axis 0 to [from, to). {@code rowStart} runs once per row of the innermost axis (FIXED loads),
     * with array t's row offset named {@code stems[t] + "r"}.
     */
    static void loops(StringBuilder sb, Nest n, String loopVar, String[] stems, String[] bases, boolean ranged,
            boolean chunked, String ind, Body rowStart, Body body) {
        int explicit = chunked ? n.rank() - 1 : n.rank();
        String[] cur = bases.clone();
        if (ranged && !(n.hasAxis0() && explicit > 0)) {
            if (n.hasAxis0()) {
                throw new IllegalStateException("a ranged nest whose axis 0 is its chunked axis takes the flat path");
            }
            sb.append(ind).append("if (from < to) {\n");   // axis 0 has extent 1: all or nothing
        } else {
            sb.append(ind).append("{\n");
        }
        String in = ind + "    ";
        for (int d = 0; d < explicit; d++) {
            String lo = "0";
            String hi = Long.toString(n.dims()[d]);
            if (d == 0 && ranged && n.hasAxis0()) {
                lo = "from * " + n.per0();
                hi = "to * " + n.per0();
            }
            String c = loopVar + d;
            sb.append(in).append("for (int ").append(c).append(" = ").append(lo).append("; ").append(c).append(" < ")
                    .append(hi).append("; ").append(c).append("++) {\n");
            in += "    ";
            for (int t = 0; t < stems.length; t++) {
                String v = stems[t] + "_" + d;
                long s = n.strides()[t][d];
                sb.append(in).append("int ").append(v).append(" = ").append(cur[t])
                        .append(s == 0 ? "" : " + " + c + " * " + s).append(";\n");
                cur[t] = v;
            }
        }
        if (chunked) {
            for (int t = 0; t < stems.length; t++) {
                sb.append(in).append("int ").append(stems[t]).append("r = ").append(cur[t]).append(";\n");
            }
            rowStart.emit(in);
            long inner = n.dims()[n.rank() - 1];
            sb.append(in).append("for (int j = 0; j < ").append(inner).append("; j += ").append(F32Lanes.CHUNK).append(") {\n");
            String in2 = in + "    ";
            sb.append(in2).append("int n = Math.min(").append(F32Lanes.CHUNK).append(", ").append(inner).append(" - j);\n");
            for (int t = 0; t < stems.length; t++) {
                sb.append(in2).append("int ").append(stems[t]).append(" = ").append(stems[t]).append("r")
                        .append(n.inner(t) == 0 ? "" : " + j").append(";\n");
            }
            body.emit(in2);
            sb.append(in).append("}\n");
        } else {
            for (int t = 0; t < stems.length; t++) {
                sb.append(in).append("int ").append(stems[t]).append(" = ").append(cur[t]).append(";\n");
            }
            body.emit(in);
        }
        for (int d = explicit - 1; d >= 0; d--) {
            sb.append(ind).append("    ".repeat(d + 1)).append("}\n");
        }
        sb.append(ind).append("}\n");
    }

    /** The stems of a group's inputs ({@code b0, b1, …}) followed by those of the given outputs ({@code o…}). */
    private static List<String> stems(FusedGroup g, List<Integer> outputs, String in, String out) {
        List<String> s = new ArrayList<>();
        for (int k = 0; k < g.inputs().size(); k++) {
            s.add(in + k);
        }
        for (int k : outputs) {
            s.add(out + k);
        }
        return s;
    }

    private static List<Integer> allOutputs(FusedGroup g) {
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < g.outputs().size(); k++) {
            r.add(k);
        }
        return r;
    }

    /** FIXED loads of the inputs constant along the innermost axis of {@code n}, from their row offsets. */
    private static Body fixedLoads(StringBuilder sb, FusedGroup g, Nest n) {
        return ind -> {
            for (int k = 0; k < g.inputs().size(); k++) {
                if (n.inner(k) == 0) {
                    String t = HostSourceGenerator.javaType(g.inputs().get(k).type());
                    sb.append(ind).append(t).append(" f").append(k).append(" = in").append(k).append("[b").append(k).append("r];\n");
                }
            }
        };
    }

    /** The loops of an element-wise group whose nest has two or more axes. */
    static void emitElementwise(StringBuilder sb, FusedGroup g, HostSourceGenerator.Plan plan) {
        if (g.shape().size() == 0) {
            return;
        }
        Nest n = elementwise(g);
        String[] stems = stems(g, allOutputs(g), "b", "o").toArray(new String[0]);
        String[] bases = new String[stems.length];
        Arrays.fill(bases, "0");
        loops(sb, n, "c", stems, bases, true, true, "        ", fixedLoads(sb, g, n),
                ind -> HostSourceGenerator.chunk(sb, g, plan, g.outputs(), List.of(), ind));
    }

    /** The loops of a group reducing a block of axes that excludes the last. */
    static void emitColumns(StringBuilder sb, FusedGroup g, List<HostSourceGenerator.Plan> plans) {
        Shape shape = g.shape();
        if (shape.size() == 0) {
            return;   // as the interpreter: nothing is stored
        }
        long cols = columnsPerOuter(g);
        String ind = "        ";
        if (firstReduced(g) == 0) {
            sb.append(ind).append("if (from != 0 || to != ").append(shape.dim(0)).append(") {\n");
            sb.append(ind).append("    throw new org.fusemath.api.InvalidArgumentException(\"from/to\", from + \"..\" + to, ")
                    .append("\"the whole of axis 0, which the group reduces\");\n");
            sb.append(ind).append("}\n");
        }
        // column accumulators, one per reduction, allocated per call (thread-safe, nothing kept between calls);
        // float for a max or min of floats, double otherwise; red<i> holds the reduced values in the op's type
        List<FusedGroup.Op> reductions = new ArrayList<>();
        for (FusedGroup.Op op : g.ops()) {
            if (op.kind().isReduction()) {
                reductions.add(op);
                boolean f = HostSourceGenerator.floatLanes(g, op);
                String at = f ? "float" : "double";
                sb.append(ind).append(at).append("[] c").append(op.index()).append(" = new ").append(at).append("[").append(cols).append("];\n");
                String rt = HostSourceGenerator.javaType(op.type());
                if (rt.equals(at)) {
                    sb.append(ind).append(rt).append("[] red").append(op.index()).append(" = c").append(op.index()).append(";\n");
                } else {
                    sb.append(ind).append(rt).append("[] red").append(op.index()).append(" = new ").append(rt).append("[").append(cols).append("];\n");
                }
            }
        }
        Nest outer = outerNest(g);
        Nest stage = stageNest(g);
        List<Integer> elementOutputs = elementOutputs(g);
        String[] outerStems = stems(g, allOutputs(g), "x", "y").toArray(new String[0]);
        String[] outerBases = new String[outerStems.length];
        Arrays.fill(outerBases, "0");
        List<String> st = stems(g, elementOutputs, "b", "o");
        st.add("a_");
        String[] stageStems = st.toArray(new String[0]);
        String[] stageBases = new String[stageStems.length];
        for (int k = 0; k < g.inputs().size(); k++) {
            stageBases[k] = "x" + k;
        }
        for (int e = 0; e < elementOutputs.size(); e++) {
            stageBases[g.inputs().size() + e] = "y" + elementOutputs.get(e);
        }
        stageBases[stageBases.length - 1] = "0";
        Body perOuter = in -> {
            for (int s = 0; s < g.stages(); s++) {
                HostSourceGenerator.Plan plan = plans.get(s);
                List<FusedGroup.Op> reds = new ArrayList<>();
                for (FusedGroup.Op op : plan.body) {
                    if (op.kind().isReduction()) {
                        reds.add(op);
                        sb.append(in).append("java.util.Arrays.fill(c").append(op.index()).append(", ")
                                .append(HostSourceGenerator.floatLanes(g, op) ? "(float) " : "")
                                .append(HostSourceGenerator.identity(op.kind())).append(");\n");
                    }
                }
                List<FusedGroup.Output> outs = new ArrayList<>();
                for (FusedGroup.Output o : g.outputsAt(s)) {
                    if (!g.ops().get(o.op()).kind().isReduction()) {
                        outs.add(o);
                    }
                }
                loops(sb, stage, "u", stageStems, stageBases, false, true, in, fixedLoads(sb, g, stage),
                        ind2 -> HostSourceGenerator.chunk(sb, g, plan, outs, reds, ind2));
                for (FusedGroup.Op r : reds) {
                    if (!HostSourceGenerator.javaType(r.type()).equals(HostSourceGenerator.floatLanes(g, r) ? "float" : "double")) {
                        sb.append(in).append("for (int t = 0; t < ").append(cols).append("; t++) {\n");
                        sb.append(in).append("    red").append(r.index()).append("[t] = (").append(HostSourceGenerator.javaType(r.type()))
                                .append(") c").append(r.index()).append("[t];\n");
                        sb.append(in).append("}\n");
                    }
                }
                for (FusedGroup.Output o : g.outputsAt(s)) {
                    if (g.ops().get(o.op()).kind().isReduction()) {
                        int k = g.outputs().indexOf(o);
                        sb.append(in).append("System.arraycopy(red").append(o.op()).append(", 0, out").append(k)
                                .append(", y").append(k).append(", ").append(cols).append(");\n");
                    }
                }
            }
        };
        loops(sb, outer, "w", outerStems, outerBases, firstReduced(g) > 0, false, ind, in -> { }, perOuter);
    }

    /** How a column group's chunk indexes the accumulators and reduced values: along or fixed on the inner axis. */
    static String accumulatorIndex(FusedGroup g) {
        Nest n = stageNest(g);
        return n.inner(n.strides().length - 1) == 0 ? "[a_]" : "[a_ + i]";
    }
}
