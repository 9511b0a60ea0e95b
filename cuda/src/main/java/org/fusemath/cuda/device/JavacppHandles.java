package org.fusemath.cuda.device;

import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.CudaStream;

/**
 * JavaCPP views of fusemath's device objects, for device providers ({@code ..device..} packages) that pass
 * them to cuBLAS, cuFFT, cuSOLVER or cuRAND. The views do not own anything: they are valid while the
 * stream or memory they were made from is open. Stateless and thread-safe.
 */
public final class JavacppHandles {
    private JavacppHandles() {
    }

    /** A pointer holding {@code rawAddress}; owns nothing. */
    public static Pointer pointer(long rawAddress) {
        // Pointer's address field is protected: an anonymous subclass is JavaCPP's way to wrap a raw address.
        return new Pointer() {
            {
                address = rawAddress;
            }
        };
    }

    /** The {@code cudaStream_t} of {@code stream}. */
    public static CUstream_st stream(CudaStream stream) {
        Arguments.requireNonNull(stream, "stream");
        return new CUstream_st(pointer(stream.handle()));
    }

    /** {@code buffer}'s memory as {@code float*}; the buffer must hold F32 or C64 elements. */
    public static FloatPointer floats(DeviceBuffer buffer) {
        requireSinglePrecision(buffer, true);
        return new FloatPointer(pointer(buffer.address()));
    }

    /** {@code buffer}'s memory as {@code double*}; the buffer must hold F64 or C128 elements. */
    public static DoublePointer doubles(DeviceBuffer buffer) {
        requireSinglePrecision(buffer, false);
        return new DoublePointer(pointer(buffer.address()));
    }

    /** {@code memory} as {@code int*} (pivots, info words, cuRAND's raw output). */
    public static IntPointer ints(CudaMemory memory) {
        Arguments.requireNonNull(memory, "memory");
        return new IntPointer(pointer(memory.address()));
    }

    /** {@code memory} as {@code void*} (workspaces). */
    public static Pointer bytes(CudaMemory memory) {
        Arguments.requireNonNull(memory, "memory");
        return pointer(memory.address());
    }

    private static void requireSinglePrecision(DeviceBuffer buffer, boolean single) {
        Arguments.requireNonNull(buffer, "buffer");
        DType dtype = buffer.dtype();
        if (dtype.isSinglePrecision() != single) {
            throw new InvalidArgumentException("buffer", "a " + dtype + " buffer",
                    single ? "an F32 or C64 buffer for a float pointer" : "an F64 or C128 buffer for a double pointer");
        }
    }
}
