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
        return run(a, kind, direction, s, axes, norm, options, null);
    }

    /**
     * As {@link #run(HostTensor, FftKind, FftDirection, long[], int[], FftNorm, FftOptions)}, writing the result into
     * {@code out} (NumPy's {@code out=}: a C-order tensor of the result's dtype and shape, which may be {@code a}
     * itself) and returning it; null {@code out}: a fresh result. {@code out} is checked before anything runs.
     */
    static HostTensor run(HostTensor a, FftKind kind, FftDirection direction, long[] s, int[] axes, FftNorm norm,
            FftOptions options, HostTensor out) {
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
        FftProvider provider = Providers.select(options.provider(), options.execution());
        int threads = options.threads();
        long points = 1;
        for (long t : target) {
            points *= t;
        }
        if (points == 0) {
            // An empty batch: nothing to plan or run, but the spec still checks the call.
            FftSpec spec = spec(kind, component, target, ax, norm, TensorLayout.strides(a), direction, outputLength, false);
            if (out != null) {
                checkOut(out, spec.outputType(), spec.outputShape());
                return out;
            }
            return HostTensor.of(spec.outputType(), spec.outputShape(), spec.precision() == DType.F64 ? new double[0]
                    : new float[0]);
        }
        // A C2C of a whole C-order complex array runs in place on a copy of it: the copy (Arrays.copyOf / clone,
        // which the JIT does not zero first) is the only pass over the result before the transform, as in a raw
        // JTransforms call; an out-of-place plan would write a freshly zeroed array.
        boolean onCopy = kind == FftKind.C2C && !promote && !pad && !a.isFortranOrder() && Arrays.equals(target, shape);
        CallKey key = new CallKey(kind, direction, norm, a.dtype(), a.isFortranOrder(), shape, target, ax, outputLength,
                onCopy, provider.name(), threads);
        if (out != null) {
            long[] outShape = target.clone();
            int last = ax[ax.length - 1];
            if (kind == FftKind.R2C) {
                outShape[last] = target[last] / 2 + 1;
            } else if (kind == FftKind.C2R) {
                outShape[last] = outputLength;
            }
            checkOut(out, kind == FftKind.C2R ? component : component.complexType(), outShape);
        }
        HostTensor in = a;
        if (promote || pad) {
            in = copyInto(a, target, promote);
        }
        FftPlanCache cache = FftPlanCache.shared();
        FftPlanCache.Lease cached = cache.leaseIfCached(key);
        if (cached == null) {
            long[] inStrides = promote || pad ? FftSpec.contiguous(target) : TensorLayout.strides(a);
            cached = cache.leaseNew(key, provider.plan(
                    spec(kind, component, target, ax, norm, inStrides, direction, outputLength, onCopy), threads));
        }
        try (FftPlanCache.Lease lease = cached) {
            FftPlan plan = lease.plan();
            FftSpec spec = plan.spec();
            Object result;
            if (out != null) {
                result = out.array();
            } else if (onCopy) {
                // Arrays.copyOf / clone, which the JIT does not zero first: the only pass over a fresh result.
                result = in.array() instanceof double[] d ? d.clone() : ((float[]) in.array()).clone();
            } else {
                int slots = Arguments.toInt("result slots", spec.outputSlots());
                result = spec.precision() == DType.F64 ? new double[slots] : new float[slots];
            }
            Object source = in.array();
            if (onCopy) {
                if (out != null && result != source) {
                    System.arraycopy(source, 0, result, 0, java.lang.reflect.Array.getLength(source));
                }
                source = result;
            } else if (result == source) {
                // out is the input's own storage, read by an out-of-place plan: transform a copy of the input.
                source = source instanceof double[] d ? d.clone() : ((float[]) source).clone();
            }
            if (result instanceof double[] o) {
                plan.execute((double[]) source, o);
            } else {
                plan.execute((float[]) source, (float[]) result);
            }
            return out != null ? out : HostTensor.of(spec.outputType(), spec.outputShape(), result);
        }
    }

    /** Checks NumPy's {@code out=}: the result's dtype and shape, C order (what a plan writes). */
    private static void checkOut(HostTensor out, DType type, long[] shape) {
        if (out.dtype() != type) {
            throw new InvalidArgumentException("out", out.dtype(), type + ", the result's dtype");
        }
        boolean same = out.rank() == shape.length;
        for (int d = 0; same && d < shape.length; d++) {
            same = out.dim(d) == shape[d];
        }
        if (!same) {
            throw new org.fusemath.api.ShapeMismatchException("out", Arrays.toString(out.shape()),
                    Arrays.toString(shape) + ", the result's shape");
        }
        if (out.isFortranOrder() && out.rank() > 1) {
            throw new InvalidArgumentException("out", "a Fortran-order tensor", "a C-order tensor (the result's order)");
        }
    }

    private static FftSpec spec(FftKind kind, DType component, long[] target, int[] ax, FftNorm norm, long[] strides,
            FftDirection direction, long outputLength, boolean inPlace) {
        FftSpec.Builder b = FftSpec.builder(kind, component, target).axes(ax).norm(norm).inputStrides(strides)
                .inPlace(inPlace);
        if (kind == FftKind.C2C) {
            b.direction(direction);
        }
        if (kind == FftKind.C2R) {
            b.outputLength(outputLength);
        }
        return b.build();
    }

    /**
     * Everything of a numpy call that decides its plan (the spec follows from these), compared by value; cheaper to
     * build and hash than the spec itself, so a repeated call builds no spec.
     */
    private static final class CallKey {
        private final FftKind kind;
        private final FftDirection direction;
        private final FftNorm norm;
        private final DType dtype;
        private final boolean fortran;
        private final long[] shape;
        private final long[] target;
        private final int[] axes;
        private final long outputLength;
        private final boolean onCopy;
        private final String provider;
        private final int threads;
        private final int hash;

        CallKey(FftKind kind, FftDirection direction, FftNorm norm, DType dtype, boolean fortran, long[] shape,
                long[] target, int[] axes, long outputLength, boolean onCopy, String provider, int threads) {
            this.kind = kind;
            this.direction = direction;
            this.norm = norm;
            this.dtype = dtype;
            this.fortran = fortran;
            this.shape = shape;
            this.target = target;
            this.axes = axes;
            this.outputLength = outputLength;
            this.onCopy = onCopy;
            this.provider = provider;
            this.threads = threads;
            int h = kind.ordinal();
            h = 31 * h + direction.ordinal();
            h = 31 * h + norm.ordinal();
            h = 31 * h + dtype.ordinal();
            h = 31 * h + (fortran ? 1 : 0) + (onCopy ? 2 : 0);
            h = 31 * h + Arrays.hashCode(shape);
            h = 31 * h + Arrays.hashCode(target);
            h = 31 * h + Arrays.hashCode(axes);
            h = 31 * h + Long.hashCode(outputLength);
            h = 31 * h + provider.hashCode();
            this.hash = 31 * h + threads;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CallKey k && hash == k.hash && kind == k.kind && direction == k.direction
                    && norm == k.norm && dtype == k.dtype && fortran == k.fortran && onCopy == k.onCopy
                    && outputLength == k.outputLength && threads == k.threads && Arrays.equals(shape, k.shape)
                    && Arrays.equals(target, k.target) && Arrays.equals(axes, k.axes) && provider.equals(k.provider);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "fft call " + kind + " " + direction + " norm=" + norm.numpyName() + " " + dtype
                    + (fortran ? " F" : " C") + Arrays.toString(shape) + " -> n=" + Arrays.toString(target) + " axes="
                    + Arrays.toString(axes) + (onCopy ? " in place on a copy" : "") + " on " + provider + " ("
                    + threads + " threads)";
        }
    }

    static int[] resolveAxes(long[] s, int[] axes, int rank) {
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
