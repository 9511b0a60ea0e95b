package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;

/**
 * Module loading and kernel launches through JavaCPP's binding of the driver API, each call a
 * {@link NativeCall} made by a {@link NativeInvoker} (tests: a recorder checked against the headers).
 */
final class JavacppModuleCalls implements ModuleCalls {
    private final NativeInvoker invoker;

    JavacppModuleCalls() {
        this(PresetInvoker.INSTANCE);
    }

    /** The calls made through {@code invoker}. */
    JavacppModuleCalls(NativeInvoker invoker) {
        this.invoker = invoker;
    }

    private NativeInvoker.Made check(NativeCall call) {
        return invoker.check(CudaLibrary.DRIVER, call);
    }

    @Override
    public long moduleLoadData(byte[] image) {
        try (BytePointer bytes = new BytePointer(image)) {
            return check(NativeCall.of(cudart.class, "cuModuleLoadData").out("module", CUmod_st.class)
                    .arg("image", Pointer.class, bytes)).handle();
        }
    }

    @Override
    public long moduleGetFunction(long module, String name) {
        return check(NativeCall.of(cudart.class, "cuModuleGetFunction").out("hfunc", CUfunc_st.class)
                .handle("hmod", CUmod_st.class, module).arg("name", String.class, name)).handle();
    }

    @Override
    public void moduleUnload(long module) {
        check(NativeCall.of(cudart.class, "cuModuleUnload").handle("hmod", CUmod_st.class, module));
    }

    @Override
    public void launchKernel(long function, LaunchConfig config, List<KernelArguments.Value> list, long stream) {
        // cuLaunchKernel copies each value when it queues the launch, so the storage lives only for the call.
        List<Pointer> values = new ArrayList<>(list.size());
        try (PointerPointer<Pointer> parameters = new PointerPointer<>(Math.max(1, list.size()))) {
            for (int i = 0; i < list.size(); i++) {
                Pointer value = storage(list.get(i));
                values.add(value);
                parameters.put(i, value);
            }
            check(NativeCall.of(cudart.class, "cuLaunchKernel").handle("f", CUfunc_st.class, function)
                    .value("gridDimX", config.gridX()).value("gridDimY", config.gridY()).value("gridDimZ", config.gridZ())
                    .value("blockDimX", config.blockX()).value("blockDimY", config.blockY()).value("blockDimZ", config.blockZ())
                    .value("sharedMemBytes", config.sharedMemoryBytes()).handle("hStream", CUstream_st.class, stream)
                    .arg("kernelParams", PointerPointer.class, list.isEmpty() ? null : parameters)
                    .arg("extra", PointerPointer.class, null));
        } finally {
            values.forEach(Pointer::close);
        }
    }

    private static Pointer storage(KernelArguments.Value argument) {
        return switch (argument.kind()) {
            case POINTER -> new LongPointer(1).put(argument.bits());
            case INT -> new IntPointer(1).put((int) argument.bits());
            case LONG -> new LongPointer(1).put(argument.bits());
            case FLOAT -> new FloatPointer(1).put(Float.intBitsToFloat((int) argument.bits()));
            case DOUBLE -> new DoublePointer(1).put(Double.longBitsToDouble(argument.bits()));
        };
    }
}
