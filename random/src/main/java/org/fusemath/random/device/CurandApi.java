package org.fusemath.random.device;

/**
 * The cuRAND calls a {@link CurandCall} needs, with generator handles, streams and device addresses as plain
 * longs, so that the same call sequence can run on a GPU ({@link JavaCppCurand}) or, in tests, on the CPU.
 * Implementations throw {@link org.fusemath.api.CudaLibraryException} for a failed status.
 */
public interface CurandApi {
    /** {@code curandCreateGenerator(generator, rng_type)}: a generator handle on the API's device. */
    long createGenerator(int rngType);

    /** {@code curandDestroyGenerator(generator)}. */
    void destroyGenerator(long generator);

    /** {@code curandSetStream(generator, stream)}: the generator's kernels go to {@code stream} from now on. */
    void setStream(long generator, long stream);

    /** {@code curandSetPseudoRandomGeneratorSeed(generator, seed)}. */
    void setSeed(long generator, long seed);

    /** {@code curandSetGeneratorOffset(generator, offset)}. */
    void setOffset(long generator, long offset);

    /** {@code curandSetGeneratorOrdering(generator, order)}. */
    void setOrdering(long generator, int ordering);

    /**
     * The {@code curandGenerate*} entry point {@code call} names ({@link CurandCall#function()}), made with the
     * positional arguments {@link CurandCall#arguments} lays out for generator {@code generator} and device
     * address {@code output}; queued on the generator's stream.
     */
    void generate(long generator, CurandCall call, long output);
}
