package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Matmul;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.fusion.device.CudaFusedKernels;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.ScalarType;

/**
 * A CPU fake of the device launch table: buffers are Java arrays behind handles, each generated kernel runs its
 * group through the {@link GroupInterpreter}, each library matmul runs its spec through the host BLAS on the
 * buffers (as dense row-major images, what cuBLASLt reads), and every call is recorded. Every size is checked as the
 * real table checks it (a kernel's buffers against the group's shapes, a matmul's against its spec), so a plan that
 * would hand a kernel a wrong buffer fails here.
 */
final class CpuDeviceCalls implements DeviceCalls {
    private final List<Object> memory = new ArrayList<>();
    private final List<ScalarType> types = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final Map<Long, Object> lastUpload = new HashMap<>();
    private int liveMatmuls;
    private boolean closed;
    private int opened;

    /** A factory handing out this fake (counting how often a plan opened it). */
    DeviceCalls.Factory factory() {
        return context -> {
            opened++;
            return this;
        };
    }

    int opened() {
        return opened;
    }

    List<String> log() {
        return List.copyOf(log);
    }

    long count(String call) {
        return log.stream().filter(s -> s.startsWith(call + " ")).count();
    }

    /** The array last uploaded into {@code buffer}. */
    Object uploaded(long buffer) {
        return lastUpload.get(buffer);
    }

    boolean closed() {
        return closed && liveMatmuls == 0;
    }

    int buffers() {
        return memory.size();
    }

    private Object at(long handle) {
        if (closed) {
            throw new IllegalStateException("calls after close");
        }
        if (handle < 1 || handle > memory.size()) {
            throw new AssertionError("no buffer #" + handle);
        }
        return memory.get((int) handle - 1);
    }

    private static int length(Object a) {
        return a instanceof float[] f ? f.length : ((double[]) a).length;
    }

    @Override
    public long allocate(ScalarType type, long elements) {
        memory.add(type == ScalarType.F32 ? new float[Math.toIntExact(elements)] : new double[Math.toIntExact(elements)]);
        types.add(type);
        log.add("allocate " + type + " x " + elements + " #" + memory.size());
        return memory.size();
    }

    @Override
    public void upload(Object array, long buffer) {
        Object dst = at(buffer);
        if (array.getClass() != dst.getClass() || length(array) != length(dst)) {
            throw new AssertionError("upload of " + length(array) + " elements into #" + buffer + " of " + length(dst));
        }
        System.arraycopy(array, 0, dst, 0, length(dst));
        lastUpload.put(buffer, array);
        log.add("upload #" + buffer);
    }

    @Override
    public void download(long buffer, Object array) {
        Object src = at(buffer);
        if (array.getClass() != src.getClass() || length(array) != length(src)) {
            throw new AssertionError("download of #" + buffer + " (" + length(src) + ") into " + length(array) + " elements");
        }
        System.arraycopy(src, 0, array, 0, length(src));
        log.add("download #" + buffer);
    }

    @Override
    public void copy(long from, long to, ScalarType type, long elements) {
        Object src = at(from);
        Object dst = at(to);
        if (length(src) < elements || length(dst) < elements || types.get((int) from - 1) != type) {
            throw new AssertionError("copy of " + elements + " " + type + " from #" + from + " to #" + to);
        }
        System.arraycopy(src, 0, dst, 0, (int) elements);
        log.add("copy #" + from + " #" + to);
    }

    @Override
    public void kernel(FusedGroup group, long[] inputs, long[] outputs) {
        Object[] in = new Object[inputs.length];
        Object[] out = new Object[outputs.length];
        if (in.length != group.inputs().size() || out.length != group.outputs().size()) {
            throw new AssertionError("kernel with " + in.length + " inputs and " + out.length + " outputs for " + group);
        }
        for (int k = 0; k < in.length; k++) {
            in[k] = at(inputs[k]);
            requireFits("input " + k, in[k], group.inputs().get(k).type(), group.inputs().get(k).shape().size());
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = at(outputs[k]);
            requireFits("output " + k, out[k], group.outputs().get(k).type(), group.outputs().get(k).shape().size());
        }
        new GroupInterpreter(group).run(in, out);
        log.add("kernel " + CudaFusedKernels.kernel(group).entry() + " in " + handles(inputs) + " out " + handles(outputs));
    }

    private static void requireFits(String what, Object array, ScalarType type, long elements) {
        if ((type == ScalarType.F32) != (array instanceof float[]) || length(array) < elements) {
            throw new AssertionError(what + ": " + length(array) + " elements for " + elements + " " + type);
        }
    }

    private static String handles(long[] h) {
        StringBuilder sb = new StringBuilder();
        for (long x : h) {
            sb.append(sb.length() == 0 ? "#" : ",#").append(x);
        }
        return sb.toString();
    }

    private HostMatrix image(long handle, MatrixShape shape, String role) {
        Object a = at(handle);
        if (length(a) != shape.requiredElements() || shape.offset() != 0) {
            throw new AssertionError(role + ": buffer #" + handle + " of " + length(a) + " elements for " + shape);
        }
        return HostMatrix.of(types.get((int) handle - 1).dtype(), a, shape);
    }

    @Override
    public LibraryMatmul matmul(MatmulSpec spec, long a, long b, long c, long bias, long aux) {
        Epilogue e = spec.epilogue();
        if ((bias != 0) != e.usesBiasVector() || (aux != 0) != (e.auxKind() != Epilogue.AuxKind.NONE)) {
            throw new AssertionError("bias #" + bias + ", aux #" + aux + " for epilogue " + e);
        }
        MatmulOperands ops = MatmulOperands.of(image(a, spec.a(), "A"), image(b, spec.b(), "B"), image(c, spec.c(), "C"));
        if (bias != 0) {
            ops = ops.withBias(image(bias, spec.bias(), "bias"));
        }
        if (aux != 0) {
            ops = ops.withAux(image(aux, spec.aux(), "aux"));
        }
        Matmul m = new Matmul(spec, ops, FuseContext.defaults()).plan();
        liveMatmuls++;
        String line = "matmul " + e + " alpha=" + spec.alpha() + " beta=" + spec.beta() + " #" + a + " #" + b + " -> #" + c
                + (bias != 0 ? " bias #" + bias : "") + (aux != 0 ? " aux #" + aux : "");
        log.add("plan " + line);
        return new LibraryMatmul() {
            @Override
            public void run() {
                at(c);
                m.execute();
                log.add(line);
            }

            @Override
            public void close() {
                m.close();
                liveMatmuls--;
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        log.add("close -");
    }
}
