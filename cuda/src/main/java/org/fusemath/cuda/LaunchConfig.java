package org.fusemath.cuda;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * The grid, block and dynamic shared memory of one kernel launch, checked against CUDA's limits
 * (grid x up to 2<sup>31</sup>-1, y and z up to 65535; block x and y up to 1024, z up to 64, at most 1024
 * threads per block).
 *
 * @param gridX blocks along x
 * @param gridY blocks along y
 * @param gridZ blocks along z
 * @param blockX threads per block along x
 * @param blockY threads per block along y
 * @param blockZ threads per block along z
 * @param sharedMemoryBytes dynamic shared memory per block
 */
public record LaunchConfig(int gridX, int gridY, int gridZ, int blockX, int blockY, int blockZ, int sharedMemoryBytes) {
    /** Most threads CUDA allows in one block. */
    public static final int MAX_THREADS_PER_BLOCK = 1024;
    private static final int MAX_GRID_YZ = 65535;
    private static final int MAX_BLOCK_Z = 64;

    /** Checks every dimension. */
    public LaunchConfig {
        Arguments.requirePositive("gridX", gridX);
        requireRange("gridY", gridY, MAX_GRID_YZ);
        requireRange("gridZ", gridZ, MAX_GRID_YZ);
        requireRange("blockX", blockX, MAX_THREADS_PER_BLOCK);
        requireRange("blockY", blockY, MAX_THREADS_PER_BLOCK);
        requireRange("blockZ", blockZ, MAX_BLOCK_Z);
        long threads = (long) blockX * blockY * blockZ;
        if (threads > MAX_THREADS_PER_BLOCK) {
            throw new InvalidArgumentException("block", blockX + " x " + blockY + " x " + blockZ,
                    "at most " + MAX_THREADS_PER_BLOCK + " threads per block");
        }
        Arguments.requireNonNegative("sharedMemoryBytes", sharedMemoryBytes);
    }

    /** A one-dimensional launch covering {@code elements} with {@code threadsPerBlock}-thread blocks (at least one block). */
    public static LaunchConfig linear(long elements, int threadsPerBlock) {
        Arguments.requireNonNegative("elements", elements);
        requireRange("threadsPerBlock", threadsPerBlock, MAX_THREADS_PER_BLOCK);
        long blocks = Math.max(1, (elements + threadsPerBlock - 1) / threadsPerBlock);
        if (blocks > Integer.MAX_VALUE) {
            throw new InvalidArgumentException("elements", elements, "at most " + (long) Integer.MAX_VALUE * threadsPerBlock
                    + " for blocks of " + threadsPerBlock + " threads");
        }
        return new LaunchConfig((int) blocks, 1, 1, threadsPerBlock, 1, 1, 0);
    }

    /** Total threads launched. */
    public long threads() {
        return (long) gridX * gridY * gridZ * blockX * blockY * blockZ;
    }

    private static void requireRange(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidArgumentException(name, value, "a value from 1 to " + max);
        }
    }
}
