package org.fusemath.solver.device;

import java.lang.ref.Cleaner;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * One QR, SVD or eigen {@link DecompositionCall} prepared on the device for any number of matrices of its shape:
 * the handle, params, operand buffers and the workspace its {@code *_bufferSize} query asked for, all made once
 * when the plan is made (from the device's stream-ordered pool) and reused by every {@link #execute}. Closing
 * releases them; a plan left unclosed is released by a Cleaner once unreachable. {@link #execute} is serialised on
 * the plan; use one plan per thread for parallel work.
 */
public final class DecompositionPlan implements AutoCloseable {
    private final DecompositionCall call;
    private final PlanResources resources;
    private final Cleaner.Cleanable cleanable;
    private final CusolverCalls.DecompositionOperands operands;
    private final int aSlots;
    private final int valueSlots;
    private final long uCount;
    private final long vtCount;
    private final int[] info = new int[1];

    DecompositionPlan(DecompositionCall call, DeviceMemory memory, CusolverCalls calls) {
        if (call == null || call.routine().query()) {
            memory.close();
            throw new InvalidArgumentException("call", call == null ? "null" : call.describe(),
                    "a QR, SVD or eigen call (not a workspace query)");
        }
        this.call = call;
        this.resources = new PlanResources(memory, calls);
        this.cleanable = PlanResources.CLEANER.register(this, resources);
        DType t = call.dtype();
        DType valueType = DeviceDecomposition.valueType(call);
        long values = DeviceDecomposition.valueCount(call);
        this.aSlots = Math.toIntExact(call.lda() * call.n() * t.slotsPerElement());
        this.valueSlots = Math.toIntExact(values * valueType.slotsPerElement());
        this.uCount = DeviceDecomposition.uCount(call);
        this.vtCount = DeviceDecomposition.vtCount(call);
        try {
            long dA = resources.allocate((long) aSlots * t.elementBytes() / t.slotsPerElement());
            long dValues = resources.allocate(values * valueType.elementBytes());
            long dU = uCount == 0 ? 0 : resources.allocate(uCount * t.elementBytes());
            long dVt = vtCount == 0 ? 0 : resources.allocate(vtCount * t.elementBytes());
            long dInfo = resources.allocate(4);
            long solver = resources.solver();
            long params = resources.params();
            CusolverCalls.DecompositionOperands query = new CusolverCalls.DecompositionOperands(dA, dValues, dU, dVt, dInfo,
                    0, 0, 0);
            long[] work = calls.bufferSize(solver, params, call.bufferSizeQuery(), query);
            long dWork = resources.allocate(work[0]);
            this.operands = new CusolverCalls.DecompositionOperands(dA, dValues, dU, dVt, dInfo, dWork, work[0], work[1]);
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    /** The call this plan makes. */
    public DecompositionCall call() {
        return call;
    }

    /**
     * Runs the call on a copy of the column-major image {@code a} (lda·n elements of the call's type); the result as
     * {@link DeviceDecomposition#run} returns it (the values-in of a sequence are not offered: one call per plan).
     *
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized DeviceDecomposition.Result execute(Object a) {
        DeviceDecomposition.check(java.util.List.of(call), a);
        if (resources.released()) {
            throw new IllegalStateException("the plan for " + call.describe() + " is closed");
        }
        DeviceMemory memory = resources.memory();
        DType t = call.dtype();
        memory.toDevice(a, 0, aSlots, operands.a(), 0);
        resources.calls().run(resources.solver(), resources.params(), call, operands);
        memory.toHost(operands.info(), 0, info, 0, 1);
        if (info[0] != 0) {
            return new DeviceDecomposition.Result(null, null, null, null, info[0], 0);
        }
        Object aOut = DeviceMemory.hostArray(t, aSlots);
        memory.toHost(operands.a(), 0, aOut, 0, aSlots);
        Object values = DeviceMemory.hostArray(DeviceDecomposition.valueType(call), valueSlots);
        memory.toHost(operands.values(), 0, values, 0, valueSlots);
        return new DeviceDecomposition.Result(aOut, values, copyBack(t, operands.u(), uCount),
                copyBack(t, operands.vt(), vtCount), 0, -1);
    }

    private Object copyBack(DType t, long address, long elements) {
        return elements == 0 ? null : resources.memory().toNewHostArray(t, address, elements);
    }

    /** Releases the handle, the buffers and the workspace; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
