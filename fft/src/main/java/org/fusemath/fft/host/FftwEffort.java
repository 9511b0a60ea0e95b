package org.fusemath.fft.host;

/**
 * How hard FFTW's planner searches (its planner flags). {@link #ESTIMATE} picks a plan from a model without
 * running anything (milliseconds at most); {@link #MEASURE} and above time candidate plans on scratch
 * buffers (seconds for large sizes) and remember the winner as wisdom, which {@link Fftw#exportWisdom} saves and
 * {@link Fftw#importWisdom} restores so that later plans of the same problem are instant.
 */
public enum FftwEffort {
    /** {@code FFTW_ESTIMATE}: no timing; the default. */
    ESTIMATE(1 << 6),
    /** {@code FFTW_MEASURE}: times a set of candidate plans. */
    MEASURE(0),
    /** {@code FFTW_PATIENT}: times a wider set. */
    PATIENT(1 << 5),
    /** {@code FFTW_EXHAUSTIVE}: times every plan FFTW knows. */
    EXHAUSTIVE(1 << 3),
    /** {@code FFTW_WISDOM_ONLY}: plans only from imported wisdom; planning fails when there is none for the problem. */
    WISDOM_ONLY(1 << 21);

    private final int flag;

    FftwEffort(int flag) {
        this.flag = flag;
    }

    /** The planner flag's value in fftw3.h. */
    public int flag() {
        return flag;
    }
}
