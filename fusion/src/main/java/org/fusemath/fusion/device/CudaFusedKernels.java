package org.fusemath.fusion.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaFunction;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.KernelArguments;
import org.fusemath.cuda.KernelCache;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.ScalarType;

/**
 * Runs a fused group on a device: its {@link CudaSourceGenerator} kernel (generated once per group key), compiled
 * by NVRTC and loaded through the cuda module's {@link KernelCache} (once per source hash, architecture and
 * options), launched on the caller's stream. Thread-safe.
 */
public final class CudaFusedKernels {
    private static final Map<String, CudaKernel> GENERATED = new ConcurrentHashMap<>();

    private CudaFusedKernels() {
    }

    /** The kernel generated for {@code group} (cached by its key). */
    public static CudaKernel kernel(FusedGroup group) {
        return GENERATED.computeIfAbsent(group.key(), k -> CudaSourceGenerator.generate(group));
    }

    /**
     * Enqueues {@code group} on {@code stream}: {@code inputs.get(k)} holds input k densely in C order, and
     * {@code outputs.get(k)} receives output k. Every buffer's size is checked against the group's shapes first,
     * so a wrong size never reaches the kernel.
     */
    public static void launch(FusedGroup group, CudaStream stream, List<CudaMemory> inputs, List<CudaMemory> outputs) {
        check("inputs", inputs, group.inputs().size());
        check("outputs", outputs, group.outputs().size());
        for (int k = 0; k < inputs.size(); k++) {
            FusedGroup.Input in = group.inputs().get(k);
            requireBytes("inputs[" + k + "]", inputs.get(k), in.shape().size(), in.type());
        }
        for (int k = 0; k < outputs.size(); k++) {
            FusedGroup.Output out = group.outputs().get(k);
            requireBytes("outputs[" + k + "]", outputs.get(k), out.shape().size(), out.type());
        }
        CudaKernel k = kernel(group);
        CudaFunction f = KernelCache.shared().function(stream.deviceId(), k.source(), k.entry(), CudaKernel.OPTIONS);
        long count = count(group);
        KernelArguments args = new KernelArguments();
        for (String a : argumentOrder(group)) {
            if (a.startsWith("in")) {
                args.add(inputs.get(Integer.parseInt(a.substring(2))));
            } else if (a.startsWith("out")) {
                args.add(outputs.get(Integer.parseInt(a.substring(3))));
            } else {
                args.add(count);   // long long: the elements (element-wise) or the outer indices (reductions)
            }
        }
        if (count > 0) {
            f.launch(stream, k.launch(), args);
        }
    }

    /**
     * The kernel's arguments in the order {@link #launch} passes them, by the generated parameter names: {@code in0..},
     * {@code out0..} (device pointers), then the count ({@code n}, or {@code rows} for a reduction; a {@code long long}).
     * The same order as {@link CudaKernel#parameters()} and the PTX entry's parameters (tests compare them).
     */
    public static List<String> argumentOrder(FusedGroup group) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < group.inputs().size(); k++) {
            names.add("in" + k);
        }
        for (int k = 0; k < group.outputs().size(); k++) {
            names.add("out" + k);
        }
        names.add(group.hasReduction() ? "rows" : "n");
        return names;
    }

    /** The count argument: every element of an element-wise group, the outer indices (rows) of a reduction. */
    static long count(FusedGroup group) {
        long count = group.shape().size();
        if (group.hasReduction()) {
            long inner = 1;
            for (int a : group.reducedAxes()) {
                inner *= group.shape().dim(a);
            }
            count = inner == 0 ? 0 : count / inner;
        }
        return count;
    }

    private static void check(String name, List<CudaMemory> buffers, int expected) {
        if (buffers == null || buffers.size() != expected) {
            throw new InvalidArgumentException(name, buffers == null ? null : buffers.size() + " buffers",
                    expected + " device buffers, one per group " + name.substring(0, name.length() - 1));
        }
    }

    private static void requireBytes(String name, CudaMemory m, long elements, ScalarType type) {
        long bytes = elements * (type == ScalarType.F32 ? 4 : 8);
        if (m == null || m.isClosed() || m.byteSize() < bytes) {
            throw new InvalidArgumentException(name, m == null ? null : m.isClosed() ? "closed" : m.byteSize() + " bytes",
                    "an open device buffer of at least " + bytes + " bytes (" + elements + " " + type + ")");
        }
    }
}
