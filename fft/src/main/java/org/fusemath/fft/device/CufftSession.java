package org.fusemath.fft.device;

import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceTensor;

/**
 * What a transform on device operands needs of its device besides the operands: the stream's scratch memory, a
 * device-to-device copy, the staging kernel that zero-pads or promotes an input ({@link PadKernel}), the cuFFT
 * transform itself (a cached plan leased and queued on the stream), the scaling kernel cuFFT lacks, and result
 * allocations. {@link CufftOnDevice#open} makes these calls through fusemath-cuda;
 * tests run a CPU fake that records them. Used by one call at a time.
 */
public interface CufftSession extends AutoCloseable {
    /** The device ordinal. */
    int deviceId();

    /** {@code bytes} (at least 1) of scratch device memory, freed at {@link #close()}; its address. */
    long scratch(long bytes);

    /** Queues a copy of {@code bytes} bytes of {@code source} from byte {@code sourceByteOffset} to the scratch address {@code destination}. */
    void copy(long destination, DeviceBuffer source, long sourceByteOffset, long bytes);

    /** Queues {@code kernel} from the source's first element at device address {@code source} into the scratch address {@code destination}. */
    void pad(PadKernel kernel, long destination, long source);

    /** Queues {@code call} from device address {@code input} to {@code output} (its layout's offsets applied); its plan is held until {@link #finish()}. */
    void transform(CufftCall call, long input, long output);

    /** Queues multiplying {@code count} consecutive components of {@code component} type from {@code address} by {@code factor}. */
    void scale(long address, long count, DType component, double factor);

    /** A dense C-order result of {@code dtype} and {@code shape} allocated on the session's stream; the caller owns its buffer. */
    DeviceTensor allocate(DType dtype, long[] shape);

    /** Waits until everything queued has finished and returns the leased plans. */
    void finish();

    /** Frees the scratch memory and returns any plan still leased. */
    @Override
    void close();
}
