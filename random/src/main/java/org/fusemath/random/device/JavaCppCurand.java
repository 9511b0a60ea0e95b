package org.fusemath.random.device;

import java.util.List;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.curand.curandGenerator_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.curand;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;
import org.fusemath.cuda.device.PresetInvoker;
import org.fusemath.random.SampleKind;

/**
 * {@link CurandApi} on a GPU through JavaCPP's cuRAND binding. Only reached after the device probe found the
 * device and cuRAND, so loading these classes cannot fail with an {@link UnsatisfiedLinkError} at the caller.
 * Every call is a {@link NativeCall} (curand.h's parameter names bound to their values, in its order) made by
 * a {@link NativeInvoker}; a {@code curandGenerate*} call's description comes from {@link CurandCall#parameters}
 * and {@link CurandCall#arguments} by position, so no per-function call site can get out of order. Tests drive
 * this class with a recorder and check each description against the header. Thread-safe as cuRAND is for
 * distinct generators.
 */
final class JavaCppCurand implements CurandApi {
    private final int device;
    private final NativeInvoker invoker;

    JavaCppCurand(int device) {
        this(device, PresetInvoker.INSTANCE);
    }

    /** The API on {@code device}, its calls made by {@code invoker} (tests: a recorder). */
    JavaCppCurand(int device, NativeInvoker invoker) {
        this.device = device;
        this.invoker = invoker;
    }

    /** cuRAND's version (e.g. 10402); call only once the probe found cuRAND. */
    static int version() {
        return version(PresetInvoker.INSTANCE);
    }

    /** cuRAND's version through {@code invoker}. */
    static int version(NativeInvoker invoker) {
        int[] version = new int[1];
        invoker.check(CudaLibrary.CURAND, NativeCall.of(curand.class, "curandGetVersion").arg("version", int[].class, version));
        return version[0];
    }

    private static NativeCall call(String function, long generator) {
        return NativeCall.of(curand.class, function).handle("generator", curandGenerator_st.class, generator);
    }

    private NativeInvoker.Made check(NativeCall call) {
        return invoker.check(CudaLibrary.CURAND, call);
    }

    @Override
    public long createGenerator(int rngType) {
        // The generator belongs to the calling thread's current device.
        setDevice();
        return check(NativeCall.of(curand.class, "curandCreateGenerator").out("generator", curandGenerator_st.class)
                .value("rng_type", rngType)).handle();
    }

    @Override
    public void destroyGenerator(long generator) {
        check(call("curandDestroyGenerator", generator));
    }

    @Override
    public void setStream(long generator, long stream) {
        check(call("curandSetStream", generator).handle("stream", CUstream_st.class, stream));
    }

    @Override
    public void setSeed(long generator, long seed) {
        check(call("curandSetPseudoRandomGeneratorSeed", generator).value("seed", seed));
    }

    @Override
    public void setOffset(long generator, long offset) {
        check(call("curandSetGeneratorOffset", generator).value("offset", offset));
    }

    @Override
    public void setOrdering(long generator, int ordering) {
        check(call("curandSetGeneratorOrdering", generator).value("order", ordering));
    }

    @Override
    public void generate(long generator, CurandCall call, long output) {
        // Kernels launch on the current device, which must be the generator's stream's.
        setDevice();
        check(describe(generator, call, output));
    }

    /** The {@code curandGenerate*} call of {@code call} as a description: its arguments under its parameter names, in order. */
    static NativeCall describe(long generator, CurandCall call, long output) {
        List<String> names = call.parameters();
        List<Object> plain = call.arguments(generator, output);
        NativeCall made = NativeCall.of(curand.class, call.function());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Object v = plain.get(i);
            switch (name) {
                case "generator" -> made.handle(name, curandGenerator_st.class, (Long) v);
                case "outputPtr" -> made.handle(name, outputClass(call.distribution().kind()), (Long) v);
                default -> made.arg(name, v instanceof Float ? float.class : v instanceof Double ? double.class : long.class, v);
            }
        }
        return made;
    }

    /** The preset's class for the output of {@code kind}: unsigned int, float or double device memory. */
    static Class<? extends Pointer> outputClass(SampleKind kind) {
        return switch (kind.elementType()) {
            case INT -> IntPointer.class;
            case FLOAT -> FloatPointer.class;
            case DOUBLE -> DoublePointer.class;
        };
    }

    private void setDevice() {
        invoker.check(CudaLibrary.RUNTIME, NativeCall.of(cudart.class, "cudaSetDevice").value("device", device));
    }
}
