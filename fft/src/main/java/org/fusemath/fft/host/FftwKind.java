package org.fusemath.fft.host;

/** The three FFTW transform kinds fusemath plans: complex to complex, real to complex (forward), complex to real (backward). */
public enum FftwKind {
    /** {@code fftw_plan_guru64_dft}: complex input, complex output, either sign. */
    C2C,
    /** {@code fftw_plan_guru64_dft_r2c}: real input, the non-redundant half of the spectrum out. */
    R2C,
    /** {@code fftw_plan_guru64_dft_c2r}: half a Hermitian spectrum in, real output; FFTW may overwrite its input. */
    C2R
}
