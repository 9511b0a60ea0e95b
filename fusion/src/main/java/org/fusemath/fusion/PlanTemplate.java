package org.fusemath.fusion;

import java.util.List;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * A planned expression structure, shared by every {@link FusionPlan} of the same structure, shapes, dtypes and
 * space (the plan cache holds these): the value slots (inputs first, in slot order), the steps in execution
 * order, which slots are results, and the explanation. Immutable.
 */
final class PlanTemplate {
    /** One array slot: its type and shape, and whether it is a result (a new array on every execution). */
    record Slot(ScalarType type, Shape shape, boolean result, boolean denseNeeded) {
    }

    final List<Slot> slots;
    final int inputCount;
    final List<Step> steps;
    final int[] rootSlots;
    /** The shape of each root, as HostTensor takes it (it copies). */
    final long[][] rootDims;
    final List<Node> inputs;
    final Explanation explanation;
    private final boolean[] deviceOnly;

    PlanTemplate(List<Slot> slots, int inputCount, List<Step> steps, int[] rootSlots, List<Node> inputs,
                 Explanation explanation) {
        this(slots, inputCount, steps, rootSlots, inputs, explanation, new boolean[slots.size()]);
    }

    /**
     * Slots marked in {@code deviceOnly} live only in device memory (a device plan's intermediates): no host array is
     * made for them.
     */
    PlanTemplate(List<Slot> slots, int inputCount, List<Step> steps, int[] rootSlots, List<Node> inputs,
                 Explanation explanation, boolean[] deviceOnly) {
        this.deviceOnly = deviceOnly.clone();
        this.slots = List.copyOf(slots);
        this.inputCount = inputCount;
        this.steps = List.copyOf(steps);
        this.rootSlots = rootSlots.clone();
        this.rootDims = new long[rootSlots.length][];
        for (int i = 0; i < rootSlots.length; i++) {
            rootDims[i] = this.slots.get(rootSlots[i]).shape().dims();
        }
        this.inputs = List.copyOf(inputs);
        this.explanation = explanation;
    }

    /** Whether slot {@code i} lives only on the device (no host array). */
    boolean deviceOnly(int i) {
        return deviceOnly[i];
    }
}
