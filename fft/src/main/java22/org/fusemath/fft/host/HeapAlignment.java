package org.fusemath.fft.host;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;

/**
 * Whether this JVM places every {@code double[]} and {@code float[]} element 0 on a 16-byte boundary (FFTW's SIMD
 * alignment), so that SIMD plans may run on heap arrays without copies: HotSpot with
 * {@code -XX:ObjectAlignmentInBytes=16} (or more) and array bases at a multiple of 16 bytes. A heap array's
 * address is not visible to Java and may change at any GC, so only a guarantee of the whole heap's layout will do;
 * the default (8-byte object alignment) gives none. Decided once; never throws.
 */
final class HeapAlignment {
    /** Whether the guarantee holds. */
    static final boolean GUARANTEED = probe();
    /** Why (for the call-path log line). */
    static final String REASON = GUARANTEED ? "heap arrays are 16-byte aligned (-XX:ObjectAlignmentInBytes >= 16)"
            : "heap arrays are 8-byte aligned (start the JVM with -XX:ObjectAlignmentInBytes=16 to pass them to SIMD plans)";

    private HeapAlignment() {
    }

    private static boolean probe() {
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            int alignment = Integer.parseInt(bean.getVMOption("ObjectAlignmentInBytes").getValue());
            return alignment >= 16 && base("ARRAY_DOUBLE_BASE_OFFSET") % 16 == 0 && base("ARRAY_FLOAT_BASE_OFFSET") % 16 == 0;
        } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
            return false;
        }
    }

    private static int base(String field) throws ReflectiveOperationException {
        // A constant read, not a memory-access method: no deprecation warning is printed for it.
        Field f = Class.forName("sun.misc.Unsafe").getField(field);
        return f.getInt(null);
    }
}
