package org.fusemath.blas.host;

/**
 * The size of the calling thread's native stack, where the JVM lets fusemath ask for it without a native library of
 * its own: {@link NativeCallThreads} runs a deep-stack call inline on a caller whose stack is at least as large as
 * its own threads' instead of handing it off. This Java 17 version cannot ask and answers 0 (unknown: every such
 * call is handed off); the Java 22+ version asks the C library through FFM. Thread-safe.
 */
final class CallerStack {
    private CallerStack() {
    }

    /** The calling thread's stack size in bytes, or 0 when it is not known. */
    static long size() {
        return 0;
    }
}
