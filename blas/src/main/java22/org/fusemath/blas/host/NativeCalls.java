package org.fusemath.blas.host;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the host call tables once per JVM, logging the choice. This Java 22+ version picks FFM downcalls
 * on the caller's heap arrays and falls back to JavaCPP (off-heap staging), logging why, when the downcalls
 * cannot be set up; the system property {@code fusemath.host.callPath=javacpp} forces JavaCPP (for
 * comparisons; {@code netlib}, which selects the JNI shims on Java 17–21, leaves FFM in place here). The Java 17
 * version of this class picks dev.ludovic.netlib's JNI shims for real types.
 */
public final class NativeCalls {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCalls.class);

    private NativeCalls() {
    }

    private static final class Selected {
        static final String REASON;
        static final NativeBlas BLAS;
        static final NativeLapack LAPACK;

        static {
            String forced = System.getProperty("fusemath.host.callPath", "").trim().toLowerCase(Locale.ROOT);
            NativeBlas blas = null;
            NativeLapack lapack = null;
            String reason;
            if (forced.equals("javacpp")) {
                reason = "forced by -Dfusemath.host.callPath=javacpp";
            } else {
                try {
                    blas = new FfmBlas();
                    lapack = new FfmLapack();
                    reason = "Java " + Runtime.version().feature() + " offers critical FFM downcalls on heap arrays";
                } catch (Throwable e) {
                    Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
                    reason = "FFM downcalls could not be set up (" + cause + "); falling back to JavaCPP";
                    blas = null;
                    lapack = null;
                }
            }
            if (blas == null) {
                blas = new JavacppBlas();
                lapack = new JavacppLapack();
                LOG.warn("fusemath host BLAS/LAPACK call path: javacpp (off-heap staging reused per thread); {}", reason);
            } else {
                LOG.debug("fusemath host BLAS/LAPACK call path: ffm (critical downcalls, no copies); {}", reason);
            }
            REASON = reason;
            BLAS = blas;
            LAPACK = lapack;
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
