package org.fusemath.fft;

/**
 * One dimension of a layout in FFTW guru terms ({@code fftw_iodim64}): extent {@code n}, input stride
 * {@code is} and output stride {@code os}, strides counted in elements of each side's type (real elements
 * on a real side, complex elements on a complex side), as FFTW and cuFFT count them.
 *
 * <p>For a transform dimension {@code n} is the logical transform length (the real length on the real axis of
 * R2C/C2R, whose complex side then holds n/2 + 1 elements); for a batch (howmany) dimension it is the extent,
 * the same on both sides.
 */
public record FftDim(long n, long is, long os) {
}
