package org.fusemath.fusion.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.Shape;

/**
 * Groups that reduce every axis ({@code sum(x)}, {@code x / sum(x)}, {@code x - mean(x)}: NumPy's axis=None with
 * keepdims) seen as one row of all their elements, so that the row path of {@link HostSourceGenerator} runs them.
 *
 * <p>When every input is dense over the group's shape (C order) or one broadcast scalar, element i of the flat
 * C-order index is element i of every dense input and output, so a group of shape (d₀, …, dₙ₋₁) reducing all its
 * axes computes exactly what the group of shape (d₀·…·dₙ₋₁) reducing its one axis computes, on the same arrays.
 * The row path's accuracy is then that of one row of N = d₀·…·dₙ₋₁ elements: max and min exact, a sum within
 * (⌈N / CHUNK⌉ + log₂ CHUNK)·u·Σ|x| in double (u = 2⁻⁵³); and whether a value one stage computes and a later
 * stage re-reads is kept or recomputed is decided by {@link HostSourceGenerator#KEEP_ROW_LIMIT} on N. Inputs
 * broadcast along some axes only (a row vector added before a total sum) have no such flat view and are declined.
 */
final class WholeReduction {
    private WholeReduction() {
    }

    /** Whether {@code g} reduces every axis of a shape of rank 2 or more (rank 1 is the row path already). */
    static boolean applies(FusedGroup g) {
        int rank = g.shape().rank();
        int[] r = g.reducedAxes();
        if (rank < 2 || r.length != rank) {
            return false;
        }
        for (int a = 0; a < rank; a++) {
            if (r[a] != a) {
                return false;
            }
        }
        return true;
    }

    /** Why a group that {@link #applies} has no flat view, or empty when {@link #asRow} gives one. */
    static Optional<String> declineReason(FusedGroup g) {
        Shape s = g.shape();
        long[] dense = s.stridesIn(s);
        for (int k = 0; k < g.inputs().size(); k++) {
            long[] st = g.inputs().get(k).strides();
            if (!Arrays.equals(st, dense) && !allZero(st)) {
                return Optional.of("input " + k + " of a reduction over every axis is broadcast along some axes only"
                        + " (strides " + Arrays.toString(st) + "): neither dense nor a scalar");
            }
        }
        // the row loop steps an int by CHUNK up to N: it must not pass Integer.MAX_VALUE on its last step
        if (s.size() > Integer.MAX_VALUE - F32Lanes.CHUNK) {
            return Optional.of("a reduction over every axis of " + s.size() + " elements: more than the row loop's int index"
                    + " reaches (" + (Integer.MAX_VALUE - F32Lanes.CHUNK) + ")");
        }
        return Optional.empty();
    }

    /**
     * The same group over one axis of all its elements, reducing it; its inputs and outputs are the same arrays.
     * Without elements it is the group of no rows (shape (0, 0) reducing axis 1), which stores nothing: as the
     * {@link org.fusemath.fusion.ir.GroupInterpreter} does for an empty iteration space.
     */
    static FusedGroup asRow(FusedGroup g) {
        long n = g.shape().size();
        Shape row = n == 0 ? Shape.of(0, 0) : Shape.of(n);
        Shape reduced = row.reduced(new int[] {row.rank() - 1});
        List<FusedGroup.Input> inputs = new ArrayList<>();
        for (FusedGroup.Input in : g.inputs()) {
            long[] st = new long[row.rank()];
            st[st.length - 1] = allZero(in.strides()) ? 0 : 1;
            inputs.add(new FusedGroup.Input(in.type(), in.shape(), st));
        }
        List<FusedGroup.Output> outputs = new ArrayList<>();
        for (FusedGroup.Output o : g.outputs()) {
            Shape os = o.shape().equals(g.shape()) ? row : reduced;
            outputs.add(new FusedGroup.Output(o.op(), o.type(), os, os.stridesIn(row)));
        }
        return new FusedGroup(row, new int[] {row.rank() - 1}, inputs, g.ops(), outputs);
    }

    private static boolean allZero(long[] strides) {
        for (long v : strides) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
