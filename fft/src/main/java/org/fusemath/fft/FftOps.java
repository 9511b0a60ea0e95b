package org.fusemath.fft;

import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;

/**
 * numpy.fft's functions over {@link HostTensor}s (heap arrays in C or Fortran order): the same names, arguments,
 * defaults, crop/zero-pad of {@code n}/{@code s}, normalisations and result dtypes as NumPy 2 (single precision stays
 * single: F32 in, C64 out). Each call plans through the shared {@link FftPlanCache}, so a repeated shape costs the
 * transform (and, without {@code out}, the result's allocation). Nullable arguments take NumPy's defaults
 * ({@code n}/{@code s}: the input's extents, {@code norm}: backward, {@code out}: a fresh result). The input is never
 * modified unless it is also {@code out}. Thread-safe.
 *
 * <p>{@code out} is NumPy's {@code out=}: a C-order tensor of the result's dtype and shape (checked before anything
 * runs), which may be the input itself; the result is written there and {@code out} returned. Reusing one {@code out}
 * for repeated calls keeps the result's memory in cache, as a planned {@link Fft} does.
 *
 * <p>A {@link FuseContext} chooses where the call runs and with how many host threads: {@code Execution.DEVICE}
 * runs cuFFT on that device (heap operands copied there and back), or raises the CUDA probe's
 * {@link org.fusemath.api.DeviceUnavailableException} when the device or cuFFT is not usable; HOST and AUTO run on the
 * host. Without a context: {@link FuseContext#defaults()}.
 *
 * <p>{@link DeviceTensor} operands run where they live, as CuPy's do: cuFFT on the tensor's device, straight on its
 * device memory, the result a device tensor (see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}).
 *
 * <p>One deliberate difference: a repeated axis in {@code axes} is rejected (NumPy transforms that axis twice).
 */
public final class FftOps {
    private FftOps() {
    }

    private static final FftOptions DEFAULTS = FftOptions.defaults();

    private static FftOptions options(FuseContext context) {
        org.fusemath.api.Arguments.requireNonNull(context, "context");
        if (context == FuseContext.defaults()) {
            return DEFAULTS;
        }
        return DEFAULTS.withExecution(context.execution()).withThreads(context.threads());
    }

    private static long[] one(Long n) {
        return n == null ? null : new long[] {n};
    }

    private static FftNorm norm(FftNorm norm) {
        return norm == null ? FftNorm.BACKWARD : norm;
    }

    private static final int[] LAST_TWO = {-2, -1};

    // ---- Device operands (CuPy's semantics: the call runs on the device the operands live on; the result stays
    // there). Each form is the host form's twin over DeviceTensors; see DeviceCall for what is checked.

    /**
     * {@code fft} of a tensor in device memory, by cuFFT on the tensor's device with no copy to or from the host:
     * into {@code out} (a C-order device tensor of the result's dtype and shape on the same device; the input itself
     * runs in place) or, when null, into a result allocated from the device's stream-ordered pool, whose buffer the
     * caller closes. {@code context} (null: the tensor's device, a stream of the call's own) supplies the stream;
     * its execution must be AUTO or DEVICE on the tensor's ordinal (HOST is rejected: copy to the host for a host
     * transform). The call returns once the result is complete. {@code n} that crops reads a strided view of the
     * input; {@code n} that zero-pads, or a real input (promoted to complex as NumPy does), is first staged into a
     * dense copy in device memory from the same pool, freed before the call returns; the input is never modified.
     */
    public static DeviceTensor fft(FuseContext context, DeviceTensor a, Long n, int axis, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2C, FftDirection.FORWARD, one(n), new int[] {axis}, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code fft} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor fft(DeviceTensor a, Long n, int axis, FftNorm norm) {
        return fft(null, a, n, axis, norm, null);
    }

    /** {@code ifft} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor ifft(FuseContext context, DeviceTensor a, Long n, int axis, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2C, FftDirection.INVERSE, one(n), new int[] {axis}, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code ifft} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor ifft(DeviceTensor a, Long n, int axis, FftNorm norm) {
        return ifft(null, a, n, axis, norm, null);
    }

    /** {@code rfft} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor rfft(FuseContext context, DeviceTensor a, Long n, int axis, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.R2C, FftDirection.FORWARD, one(n), new int[] {axis}, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code rfft} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor rfft(DeviceTensor a, Long n, int axis, FftNorm norm) {
        return rfft(null, a, n, axis, norm, null);
    }

    /** {@code irfft} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor irfft(FuseContext context, DeviceTensor a, Long n, int axis, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2R, FftDirection.INVERSE, one(n), new int[] {axis}, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code irfft} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor irfft(DeviceTensor a, Long n, int axis, FftNorm norm) {
        return irfft(null, a, n, axis, norm, null);
    }

    /** {@code fft2} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor fft2(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2C, FftDirection.FORWARD, s, axes == null ? LAST_TWO : axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code fft2} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor fft2(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return fft2(null, a, s, axes, norm, null);
    }

    /** {@code ifft2} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor ifft2(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2C, FftDirection.INVERSE, s, axes == null ? LAST_TWO : axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code ifft2} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor ifft2(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return ifft2(null, a, s, axes, norm, null);
    }

    /** {@code rfft2} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor rfft2(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.R2C, FftDirection.FORWARD, s, axes == null ? LAST_TWO : axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code rfft2} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor rfft2(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return rfft2(null, a, s, axes, norm, null);
    }

    /** {@code irfft2} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor irfft2(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2R, FftDirection.INVERSE, s, axes == null ? LAST_TWO : axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code irfft2} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor irfft2(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return irfft2(null, a, s, axes, norm, null);
    }

    /** {@code fftn} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor fftn(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2C, FftDirection.FORWARD, s, axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code fftn} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor fftn(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return fftn(null, a, s, axes, norm, null);
    }

    /** {@code ifftn} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor ifftn(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2C, FftDirection.INVERSE, s, axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code ifftn} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor ifftn(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return ifftn(null, a, s, axes, norm, null);
    }

    /** {@code rfftn} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor rfftn(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.R2C, FftDirection.FORWARD, s, axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code rfftn} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor rfftn(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return rfftn(null, a, s, axes, norm, null);
    }

    /** {@code irfftn} of a device tensor, on its device into {@code out} or a fresh device result; see {@link #fft(FuseContext, DeviceTensor, Long, int, FftNorm, DeviceTensor)}. */
    public static DeviceTensor irfftn(FuseContext context, DeviceTensor a, long[] s, int[] axes, FftNorm norm, DeviceTensor out) {
        return DeviceCall.run(context, a, FftKind.C2R, FftDirection.INVERSE, s, axes, norm(norm), out, DeviceCall.CUDA);
    }

    /** {@code irfftn} of a device tensor on its device, into a fresh device result (NumPy's defaults for null arguments). */
    public static DeviceTensor irfftn(DeviceTensor a, long[] s, int[] axes, FftNorm norm) {
        return irfftn(null, a, s, axes, norm, null);
    }

    // ---- End of the device-operand forms.

    /** The 1-D discrete Fourier transform along {@code axis}: {@code numpy.fft.fft(a, n, axis, norm)}; real input is promoted; F32/C64 give C64, F64/C128 give C128. */
    public static HostTensor fft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.FORWARD, one(n), new int[] {axis}, norm(norm), options(context), out);
    }

    /** {@code fft} on the context's execution space, into a fresh result. */
    public static HostTensor fft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm) {
        return fft(context, a, n, axis, norm, null);
    }

    /** {@code fft} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor fft(HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return fft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code fft} on the host, into a fresh result. */
    public static HostTensor fft(HostTensor a, Long n, int axis, FftNorm norm) {
        return fft(FuseContext.defaults(), a, n, axis, norm, null);
    }

    /** {@code fft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor fft(HostTensor a) {
        return fft(a, null, -1, null);
    }

    /** The 1-D inverse transform along {@code axis}: {@code numpy.fft.ifft(a, n, axis, norm)}. */
    public static HostTensor ifft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.INVERSE, one(n), new int[] {axis}, norm(norm), options(context), out);
    }

    /** {@code ifft} on the context's execution space, into a fresh result. */
    public static HostTensor ifft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm) {
        return ifft(context, a, n, axis, norm, null);
    }

    /** {@code ifft} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor ifft(HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return ifft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code ifft} on the host, into a fresh result. */
    public static HostTensor ifft(HostTensor a, Long n, int axis, FftNorm norm) {
        return ifft(FuseContext.defaults(), a, n, axis, norm, null);
    }

    /** {@code ifft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor ifft(HostTensor a) {
        return ifft(a, null, -1, null);
    }

    /** The 1-D transform of real input, its {@code n/2 + 1} non-negative frequencies: {@code numpy.fft.rfft(a, n, axis, norm)}; complex input is rejected. */
    public static HostTensor rfft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.R2C, FftDirection.FORWARD, one(n), new int[] {axis}, norm(norm), options(context), out);
    }

    /** {@code rfft} on the context's execution space, into a fresh result. */
    public static HostTensor rfft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm) {
        return rfft(context, a, n, axis, norm, null);
    }

    /** {@code rfft} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor rfft(HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return rfft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code rfft} on the host, into a fresh result. */
    public static HostTensor rfft(HostTensor a, Long n, int axis, FftNorm norm) {
        return rfft(FuseContext.defaults(), a, n, axis, norm, null);
    }

    /** {@code rfft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor rfft(HostTensor a) {
        return rfft(a, null, -1, null);
    }

    /** The inverse of {@code rfft}, {@code n} real points (default {@code 2(m-1)}; the input is cropped or zero-padded to {@code n/2 + 1}): {@code numpy.fft.irfft(a, n, axis, norm)}; C64 gives F32, C128 gives F64. */
    public static HostTensor irfft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2R, FftDirection.INVERSE, one(n), new int[] {axis}, norm(norm), options(context), out);
    }

    /** {@code irfft} on the context's execution space, into a fresh result. */
    public static HostTensor irfft(FuseContext context, HostTensor a, Long n, int axis, FftNorm norm) {
        return irfft(context, a, n, axis, norm, null);
    }

    /** {@code irfft} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor irfft(HostTensor a, Long n, int axis, FftNorm norm, HostTensor out) {
        return irfft(FuseContext.defaults(), a, n, axis, norm, out);
    }

    /** {@code irfft} on the host, into a fresh result. */
    public static HostTensor irfft(HostTensor a, Long n, int axis, FftNorm norm) {
        return irfft(FuseContext.defaults(), a, n, axis, norm, null);
    }

    /** {@code irfft(a, null, -1, null)}: NumPy's defaults. */
    public static HostTensor irfft(HostTensor a) {
        return irfft(a, null, -1, null);
    }

    /** The 2-D transform over {@code axes} (default the last two): {@code numpy.fft.fft2(a, s, axes, norm)}. */
    public static HostTensor fft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.FORWARD, s, axes == null ? LAST_TWO : axes, norm(norm), options(context), out);
    }

    /** {@code fft2} on the context's execution space, into a fresh result. */
    public static HostTensor fft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return fft2(context, a, s, axes, norm, null);
    }

    /** {@code fft2} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor fft2(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return fft2(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code fft2} on the host, into a fresh result. */
    public static HostTensor fft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return fft2(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code fft2(a, null, null, null)}: the last two axes. */
    public static HostTensor fft2(HostTensor a) {
        return fft2(a, null, null, null);
    }

    /** The 2-D inverse transform: {@code numpy.fft.ifft2(a, s, axes, norm)}. */
    public static HostTensor ifft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.INVERSE, s, axes == null ? LAST_TWO : axes, norm(norm), options(context), out);
    }

    /** {@code ifft2} on the context's execution space, into a fresh result. */
    public static HostTensor ifft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return ifft2(context, a, s, axes, norm, null);
    }

    /** {@code ifft2} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor ifft2(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return ifft2(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code ifft2} on the host, into a fresh result. */
    public static HostTensor ifft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return ifft2(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code ifft2(a, null, null, null)}: the last two axes. */
    public static HostTensor ifft2(HostTensor a) {
        return ifft2(a, null, null, null);
    }

    /** The 2-D transform of real input (the last axis halved): {@code numpy.fft.rfft2(a, s, axes, norm)}. */
    public static HostTensor rfft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.R2C, FftDirection.FORWARD, s, axes == null ? LAST_TWO : axes, norm(norm), options(context), out);
    }

    /** {@code rfft2} on the context's execution space, into a fresh result. */
    public static HostTensor rfft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return rfft2(context, a, s, axes, norm, null);
    }

    /** {@code rfft2} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor rfft2(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return rfft2(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code rfft2} on the host, into a fresh result. */
    public static HostTensor rfft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return rfft2(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code rfft2(a, null, null, null)}: the last two axes. */
    public static HostTensor rfft2(HostTensor a) {
        return rfft2(a, null, null, null);
    }

    /** The inverse of {@code rfft2}: {@code numpy.fft.irfft2(a, s, axes, norm)}. */
    public static HostTensor irfft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2R, FftDirection.INVERSE, s, axes == null ? LAST_TWO : axes, norm(norm), options(context), out);
    }

    /** {@code irfft2} on the context's execution space, into a fresh result. */
    public static HostTensor irfft2(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return irfft2(context, a, s, axes, norm, null);
    }

    /** {@code irfft2} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor irfft2(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return irfft2(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code irfft2} on the host, into a fresh result. */
    public static HostTensor irfft2(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return irfft2(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code irfft2(a, null, null, null)}: the last two axes. */
    public static HostTensor irfft2(HostTensor a) {
        return irfft2(a, null, null, null);
    }

    /** The N-D transform over {@code axes} (default: the last {@code s.length} axes, or all): {@code numpy.fft.fftn(a, s, axes, norm)}. */
    public static HostTensor fftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.FORWARD, s, axes, norm(norm), options(context), out);
    }

    /** {@code fftn} on the context's execution space, into a fresh result. */
    public static HostTensor fftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return fftn(context, a, s, axes, norm, null);
    }

    /** {@code fftn} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor fftn(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return fftn(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code fftn} on the host, into a fresh result. */
    public static HostTensor fftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return fftn(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code fftn(a, null, null, null)}: every axis. */
    public static HostTensor fftn(HostTensor a) {
        return fftn(a, null, null, null);
    }

    /** The N-D inverse transform: {@code numpy.fft.ifftn(a, s, axes, norm)}. */
    public static HostTensor ifftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2C, FftDirection.INVERSE, s, axes, norm(norm), options(context), out);
    }

    /** {@code ifftn} on the context's execution space, into a fresh result. */
    public static HostTensor ifftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return ifftn(context, a, s, axes, norm, null);
    }

    /** {@code ifftn} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor ifftn(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return ifftn(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code ifftn} on the host, into a fresh result. */
    public static HostTensor ifftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return ifftn(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code ifftn(a, null, null, null)}: every axis. */
    public static HostTensor ifftn(HostTensor a) {
        return ifftn(a, null, null, null);
    }

    /** The N-D transform of real input, the last of {@code axes} halved: {@code numpy.fft.rfftn(a, s, axes, norm)}. */
    public static HostTensor rfftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.R2C, FftDirection.FORWARD, s, axes, norm(norm), options(context), out);
    }

    /** {@code rfftn} on the context's execution space, into a fresh result. */
    public static HostTensor rfftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return rfftn(context, a, s, axes, norm, null);
    }

    /** {@code rfftn} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor rfftn(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return rfftn(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code rfftn} on the host, into a fresh result. */
    public static HostTensor rfftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return rfftn(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code rfftn(a, null, null, null)}: every axis. */
    public static HostTensor rfftn(HostTensor a) {
        return rfftn(a, null, null, null);
    }

    /** The inverse of {@code rfftn}, the last of {@code axes} real of length {@code s[-1]} (default {@code 2(m-1)}): {@code numpy.fft.irfftn(a, s, axes, norm)}. */
    public static HostTensor irfftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return NumpyCall.run(a, FftKind.C2R, FftDirection.INVERSE, s, axes, norm(norm), options(context), out);
    }

    /** {@code irfftn} on the context's execution space, into a fresh result. */
    public static HostTensor irfftn(FuseContext context, HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return irfftn(context, a, s, axes, norm, null);
    }

    /** {@code irfftn} into {@code out} (NumPy's {@code out=}), on the host. */
    public static HostTensor irfftn(HostTensor a, long[] s, int[] axes, FftNorm norm, HostTensor out) {
        return irfftn(FuseContext.defaults(), a, s, axes, norm, out);
    }

    /** {@code irfftn} on the host, into a fresh result. */
    public static HostTensor irfftn(HostTensor a, long[] s, int[] axes, FftNorm norm) {
        return irfftn(FuseContext.defaults(), a, s, axes, norm, null);
    }

    /** {@code irfftn(a, null, null, null)}: every axis. */
    public static HostTensor irfftn(HostTensor a) {
        return irfftn(a, null, null, null);
    }
}
