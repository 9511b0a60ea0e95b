package org.fusemath.random.device;

import org.fusemath.random.Distribution;

/**
 * The part of cuRAND and the CUDA runtime a {@link CurandCall} needs, as plain longs (generator handles and
 * device addresses), so that the same call sequence can run on a GPU ({@link JavaCppCurand}) or, in tests, on
 * the CPU. Implementations throw {@link org.fusemath.api.CudaLibraryException} for a failed status.
 */
public interface CurandApi {
    /** {@code curandCreateGenerator}: a generator handle on the current device. */
    long createGenerator(int rngType);

    /** {@code curandDestroyGenerator}. */
    void destroyGenerator(long generator);

    /** {@code curandSetPseudoRandomGeneratorSeed}. */
    void setSeed(long generator, long seed);

    /** {@code curandSetGeneratorOffset}. */
    void setOffset(long generator, long offset);

    /** {@code curandSetGeneratorOrdering}. */
    void setOrdering(long generator, int ordering);

    /** The {@code curandGenerate*} for {@code d}'s kind, writing {@code count} values at device address {@code output}. */
    void generate(long generator, Distribution d, long output, long count);

    /** {@code cudaMalloc}: device memory of {@code bytes} bytes. */
    long allocate(long bytes);

    /** {@code cudaFree}. */
    void free(long address);

    /** {@code cudaMemcpy} device to host of {@code count} ints into {@code out[from..]}. */
    void copyToHost(long address, int[] out, int from, int count);

    /** {@code cudaMemcpy} device to host of {@code count} floats into {@code out[from..]}. */
    void copyToHost(long address, float[] out, int from, int count);

    /** {@code cudaMemcpy} device to host of {@code count} doubles into {@code out[from..]}. */
    void copyToHost(long address, double[] out, int from, int count);
}
