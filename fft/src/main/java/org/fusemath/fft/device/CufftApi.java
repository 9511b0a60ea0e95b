package org.fusemath.fft.device;

/**
 * The cuFFT calls the device provider makes, in plain numbers (plan handles are cuFFT's {@code int}s, device
 * memory and streams are addresses): {@link JavacppCufft} makes them on a GPU; tests drive that class with a
 * recording invoker and check every call against cufft.h. Implementations are thread-safe for distinct plans.
 */
interface CufftApi {
    /** {@code cufftCreate} on the API's device: an empty plan handle. */
    int create();

    /** {@code cufftSetAutoAllocation(plan, 0)}: the plan's work area will come from fusemath's pool. */
    void disableAutoAllocation(int plan);

    /** {@code cufftMakePlanMany} or {@code cufftMakePlanMany64} (as {@link CufftCall#planFunction}); the work area's size in bytes. */
    long makePlan(int plan, CufftCall call);

    /** {@code cufftSetWorkArea}. */
    void setWorkArea(int plan, long workArea);

    /** {@code cufftSetStream}. */
    void setStream(int plan, long stream);

    /** The call's {@code cufftExec*} on device addresses (offsets already applied). */
    void execute(int plan, CufftCall call, long input, long output);

    /** {@code cufftDestroy}. */
    void destroy(int plan);
}
