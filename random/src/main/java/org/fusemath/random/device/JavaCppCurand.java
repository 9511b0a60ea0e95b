package org.fusemath.random.device;

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
import org.fusemath.random.Distribution;

/**
 * {@link CurandApi} on a GPU through JavaCPP's cuRAND and CUDA runtime bindings. Only reached after
 * {@link CurandProbe} found the libraries and a device, so loading these classes cannot fail with an
 * {@link UnsatisfiedLinkError} at the caller. Stateless; thread-safe as cuRAND is for distinct generators.
 */
final class JavaCppCurand implements CurandApi {
    private final int device;

    JavaCppCurand(int device) {
        this.device = device;
    }

    @Override
    public long createGenerator(int rngType) {
        cuda("cudaSetDevice", cudart.cudaSetDevice(device));
        curandGenerator_st g = new curandGenerator_st();
        check("curandCreateGenerator", curand.curandCreateGenerator(g, rngType));
        return g.address();
    }

    @Override
    public void destroyGenerator(long generator) {
        check("curandDestroyGenerator", curand.curandDestroyGenerator(handle(generator)));
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
    public void generate(long generator, Distribution d, long output, long count) {
        curandGenerator_st g = handle(generator);
        switch (d.kind()) {
            case UINT32:
                check("curandGenerate", curand.curandGenerate(g, new IntPointer(JavacppHandles.pointer(output)), count));
                break;
            case UNIFORM_FLOAT:
                check("curandGenerateUniform", curand.curandGenerateUniform(g, new FloatPointer(JavacppHandles.pointer(output)), count));
                break;
            case UNIFORM_DOUBLE:
                check("curandGenerateUniformDouble", curand.curandGenerateUniformDouble(g, new DoublePointer(JavacppHandles.pointer(output)), count));
                break;
            case NORMAL_FLOAT:
                check("curandGenerateNormal", curand.curandGenerateNormal(g, new FloatPointer(JavacppHandles.pointer(output)), count,
                        (float) d.mean(), (float) d.stddev()));
                break;
            case NORMAL_DOUBLE:
                check("curandGenerateNormalDouble", curand.curandGenerateNormalDouble(g, new DoublePointer(JavacppHandles.pointer(output)), count,
                        d.mean(), d.stddev()));
                break;
            case LOG_NORMAL_FLOAT:
                check("curandGenerateLogNormal", curand.curandGenerateLogNormal(g, new FloatPointer(JavacppHandles.pointer(output)), count,
                        (float) d.mean(), (float) d.stddev()));
                break;
            case LOG_NORMAL_DOUBLE:
                check("curandGenerateLogNormalDouble", curand.curandGenerateLogNormalDouble(g, new DoublePointer(JavacppHandles.pointer(output)),
                        count, d.mean(), d.stddev()));
                break;
            default:
                check("curandGeneratePoisson", curand.curandGeneratePoisson(g, new IntPointer(JavacppHandles.pointer(output)), count, d.lambda()));
                break;
        }
        cuda("cudaDeviceSynchronize", cudart.cudaDeviceSynchronize());
    }

    @Override
    public long allocate(long bytes) {
        cuda("cudaSetDevice", cudart.cudaSetDevice(device));
        Pointer p = new Pointer();
        cuda("cudaMalloc", cudart.cudaMalloc(p, Math.max(1, bytes)));
        return p.address();
    }

    @Override
    public void free(long address) {
        cuda("cudaFree", cudart.cudaFree(JavacppHandles.pointer(address)));
    }

    @Override
    public void copyToHost(long address, int[] out, int from, int count) {
        try (IntPointer staging = new IntPointer(Math.max(1, count))) {
            cuda("cudaMemcpy", cudart.cudaMemcpy(staging, JavacppHandles.pointer(address), 4L * count, cudart.cudaMemcpyDeviceToHost));
            staging.get(out, from, count);
        }
    }

    @Override
    public void copyToHost(long address, float[] out, int from, int count) {
        try (FloatPointer staging = new FloatPointer(Math.max(1, count))) {
            cuda("cudaMemcpy", cudart.cudaMemcpy(staging, JavacppHandles.pointer(address), 4L * count, cudart.cudaMemcpyDeviceToHost));
            staging.get(out, from, count);
        }
    }

    @Override
    public void copyToHost(long address, double[] out, int from, int count) {
        try (DoublePointer staging = new DoublePointer(Math.max(1, count))) {
            cuda("cudaMemcpy", cudart.cudaMemcpy(staging, JavacppHandles.pointer(address), 8L * count, cudart.cudaMemcpyDeviceToHost));
            staging.get(out, from, count);
        }
    }

    private static curandGenerator_st handle(long generator) {
        return new curandGenerator_st(JavacppHandles.pointer(generator));
    }

    private static void check(String call, int status) {
        CudaStatus.check(CudaLibrary.CURAND, call, status);
    }

    private static void cuda(String call, int status) {
        CudaStatus.check(CudaLibrary.RUNTIME, call, status, () -> cudart.cudaGetErrorString(status).getString());
    }
}
