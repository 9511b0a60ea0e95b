/**
 * NumPy's .npy file format (versions 1.0, 2.0 and 3.0) for the four fusemath element types, read into
 * and written from {@link org.fusemath.api.HostTensor}.
 *
 * <p>Everything here is stateless or immutable and may be used from any thread.
 */
package org.fusemath.validation.npy;
