package org.fusemath.fusion;

/** One launch of a plan template: reads value slots, writes value slots. Immutable; per-plan state lives in {@link PlanState}. */
interface Step {
    /** Runs the launch on the plan's current values. */
    void run(PlanState state);

    /** The launch as the explanation shows it. */
    Explanation.Launch describe();
}
