package org.fusemath.fft;

import java.util.Arrays;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftProvider;

/**
 * One numpy.fft function call: resolves {@code s}/{@code axes} as NumPy does, crops (a strided view, no copy) or
 * zero-pads (a copy) the input to the transform lengths, promotes a real input of a complex transform, and runs the
 * cached plan into a fresh C-order result.
 */
final class NumpyCall {
    private NumpyCall() {
    }

    /**
     * Runs {@code kind} in {@code direction} over {@code axes} (null: the last {@code s.length} axes, or all when
     * {@code s} is null too) with lengths {@code s} (null: the input's; C2R's last: {@code 2(m-1)}).
     */
    static HostTensor run(HostTensor a, FftKind kind, FftDirection direction, long[] s, int[] axes, FftNorm norm,
            FftOptions options) {
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(norm, "norm");
        int rank = a.rank();
        if (rank == 0) {
            throw new InvalidArgumentException("a", "a 0-d array", "an array of at least one dimension");
        }
        int[] ax = resolveAxes(s, axes, rank);
        long[] shape = a.shape();
        if (s != null) {
            for (int i = 0; i < s.length; i++) {
                if (s[i] < 1) {
                    throw new InvalidArgumentException(s.length == 1 ? "n" : "s[" + i + "]", s[i],
                            "a number of FFT points >= 1");
                }
            }
        }
        if (kind == FftKind.R2C && a.dtype().isComplex()) {
            throw new InvalidArgumentException("a", a.dtype(), "a real array (F32 or F64) for a real-input FFT");
        }
        long[] target = shape.clone();
        long outputLength = 0;
        for (int i = 0; i < ax.length; i++) {
            int d = ax[i];
            long len = s == null ? shape[d] : s[i];
            boolean realAxis = i == ax.length - 1;
            if (kind == FftKind.C2R && realAxis) {
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
        DType component = a.dtype().componentType();
        boolean promote = kind != FftKind.R2C && !a.dtype().isComplex();
        boolean pad = false;
        for (int d = 0; d < rank; d++) {
            pad |= target[d] > shape[d];
        }
        HostTensor in = a;
        long[] strides = TensorLayout.strides(a);
        if (promote || pad) {
            in = copyInto(a, target, promote);
            strides = FftSpec.contiguous(target);
        }
        FftSpec.Builder b = FftSpec.builder(kind, component, target).axes(ax).norm(norm).inputStrides(strides);
        if (kind == FftKind.C2C) {
            b.direction(direction);
        }
        if (kind == FftKind.C2R) {
            b.outputLength(outputLength);
        }
        FftSpec spec = b.build();
        FftProvider provider = Providers.host(options.provider(), options.execution());
        Object out = spec.precision() == DType.F64 ? new double[Arguments.toInt("result slots", spec.outputSlots())]
                : new float[Arguments.toInt("result slots", spec.outputSlots())];
        if (spec.outputSlots() > 0) {
            try (FftPlanCache.Lease lease = FftPlanCache.shared().lease(spec, provider, options.threads())) {
                FftPlan plan = lease.plan();
                if (out instanceof double[] o) {
                    plan.execute((double[]) in.array(), o);
                } else {
                    plan.execute((float[]) in.array(), (float[]) out);
                }
            }
        }
        return HostTensor.of(spec.outputType(), spec.outputShape(), out);
    }

    private static int[] resolveAxes(long[] s, int[] axes, int rank) {
        if (axes == null) {
            if (s == null) {
                return FftSpec.normalizeAxes(null, rank);
            }
            if (s.length > rank) {
                throw new InvalidArgumentException("s", Arrays.toString(s), "at most " + rank + " lengths for an array of"
                        + " rank " + rank);
            }
            int[] last = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                last[i] = rank - s.length + i;
            }
            return FftSpec.normalizeAxes(last, rank);
        }
        int[] ax = FftSpec.normalizeAxes(axes, rank);
        if (s != null && s.length != ax.length) {
            throw new InvalidArgumentException("s", Arrays.toString(s), ax.length + " lengths, one per axis of axes "
                    + Arrays.toString(axes));
        }
        return ax;
    }

    /** A zero-filled C-order copy of {@code a} with extents {@code target}, complex when {@code promote}. */
    private static HostTensor copyInto(HostTensor a, long[] target, boolean promote) {
        DType type = promote ? a.dtype().complexType() : a.dtype();
        long count = 1;
        for (long d : target) {
            count = Arguments.multiply("padded size", count, d);
        }
        org.fusemath.api.spi.HostMemory.requireAllocatable("the zero-padded input", type, target);
        HostTensor out = HostTensor.zeros(type, target);
        int inSlots = a.dtype().slotsPerElement();
        int outSlots = type.slotsPerElement();
        long[] shape = a.shape();
        long[] src = TensorLayout.strides(a);
        long[] dst = FftSpec.contiguous(target);
        long[] common = new long[shape.length];
        long n = 1;
        for (int d = 0; d < shape.length; d++) {
            common[d] = Math.min(shape[d], target[d]);
            n *= common[d];
        }
        Object from = a.array();
        Object to = out.array();
        long[] idx = new long[shape.length];
        for (long c = 0; c < n; c++) {
            long si = 0;
            long di = 0;
            for (int d = 0; d < shape.length; d++) {
                si += idx[d] * src[d];
                di += idx[d] * dst[d];
            }
            for (int k = 0; k < inSlots; k++) {
                int sAt = (int) (si * inSlots + k);
                int dAt = (int) (di * outSlots + k);
                if (to instanceof double[] t) {
                    t[dAt] = ((double[]) from)[sAt];
                } else {
                    ((float[]) to)[dAt] = ((float[]) from)[sAt];
                }
            }
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < common[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }
}
