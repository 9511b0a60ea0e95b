package org.fusemath.cuda;

import java.util.function.Supplier;
import org.fusemath.api.CudaLibraryException;

/**
 * Turns the status a CUDA library call returned into its symbolic name, and a failing status into a
 * {@link CudaLibraryException} naming the library, the call, the code and its name. Stateless and thread-safe.
 */
public final class CudaStatus {
    /** Every CUDA library reports success as 0. */
    public static final int SUCCESS = 0;

    private CudaStatus() {
    }

    /** The symbolic name of {@code status} in {@code library}, e.g. {@code CUBLAS_STATUS_INVALID_VALUE}. */
    public static String name(CudaLibrary library, int status) {
        String name = library.statusNameOrNull(status);
        return name != null ? name : "unknown " + library.displayName() + " status " + status;
    }

    /** Whether {@code status} has a name in {@code library}'s table. */
    public static boolean isKnown(CudaLibrary library, int status) {
        return library.statusNameOrNull(status) != null;
    }

    /** Returns when {@code status} is success, else throws the exception {@link #failure} describes. */
    public static void check(CudaLibrary library, String call, int status) {
        if (status != SUCCESS) {
            throw failure(library, call, status, "");
        }
    }

    /** As {@link #check(CudaLibrary, String, int)}, with a detail (what was being done) computed only on failure. */
    public static void check(CudaLibrary library, String call, int status, Supplier<String> detail) {
        if (status != SUCCESS) {
            throw failure(library, call, status, detail.get());
        }
    }

    /** The exception for {@code call} in {@code library} having returned {@code status}. */
    public static CudaLibraryException failure(CudaLibrary library, String call, int status, String detail) {
        return new CudaLibraryException(library.displayName(), call, status, name(library, status), detail);
    }
}
