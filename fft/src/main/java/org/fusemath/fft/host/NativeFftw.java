package org.fusemath.fft.host;

/**
 * The host call table for FFTW: planning, the new-array execute calls, plan destruction, the planner's thread
 * count and wisdom, for both precisions ({@code fftw_} and {@code fftwf_}). Two implementations: JavaCPP with
 * reused, aligned off-heap staging (any JDK), and on JDK 22+ FFM critical downcalls that pass the caller's heap
 * arrays to {@code fftw_execute_dft*} without copies; both also run plans on native addresses ({@link #executeAt}).
 * Callers ({@link FftwPlan}, {@link FftwPlanner}) check every
 * size before calling; the table checks nothing. Planning, destruction and wisdom are not thread-safe in FFTW:
 * callers hold {@link FftwPlanner}'s lock; {@link #execute} is thread-safe for distinct output arrays.
 */
interface NativeFftw {
    /** {@code ffm} or {@code javacpp}. */
    String callPath();

    /**
     * Whether plans for {@code guru} execute on the caller's heap arrays directly ({@code FFTW_UNALIGNED} plans:
     * no SIMD alignment may be assumed) rather than through aligned staging buffers (SIMD plans, two copies).
     */
    boolean executesOnHeap(FftwGuru guru);

    /**
     * Plans {@code guru} with {@code flags} on scratch buffers of the guru's spans (so that {@code FFTW_MEASURE}
     * overwrites no caller data) aligned as the execute path's buffers will be; returns the plan's address, 0 when
     * FFTW has no plan for it (e.g. {@code FFTW_PRESERVE_INPUT} on a multi-dimensional C2R).
     */
    long plan(FftwGuru guru, int flags);

    /**
     * Runs plan {@code plan} (made by {@link #plan} for {@code guru}) on {@code in} from primitive index
     * {@code inOffset} and {@code out} from {@code outOffset}: {@code double[]} for double precision,
     * {@code float[]} for single. {@code onHeap} is {@link #executesOnHeap} as it was when the plan was made.
     */
    void execute(FftwGuru guru, long plan, boolean onHeap, Object in, int inOffset, Object out, int outOffset);

    /**
     * Whether {@link #planAt} and {@link #executeAt} work: plans for, and executions on, native memory at given
     * addresses (fusemath's {@code NativeArray}s), with no staging.
     */
    default boolean executesAddresses() {
        return false;
    }

    /**
     * Plans {@code guru} with {@code flags} on scratch buffers whose input starts {@code inMisalignment} and output
     * {@code outMisalignment} bytes past a 64-byte boundary (in place: the input's), so that FFTW picks exactly the
     * codelets valid for operands at those addresses modulo 64 (FFTW's alignment checks never look beyond 64 bytes).
     */
    default long planAt(FftwGuru guru, int flags, int inMisalignment, int outMisalignment) {
        throw new UnsupportedOperationException(callPath() + " does not plan for native addresses");
    }

    /**
     * Runs {@code plan} (made by {@link #planAt} for these addresses modulo 64) on native memory at {@code in} and
     * {@code out}, which the caller has checked hold the guru's spans.
     */
    default void executeAt(FftwGuru guru, long plan, long in, long out) {
        throw new UnsupportedOperationException(callPath() + " does not execute on native addresses");
    }

    /** {@code fftw_destroy_plan}. */
    void destroy(boolean single, long plan);

    /** {@code fftw_plan_with_nthreads}: plans made from now on use {@code threads} threads. */
    void planWithThreads(boolean single, int threads);

    /** {@code fftw_export_wisdom_to_string}. */
    String exportWisdom(boolean single);

    /** {@code fftw_import_wisdom_from_string}; false when FFTW rejects the text. */
    boolean importWisdom(boolean single, String wisdom);

    /** {@code fftw_forget_wisdom}. */
    void forgetWisdom(boolean single);

    /** {@code fftw_version}, e.g. {@code fftw-3.3.10-sse2-avx}. */
    String version();
}
