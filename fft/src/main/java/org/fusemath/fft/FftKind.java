package org.fusemath.fft;

/** The transform type, named as FFTW, cuFFT and nvmath-python name them. */
public enum FftKind {
    /** Complex input, complex output; forward or inverse. */
    C2C,
    /** Real input, the non-redundant half of its spectrum (n/2 + 1 values along the last axis); forward only. */
    R2C,
    /** The half spectrum of a Hermitian signal in, a real signal of an explicit length out; inverse only. */
    C2R
}
