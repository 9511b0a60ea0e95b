package org.fusemath.solver.device;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * The device provider's making code for the Jacobi SVD: one {@link JacobiSvdCall} (gesvdj or gesvdjBatched) on
 * column-major images copied in, with a {@code gesvdjInfo} carrying the call's tolerance, sweeps and sorting, the
 * workspace sized by the call's own {@code *_bufferSize} query, devInfo read back for every matrix, and Σ, U and V
 * copied back. Stateless; each call opens its own handle and parameters and frees every allocation.
 */
public final class DeviceJacobiSvd {
    private DeviceJacobiSvd() {
    }

    /**
     * What came back: batch·min(m, n) singular values (the real component type), U and V (batch·ldu·uCols and
     * batch·ldv·vCols elements; null unless vectors were asked for) and each matrix's devInfo (0, or min(m, n) + 1
     * when the sweeps did not converge).
     */
    public record Result(Object s, Object u, Object v, int[] info) {
        /** The lowest-numbered matrix whose devInfo is not 0, or -1. */
        public int firstFailure() {
            for (int b = 0; b < info.length; b++) {
                if (info[b] != 0) {
                    return b;
                }
            }
            return -1;
        }
    }

    /** The check before any native call: {@code a} holds exactly batch·lda·n elements of the call's type. */
    static void check(JacobiSvdCall call, Object a) {
        if (call == null || a == null) {
            throw new InvalidArgumentException("call and a", "null", "a Jacobi SVD description and its matrices");
        }
        if (call.routine().query()) {
            throw new InvalidArgumentException("call", call.describe(), "not a workspace query (the call queries its own)");
        }
        DType t = call.dtype();
        long expected = Arguments.multiply("the image of a", Arguments.multiply("the image of a",
                Arguments.multiply("the image of a", call.lda(), call.n()), call.batch()), t.slotsPerElement());
        long given = a instanceof double[] d && !t.isSinglePrecision() ? d.length
                : a instanceof float[] f && t.isSinglePrecision() ? f.length : -1;
        if (given != expected) {
            throw new InvalidArgumentException("a", given < 0 ? a.getClass().getSimpleName() : given + " slots",
                    (t.isSinglePrecision() ? "float[" : "double[") + expected + "] (batch·lda·n of " + t + ")");
        }
        Arguments.toInt("the image of a", expected);
    }

    /** The making code, shared by the device and the CPU fakes. */
    static Result run(JacobiSvdCall c, Object a, CusolverCalls calls, DeviceMemory memory) {
        check(c, a);
        DType t = c.dtype();
        DType real = t.componentType();
        long batch = c.batch();
        int aSlots = Math.toIntExact(c.lda() * c.n() * batch * t.slotsPerElement());
        int sCount = Math.toIntExact(c.k() * batch);
        // U and V are allocated even for values only: cuSOLVER documents them as unreferenced then, but a valid
        // address of the documented size costs little at the orders this routine is chosen for.
        long uCount = Arguments.multiply("U", c.ldu() * c.uCols(), batch);
        long vCount = Arguments.multiply("V", c.ldv() * c.vCols(), batch);
        try (SolverScope scope = SolverScope.open(calls, memory)) {
            long dA = scope.allocate((long) aSlots * t.elementBytes() / t.slotsPerElement());
            long dS = scope.allocate((long) sCount * real.elementBytes());
            long dU = scope.allocate(uCount * t.elementBytes());
            long dV = scope.allocate(vCount * t.elementBytes());
            long dInfo = scope.allocate(4 * batch);
            memory.toDevice(a, 0, aSlots, dA, 0);
            long info = scope.gesvdjInfo();
            calls.gesvdjInfoSet(info, c);
            CusolverCalls.JacobiOperands o = new CusolverCalls.JacobiOperands(dA, dS, dU, dV, dInfo, 0, 0);
            long workBytes = calls.jacobiBufferSize(scope.solver(), info, c.bufferSizeQuery(), o);
            long dWork = scope.allocate(workBytes);
            calls.jacobiRun(scope.solver(), info, c, new CusolverCalls.JacobiOperands(dA, dS, dU, dV, dInfo, dWork,
                    workBytes));
            int[] infos = new int[Math.toIntExact(batch)];
            memory.toHost(dInfo, 0, infos, 0, infos.length);
            Object s = memory.toNewHostArray(real, dS, sCount);
            Object u = c.vectors() ? memory.toNewHostArray(t, dU, uCount) : null;
            Object v = c.vectors() ? memory.toNewHostArray(t, dV, vCount) : null;
            return new Result(s, u, v, infos);
        }
    }
}
