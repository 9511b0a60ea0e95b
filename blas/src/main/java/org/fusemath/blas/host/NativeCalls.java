package org.fusemath.blas.host;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the host call tables once per JVM, logging the choice. This Java 17 version always picks JavaCPP
 * (off-heap staging); the multi-release jar carries a Java 22 version that picks FFM downcalls on the heap
 * arrays and falls back to JavaCPP, with the reason logged, when they cannot be set up. The system property
 * {@code fusemath.host.callPath=javacpp} forces JavaCPP on any JDK (for comparisons).
 */
public final class NativeCalls {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCalls.class);

    private NativeCalls() {
    }

    private static final class Selected {
        static final String REASON = "Java " + Runtime.version().feature()
                + " runs the Java 17 classes of the multi-release jar (FFM needs Java 22+)";
        static final NativeBlas BLAS = new JavacppBlas();
        static final NativeLapack LAPACK = new JavacppLapack();

        static {
            LOG.info("fusemath host BLAS/LAPACK call path: javacpp (off-heap staging reused per thread); {}", REASON);
        }
    }

    /** The BLAS call table. */
    public static NativeBlas blas() {
        return Selected.BLAS;
    }

    /** The LAPACK call table. */
    public static NativeLapack lapack() {
        return Selected.LAPACK;
    }

    /** {@code ffm} or {@code javacpp}. */
    public static String callPath() {
        return Selected.BLAS.callPath();
    }

    /** Why this call path was chosen. */
    public static String reason() {
        return Selected.REASON;
    }
}
