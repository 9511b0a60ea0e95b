package org.fusemath.random.device;

import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.curand;
import org.bytedeco.javacpp.Loader;
import org.fusemath.api.UnavailableReason;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;

/**
 * Finds out once whether cuRAND can run here: the JavaCPP bindings, the CUDA runtime and cuRAND libraries,
 * the driver and a device. Every failure, including the {@link UnsatisfiedLinkError} of a missing library,
 * becomes a reason; nothing escapes. Thread-safe (computed once).
 */
final class CurandProbe {
    /** The outcome: usable, or the reason and its detail. */
    record Result(boolean usable, UnavailableReason reason, String detail, int devices, int curandVersion) {
    }

    private static final Result RESULT = probe();

    private CurandProbe() {
    }

    static Result result() {
        return RESULT;
    }

    private static Result probe() {
        try {
            Class.forName("org.bytedeco.cuda.global.cudart", false, CurandProbe.class.getClassLoader());
            Class.forName("org.bytedeco.cuda.global.curand", false, CurandProbe.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Result(false, UnavailableReason.BINDINGS_MISSING, "org.bytedeco:cuda classes not found: " + e, 0, 0);
        }
        try {
            Loader.load(cudart.class);
        } catch (Throwable t) {
            return new Result(false, classify(t), firstLine(t), 0, 0);
        }
        int[] driver = new int[1];
        int status;
        try {
            status = cudart.cudaDriverGetVersion(driver);
        } catch (Throwable t) {
            return new Result(false, classify(t), firstLine(t), 0, 0);
        }
        if (status != 0 || driver[0] == 0) {
            return new Result(false, UnavailableReason.NO_DRIVER_LIBRARY, "cudaDriverGetVersion returned status " + status
                    + ", version " + driver[0] + " (libcuda.so.1 not loadable)", 0, 0);
        }
        if (driver[0] < 13000) {
            return new Result(false, UnavailableReason.DRIVER_TOO_OLD, "driver supports CUDA " + driver[0] / 1000 + "."
                    + driver[0] % 1000 / 10 + ", CUDA 13.0 needed", 0, 0);
        }
        int[] count = new int[1];
        status = cudart.cudaGetDeviceCount(count);
        if (status != 0 || count[0] == 0) {
            return new Result(false, UnavailableReason.NO_DEVICE, "cudaGetDeviceCount returned status " + status
                    + ", " + count[0] + " devices", 0, 0);
        }
        int[] version = new int[1];
        try {
            Loader.load(curand.class);
            status = curand.curandGetVersion(version);
        } catch (Throwable t) {
            UnavailableReason reason = classify(t);
            return new Result(false, reason == UnavailableReason.NO_DRIVER_LIBRARY ? reason : UnavailableReason.CUDA_LIBRARY_MISSING,
                    "libcurand: " + firstLine(t), count[0], 0);
        }
        if (status != 0) {
            return new Result(false, UnavailableReason.INITIALIZATION_FAILED, "curandGetVersion returned " + CudaStatus.name(CudaLibrary.CURAND, status),
                    count[0], 0);
        }
        return new Result(true, null, "", count[0], version[0]);
    }

    private static UnavailableReason classify(Throwable t) {
        String m = chain(t);
        if (m.contains("libcuda.so")) {
            return UnavailableReason.NO_DRIVER_LIBRARY;
        }
        if (t instanceof NoClassDefFoundError) {
            return UnavailableReason.BINDINGS_MISSING;
        }
        if (t instanceof UnsatisfiedLinkError) {
            return UnavailableReason.CUDA_LIBRARY_MISSING;
        }
        return UnavailableReason.INITIALIZATION_FAILED;
    }

    /** The deepest cause's message: for a failed JavaCPP load, the dlopen error naming the missing library. */
    private static String firstLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getClass().getSimpleName() + ": " + root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c.getMessage()).append('\n');
        }
        return b.toString();
    }
}
