package org.fusemath.cuda;

import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.cudart.cuModuleUnload;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.fusemath.cuda.device.JavacppHandles;

/** Module loading and kernel launches through JavaCPP's binding of the driver API. */
final class JavacppModuleCalls implements ModuleCalls {
    @Override
    public long moduleLoadData(byte[] image) {
        CUmod_st module = new CUmod_st();
        try (BytePointer bytes = new BytePointer(image)) {
            check("cuModuleLoadData", cuModuleLoadData(module, bytes));
        }
        return module.address();
    }

    @Override
    public long moduleGetFunction(long module, String name) {
        CUfunc_st function = new CUfunc_st();
        check("cuModuleGetFunction", cuModuleGetFunction(function, new CUmod_st(JavacppHandles.pointer(module)), name));
        return function.address();
    }

    @Override
    public void moduleUnload(long module) {
        check("cuModuleUnload", cuModuleUnload(new CUmod_st(JavacppHandles.pointer(module))));
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
            check("cuLaunchKernel", cuLaunchKernel(new CUfunc_st(JavacppHandles.pointer(function)),
                    config.gridX(), config.gridY(), config.gridZ(), config.blockX(), config.blockY(), config.blockZ(),
                    config.sharedMemoryBytes(), new CUstream_st(JavacppHandles.pointer(stream)),
                    list.isEmpty() ? null : parameters, (PointerPointer<?>) null));
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

    private static void check(String call, int status) {
        CudaStatus.check(CudaLibrary.DRIVER, call, status);
    }
}
