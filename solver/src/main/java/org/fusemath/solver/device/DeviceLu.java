package org.fusemath.solver.device;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverCall.Routine;

/**
 * The making code of the single-matrix LU on the device: {@code cusolverDnXgetrf} (after its workspace query) on
 * the column-major n×n image of one matrix, the factors and the 1-based pivots copied back (cuSOLVER's int64 pivots
 * read as little-endian word pairs, whose high word is 0 for any order an int holds), and {@code cusolverDnXgetrs}
 * with those factors and pivots copied in again. Host arrays in, host arrays out, so that the factors stay with the
 * caller's factor object (determinant, condition estimate) whichever space made them. Stateless.
 */
final class DeviceLu {
    private DeviceLu() {
    }

    /** The checks before any native call: the image holds n·n elements, the pivots n. */
    private static void check(DType t, int n, Object a, int[] pivots) {
        long slots = (long) n * n * t.slotsPerElement();
        long given = a instanceof double[] d && !t.isSinglePrecision() ? d.length
                : a instanceof float[] f && t.isSinglePrecision() ? f.length : -1;
        if (given < slots) {
            throw new InvalidArgumentException("a", given < 0 ? String.valueOf(a) : given + " slots",
                    "at least " + slots + " slots of " + t + " (n·n, n = " + n + ")");
        }
        if (pivots == null || pivots.length < n) {
            throw new InvalidArgumentException("pivots", pivots == null ? "null" : pivots.length + " entries",
                    "at least n = " + n);
        }
    }

    /**
     * Overwrites the first n·n elements of the column-major {@code a} with getrf's factors and {@code pivots} with
     * the 1-based row interchanges; returns devInfo (0, or the 1-based index of the first zero pivot).
     */
    static int factor(CusolverCalls calls, DeviceMemory memory, DType t, int n, Object a, int[] pivots) {
        check(t, n, a, pivots);
        if (n == 0) {
            return 0;
        }
        CusolverCall getrf = CusolverCall.of(Routine.X_GETRF, t, n, 0, n, n, false, Uplo.LOWER, 1);
        int slots = n * n * t.slotsPerElement();
        return session(calls, memory, t, n, 0, (solver, params, o, scope) -> {
            memory.toDevice(a, 0, slots, o.a(), 0);
            long[] work = calls.bufferSize(solver, params, getrf.bufferSizeQuery(), o.a());
            long dWork = scope.allocate(work[0]);
            calls.run(solver, params, getrf, new CusolverCalls.Operands(o.a(), 0, o.ipiv(), o.info(), dWork, work[0],
                    work[1]));
            int[] info = new int[1];
            memory.toHost(o.info(), 0, info, 0, 1);
            memory.toHost(o.a(), 0, a, 0, slots);
            int[] words = new int[2 * n];
            memory.toHost(o.ipiv(), 0, words, 0, 2 * n);
            for (int i = 0; i < n; i++) {
                pivots[i] = words[2 * i];
            }
            return info[0];
        });
    }

    /**
     * Overwrites the column-major n×k {@code x} (holding B) with X solving op(A)·X = B, op = A or Aᵀ, from
     * {@link #factor}'s {@code factors} and {@code pivots}; returns devInfo (0, or minus a rejected argument's index).
     */
    static int solve(CusolverCalls calls, DeviceMemory memory, DType t, boolean transposed, int n, int k,
                     Object factors, int[] pivots, Object x) {
        check(t, n, factors, pivots);
        long xSlots = (long) n * k * t.slotsPerElement();
        int given = x instanceof double[] d ? d.length : x instanceof float[] f ? f.length : -1;
        if (k < 0 || given < xSlots) {
            throw new InvalidArgumentException("x", given < 0 ? String.valueOf(x) : given + " slots",
                    "at least n·k = " + n + "·" + k + " elements of " + t);
        }
        if (n == 0 || k == 0) {
            return 0;
        }
        CusolverCall getrs = CusolverCall.of(Routine.X_GETRS, t, n, k, n, n, transposed, Uplo.LOWER, 1);
        int slots = n * n * t.slotsPerElement();
        return session(calls, memory, t, n, xSlots, (solver, params, o, scope) -> {
            memory.toDevice(factors, 0, slots, o.a(), 0);
            int[] words = new int[2 * n];
            for (int i = 0; i < n; i++) {
                words[2 * i] = pivots[i];
            }
            memory.toDevice(words, 0, 2 * n, o.ipiv(), 0);
            memory.toDevice(x, 0, (int) xSlots, o.b(), 0);
            calls.run(solver, params, getrs, o);
            int[] info = new int[1];
            memory.toHost(o.info(), 0, info, 0, 1);
            memory.toHost(o.b(), 0, x, 0, (int) xSlots);
            return info[0];
        });
    }

    /** What runs inside one handle-and-allocation session. */
    interface Body {
        int run(long solver, long params, CusolverCalls.Operands o, SolverScope scope);
    }

    /** Opens the handles, allocates A, B (when {@code bSlots} > 0), the int64 pivots and devInfo, and frees all. */
    static int session(CusolverCalls calls, DeviceMemory memory, DType t, int n, long bSlots, Body body) {
        int slotBytes = t.elementBytes() / t.slotsPerElement();
        try (SolverScope scope = SolverScope.open(calls, memory)) {
            long dA = scope.allocate((long) n * n * t.elementBytes());
            long dB = bSlots == 0 ? 0 : scope.allocate(bSlots * slotBytes);
            long dPiv = scope.allocate(8L * n);
            long dInfo = scope.allocate(4);
            return body.run(scope.solver(), scope.params(), new CusolverCalls.Operands(dA, dB, dPiv, dInfo, 0, 0, 0), scope);
        }
    }
}
