package org.fusemath.fft;

import java.util.Arrays;
import java.util.function.Function;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.DevicePlacement;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.fft.device.CufftOnDevice;
import org.fusemath.fft.device.CufftSession;
import org.fusemath.fft.device.PadKernel;

/**
 * One numpy.fft function call on device operands (CuPy's semantics: it runs where the operands live, the result
 * stays there): resolves {@code s}/{@code axes} as {@link NumpyCall} does, crops by a strided view of the input (no
 * copy), checks {@code out} (or allocates the result on the context's stream) and runs {@link CufftOnDevice} on the
 * tensors' device addresses. What NumPy does by copying (zero-padding by {@code n}/{@code s}, promoting a real input
 * of a complex transform) is one staging kernel ({@link PadKernel}) into scratch device memory before the transform.
 */
final class DeviceCall {
    private DeviceCall() {
    }

    /** The production sessions: fusemath-cuda on the context's device. */
    static final Function<FuseContext, CufftSession> CUDA = CufftOnDevice::open;

    /** The context a device operand on device {@code deviceId} runs under; see {@link DevicePlacement#contextFor}. */
    static FuseContext on(FuseContext context, String name, int deviceId) {
        return DevicePlacement.contextFor(context, name, deviceId);
    }

    /** Runs the call (see {@link NumpyCall#run}) on {@code a}'s device; {@code out} null: a result allocated there. */
    static DeviceTensor run(FuseContext context, DeviceTensor a, FftKind kind, FftDirection direction, long[] s,
            int[] axes, FftNorm norm, DeviceTensor out, Function<FuseContext, CufftSession> sessions) {
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(norm, "norm");
        FuseContext where = on(context, "a", a.deviceId());
        if (out != null) {
            a.requireSameDevice("out", out);
        }
        int rank = a.rank();
        if (rank == 0) {
            throw new InvalidArgumentException("a", "a 0-d array", "an array of at least one dimension");
        }
        if (kind == FftKind.R2C && a.dtype().isComplex()) {
            throw new InvalidArgumentException("a", a.dtype(), "a real array (F32 or F64) for a real-input FFT");
        }
        // NumPy promotes a real input of a complex transform (irfft's included) to complex with zero imaginary parts.
        boolean promote = kind != FftKind.R2C && !a.dtype().isComplex();
        int[] ax = NumpyCall.resolveAxes(s, axes, rank);
        long[] shape = a.shape();
        long[] target = shape.clone();
        long outputLength = 0;
        for (int i = 0; i < ax.length; i++) {
            int d = ax[i];
            if (s != null && s[i] < 1) {
                throw new InvalidArgumentException(s.length == 1 ? "n" : "s[" + i + "]", s[i], "a number of FFT points >= 1");
            }
            long len = s == null ? shape[d] : s[i];
            if (kind == FftKind.C2R && i == ax.length - 1) {
                outputLength = s == null ? 2 * (shape[d] - 1) : s[i];
                if (outputLength < 1) {
                    throw new InvalidArgumentException("n", outputLength, "a number of output points >= 1 (an input of "
                            + shape[d] + " along axis " + d + " gives 2(m-1) = " + outputLength + "; pass n)");
                }
                len = outputLength / 2 + 1;
            }
            if (len < 1) {
                throw new InvalidArgumentException("a", "shape " + Arrays.toString(shape),
                        "at least 1 point along transformed axis " + d);
            }
            target[d] = len;
        }
        boolean pad = false;
        for (int d = 0; d < rank; d++) {
            pad |= target[d] > shape[d];
        }
        DType component = a.dtype().componentType();
        boolean inPlace = out != null && out.buffer() == a.buffer() && out.address() == a.address();
        if (inPlace && (kind != FftKind.C2C || promote || !Arrays.equals(target, shape) || a.isFortranOrder() && rank > 1)) {
            throw new InvalidArgumentException("out", "the input itself", "another tensor: only an uncropped, unpadded"
                    + " C-order complex-to-complex transform of a complex tensor runs in place");
        }
        long[] sourceStrides = strides(shape, a.isFortranOrder());
        // Cropping alone is a strided view of the input; padding or promotion stages a dense copy of the target shape.
        PadKernel staging = pad || promote ? PadKernel.of(a.dtype(), shape, sourceStrides, target, promote) : null;
        FftSpec.Builder b = FftSpec.builder(kind, component, target).axes(ax).norm(norm)
                .inputStrides(staging != null ? FftSpec.contiguous(target) : sourceStrides).inPlace(inPlace);
        if (kind == FftKind.C2C) {
            b.direction(direction);
        }
        if (kind == FftKind.C2R) {
            b.outputLength(outputLength);
        }
        FftSpec spec = b.build();
        if (out != null) {
            checkOut(out, spec.outputType(), spec.outputShape());
            if (!inPlace && out.buffer() == a.buffer() && overlaps(a, out)) {
                throw new InvalidArgumentException("out", out, "a tensor that does not overlap the input " + a
                        + " (or the input itself, in place)");
            }
        }
        if (spec.outputSlots() == 0 || spec.batchCount() == 0) {
            if (out != null) {
                return out;
            }
        }
        try (CufftSession session = sessions.apply(where)) {
            DeviceTensor result = out != null ? out : session.allocate(spec.outputType(), spec.outputShape());
            try {
                CufftOnDevice.run(session, spec, staging, a, result);
            } catch (RuntimeException | Error e) {
                if (out == null) {
                    result.buffer().close();
                }
                throw e;
            }
            where.logger().debug("fft on device {}: {} from {} into {}", where.deviceId(), spec, a, result);
            return result;
        }
    }

    /** Element strides of a dense tensor of {@code shape} in C or Fortran order. */
    static long[] strides(long[] shape, boolean fortran) {
        if (!fortran) {
            return FftSpec.contiguous(shape);
        }
        long[] st = new long[shape.length];
        long stride = 1;
        for (int d = 0; d < shape.length; d++) {
            st[d] = stride;
            stride *= Math.max(1, shape[d]);
        }
        return st;
    }

    private static boolean overlaps(DeviceTensor a, DeviceTensor b) {
        long a0 = a.address();
        long b0 = b.address();
        return a0 < b0 + b.byteSize() && b0 < a0 + a.byteSize() && a.byteSize() > 0 && b.byteSize() > 0;
    }

    /** Checks NumPy's {@code out=} on the device: the result's dtype and shape, C order (what the transform writes). */
    static void checkOut(DeviceTensor out, DType type, long[] shape) {
        if (out.dtype() != type) {
            throw new InvalidArgumentException("out", out.dtype(), type + ", the result's dtype");
        }
        if (!Arrays.equals(out.shape(), shape)) {
            throw new ShapeMismatchException("out", Arrays.toString(out.shape()), Arrays.toString(shape)
                    + ", the result's shape");
        }
        if (out.isFortranOrder() && out.rank() > 1) {
            throw new InvalidArgumentException("out", "a Fortran-order tensor", "a C-order tensor (the result's order)");
        }
    }
}
