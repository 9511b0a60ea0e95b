package org.fusemath.fusion;

import org.fusemath.api.FuseContext;

/**
 * The mutable side of one {@link FusionPlan}: the array behind every value slot (operands, intermediates, results)
 * and what the steps keep between executions (a library matmul's planned instance). Guarded by the plan's lock.
 */
final class PlanState implements AutoCloseable {
    final Object[] values;
    /** The operand bound to each input slot, as the caller gave it (a HostMatrix is handed to libraries as is). */
    final Object[] operands;
    final FuseContext context;
    /** What step i keeps between executions (a planned Matmul, a kernel's argument arrays), by step index. */
    final Object[] perStep;

    PlanState(int slots, int inputs, int steps, FuseContext context) {
        this.values = new Object[slots];
        this.operands = new Object[inputs];
        this.perStep = new Object[steps];
        this.context = context;
    }

    @Override
    public void close() {
        for (int i = 0; i < perStep.length; i++) {
            if (perStep[i] instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing a plan's library state failed", e);
                }
            }
            perStep[i] = null;
        }
    }
}
