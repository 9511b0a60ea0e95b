package org.fusemath.cuda.device;

import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;

/**
 * Makes a {@link NativeCall}: {@link PresetInvoker#INSTANCE} through the JavaCPP preset on a GPU; in tests, a
 * recorder that keeps each description for the header check and answers without native code. Implementations
 * are thread-safe.
 */
@FunctionalInterface
public interface NativeInvoker {
    /** Makes {@code call} and returns its status and what its out-parameters received. */
    Made make(NativeCall call);

    /**
     * Makes {@code call} and maps a failed status to {@code library}'s exception naming the function.
     *
     * @throws org.fusemath.api.CudaLibraryException when the status is not success
     */
    default Made check(CudaLibrary library, NativeCall call) {
        Made made = make(call);
        CudaStatus.check(library, call.function(), made.status());
        return made;
    }

    /**
     * What a made call returned: the library's status code and, per parameter in order, the handle address an
     * {@link NativeCall#out} parameter received (0 for the others), and the array each
     * {@link NativeCall#outArray} parameter was given (null for the others; the caller closes it).
     */
    record Made(int status, long[] outs, Object[] created) {
        /** The handle the first out-parameter received (0 when the call has none). */
        public long handle() {
            for (long h : outs) {
                if (h != 0) {
                    return h;
                }
            }
            return 0;
        }
    }
}
