package org.fusemath.fusion;

import java.util.HashMap;
import java.util.Map;
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
    final Map<Step, AutoCloseable> stepState = new HashMap<>();

    PlanState(int slots, int inputs, FuseContext context) {
        this.values = new Object[slots];
        this.operands = new Object[inputs];
        this.context = context;
    }

    @Override
    public void close() {
        for (AutoCloseable c : stepState.values()) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a plan's library state failed", e);
            }
        }
        stepState.clear();
    }
}
