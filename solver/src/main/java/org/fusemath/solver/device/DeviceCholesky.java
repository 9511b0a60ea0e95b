package org.fusemath.solver.device;

import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CusolverCall.Routine;

/**
 * The device provider's making code for one Cholesky factorisation and its solves: {@code cusolverDnXpotrf} (after
 * its {@code _bufferSize} query) of the column-major n×n image copied in, and {@code cusolverDnXpotrs} with those
 * factors copied in again, in {@link DeviceLu}'s handle-and-allocation session. Host arrays in, host arrays out, so
 * the factor stays with the caller's factor object whichever space made it. Stateless.
 */
final class DeviceCholesky {
    private DeviceCholesky() {
    }

    private static void check(DType t, int n, Object a, String name) {
        long slots = (long) n * n * t.slotsPerElement();
        long given = a instanceof double[] d && !t.isSinglePrecision() ? d.length
                : a instanceof float[] f && t.isSinglePrecision() ? f.length : -1;
        if (n < 0 || given < slots) {
            throw new InvalidArgumentException(name, given < 0 ? String.valueOf(a) : given + " slots",
                    "at least " + slots + " slots of " + t + " (n·n, n = " + n + ")");
        }
    }

    /**
     * Overwrites the {@code uplo} triangle of the first n·n elements of the column-major {@code a} with potrf's
     * factor; returns devInfo (0, or the order of the first leading minor that is not positive definite).
     */
    static int factor(CusolverCalls calls, DeviceMemory memory, DType t, Uplo uplo, int n, Object a) {
        check(t, n, a, "a");
        if (n == 0) {
            return 0;
        }
        CusolverCall potrf = CusolverCall.of(Routine.X_POTRF, t, n, 0, n, n, false, uplo, 1);
        int slots = n * n * t.slotsPerElement();
        return DeviceLu.session(calls, memory, t, n, 0, (solver, params, o, scope) -> {
            memory.toDevice(a, 0, slots, o.a(), 0);
            long[] work = calls.bufferSize(solver, params, potrf.bufferSizeQuery(), o.a());
            long dWork = scope.allocate(work[0]);
            calls.run(solver, params, potrf, new CusolverCalls.Operands(o.a(), 0, 0, o.info(), dWork, work[0], work[1]));
            int[] info = new int[1];
            memory.toHost(o.info(), 0, info, 0, 1);
            memory.toHost(o.a(), 0, a, 0, slots);
            return info[0];
        });
    }

    /**
     * Overwrites the column-major n×k {@code x} (holding B) with X solving A·X = B from {@link #factor}'s
     * {@code uplo} factor; returns devInfo (0, or minus a rejected argument's index).
     */
    static int solve(CusolverCalls calls, DeviceMemory memory, DType t, Uplo uplo, int n, int k, Object factor, Object x) {
        check(t, n, factor, "factor");
        long xSlots = (long) n * k * t.slotsPerElement();
        int given = x instanceof double[] d ? d.length : x instanceof float[] f ? f.length : -1;
        if (k < 0 || given < xSlots) {
            throw new InvalidArgumentException("x", given < 0 ? String.valueOf(x) : given + " slots",
                    "at least n·k = " + n + "·" + k + " elements of " + t);
        }
        if (n == 0 || k == 0) {
            return 0;
        }
        CusolverCall potrs = CusolverCall.of(Routine.X_POTRS, t, n, k, n, n, false, uplo, 1);
        int slots = n * n * t.slotsPerElement();
        return DeviceLu.session(calls, memory, t, n, xSlots, (solver, params, o, scope) -> {
            memory.toDevice(factor, 0, slots, o.a(), 0);
            memory.toDevice(x, 0, (int) xSlots, o.b(), 0);
            calls.run(solver, params, potrs, o);
            int[] info = new int[1];
            memory.toHost(o.info(), 0, info, 0, 1);
            memory.toHost(o.b(), 0, x, 0, (int) xSlots);
            return info[0];
        });
    }
}
