package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.FusemathException;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.device.CublasLtMatmul;
import org.fusemath.blas.device.ResidentOperands;
import org.fusemath.cuda.CudaBuffer;
import org.fusemath.cuda.CudaCopy;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.StreamAllocations;
import org.fusemath.fusion.device.CudaFusedKernels;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.ScalarType;

/**
 * {@link DeviceCalls} through fusemath-cuda: buffers from the device's stream-ordered pool ({@link CudaBuffer}) on the
 * context's stream (or one of its own, {@link StreamAllocations}), staged copies, the generated kernels through
 * {@link CudaFusedKernels} (NVRTC and the shared {@link org.fusemath.cuda.KernelCache}), and matmuls through
 * {@link CublasLtMatmul#planResident} on the same stream, so that every launch of a plan is ordered after what it reads
 * without a wait. Used by one plan at a time.
 */
final class CudaDeviceCalls implements DeviceCalls {
    private final StreamAllocations on;
    private final FuseContext streamContext;
    private final List<CudaBuffer> buffers = new ArrayList<>();

    private CudaDeviceCalls(StreamAllocations on, FuseContext context) {
        this.on = on;
        this.streamContext = FuseContext.builder().execution(Execution.device(on.stream().deviceId()))
                .stream(on.stream()).logger(context.logger()).build();
    }

    /** Calls on {@code context}'s stream, or on a new stream of its device. */
    static CudaDeviceCalls open(FuseContext context) {
        return new CudaDeviceCalls(StreamAllocations.open(context), context);
    }

    private CudaBuffer buffer(long handle) {
        if (handle < 1 || handle > buffers.size()) {
            throw new InvalidArgumentException("buffer", handle, "a handle from 1 to " + buffers.size());
        }
        return buffers.get((int) handle - 1);
    }

    @Override
    public long allocate(ScalarType type, long elements) {
        buffers.add(CudaBuffer.allocate(on.stream(), type.dtype(), elements));
        return buffers.size();
    }

    @Override
    public void upload(Object array, long buffer) {
        CudaBuffer b = buffer(buffer);
        if (array instanceof float[] f) {
            b.copyFrom(on.stream(), f);
        } else {
            b.copyFrom(on.stream(), (double[]) array);
        }
    }

    @Override
    public void download(long buffer, Object array) {
        CudaBuffer b = buffer(buffer);
        if (array instanceof float[] f) {
            b.copyTo(on.stream(), f);
        } else {
            b.copyTo(on.stream(), (double[]) array);
        }
    }

    @Override
    public void copy(long from, long to, ScalarType type, long elements) {
        CudaCopy.deviceToDevice(on.stream(), buffer(from).memory(), 0, buffer(to).memory(), 0, elements * type.bytes());
    }

    @Override
    public void kernel(FusedGroup group, long[] inputs, long[] outputs) {
        List<CudaMemory> in = new ArrayList<>();
        for (long h : inputs) {
            in.add(buffer(h).memory());
        }
        List<CudaMemory> out = new ArrayList<>();
        for (long h : outputs) {
            out.add(buffer(h).memory());
        }
        CudaFusedKernels.launch(group, on.stream(), in, out);
    }

    @Override
    public LibraryMatmul matmul(MatmulSpec spec, long a, long b, long c, long bias, long aux) {
        CublasLtMatmul m = CublasLtMatmul.planResident(spec, streamContext, new ResidentOperands(buffer(a), buffer(b),
                buffer(c), bias == 0 ? null : buffer(bias), aux == 0 ? null : buffer(aux)));
        return new LibraryMatmul() {
            @Override
            public void run() {
                m.executeResident();
            }

            @Override
            public void close() {
                m.close();
            }
        };
    }

    @Override
    public void close() {
        FusemathException failure = null;
        for (CudaBuffer b : buffers) {
            try {
                b.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new FusemathException("freeing a device plan's buffers failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        buffers.clear();
        on.close();
        if (failure != null) {
            throw failure;
        }
    }
}
