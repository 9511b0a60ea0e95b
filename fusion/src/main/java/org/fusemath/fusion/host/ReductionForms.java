package org.fusemath.fusion.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.Shape;

/**
 * The form in which {@link HostSourceGenerator} generates a group with reductions: the row path (lane-wise
 * accumulators along the last axis) wherever the reduced axes have a row view, the column path of
 * {@link StridedLoops} (an outer loop over kept indices, an inner loop over reduced ones, accumulators indexed by the
 * kept axes after the first reduced one) for every other set of reduced axes.
 *
 * <p>A row view: a reduction over every axis whose inputs are dense or scalars ({@link WholeReduction}), or over a
 * trailing block of axes (r, …, n−1), r ≥ 1, through which every array steps as through one axis (each input dense
 * along the block or broadcast along all of it; outputs are dense). Such a group computes exactly what the group of
 * shape (d₀, …, dᵣ₋₁, dᵣ·…·dₙ₋₁) reducing its last axis computes, on the same arrays and with the same axis 0, so it
 * runs in panels of axis 0 as the row path does, with the row path's accuracy for rows of dᵣ·…·dₙ₋₁ elements.
 * Everything else (reduced axes scattered among kept ones, a block with an input broadcast along part of it) runs the
 * column path, whose sums are serial in the interpreter's order and equal to its results bit for bit.
 */
final class ReductionForms {
    private ReductionForms() {
    }

    /** {@code g} itself, or the same computation over a row view of its reduced axes (see the class comment). */
    static FusedGroup hostForm(FusedGroup g) {
        if (WholeReduction.applies(g)) {
            return WholeReduction.declineReason(g).isEmpty() ? WholeReduction.asRow(g) : g;
        }
        return trailingRows(g).orElse(g);
    }

    /** The group over (d₀, …, dᵣ₋₁, dᵣ·…·dₙ₋₁) reducing its last axis, when {@code g} reduces a trailing block with a row view. */
    static Optional<FusedGroup> trailingRows(FusedGroup g) {
        Shape s = g.shape();
        int rank = s.rank();
        int[] r = g.reducedAxes();
        if (r.length < 2 || r[0] == 0 || r[r.length - 1] != rank - 1 || r.length != rank - r[0] || s.size() == 0) {
            return Optional.empty();
        }
        List<long[]> arrays = new ArrayList<>();
        for (FusedGroup.Input in : g.inputs()) {
            arrays.add(in.strides());
        }
        for (FusedGroup.Output o : g.outputs()) {
            arrays.add(o.strides());
        }
        StridedLoops.Nest block = StridedLoops.collapse(s, r[0], rank, arrays);
        long len = s.size() / s.reduced(r).size();
        if (block.rank() != 1 || len > Integer.MAX_VALUE - F32Lanes.CHUNK) {
            return Optional.empty();
        }
        for (int k = 0; k < g.inputs().size(); k++) {
            long st = block.inner(k);
            if (st != 0 && st != 1) {
                return Optional.empty();
            }
        }
        long[] dims = Arrays.copyOf(s.dims(), r[0] + 1);
        dims[r[0]] = len;
        Shape row = Shape.of(dims);
        int[] last = {r[0]};
        Shape reduced = row.reduced(last);
        List<FusedGroup.Input> inputs = new ArrayList<>();
        for (int k = 0; k < g.inputs().size(); k++) {
            FusedGroup.Input in = g.inputs().get(k);
            long[] st = Arrays.copyOf(in.strides(), r[0] + 1);
            st[r[0]] = block.inner(k);
            inputs.add(new FusedGroup.Input(in.type(), in.shape(), st));
        }
        List<FusedGroup.Output> outputs = new ArrayList<>();
        for (FusedGroup.Output o : g.outputs()) {
            Shape os = o.shape().equals(s) ? row : reduced;
            outputs.add(new FusedGroup.Output(o.op(), o.type(), os, os.stridesIn(row)));
        }
        return Optional.of(new FusedGroup(row, last, inputs, g.ops(), outputs));
    }
}
