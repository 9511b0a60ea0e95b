/**
 * FFTs with numpy.fft's semantics: the checked spec ({@link org.fusemath.fft.FftSpec}), the stateful plan
 * ({@link org.fusemath.fft.Fft}) and the function forms ({@link org.fusemath.fft.FftOps}).
 */
package org.fusemath.fft;
