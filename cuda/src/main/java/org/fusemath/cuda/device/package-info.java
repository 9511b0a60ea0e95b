/**
 * JavaCPP views of the CUDA runtime's objects for device providers, and the described preset calls they make
 * ({@link org.fusemath.cuda.device.NativeCall}, made by a {@link org.fusemath.cuda.device.NativeInvoker}); the
 * only public types of {@code fusemath-cuda} whose signatures mention {@code org.bytedeco}.
 */
package org.fusemath.cuda.device;
