package org.fusemath.blas;

import org.fusemath.api.FuseContext;

/**
 * One checked level 1–3 call, its operands already in the storage order the providers take, with its kernel
 * on each space: a routine declared once, as data, for {@link Dispatch} to run. A new space is one more
 * method here, which the compiler then asks of every routine.
 *
 * @param <R> what the routine returns (null for routines that only write their output)
 */
interface RoutineCall<R> {
    /** The routine's BLAS name, as the trace shows it. */
    String routine();

    /** Computes on the host (OpenBLAS). */
    R onHost(FuseContext context);

    /** Computes on the context's device (cuBLAS, operands copied in and results back). */
    R onDevice(FuseContext context);
}
