package org.fusemath.solver.device;

import java.util.List;
import java.util.Optional;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.device.DecompositionCall.Routine;

/**
 * The device provider's making code for QR, SVD and eigen decompositions: a sequence of {@link DecompositionCall}s
 * on one column-major matrix image (QR: {@code Xgeqrf} then {@code <t>orgqr}/{@code ungqr} on the same A and tau;
 * SVD: {@code Xgesvd}; eigen: {@code Xsyevd} or {@code Xgeev}), each sized by its own {@code *_bufferSize} query
 * (device and host workspace), devInfo read back after each call and the first non-zero one returned. Stateless;
 * each call opens its own handles and frees every allocation.
 */
public final class DeviceDecomposition {
    private DeviceDecomposition() {
    }

    /**
     * What came back: A as the routines left it (QR: the explicit Q; syevd with vectors: the eigenvectors), the
     * values (tau, singular values, eigenvalues), U or VR and Vᴴ (null when not computed), and the first non-zero
     * devInfo (0 on success), with the index of the call that reported it.
     */
    public record Result(Object a, Object values, Object u, Object vt, int info, int failedCall) {
    }

    /**
     * Runs {@code sequence} on the context's device on a copy of the column-major image {@code a}.
     *
     * @throws DeviceUnavailableException when the device or cuSOLVER is not usable, naming why
     */
    public static Result run(FuseContext context, List<DecompositionCall> sequence, Object a) {
        check(sequence, a);
        Optional<DeviceUnavailableException> failure = CudaProbe.get().failure(context.deviceId(), CudaLibrary.CUSOLVER);
        if (failure.isPresent()) {
            throw failure.get();
        }
        try (DeviceMemory memory = CudaDeviceMemory.open(context)) {
            return run(sequence, a, null, new JavacppCusolver(context.deviceId()), memory);
        }
    }

    /** The checks before any native call: one operand shared by the sequence, and an image of its size. */
    static void check(List<DecompositionCall> sequence, Object a) {
        if (sequence == null || sequence.isEmpty() || a == null) {
            throw new InvalidArgumentException("sequence and a", "null or empty", "at least one call and a matrix image");
        }
        DecompositionCall first = sequence.get(0);
        for (DecompositionCall c : sequence) {
            if (c.routine().query()) {
                throw new InvalidArgumentException("sequence", c.describe(), "no workspace queries (each call queries its own)");
            }
            if (c.dtype() != first.dtype() || c.lda() != first.lda() || c.m() != first.m()) {
                throw new InvalidArgumentException("sequence", c.describe(), "the type, m and lda of " + first.describe());
            }
        }
        long expected = Arguments.multiply("the image of a", Arguments.multiply("the image of a", first.lda(),
                maxColumns(sequence)), first.dtype().slotsPerElement());
        long given = a instanceof double[] d && !first.dtype().isSinglePrecision() ? d.length
                : a instanceof float[] f && first.dtype().isSinglePrecision() ? f.length : -1;
        if (given != expected) {
            throw new InvalidArgumentException("a", given < 0 ? a.getClass().getSimpleName() : given + " slots",
                    (first.dtype().isSinglePrecision() ? "float[" : "double[") + expected + "] (lda·n of " + first.dtype() + ")");
        }
    }

    private static long maxColumns(List<DecompositionCall> sequence) {
        return sequence.stream().mapToLong(DecompositionCall::n).max().orElse(0);
    }

    /** Elements of the values array: tau, singular values, eigenvalues (real geev: 2·n, real and imaginary parts). */
    static long valueCount(DecompositionCall c) {
        return switch (c.routine()) {
            case X_GEQRF, X_GESVD -> Math.min(c.m(), c.n());
            case ORGQR -> c.k();
            case X_SYEVD -> c.n();
            case X_GEEV -> c.dtype().isComplex() ? c.n() : 2 * c.n();
            default -> 0;
        };
    }

    /** The type of the values array's elements. */
    static DType valueType(DecompositionCall c) {
        boolean real = c.routine() == Routine.X_GESVD || c.routine() == Routine.X_SYEVD;
        return real ? (c.dtype().isSinglePrecision() ? DType.F32 : DType.F64) : c.dtype();
    }

    /** Elements of U (gesvd) or VR (geev), 0 when not computed. */
    static long uCount(DecompositionCall c) {
        if (c.routine() == Routine.X_GESVD && c.jobu() != 'N') {
            return c.ldu() * (c.jobu() == 'A' ? c.m() : Math.min(c.m(), c.n()));
        }
        return c.routine() == Routine.X_GEEV && c.vectors() ? c.ldu() * c.n() : 0;
    }

    /** Elements of Vᴴ (gesvd), 0 when not computed. */
    static long vtCount(DecompositionCall c) {
        return c.routine() == Routine.X_GESVD && c.jobvt() != 'N' ? c.ldvt() * c.n() : 0;
    }

    /** The making code, shared with the CPU fakes. */
    static Result run(List<DecompositionCall> sequence, Object a, CusolverCalls calls, DeviceMemory memory) {
        return run(sequence, a, null, calls, memory);
    }

    /**
     * The making code with the values array's initial content ({@code valuesIn}: orgqr's tau, which a sequence that
     * does not start with geqrf must be given; null leaves it uninitialised).
     */
    static Result run(List<DecompositionCall> sequence, Object a, Object valuesIn, CusolverCalls calls,
                      DeviceMemory memory) {
        check(sequence, a);
        DecompositionCall first = sequence.get(0);
        DType t = first.dtype();
        long values = 0;
        DType valueType = valueType(first);
        long u = 0;
        long vt = 0;
        for (DecompositionCall c : sequence) {
            values = Math.max(values, valueCount(c));
            u = Math.max(u, uCount(c));
            vt = Math.max(vt, vtCount(c));
        }
        int aSlots = Math.toIntExact(first.lda() * maxColumns(sequence) * t.slotsPerElement());
        int valueSlots = Math.toIntExact(values * valueType.slotsPerElement());
        if (valuesIn != null && !(valueType.isSinglePrecision() ? valuesIn instanceof float[] f && f.length == valueSlots
                : valuesIn instanceof double[] d && d.length == valueSlots)) {
            throw new InvalidArgumentException("valuesIn", valuesIn.getClass().getSimpleName(),
                    (valueType.isSinglePrecision() ? "float[" : "double[") + valueSlots + "] (" + values + " " + valueType
                            + " values)");
        }
        try (SolverScope scope = SolverScope.open(calls, memory)) {
            long dA = scope.allocate((long) aSlots * t.elementBytes() / t.slotsPerElement());
            long dValues = scope.allocate(values * valueType.elementBytes());
            long dU = u == 0 ? 0 : scope.allocate(u * t.elementBytes());
            long dVt = vt == 0 ? 0 : scope.allocate(vt * t.elementBytes());
            long dInfo = scope.allocate(4);
            memory.toDevice(a, 0, aSlots, dA, 0);
            if (valuesIn != null) {
                memory.toDevice(valuesIn, 0, valueSlots, dValues, 0);
            }
            int[] failure = runOn(scope, calls, sequence, dA, dValues, dU, dVt, dInfo);
            if (failure[0] != 0) {
                return new Result(null, null, null, null, failure[0], failure[1]);
            }
            Object aOut = DeviceMemory.hostArray(t, aSlots);
            memory.toHost(dA, 0, aOut, 0, aSlots);
            Object valuesOut = memory.toNewHostArray(valueType, dValues, values);
            Object uOut = u == 0 ? null : memory.toNewHostArray(t, dU, u);
            Object vtOut = vt == 0 ? null : memory.toNewHostArray(t, dVt, vt);
            return new Result(aOut, valuesOut, uOut, vtOut, 0, -1);
        }
    }

    /**
     * Runs the checked {@code sequence} in {@code scope} on operands already in device memory (A at {@code dA},
     * sized as {@link #run} sizes them), each call after its own workspace query, devInfo read back after each;
     * returns {the first non-zero devInfo, the index of its call}, or {0, -1}.
     */
    static int[] runOn(SolverScope scope, CusolverCalls calls, List<DecompositionCall> sequence, long dA, long dValues,
                       long dU, long dVt, long dInfo) {
        DeviceMemory memory = scope.memory();
        for (int i = 0; i < sequence.size(); i++) {
            DecompositionCall c = sequence.get(i);
            CusolverCalls.DecompositionOperands o = new CusolverCalls.DecompositionOperands(dA, dValues, dU, dVt, dInfo,
                    0, 0, 0);
            long[] work = calls.bufferSize(scope.solver(), scope.params(), c.bufferSizeQuery(), o);
            long dWork = memory.allocate(work[0]);
            try {
                calls.run(scope.solver(), scope.params(), c, new CusolverCalls.DecompositionOperands(dA, dValues, dU, dVt,
                        dInfo, dWork, work[0], work[1]));
            } finally {
                memory.free(dWork);
            }
            int info = scope.readInfo(dInfo);
            if (info != 0) {
                return new int[] {info, i};
            }
        }
        return new int[] {0, -1};
    }
}
