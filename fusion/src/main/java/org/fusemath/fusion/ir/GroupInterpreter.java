package org.fusemath.fusion.ir;

import java.util.List;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fusion.spi.HostKernel;

/**
 * Executes a {@link FusedGroup} op by op with {@link ScalarSemantics}, following the loop structure the group
 * documents: the oracle generated kernels are tested against and the fallback when no generator handles a
 * group, never the fast path. Immutable and thread-safe.
 */
public final class GroupInterpreter implements HostKernel {
    private final FusedGroup group;
    private final List<FusedGroup.Op> ops;
    private final int[] outerAxes;
    private final int[] innerAxes;
    private final long[][] inStrides;
    private final long[][] outStrides;
    private final List<List<FusedGroup.Op>> bodies;
    private final List<int[]> elementStores;
    private final List<int[]> reductionStores;

    /** An interpreter of {@code group}. */
    public GroupInterpreter(FusedGroup group) {
        this.group = group;
        this.ops = group.ops();
        Shape shape = group.shape();
        int[] reduced = group.reducedAxes();
        boolean[] isReduced = new boolean[shape.rank()];
        for (int a : reduced) {
            isReduced[a] = true;
        }
        outerAxes = new int[shape.rank() - reduced.length];
        innerAxes = reduced;
        for (int a = 0, o = 0; a < shape.rank(); a++) {
            if (!isReduced[a]) {
                outerAxes[o++] = a;
            }
        }
        inStrides = new long[group.inputs().size()][];
        for (int k = 0; k < inStrides.length; k++) {
            inStrides[k] = group.inputs().get(k).strides();
        }
        outStrides = new long[group.outputs().size()][];
        for (int k = 0; k < outStrides.length; k++) {
            outStrides[k] = group.outputs().get(k).strides();
        }
        bodies = new java.util.ArrayList<>();
        elementStores = new java.util.ArrayList<>();
        reductionStores = new java.util.ArrayList<>();
        for (int s = 0; s < group.stages(); s++) {
            bodies.add(group.loopBody(s));
            List<FusedGroup.Output> at = group.outputsAt(s);
            elementStores.add(at.stream().filter(o -> !ops.get(o.op()).kind().isReduction())
                    .mapToInt(o -> group.outputs().indexOf(o)).toArray());
            reductionStores.add(at.stream().filter(o -> ops.get(o.op()).kind().isReduction())
                    .mapToInt(o -> group.outputs().indexOf(o)).toArray());
        }
    }

    /** The group interpreted. */
    public FusedGroup group() {
        return group;
    }

    @Override
    public void run(Object[] inputs, Object[] outputs) {
        run(inputs, outputs, 0, group.shape().rank() == 0 ? 1 : (int) group.shape().dim(0));
    }

    @Override
    public void run(Object[] inputs, Object[] outputs, int from, int to) {
        Shape shape = group.shape();
        if (shape.size() == 0) {
            return;
        }
        if (shape.rank() > 0 && (group.reducedAxes().length > 0 && group.reducedAxes()[0] == 0)
                && (from != 0 || to != shape.dim(0))) {
            throw new InvalidArgumentException("from/to", from + ".." + to, "the whole of axis 0, which the group reduces");
        }
        long[] idx = new long[shape.rank()];
        double[] vals = new double[ops.size()];
        double[] acc = new double[ops.size()];
        // Outer loop over the kept axes (axis 0 restricted to [from, to) when it is kept).
        if (outerAxes.length > 0 && outerAxes[0] == 0) {
            idx[0] = from;
            if (from >= to) {
                return;
            }
        }
        while (true) {
            for (int s = 0; s < bodies.size(); s++) {
                List<FusedGroup.Op> body = bodies.get(s);
                for (FusedGroup.Op op : body) {
                    if (op.kind().isReduction()) {
                        acc[op.index()] = ScalarSemantics.identity(op.kind());
                    }
                }
                for (int a : innerAxes) {
                    idx[a] = 0;
                }
                while (true) {
                    for (FusedGroup.Op op : body) {
                        evaluate(op, inputs, idx, vals, acc);
                    }
                    for (int k : elementStores.get(s)) {
                        FusedGroup.Output out = group.outputs().get(k);
                        store(outputs[k], out.type(), offset(outStrides[k], idx), vals[out.op()]);
                    }
                    if (!advance(idx, innerAxes, shape, -1)) {
                        break;
                    }
                }
                for (FusedGroup.Op op : body) {
                    if (op.kind().isReduction()) {
                        vals[op.index()] = ScalarSemantics.round(op.type(), acc[op.index()]);
                    }
                }
                for (int k : reductionStores.get(s)) {
                    FusedGroup.Output out = group.outputs().get(k);
                    store(outputs[k], out.type(), offset(outStrides[k], idx), vals[out.op()]);
                }
            }
            if (!advance(idx, outerAxes, shape, to)) {
                return;
            }
        }
    }

    private void evaluate(FusedGroup.Op op, Object[] inputs, long[] idx, double[] vals, double[] acc) {
        int i = op.index();
        switch (op.kind()) {
            case INPUT -> vals[i] = load(inputs[op.input()], offset(inStrides[op.input()], idx));
            case CONSTANT -> vals[i] = op.constant();
            case WHERE -> vals[i] = vals[op.arg(0)] != 0 ? vals[op.arg(1)] : vals[op.arg(2)];
            case REDUCE_SUM, REDUCE_MAX, REDUCE_MIN -> acc[i] = ScalarSemantics.accumulate(op.kind(), acc[i], vals[op.arg(0)]);
            default -> {
                if (op.kind().arity() == 1) {
                    vals[i] = ScalarSemantics.unary(op.kind(), op.type(), vals[op.arg(0)]);
                } else {
                    vals[i] = ScalarSemantics.binary(op.kind(), op.type(), vals[op.arg(0)], vals[op.arg(1)]);
                }
            }
        }
    }

    /** Steps {@code idx} over {@code axes} (last fastest); axis 0 stops at {@code limit0} when ≥ 0; false when done. */
    private static boolean advance(long[] idx, int[] axes, Shape shape, int limit0) {
        for (int k = axes.length - 1; k >= 0; k--) {
            int a = axes[k];
            long end = a == 0 && limit0 >= 0 ? limit0 : shape.dim(a);
            if (++idx[a] < end) {
                return true;
            }
            if (k == 0) {
                return false;
            }
            idx[a] = 0;
        }
        return false;
    }

    private static long offset(long[] strides, long[] idx) {
        long o = 0;
        for (int a = 0; a < strides.length; a++) {
            o += strides[a] * idx[a];
        }
        return o;
    }

    private static double load(Object array, long offset) {
        return array instanceof float[] f ? f[(int) offset] : ((double[]) array)[(int) offset];
    }

    private static void store(Object array, ScalarType type, long offset, double v) {
        if (type == ScalarType.F32) {
            ((float[]) array)[(int) offset] = (float) v;
        } else {
            ((double[]) array)[(int) offset] = v;
        }
    }
}
