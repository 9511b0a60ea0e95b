package org.fusemath.blas.host;

import java.util.function.IntSupplier;
import org.fusemath.api.DType;

/**
 * Decides, per host BLAS/LAPACK call and after its arguments are checked, how the native call is made:
 * <ul>
 *   <li>too small for OpenBLAS to use its threads: inline on the caller's thread, nothing else (the common case
 *       for small calls, which pay one comparison);</li>
 *   <li>big enough: holding {@link OpenBlasThreads}' gate, so OpenBLAS runs it with the caller's thread count;</li>
 *   <li>a routine whose threaded path needs a deep native stack (LU, {@code getrf}) with more than one
 *       thread: on a {@link NativeCallThreads native-call thread}, which holds the gate for it, unless the caller's
 *       own stack is as deep ({@link NativeCallThreads#mayRunInline()}).</li>
 * </ul>
 * The size bounds lie at or below OpenBLAS 0.3.31's own single-thread thresholds (its {@code interface/} sources:
 * GEMM runs one thread up to m·n·k = 2¹⁸ for real and 2¹⁵ for complex types, SYRK/SYMM/TRSM likewise,
 * GEMV/GER up to m·n ≈ 8192, AXPY/DOT up to n = 10⁴, GETRF below m·n = 10⁴, POTRF below n = 64), so a call
 * that skips the gate runs on one OpenBLAS thread whatever the count in force. Used by {@link CheckedBlas}
 * and {@link CheckedLapack}, so it applies to every call table they check. Stateless.
 */
final class HostCallPolicy {
    /** Level-1 length from which a call holds the gate. */
    static final long LEVEL1 = 8192;
    /** Level-2 matrix elements (m·n) from which a call holds the gate. */
    static final long LEVEL2 = 4096;
    /** Level-3 work (the product of the three dimensions) from which a call holds the gate. */
    static final long LEVEL3 = 16384;
    /**
     * LAPACK matrix elements (m·n of A, or of B when larger) from which a call holds the gate: below 64×64 the
     * factorisations and the BLAS calls inside LAPACK's blocked routines all stay under the bounds above.
     */
    static final long LAPACK = 4096;
    /**
     * getrf matrix elements (m·n) from which the LU is handed to a deep-stack thread: half of where OpenBLAS 0.3.31
     * starts threading it (m·n ≥ 2·10⁴ for F64/C128, 8·10⁴ for F32/C64, measured: 141² runs unthreaded, 142²
     * threaded and needs 2.7 MB), a margin of two.
     */
    static long deepGetrf(DType t) {
        return t.isSinglePrecision() ? 40_000 : 10_000;
    }

    private HostCallPolicy() {
    }

    /** Enters the gate when a call of {@code size} (≥ {@code from}) may be threaded; pass the result to {@link #leave}. */
    static boolean enter(long size, long from) {
        if (size < from) {
            return false;
        }
        OpenBlasThreads.enter(OpenBlasThreads.requested());
        return true;
    }

    /** Leaves the gate when {@link #enter} entered it. */
    static void leave(boolean entered) {
        if (entered) {
            OpenBlasThreads.exit();
        }
    }

    /**
     * Makes a LAPACK kernel call of {@code elements} matrix elements; {@code deepFrom} is the size from which
     * the routine's threaded path needs a deep stack ({@link Long#MAX_VALUE}: never).
     */
    static int lapack(long elements, long deepFrom, IntSupplier kernel) {
        if (elements < LAPACK) {
            return kernel.getAsInt();
        }
        int threads = OpenBlasThreads.requested();
        if (threads > 1 && elements >= deepFrom && !NativeCallThreads.mayRunInline()) {
            return NativeCallThreads.call(() -> gated(threads, kernel));
        }
        return gated(threads, kernel);
    }

    /**
     * Makes a call of a reference-LAPACK spectral driver (gesdd, gesvd, syevd/heevd, geev) of {@code elements}
     * matrix elements. Unlike {@link #lapack}, small calls hold the gate too, so they run with the caller's count
     * and not with whatever count another thread left in force: with two OpenBLAS threads in force, a 26 x 26
     * syevd whose caller asked for one thread showed 35 ms outliers (against 0.13 ms) that vanished with
     * {@code OPENBLAS_NUM_THREADS=1}, so the inner BLAS calls of these drivers do not all stay unthreaded at
     * small sizes. The gate costs tens of nanoseconds against decompositions of microseconds and more. From
     * {@link #LAPACK} elements with more than one thread the call runs on a deep-stack thread (or on a caller with
     * as deep a stack, {@link NativeCallThreads#mayRunInline()}), as their threaded paths have not been probed for
     * native stack.
     */
    static int spectral(long elements, IntSupplier kernel) {
        int threads = OpenBlasThreads.requested();
        if (threads > 1 && elements >= LAPACK && !NativeCallThreads.mayRunInline()) {
            return NativeCallThreads.call(() -> gated(threads, kernel));
        }
        return gated(threads, kernel);
    }

    private static int gated(int threads, IntSupplier kernel) {
        OpenBlasThreads.enter(threads);
        try {
            return kernel.getAsInt();
        } finally {
            OpenBlasThreads.exit();
        }
    }
}
