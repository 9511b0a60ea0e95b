package org.fusemath.ejml;

/**
 * The measured default thresholds of the element-wise functions, in elements of A: a call on at least this many
 * elements runs on fusion's vectorised kernels, a smaller one on EJML's loop. {@code -Dfusemath.ejml.threshold.elementwise}
 * or {@link EjmlExecution#setThreshold} overrides all of them.
 *
 * <p>The kernels work in chunks of 512 elements and a short chunk costs a whole one, so small matrices lose. Measured
 * 2026-12-01 on the shared 2-core dev machine, JDK 17, load average 15-19, with {@code java -XX:ActiveProcessorCount=1
 * -cp ... org.fusemath.bench.ejml.EjmlElementThresholdProbe} (fastest of 40 alternating blocks per side, fusemath's
 * path forced; the DDRM elementPower rows, where both sides run EJML's loop, read 0.85-1.33: the noise of that
 * load). EJML ÷ fusemath at 64 / 128 / 256 / 512 / 1024 / 65536 elements: DDRM elementExp 0.06 / 0.23 / 0.61 / 1.28 /
 * 1.41 / 2.59; DDRM elementLog 0.28 / 0.74 / 1.48 / 2.28 / 2.73 / 1.97; FDRM elementExp 0.97 / 2.37 / 6.76 / 12.9 /
 * 13.9 / 11.2; FDRM elementLog 3.32 / 3.45 / 5.75 / 14.9 / 17.4 / 16.4 (0.62 at 32); FDRM elementPower (matrix ^
 * scalar) 0.49 / 0.85 / 1.84 / - / 3.84 / 4.12. Each threshold is the size from which every measured larger size won,
 * doubled where the first winning size won by less than 2x.
 */
final class ElementThresholds {
    /**
     * CommonOps_DDRM.elementExp: on JDK 25 and later only. Idle re-measurement, {@code fusemath bench --domains ejml}
     * at 1024 / 1048576 elements: JDK 25 1.73x / 1.42x EJML, JDK 17 1.20x / 0.86x (JDK 17's {@code Math.exp}
     * intrinsic is about as fast as the double lanes there), so below JDK 25 EJML's loop runs at every size.
     */
    static final long EXP_F64_ELEMENTS = Runtime.version().feature() >= 25 ? 1024 : Long.MAX_VALUE;
    /** CommonOps_DDRM.elementLog. */
    static final long LOG_F64_ELEMENTS = 512;
    /** CommonOps_FDRM.elementExp. */
    static final long EXP_F32_ELEMENTS = 256;
    /** CommonOps_FDRM.elementLog. */
    static final long LOG_F32_ELEMENTS = 128;
    /** CommonOps_FDRM.elementPower, all three forms. */
    static final long POWER_F32_ELEMENTS = 512;

    private ElementThresholds() {
    }
}
