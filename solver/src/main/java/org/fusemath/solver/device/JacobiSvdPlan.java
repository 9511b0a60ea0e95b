package org.fusemath.solver.device;

import java.lang.ref.Cleaner;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * One Jacobi SVD {@link JacobiSvdCall} (gesvdj or gesvdjBatched) prepared on the device for any number of inputs of
 * its shape: the handle, the gesvdjInfo with the call's parameters, the operand buffers and the workspace its
 * {@code *_bufferSize} query asked for, all made once when the plan is made (from the device's stream-ordered pool)
 * and reused by every {@link #execute}. Closing releases them; a plan left unclosed is released by a Cleaner once
 * unreachable. {@link #execute} is serialised on the plan.
 */
public final class JacobiSvdPlan implements AutoCloseable {
    private final JacobiSvdCall call;
    private final PlanResources resources;
    private final Cleaner.Cleanable cleanable;
    private final CusolverCalls.JacobiOperands operands;
    private final int aSlots;
    private final int sCount;
    private final long uCount;
    private final long vCount;

    JacobiSvdPlan(JacobiSvdCall call, DeviceMemory memory, CusolverCalls calls) {
        if (call == null || call.routine().query()) {
            memory.close();
            throw new InvalidArgumentException("call", call == null ? "null" : call.describe(),
                    "a Jacobi SVD call (not a workspace query)");
        }
        this.call = call;
        this.resources = new PlanResources(memory, calls);
        this.cleanable = PlanResources.CLEANER.register(this, resources);
        DType t = call.dtype();
        this.aSlots = Math.toIntExact(call.lda() * call.n() * call.batch() * t.slotsPerElement());
        this.sCount = Math.toIntExact(call.k() * call.batch());
        this.uCount = call.ldu() * call.uCols() * call.batch();
        this.vCount = call.ldv() * call.vCols() * call.batch();
        try {
            long dA = resources.allocate((long) aSlots * t.elementBytes() / t.slotsPerElement());
            long dS = resources.allocate((long) sCount * t.componentType().elementBytes());
            long dU = resources.allocate(uCount * t.elementBytes());
            long dV = resources.allocate(vCount * t.elementBytes());
            long dInfo = resources.allocate(4 * call.batch());
            long solver = resources.solver();
            long info = resources.gesvdjInfo(call);
            long bytes = calls.jacobiBufferSize(solver, info, call.bufferSizeQuery(),
                    new CusolverCalls.JacobiOperands(dA, dS, dU, dV, dInfo, 0, 0));
            this.operands = new CusolverCalls.JacobiOperands(dA, dS, dU, dV, dInfo, resources.allocate(bytes), bytes);
        } catch (RuntimeException e) {
            cleanable.clean();
            throw e;
        }
    }

    /** The call this plan makes. */
    public JacobiSvdCall call() {
        return call;
    }

    /**
     * Runs the call on a copy of the column-major images {@code a} (batch·lda·n elements); the result as
     * {@link DeviceJacobiSvd} returns it.
     *
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized DeviceJacobiSvd.Result execute(Object a) {
        DeviceJacobiSvd.check(call, a);
        if (resources.released()) {
            throw new IllegalStateException("the plan for " + call.describe() + " is closed");
        }
        DeviceMemory memory = resources.memory();
        DType t = call.dtype();
        memory.toDevice(a, 0, aSlots, operands.a(), 0);
        resources.calls().jacobiRun(resources.solver(), resources.gesvdjInfo(call), call, operands);
        int[] infos = new int[Math.toIntExact(call.batch())];
        memory.toHost(operands.info(), 0, infos, 0, infos.length);
        Object s = memory.toNewHostArray(t.componentType(), operands.s(), sCount);
        return new DeviceJacobiSvd.Result(s, call.vectors() ? memory.toNewHostArray(t, operands.u(), uCount) : null,
                call.vectors() ? memory.toNewHostArray(t, operands.v(), vCount) : null, infos);
    }

    /** Releases the handle, gesvdjInfo, buffers and workspace; idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
