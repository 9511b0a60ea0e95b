package org.fusemath.fft.host;

/**
 * The host call table for FFTW: planning, the new-array execute calls, plan destruction, the planner's thread
 * count and wisdom, for both precisions ({@code fftw_} and {@code fftwf_}). Two implementations: JavaCPP with
 * reused, aligned off-heap staging (any JDK), and on JDK 22+ FFM critical downcalls that pass the caller's heap
 * arrays to {@code fftw_execute_dft*} without copies. Callers ({@link FftwPlan}, {@link FftwPlanner}) check every
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
