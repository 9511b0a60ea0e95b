/**
 * The CUDA device runtime every device provider shares: the availability probe ({@link org.fusemath.cuda.CudaProbe},
 * {@link org.fusemath.cuda.CudaDevices}), status-code names ({@link org.fusemath.cuda.CudaStatus}), streams,
 * events, stream-ordered device memory, pinned-staged copies ({@link org.fusemath.cuda.CudaCopy}), NVRTC
 * compilation, module loading and kernel launches, and a kernel cache.
 *
 * <p>Every entry point that would touch native code asks the probe first, so without a usable device
 * callers get one {@link org.fusemath.api.DeviceUnavailableException} naming the reason, never a link error.
 * No type of this package mentions JavaCPP; {@link org.fusemath.cuda.device.JavacppHandles} gives device
 * providers the JavaCPP views they pass to CUDA libraries.
 */
package org.fusemath.cuda;
