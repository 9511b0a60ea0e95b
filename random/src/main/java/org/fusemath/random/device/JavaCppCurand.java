package org.fusemath.random.device;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.curand.curandGenerator_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.curand;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;
import org.fusemath.cuda.device.JavacppHandles;
import org.fusemath.random.SampleKind;

/**
 * {@link CurandApi} on a GPU through JavaCPP's cuRAND binding. Only reached after the device probe found the
 * device and cuRAND, so loading these classes cannot fail with an {@link UnsatisfiedLinkError} at the caller.
 * The {@code curandGenerate*} entry point is looked up by its C name ({@link CurandCall#function()}) with the
 * method type its arguments give, and invoked on {@link CurandCall#arguments} by position: no per-function call
 * site to get out of order. Thread-safe as cuRAND is for distinct generators; the lookup cache is concurrent.
 */
final class JavaCppCurand implements CurandApi {
    private static final ConcurrentHashMap<String, MethodHandle> GENERATE = new ConcurrentHashMap<>();

    private final int device;

    JavaCppCurand(int device) {
        this.device = device;
    }

    /** cuRAND's version (e.g. 10402); call only once the probe found cuRAND. */
    static int version() {
        int[] version = new int[1];
        check("curandGetVersion", curand.curandGetVersion(version));
        return version[0];
    }

    @Override
    public long createGenerator(int rngType) {
        // The generator belongs to the calling thread's current device.
        setDevice();
        curandGenerator_st g = new curandGenerator_st();
        check("curandCreateGenerator", curand.curandCreateGenerator(g, rngType));
        return g.address();
    }

    @Override
    public void destroyGenerator(long generator) {
        check("curandDestroyGenerator", curand.curandDestroyGenerator(handle(generator)));
    }

    @Override
    public void setStream(long generator, long stream) {
        check("curandSetStream", curand.curandSetStream(handle(generator), new CUstream_st(JavacppHandles.pointer(stream))));
    }

    @Override
    public void setSeed(long generator, long seed) {
        check("curandSetPseudoRandomGeneratorSeed", curand.curandSetPseudoRandomGeneratorSeed(handle(generator), seed));
    }

    @Override
    public void setOffset(long generator, long offset) {
        check("curandSetGeneratorOffset", curand.curandSetGeneratorOffset(handle(generator), offset));
    }

    @Override
    public void setOrdering(long generator, int ordering) {
        check("curandSetGeneratorOrdering", curand.curandSetGeneratorOrdering(handle(generator), ordering));
    }

    @Override
    public void generate(long generator, CurandCall call, long output) {
        // Kernels launch on the current device, which must be the generator's stream's.
        setDevice();
        List<String> names = call.parameters();
        List<Object> plain = call.arguments(generator, output);
        Class<?>[] types = new Class<?>[plain.size()];
        Object[] args = new Object[plain.size()];
        for (int i = 0; i < args.length; i++) {
            Object v = plain.get(i);
            switch (names.get(i)) {
                case "generator" -> {
                    types[i] = curandGenerator_st.class;
                    args[i] = handle((Long) v);
                }
                case "outputPtr" -> {
                    types[i] = outputClass(call.distribution().kind());
                    args[i] = view(types[i], JavacppHandles.pointer((Long) v));
                }
                default -> {
                    types[i] = v instanceof Float ? float.class : v instanceof Double ? double.class : long.class;
                    args[i] = v;
                }
            }
        }
        MethodType type = MethodType.methodType(int.class, types);
        MethodHandle method = GENERATE.computeIfAbsent(call.function() + type, key -> {
            try {
                return MethodHandles.publicLookup().findStatic(curand.class, call.function(), type);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("the JavaCPP cuRAND preset has no " + call.function() + type, e);
            }
        });
        int status;
        try {
            status = (int) method.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling " + call.function() + " failed", e);
        }
        check(call.function(), status);
    }

    /** The preset's class for the output of {@code kind}: unsigned int, float or double device memory. */
    static Class<? extends Pointer> outputClass(SampleKind kind) {
        return switch (kind.elementType()) {
            case INT -> IntPointer.class;
            case FLOAT -> FloatPointer.class;
            case DOUBLE -> DoublePointer.class;
        };
    }

    private static Pointer view(Class<?> type, Pointer p) {
        if (type == IntPointer.class) {
            return new IntPointer(p);
        }
        return type == FloatPointer.class ? new FloatPointer(p) : new DoublePointer(p);
    }

    private void setDevice() {
        int status = cudart.cudaSetDevice(device);
        CudaStatus.check(CudaLibrary.RUNTIME, "cudaSetDevice", status, () -> cudart.cudaGetErrorString(status).getString());
    }

    private static curandGenerator_st handle(long generator) {
        return new curandGenerator_st(JavacppHandles.pointer(generator));
    }

    private static void check(String call, int status) {
        CudaStatus.check(CudaLibrary.CURAND, call, status);
    }
}
