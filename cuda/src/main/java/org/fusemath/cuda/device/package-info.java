/**
 * JavaCPP views of the CUDA runtime's objects for device providers; the only public types of
 * {@code fusemath-cuda} whose signatures mention {@code org.bytedeco}.
 */
package org.fusemath.cuda.device;
