package org.fusemath.fft;

import org.fusemath.api.HostTensor;

/**
 * numpy.fft's functions over {@link HostTensor}s (heap arrays in C or Fortran order): the same names, arguments,
 * defaults, crop/zero-pad of {@code n}/{@code s}, normalisations and result dtypes as NumPy 2 (single precision stays
 * single: F32 in, C64 out). Each call plans through the shared {@link FftPlanCache}, so a repeated shape costs the
 * transform and the result's allocation. Nullable arguments take NumPy's defaults ({@code n}/{@code s}: the input's
 * extents, {@code norm}: backward). The input is never modified. Thread-safe.
 *
 * <p>One deliberate difference: a repeated axis in {@code axes} is rejected (NumPy transforms that axis twice).
 */
public final class FftOps {
    private FftOps() {
    }

    private static final FftOptions DEFAULTS = FftOptions.defaults();

    private static FftOptions options() {
        return DEFAULTS;
    }

    private static long[] one(Long n) {
        return n == null ? null : new long[] {n};
    }

    private static final int[] LAST_TWO = {-2, -1};

    /** The 1-D discrete Fourier transform along {@code axis}: {@code numpy.fft.fft(a, n, axis, norm)}; real input is promoted; F32/C64 give C64, F64/C128 give C128. */
    public static HostTensor fft(HostTensor a, Long n, int axis, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.FORWARD, one(n), new int[] {axis}, norm == null ? FftNorm.BACKWARD : norm,
                options());
    }

    /** {@code fft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor fft(HostTensor a) {
        return fft(a, null, -1, null);
    }

    /** The 1-D inverse transform along {@code axis}: {@code numpy.fft.ifft(a, n, axis, norm)}. */
    public static HostTensor ifft(HostTensor a, Long n, int axis, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.INVERSE, one(n), new int[] {axis}, norm == null ? FftNorm.BACKWARD : norm,
                options());
    }

    /** {@code ifft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor ifft(HostTensor a) {
        return ifft(a, null, -1, null);
    }

    /** The 1-D transform of real input, its {@code n/2 + 1} non-negative frequencies: {@code numpy.fft.rfft(a, n, axis, norm)}; complex input is rejected. */
    public static HostTensor rfft(HostTensor a, Long n, int axis, FftNorm norm) {
        return NumpyCall.run(a, FftKind.R2C, FftDirection.FORWARD, one(n), new int[] {axis}, norm == null ? FftNorm.BACKWARD : norm,
                options());
    }

    /** {@code rfft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor rfft(HostTensor a) {
        return rfft(a, null, -1, null);
    }

    /** The inverse of {@code rfft}, {@code n} real points (default {@code 2(m-1)}; the input is cropped or zero-padded to {@code n/2 + 1}): {@code numpy.fft.irfft(a, n, axis, norm)}; C64 gives F32, C128 gives F64. */
    public static HostTensor irfft(HostTensor a, Long n, int axis, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2R, FftDirection.INVERSE, one(n), new int[] {axis}, norm == null ? FftNorm.BACKWARD : norm,
                options());
    }

    /** {@code irfft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor irfft(HostTensor a) {
        return irfft(a, null, -1, null);
    }

    /** The 2-D transform over {@code axes} (default the last two): {@code numpy.fft.fft2(a, s, axes, norm)}. */
    public static HostTensor fft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.FORWARD, s, axes == null ? LAST_TWO : axes,
                norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code fft2(a, null, null, null)}: the last two axes. */
    public static HostTensor fft2(HostTensor a) {
        return fft2(a, null, null, null);
    }

    /** The 2-D inverse transform: {@code numpy.fft.ifft2(a, s, axes, norm)}. */
    public static HostTensor ifft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.INVERSE, s, axes == null ? LAST_TWO : axes,
                norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code ifft2(a, null, null, null)}: the last two axes. */
    public static HostTensor ifft2(HostTensor a) {
        return ifft2(a, null, null, null);
    }

    /** The 2-D transform of real input (the last axis halved): {@code numpy.fft.rfft2(a, s, axes, norm)}. */
    public static HostTensor rfft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.R2C, FftDirection.FORWARD, s, axes == null ? LAST_TWO : axes,
                norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code rfft2(a, null, null, null)}: the last two axes. */
    public static HostTensor rfft2(HostTensor a) {
        return rfft2(a, null, null, null);
    }

    /** The inverse of {@code rfft2}: {@code numpy.fft.irfft2(a, s, axes, norm)}. */
    public static HostTensor irfft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2R, FftDirection.INVERSE, s, axes == null ? LAST_TWO : axes,
                norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code irfft2(a, null, null, null)}: the last two axes. */
    public static HostTensor irfft2(HostTensor a) {
        return irfft2(a, null, null, null);
    }

    /** The N-D transform over {@code axes} (default: the last {@code s.length} axes, or all): {@code numpy.fft.fftn(a, s, axes, norm)}. */
    public static HostTensor fftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.FORWARD, s, axes, norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code fftn(a, null, null, null)}: every axis. */
    public static HostTensor fftn(HostTensor a) {
        return fftn(a, null, null, null);
    }

    /** The N-D inverse transform: {@code numpy.fft.ifftn(a, s, axes, norm)}. */
    public static HostTensor ifftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.INVERSE, s, axes, norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code ifftn(a, null, null, null)}: every axis. */
    public static HostTensor ifftn(HostTensor a) {
        return ifftn(a, null, null, null);
    }

    /** The N-D transform of real input, the last of {@code axes} halved: {@code numpy.fft.rfftn(a, s, axes, norm)}. */
    public static HostTensor rfftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.R2C, FftDirection.FORWARD, s, axes, norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code rfftn(a, null, null, null)}: every axis. */
    public static HostTensor rfftn(HostTensor a) {
        return rfftn(a, null, null, null);
    }

    /** The inverse of {@code rfftn}, the last of {@code axes} real of length {@code s[-1]} (default {@code 2(m-1)}): {@code numpy.fft.irfftn(a, s, axes, norm)}. */
    public static HostTensor irfftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return NumpyCall.run(a, FftKind.C2R, FftDirection.INVERSE, s, axes, norm == null ? FftNorm.BACKWARD : norm, options());
    }

    /** {@code irfftn(a, null, null, null)}: every axis. */
    public static HostTensor irfftn(HostTensor a) {
        return irfftn(a, null, null, null);
    }
}
