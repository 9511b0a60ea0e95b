package org.fusemath.fft;

/** The sign of the exponent: forward is e^(-2πi·jk/n) (NumPy's {@code fft}), inverse is e^(+2πi·jk/n). */
public enum FftDirection {
    /** Exponent sign -1 (FFTW_FORWARD, CUFFT_FORWARD). */
    FORWARD(-1),
    /** Exponent sign +1 (FFTW_BACKWARD, CUFFT_INVERSE). */
    INVERSE(+1);

    private final int sign;

    FftDirection(int sign) {
        this.sign = sign;
    }

    /** -1 for forward, +1 for inverse: the value FFTW's and cuFFT's {@code sign}/{@code direction} take. */
    public int sign() {
        return sign;
    }
}
