package org.fusemath.solver.device;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;

/**
 * The device-operand solver on the CPU fakes, for tests outside this package: a {@link CusolverOnDevice} whose
 * cuSOLVER calls run through {@link CpuCusolver} (LAPACK's identical contract) on a {@link CpuDeviceMemory}, whose
 * strided copies run byte by byte on that memory, and whose tensors are buffers in it. Only devInfo, pivots,
 * constants and diagonals may cross to the host: {@link #hostTransfers()} lists every crossing.
 */
public final class CpuDeviceOperands {
    private final CpuDeviceMemory memory = new CpuDeviceMemory();
    /** The memory the solver sees: the fake, with every host crossing recorded. */
    private final DeviceMemory recorded = new DeviceMemory() {
        @Override
        public long stream() {
            return memory.stream();
        }

        @Override
        public long allocate(long bytes) {
            return memory.allocate(bytes);
        }

        @Override
        public void free(long allocation) {
            memory.free(allocation);
        }

        @Override
        public void toDevice(Object array, int offset, int length, long allocation, long index) {
            transfers.add("toDevice " + array.getClass().getComponentType().getName() + "[" + length + "]");
            memory.toDevice(array, offset, length, allocation, index);
        }

        @Override
        public void toHost(long allocation, long index, Object array, int offset, int length) {
            transfers.add("toHost " + array.getClass().getComponentType().getName() + "[" + length + "]");
            memory.toHost(allocation, index, array, offset, length);
        }

        @Override
        public void close() {
        }
    };
    private final List<String> transfers = new ArrayList<>();
    private final List<String> copies = new ArrayList<>();
    private final CpuCusolver calls = new CpuCusolver(memory);
    private final OperandCopies cpuCopies = (src, srs, scs, dst, drs, dcs, rows, cols, bytes) -> {
        copies.add(rows + "x" + cols + " " + bytes + "-byte elements from 0x" + Long.toHexString(src));
        byte[] element = new byte[bytes];
        for (long j = 0; j < cols; j++) {
            for (long i = 0; i < rows; i++) {
                memory.at(src + (i * srs + j * scs) * bytes, bytes).get(element);
                memory.at(dst + (i * drs + j * dcs) * bytes, bytes).put(element);
            }
        }
    };
    private final List<String> products = new ArrayList<>();
    /**
     * The device-resident matmul on the fake memory: each operand read from its address as the dense image of the
     * spec's geometry (checked to lie inside its buffer, as blas's resident plan checks), the spec checked by the
     * device's own call decision, run by the host BLAS, and C written back.
     */
    private final DeviceProducts cpuProducts = (spec, a, b, c) -> {
        // The device decides its call in plain Java: a spec it cannot run throws here as it would on a GPU.
        products.add(spec.m() + "x" + spec.n() + "x" + spec.k() + " " + spec.opA() + " " + spec.opB() + ": "
                + org.fusemath.blas.device.CublasLtMatmul.describeCall(spec));
        HostMatrix ha = image(a, spec.a(), spec.dtype());
        HostMatrix hb = image(b, spec.b(), spec.dtype());
        HostMatrix hc = image(c, spec.c(), spec.dtype());
        try (Matmul m = new Matmul(spec, MatmulOperands.of(ha, hb, hc), FuseContext.defaults()).plan()) {
            m.execute();
        }
        write(c.address(), hc.array());
    };
    /** The row-scaling kernel on the fake memory, element by element as the kernel indexes them. */
    private final RowScaling cpuScaling = (matrix, weights, rows, cols, single, slots) -> {
        copies.add("scale " + rows + "x" + cols + " rows");
        int bytes = single ? 4 : 8;
        for (long e = 0; e < rows * cols * slots; e++) {
            ByteBuffer w = memory.at(weights + ((e / slots) % rows) * bytes, bytes);
            ByteBuffer v = memory.at(matrix + e * bytes, bytes);
            if (single) {
                v.putFloat(v.position(), v.getFloat(v.position()) * w.getFloat());
            } else {
                v.putDouble(v.position(), v.getDouble(v.position()) * w.getDouble());
            }
        }
    };
    private final CusolverOnDevice device = new CusolverOnDevice(0, calls, () -> new CusolverOnDevice.Session() {
        @Override
        public DeviceMemory memory() {
            return recorded;
        }

        @Override
        public OperandCopies copies() {
            return cpuCopies;
        }

        @Override
        public DeviceProducts products() {
            return cpuProducts;
        }

        @Override
        public RowScaling rowScaling() {
            return cpuScaling;
        }

        @Override
        public DeviceTensor allocate(DType dtype, long[] shape, boolean fortranOrder) {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            return DeviceTensor.of(buffer(0, dtype, count), shape, fortranOrder);
        }

        @Override
        public void close() {
        }
    });

    /** A fake buffer in the fake memory; closing frees it. */
    private DeviceBuffer buffer(int deviceId, DType dtype, long count) {
        long address = memory.allocate(count * dtype.elementBytes());
        return new DeviceBuffer() {
            private boolean closed;

            @Override
            public int deviceId() {
                return deviceId;
            }

            @Override
            public DType dtype() {
                return dtype;
            }

            @Override
            public long elementCount() {
                return count;
            }

            @Override
            public long address() {
                return address;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    memory.free(address);
                }
            }
        };
    }

    private HostMatrix image(DeviceBuffer buffer, MatrixShape shape, DType t) {
        long elements = shape.requiredElements();
        if (buffer.dtype() != t || buffer.elementCount() < elements) {
            throw new AssertionError(buffer.dtype() + " x " + buffer.elementCount() + " for " + t + " " + shape);
        }
        int slots = Math.toIntExact(elements * t.slotsPerElement());
        Object out = DeviceMemory.hostArray(t, slots);
        ByteBuffer bb = memory.at(buffer.address(), (long) slots * (t.isSinglePrecision() ? 4 : 8));
        for (int i = 0; i < slots; i++) {
            if (out instanceof double[] d) {
                d[i] = bb.getDouble();
            } else {
                ((float[]) out)[i] = bb.getFloat();
            }
        }
        return HostMatrix.of(t, out, shape);
    }

    private void write(long address, Object data) {
        int slots = java.lang.reflect.Array.getLength(data);
        ByteBuffer bb = memory.at(address, (long) slots * (data instanceof double[] ? 8 : 4));
        for (int i = 0; i < slots; i++) {
            if (data instanceof double[] d) {
                bb.putDouble(d[i]);
            } else {
                bb.putFloat(((float[]) data)[i]);
            }
        }
    }

    /** Matrix products made on the device, in order ("m×n×k opA opB"). */
    public List<String> products() {
        return products;
    }

    /** The device-operand solver over these fakes. */
    public CusolverOnDevice device() {
        return device;
    }

    /** A tensor on {@code deviceId} holding {@code data} ({@code double[]} or {@code float[]}, interleaved complex), written without a recorded transfer. */
    public DeviceTensor upload(int deviceId, DType dtype, long[] shape, boolean fortranOrder, Object data) {
        int slots = java.lang.reflect.Array.getLength(data);
        DeviceTensor t = DeviceTensor.of(buffer(deviceId, dtype, slots / dtype.slotsPerElement()), shape, fortranOrder);
        ByteBuffer b = memory.at(t.address(), (long) slots * (dtype.isSinglePrecision() ? 4 : 8));
        for (int i = 0; i < slots; i++) {
            if (data instanceof double[] d) {
                b.putDouble(d[i]);
            } else {
                b.putFloat(((float[]) data)[i]);
            }
        }
        return t;
    }

    /** The tensor's elements, read without a recorded transfer. */
    public Object download(DeviceTensor t) {
        int slots = (int) (t.elementCount() * t.dtype().slotsPerElement());
        ByteBuffer b = memory.at(t.address(), (long) slots * (t.dtype().isSinglePrecision() ? 4 : 8));
        if (t.dtype().isSinglePrecision()) {
            float[] out = new float[slots];
            for (int i = 0; i < slots; i++) {
                out[i] = b.getFloat();
            }
            return out;
        }
        double[] out = new double[slots];
        for (int i = 0; i < slots; i++) {
            out[i] = b.getDouble();
        }
        return out;
    }

    /** Host-device transfers made by the solver, in order. */
    public List<String> hostTransfers() {
        return transfers;
    }

    /** Device-side copies made, in order. */
    public List<String> copies() {
        return copies;
    }

    /** The cuSOLVER functions called (LU and Cholesky, then the QR, SVD and eigen calls), each group in order. */
    public List<String> functions() {
        List<String> out = new ArrayList<>();
        calls.made().forEach(m -> out.add(m.call().function()));
        calls.decompositions().forEach(d -> out.add(d.function()));
        return out;
    }

    /** The operand addresses of the last cuSOLVER call: {a, b}. */
    public long[] lastOperands() {
        CpuCusolver.Made m = calls.made().get(calls.made().size() - 1);
        return new long[] {m.operands().a(), m.operands().b()};
    }

    /** Allocations and handles not released. */
    public int outstanding() {
        return memory.outstanding() + calls.outstanding();
    }
}
