package org.fusemath.fusion;

import org.fusemath.api.FuseContext;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.ScalarType;

/**
 * The launch table of a device plan: stream-ordered device buffers (named by handles &gt; 0), copies between them and
 * dense host arrays, one generated kernel per fused group, and library matmuls computing in the buffers. {@link
 * CudaDeviceCalls} makes these calls through fusemath-cuda and cuBLASLt; tests run a CPU fake that executes each
 * group through the group interpreter and each matmul through the host BLAS, so that a device plan's launch
 * sequence and its results are proven on every machine. Used by one plan execution at a time.
 */
interface DeviceCalls extends AutoCloseable {
    /** Opens the calls for one plan, on {@code context}'s device and stream (or a stream of its own). */
    @FunctionalInterface
    interface Factory {
        DeviceCalls open(FuseContext context);
    }

    /** A library matmul planned on device buffers; {@link #run} queues it. */
    interface LibraryMatmul extends AutoCloseable {
        /** Queues the call on the stream: no copy, no wait. */
        void run();

        /** Releases the library's state (not the buffers). */
        @Override
        void close();
    }

    /** A buffer of {@code elements} elements of {@code type}, usable by work queued from now on; its handle. */
    long allocate(ScalarType type, long elements);

    /** Copies the dense array {@code array} ({@code float[]} or {@code double[]}, the buffer's length) into the buffer. */
    void upload(Object array, long buffer);

    /** Copies the buffer into the dense array {@code array}; returns once the values are there. */
    void download(long buffer, Object array);

    /** Queues a copy of {@code elements} elements of {@code type} from one buffer to another. */
    void copy(long from, long to, ScalarType type, long elements);

    /** Queues {@code group}'s generated kernel: input k read from {@code inputs[k]}, output k into {@code outputs[k]}. */
    void kernel(FusedGroup group, long[] inputs, long[] outputs);

    /**
     * Plans {@code spec} (dense row-major images, offset 0) computing in the buffers: D over {@code c}; {@code bias}
     * and {@code aux} 0 when the epilogue has none.
     */
    LibraryMatmul matmul(MatmulSpec spec, long a, long b, long c, long bias, long aux);

    /** Frees every buffer (stream-ordered) and what else the calls hold. */
    @Override
    void close();
}
