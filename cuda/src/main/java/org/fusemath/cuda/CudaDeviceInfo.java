package org.fusemath.cuda;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * What the driver reports about one CUDA device.
 *
 * @param ordinal the device ordinal (as CUDA_VISIBLE_DEVICES renumbers them)
 * @param name the marketing name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param major compute capability major version
 * @param minor compute capability minor version
 * @param totalMemoryBytes global memory in bytes
 * @param multiprocessors streaming multiprocessor count
 */
public record CudaDeviceInfo(int ordinal, String name, int major, int minor, long totalMemoryBytes, int multiprocessors) {
    /** Checks the fields. */
    public CudaDeviceInfo {
        Arguments.requireNonNegative("ordinal", ordinal);
        Arguments.requireNonNull(name, "name");
        if (major <= 0) {
            throw new InvalidArgumentException("major", major, "a compute capability major version > 0");
        }
        Arguments.requireNonNegative("minor", minor);
        Arguments.requireNonNegative("totalMemoryBytes", totalMemoryBytes);
        Arguments.requireNonNegative("multiprocessors", multiprocessors);
    }

    /** The compute capability as text, e.g. {@code 9.0}. */
    public String computeCapability() {
        return major + "." + minor;
    }

    /** The real architecture NVRTC compiles for, e.g. {@code sm_90}. */
    public String architecture() {
        return "sm_" + major + minor;
    }

    /** One line: ordinal, name, compute capability, memory and multiprocessors. */
    public String describe() {
        return String.format(Locale.ROOT, "%d: %s, compute capability %s, %.1f GiB, %d SMs",
                ordinal, name, computeCapability(), totalMemoryBytes / (double) (1L << 30), multiprocessors);
    }
}
