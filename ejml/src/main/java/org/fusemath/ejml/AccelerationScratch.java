package org.fusemath.ejml;

import org.fusemath.api.spi.ScratchArrays;

/**
 * One thread's reusable arrays for the acceleration classes ({@link ScratchArrays}, ejml's own per thread): the
 * copy of A that LAPACK factors in place (EJML's inputs are not to be modified), the pivots and column-major
 * right-hand sides. Confined to its thread: a caller uses an array only within the call that obtained it.
 */
final class AccelerationScratch {
    /** The factors of A. */
    static final int FACTORS = 0;
    /** Right-hand sides or solutions in column-major order. */
    static final int COLUMNS = 1;
    /** The pivots. */
    static final int PIVOTS = 0;

    private static final ThreadLocal<ScratchArrays> PER_THREAD = ThreadLocal.withInitial(() -> new ScratchArrays(2));

    private AccelerationScratch() {
    }

    static ScratchArrays current() {
        return PER_THREAD.get();
    }
}
