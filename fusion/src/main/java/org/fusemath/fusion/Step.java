package org.fusemath.fusion;

/** One launch of a plan template: reads value slots, writes value slots. Immutable; per-plan state lives in {@link PlanState}. */
interface Step {
    /**
     * Runs the launch on the plan's current values; {@code index} is the step's position in the template, the slot of
     * what it keeps between executions in {@link PlanState#perStep}.
     */
    void run(PlanState state, int index);

    /** The launch as the explanation shows it. */
    Explanation.Launch describe();
}
