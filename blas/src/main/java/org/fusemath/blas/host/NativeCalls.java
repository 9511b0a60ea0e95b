package org.fusemath.blas.host;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the host call tables once per JVM, logging the choice and the reason. This Java 17 version picks
 * dev.ludovic.netlib's JNI shims for real types (the caller's heap arrays passed to OpenBLAS without copies;
 * complex types and calls above {@link CriticalCalls#limit()} stage) and falls back to JavaCPP with off-heap
 * staging, logging why, when the shims cannot load; the multi-release jar carries a Java 22 version that picks
 * FFM downcalls. The system property {@code fusemath.host.callPath} forces {@code javacpp} (staging, for
 * comparisons) or asks for {@code netlib}.
 */
public final class NativeCalls {
    private static final Logger LOG = LoggerFactory.getLogger(NativeCalls.class);
    /** The system property that forces a call path. */
    private static final String PROPERTY = "fusemath.host.callPath";

    private NativeCalls() {
    }

    private static final class Selected {
        static final String REASON;
        static final NativeBlas BLAS;
        static final NativeLapack LAPACK;

        static {
            String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
            JavacppBlas javacppBlas = new JavacppBlas();
            JavacppLapack javacppLapack = new JavacppLapack();
            NativeBlas blas = javacppBlas;
            NativeLapack lapack = javacppLapack;
            String reason;
            if (forced.equals("javacpp")) {
                reason = "forced by -D" + PROPERTY + "=javacpp";
            } else {
                String java = "Java " + Runtime.version().feature() + " runs the Java 17 classes of the multi-release"
                        + " jar (FFM needs Java 22+)";
                if (!forced.isEmpty() && !forced.equals("netlib")) {
                    LOG.warn("ignoring -D{}={}: expected javacpp or netlib", PROPERTY, forced);
                }
                try {
                    NetlibShims shims = NetlibShims.load();
                    blas = new NetlibBlas(shims.blas(), javacppBlas);
                    lapack = new NetlibLapack(shims.lapack(), javacppLapack);
                    reason = java + "; dev.ludovic.netlib's JNI shims call " + shims.library() + " on heap arrays"
                            + " (real types; complex types stage through javacpp)";
                } catch (RuntimeException | LinkageError e) {
                    reason = java + "; the dev.ludovic.netlib JNI shims are unusable (" + e.getMessage()
                            + "); falling back to javacpp";
                }
            }
            if (blas instanceof NetlibBlas) {
                LOG.debug("fusemath host BLAS/LAPACK call path: netlib (JNI critical arrays, no copies); {}", reason);
            } else if (forced.equals("javacpp")) {
                LOG.debug("fusemath host BLAS/LAPACK call path: javacpp (off-heap staging reused per thread); {}",
                        reason);
            } else {
                LOG.warn("fusemath host BLAS/LAPACK call path: javacpp (off-heap staging reused per thread); {}",
                        reason);
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

    /** {@code netlib} (real types through JNI, complex staged) or {@code javacpp} on this JDK; {@code ffm} on 22+. */
    public static String callPath() {
        return Selected.BLAS.callPath();
    }

    /** Why this call path was chosen. */
    public static String reason() {
        return Selected.REASON;
    }
}
