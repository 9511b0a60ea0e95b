package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.UnavailableReason;

/**
 * Classifies what loading or calling the CUDA bindings threw into an {@link UnavailableReason}.
 *
 * <p>JavaCPP reports a missing dependency of its JNI library as an {@link UnsatisfiedLinkError} whose cause
 * carries the dynamic loader's message ({@code ...libjnicudart.so: libcuda.so.1: cannot open shared object
 * file}); once a binding class failed to initialise, the JVM only says {@code Could not initialize class}, so
 * the first failure is the informative one and the probe classifies exactly that one.
 */
final class LinkFailures {
    private static final Pattern MISSING_OBJECT = Pattern.compile("([\\w.+-]+\\.so[\\w.]*): cannot open shared object file");
    private static final Pattern UNDEFINED_DRIVER_SYMBOL = Pattern.compile("undefined symbol: (cu[A-Z]\\w*)");
    private static final Pattern MISSING_JNI = Pattern.compile("no (jni\\w+) in java\\.library\\.path");
    private static final String FAILED_EARLIER = "Could not initialize class";
    private static final int MAX_CHAIN = 16;
    /** Status names (driver and runtime spellings; the status tables hold both) that map to a probe reason. */
    private static final Set<String> NO_DEVICE = Set.of("CUDA_ERROR_NO_DEVICE", "cudaErrorNoDevice");
    private static final Set<String> STUB_LIBRARY = Set.of("CUDA_ERROR_STUB_LIBRARY", "cudaErrorStubLibrary");
    private static final Set<String> DRIVER_TOO_OLD = Set.of("cudaErrorInsufficientDriver",
            "CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER", "cudaErrorCallRequiresNewerDriver");

    private LinkFailures() {
    }

    /** The reason behind {@code failure}; {@code fallback} when nothing in it is recognised. */
    static ProbeFailure classify(Throwable failure, UnavailableReason fallback) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            String message = String.valueOf(t.getMessage());
            Matcher missing = MISSING_OBJECT.matcher(message);
            if (missing.find()) {
                String soname = missing.group(1);
                UnavailableReason reason = CudaLibrary.DRIVER.sonames().contains(soname)
                        ? UnavailableReason.NO_DRIVER_LIBRARY : UnavailableReason.CUDA_LIBRARY_MISSING;
                return new ProbeFailure(reason, soname + " could not be loaded (" + message.substring(missing.start()) + ")");
            }
            Matcher symbol = UNDEFINED_DRIVER_SYMBOL.matcher(message);
            if (symbol.find()) {
                return new ProbeFailure(UnavailableReason.DRIVER_TOO_OLD, "the driver's libcuda.so.1 lacks " + symbol.group(1)
                        + ", which the CUDA 13 bindings call (" + message + ")");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof CudaLibraryException e) {
                return fromStatus(e);
            }
        }
        if (isMissingClass(failure)) {
            return new ProbeFailure(UnavailableReason.BINDINGS_MISSING, "class " + failure.getMessage() + " is not on the class path");
        }
        if (failure instanceof UnsatisfiedLinkError && failure.getCause() == null) {
            Matcher jni = MISSING_JNI.matcher(String.valueOf(failure.getMessage()));
            if (jni.find()) {
                return new ProbeFailure(UnavailableReason.BINDINGS_MISSING, "the JNI library " + jni.group(1)
                        + " is missing: the org.bytedeco jar with this platform's natives (classifier such as linux-x86_64)"
                        + " is not on the class path");
            }
        }
        if (failure instanceof NoClassDefFoundError && String.valueOf(failure.getMessage()).startsWith(FAILED_EARLIER)) {
            return new ProbeFailure(UnavailableReason.INITIALIZATION_FAILED, "the CUDA bindings failed to initialise earlier in this JVM ("
                    + describe(chain.get(chain.size() - 1)) + ")");
        }
        return new ProbeFailure(fallback, describe(failure));
    }

    /** The reason behind a failed driver or runtime call. */
    static ProbeFailure fromStatus(CudaLibraryException e) {
        String name = driverOrRuntimeStatusName(e);
        UnavailableReason reason = UnavailableReason.INITIALIZATION_FAILED;
        if (NO_DEVICE.contains(name)) {
            reason = UnavailableReason.NO_DEVICE;
        } else if (STUB_LIBRARY.contains(name)) {
            return new ProbeFailure(UnavailableReason.NO_DRIVER_LIBRARY,
                    "libcuda.so.1 is the CUDA toolkit's stub library, not an NVIDIA driver (" + e.getMessage() + ")");
        } else if (DRIVER_TOO_OLD.contains(name)) {
            reason = UnavailableReason.DRIVER_TOO_OLD;
        }
        return new ProbeFailure(reason, e.getMessage());
    }

    /** The status name of a driver or runtime failure; "" for other libraries and unknown codes. */
    private static String driverOrRuntimeStatusName(CudaLibraryException e) {
        for (CudaLibrary library : new CudaLibrary[] {CudaLibrary.DRIVER, CudaLibrary.RUNTIME}) {
            String name = library.statusNameOrNull(e.status());
            if (e.library().equals(library.displayName()) && name != null) {
                return name;
            }
        }
        return "";
    }

    private static boolean isMissingClass(Throwable t) {
        return t instanceof ClassNotFoundException
                || (t instanceof NoClassDefFoundError && !String.valueOf(t.getMessage()).startsWith(FAILED_EARLIER));
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
