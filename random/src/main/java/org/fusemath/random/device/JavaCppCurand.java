package org.fusemath.random.device;

import org.bytedeco.cuda.curand.curandGenerator_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.curand;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.api.CudaLibraryException;
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
                check("curandGenerate", curand.curandGenerate(g, new IntPointer(at(output)), count));
                break;
            case UNIFORM_FLOAT:
                check("curandGenerateUniform", curand.curandGenerateUniform(g, new FloatPointer(at(output)), count));
                break;
            case UNIFORM_DOUBLE:
                check("curandGenerateUniformDouble", curand.curandGenerateUniformDouble(g, new DoublePointer(at(output)), count));
                break;
            case NORMAL_FLOAT:
                check("curandGenerateNormal", curand.curandGenerateNormal(g, new FloatPointer(at(output)), count,
                        (float) d.mean(), (float) d.stddev()));
                break;
            case NORMAL_DOUBLE:
                check("curandGenerateNormalDouble", curand.curandGenerateNormalDouble(g, new DoublePointer(at(output)), count,
                        d.mean(), d.stddev()));
                break;
            case LOG_NORMAL_FLOAT:
                check("curandGenerateLogNormal", curand.curandGenerateLogNormal(g, new FloatPointer(at(output)), count,
                        (float) d.mean(), (float) d.stddev()));
                break;
            case LOG_NORMAL_DOUBLE:
                check("curandGenerateLogNormalDouble", curand.curandGenerateLogNormalDouble(g, new DoublePointer(at(output)),
                        count, d.mean(), d.stddev()));
                break;
            default:
                check("curandGeneratePoisson", curand.curandGeneratePoisson(g, new IntPointer(at(output)), count, d.lambda()));
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
        cuda("cudaFree", cudart.cudaFree(at(address)));
    }

    @Override
    public void copyToHost(long address, int[] out, int from, int count) {
        try (IntPointer staging = new IntPointer(Math.max(1, count))) {
            cuda("cudaMemcpy", cudart.cudaMemcpy(staging, at(address), 4L * count, cudart.cudaMemcpyDeviceToHost));
            staging.get(out, from, count);
        }
    }

    @Override
    public void copyToHost(long address, float[] out, int from, int count) {
        try (FloatPointer staging = new FloatPointer(Math.max(1, count))) {
            cuda("cudaMemcpy", cudart.cudaMemcpy(staging, at(address), 4L * count, cudart.cudaMemcpyDeviceToHost));
            staging.get(out, from, count);
        }
    }

    @Override
    public void copyToHost(long address, double[] out, int from, int count) {
        try (DoublePointer staging = new DoublePointer(Math.max(1, count))) {
            cuda("cudaMemcpy", cudart.cudaMemcpy(staging, at(address), 8L * count, cudart.cudaMemcpyDeviceToHost));
            staging.get(out, from, count);
        }
    }

    /** A JavaCPP pointer to a raw address (the address field is protected, hence the subclass). */
    private static Pointer at(long address) {
        return new Pointer() {
            {
                this.address = address;
            }
        };
    }

    private static curandGenerator_st handle(long generator) {
        return new curandGenerator_st(at(generator));
    }

    private static void check(String call, int status) {
        if (status != 0) {
            throw new CudaLibraryException("cuRAND", call, status, CurandStatus.name(status), "");
        }
    }

    private static void cuda(String call, int status) {
        if (status != 0) {
            throw new CudaLibraryException("CUDA runtime", call, status, "cudaError " + status,
                    cudart.cudaGetErrorString(status).getString());
        }
    }
}
