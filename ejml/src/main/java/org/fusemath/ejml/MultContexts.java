package org.fusemath.ejml;

import org.ejml.concurrency.EjmlConcurrency;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.cuda.CudaDevices;

/**
 * The fusemath contexts the accelerated products run under: the device when {@link EjmlExecution#deviceAllowed()},
 * a usable device is present and the product is large enough to pay for copying its operands; else the host, with
 * all processors for the single-threaded facades (as OpenBLAS itself would) and with EJML's own thread count
 * ({@link EjmlConcurrency#getMaxThreads()}) for the concurrent {@code CommonOps_MT_*} ones. Thread-safe.
 */
final class MultContexts {
    /**
     * Multiply-adds m*n*k from which a product may go to the device (1024³): the host-to-device copies of A, B and
     * C are O(n²) against O(n³) work. Not measured on a device yet; products below it stay on the host.
     */
    static final long DEVICE_MIN = 1L << 30;

    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device()).build();

    // Rebuilt only when EJML's thread count changes (EjmlConcurrency.setMaxThreads).
    private static volatile FuseContext concurrent = FuseContext.builder().threads(1).build();

    private MultContexts() {
    }

    /** The context of a single-threaded facade's product of {@code size} multiply-adds; the defaults on the host. */
    static FuseContext single(long size) {
        return onDevice(size) ? DEVICE : FuseContext.defaults();
    }

    /** The context of a concurrent facade's product: EJML's thread count on the host. */
    static FuseContext concurrent(long size) {
        if (onDevice(size)) {
            return DEVICE;
        }
        int threads = Math.max(1, EjmlConcurrency.getMaxThreads());
        if (threads == FuseContext.defaults().threads()) {
            return FuseContext.defaults(); // the usual case: both use every processor, and the cheaper call form
        }
        FuseContext c = concurrent;
        if (c.threads() != threads) {
            c = FuseContext.builder().threads(threads).build();
            concurrent = c;
        }
        return c;
    }

    private static boolean onDevice(long size) {
        // isUsable() probes once and never throws: without a device the host path runs.
        return EjmlExecution.deviceAllowed() && size >= DEVICE_MIN && CudaDevices.isUsable();
    }
}
