package org.fusemath.fft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;

/**
 * The checked, immutable description of one (batched, multi-axis) FFT: kind, precision, the input array's
 * shape, the transformed axes and their logical lengths, the exponent sign, the normalisation, in-place or
 * not, and the memory layout of both sides as strides and offsets. It names no memory: the same spec plans a
 * JTransforms, FFTW/MKL or cuFFT transform, and {@link #transformDims()}/{@link #batchDims()} (FFTW guru64) and
 * {@link #planMany()} (cuFFT PlanMany) give its layout in each library's terms.
 *
 * <p>Conventions. Strides and offsets count elements of each side's type: real elements on the real side of
 * R2C/C2R, complex elements (two array slots) on a complex side; negative strides are allowed (FFTW takes them;
 * {@link #planMany()} is then empty). Along the transformed axes the input's extent is the transform length, except
 * on the real axis of C2R (the last of {@link #axes()}), whose complex input holds {@code n/2 + 1} elements for the
 * output length {@code n} (odd or even). R2C's output has {@code n/2 + 1} elements there. Other axes are batch axes
 * and have the same extent on both sides. The result is the unnormalized transform times {@link #scale()}.
 *
 * <p>Checks (each failure an {@link InvalidArgumentException} naming the argument and its value): axes non-empty,
 * distinct and in range (negative axes count from the end, as NumPy's); transform lengths at least 1; strides one per
 * axis; offsets non-negative; every addressed element at a non-negative index; output elements at distinct
 * addresses; in-place layouts that map each output element onto the storage of the input (FFTW's rule: identical
 * layouts for C2C, and for R2C/C2R unit stride along the real axis and real strides twice the complex strides elsewhere,
 * real offset twice the complex offset).
 */
public final class FftSpec {
    private final FftKind kind;
    private final DType precision;
    private final long[] inputShape;
    private final long[] outputShape;
    private final int[] axes;
    private final long[] lengths;
    private final FftDirection direction;
    private final FftNorm norm;
    private final boolean inPlace;
    private final long[] inputStrides;
    private final long[] outputStrides;
    private final long inputOffset;
    private final long outputOffset;
    private final long inputSlots;
    private final long outputSlots;

    private FftSpec(Builder b) {
        kind = Arguments.requireNonNull(b.kind, "kind");
        precision = Arguments.requireNonNull(b.precision, "precision");
        if (precision != DType.F32 && precision != DType.F64) {
            throw new InvalidArgumentException("precision", precision,
                    "F32 or F64 (the component type; the kind says which side is complex)");
        }
        Arguments.requireNonNull(b.inputShape, "shape");
        int rank = b.inputShape.length;
        if (rank == 0) {
            throw new InvalidArgumentException("shape", "[] (a scalar)", "an array of at least one dimension");
        }
        inputShape = b.inputShape.clone();
        for (int i = 0; i < rank; i++) {
            Arguments.requireNonNegative("shape[" + i + "]", inputShape[i]);
        }
        axes = normalizeAxes(b.axes, rank);
        direction = switch (kind) {
            case C2C -> Arguments.requireNonNull(b.direction == null ? FftDirection.FORWARD : b.direction, "direction");
            case R2C -> requireDirection(b.direction, FftDirection.FORWARD);
            case C2R -> requireDirection(b.direction, FftDirection.INVERSE);
        };
        norm = FftNorm.require(b.norm);
        inPlace = b.inPlace;

        lengths = new long[axes.length];
        outputShape = inputShape.clone();
        for (int i = 0; i < axes.length; i++) {
            int ax = axes[i];
            long extent = inputShape[ax];
            if (extent < 1) {
                throw new InvalidArgumentException("shape[" + ax + "]", extent,
                        "at least 1 point along transformed axis " + ax);
            }
            lengths[i] = extent;
        }
        int realAxis = axes[axes.length - 1];
        if (kind == FftKind.R2C) {
            outputShape[realAxis] = inputShape[realAxis] / 2 + 1;
        } else if (kind == FftKind.C2R) {
            long m = inputShape[realAxis];
            long n = b.outputLength > 0 ? b.outputLength : 2 * (m - 1);
            if (n < 1 || n / 2 + 1 != m) {
                throw new InvalidArgumentException("outputLength", n, "a real length n with n/2 + 1 = " + m
                        + " (the complex input's extent along axis " + realAxis + "): " + (2 * m - 2) + " or "
                        + (2 * m - 1) + (m == 1 ? " (n = 1 only)" : ""));
            }
            lengths[axes.length - 1] = n;
            outputShape[realAxis] = n;
        } else if (b.outputLength != 0) {
            throw new InvalidArgumentException("outputLength", b.outputLength, "no output length for " + kind
                    + " (its output extent follows from the input shape)");
        }
        long inCount = count("shape", inputShape);
        count("output shape", outputShape);

        inputOffset = Arguments.requireNonNegative("inputOffset", b.inputOffset);
        outputOffset = Arguments.requireNonNegative("outputOffset", b.outputOffset);
        long[][] strides = strides(b, realAxis);
        inputStrides = strides[0];
        outputStrides = strides[1];
        int inSlots = kind == FftKind.R2C ? 1 : 2;
        int outSlots = kind == FftKind.C2R ? 1 : 2;
        long inElems = span("inputStrides", inputShape, inputStrides, inputOffset);
        long outElems = span("outputStrides", outputShape, outputStrides, outputOffset);
        inputSlots = inCount == 0 ? 0 : Arguments.multiply("input slots", inElems, inSlots);
        outputSlots = count("output shape", outputShape) == 0 ? 0 : Arguments.multiply("output slots", outElems, outSlots);
        requireDistinctOutputs();
        if (inPlace) {
            requireInPlaceLayout(realAxis);
        }
    }

    private static FftDirection requireDirection(FftDirection given, FftDirection only) {
        if (given != null && given != only) {
            throw new InvalidArgumentException("direction", given, only + " (the only direction of this kind)");
        }
        return only;
    }

    static int[] normalizeAxes(int[] given, int rank) {
        int[] axes;
        if (given == null) {
            axes = new int[rank];
            for (int i = 0; i < rank; i++) {
                axes[i] = i;
            }
            return axes;
        }
        if (given.length == 0) {
            throw new InvalidArgumentException("axes", "[]", "at least one axis to transform");
        }
        if (given.length == 1 && given[0] >= -rank && given[0] < rank) {
            // The 1-D function forms' case, on their per-call path: nothing can repeat.
            return new int[] {given[0] < 0 ? given[0] + rank : given[0]};
        }
        axes = new int[given.length];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < given.length; i++) {
            int a = given[i];
            if (a < -rank || a >= rank) {
                throw new InvalidArgumentException("axes[" + i + "]", a, "an axis in [" + (-rank) + ", " + rank
                        + ") for an array of rank " + rank);
            }
            int ax = a < 0 ? a + rank : a;
            if (seen[ax]) {
                throw new InvalidArgumentException("axes", Arrays.toString(given), "distinct axes (axis " + ax
                        + " is repeated)");
            }
            seen[ax] = true;
            axes[i] = ax;
        }
        return axes;
    }

    private long[][] strides(Builder b, int realAxis) {
        int rank = inputShape.length;
        long[] in = b.inputStrides == null ? null : checkStrides("inputStrides", b.inputStrides, rank);
        long[] out = b.outputStrides == null ? null : checkStrides("outputStrides", b.outputStrides, rank);
        if (inPlace && kind == FftKind.C2C) {
            if (in == null) {
                in = out != null ? out : contiguous(inputShape);
            }
            if (out == null) {
                out = in;
            }
        } else if (inPlace) {
            // FFTW's padded in-place layout: derive the real side from the complex one (or back) when only one is given.
            boolean r2c = kind == FftKind.R2C;
            long[] real = r2c ? in : out;
            long[] cplx = r2c ? out : in;
            if (cplx == null && real == null) {
                cplx = contiguous(r2c ? outputShape : inputShape);
            }
            if (real == null) {
                real = new long[rank];
                for (int d = 0; d < rank; d++) {
                    real[d] = d == realAxis ? cplx[d] : 2 * cplx[d];
                }
            } else if (cplx == null) {
                cplx = new long[rank];
                for (int d = 0; d < rank; d++) {
                    cplx[d] = d == realAxis ? real[d] : real[d] / 2;
                }
            }
            in = r2c ? real : cplx;
            out = r2c ? cplx : real;
        } else {
            if (in == null) {
                in = contiguous(inputShape);
            }
            if (out == null) {
                out = contiguous(outputShape);
            }
        }
        return new long[][] {in, out};
    }

    private static long[] checkStrides(String name, long[] strides, int rank) {
        if (strides.length != rank) {
            throw new InvalidArgumentException(name, Arrays.toString(strides), rank + " strides, one per axis");
        }
        return strides.clone();
    }

    /** C-order strides (last axis fastest) of {@code shape}, in elements. */
    public static long[] contiguous(long[] shape) {
        long[] s = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[d] = stride;
            stride = Arguments.multiply("shape", stride, Math.max(1, shape[d]));
        }
        return s;
    }

    private static long count(String name, long[] shape) {
        long c = 1;
        for (long d : shape) {
            c = Arguments.multiply(name, c, d);
        }
        return c;
    }

    /** One past the highest element index the view addresses (0 for an empty view); checks the lowest is >= 0. */
    private static long span(String name, long[] shape, long[] strides, long offset) {
        long lo = offset;
        long hi = offset;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == 0) {
                return 0;
            }
            long reach = Arguments.multiply(name, shape[d] - 1, strides[d]);
            if (reach < 0) {
                lo = Arguments.add(name, lo, reach);
            } else {
                hi = Arguments.add(name, hi, reach);
            }
        }
        if (lo < 0) {
            throw new InvalidArgumentException(name, Arrays.toString(strides), "strides that with offset " + offset
                    + " address no element below index 0 for shape " + Arrays.toString(shape) + " (lowest: " + lo + ")");
        }
        return Arguments.add(name, hi, 1);
    }

    /** A sufficient rule: sorted by |stride|, each dimension steps past everything the faster ones span. */
    private void requireDistinctOutputs() {
        int rank = outputShape.length;
        Integer[] order = new Integer[rank];
        for (int d = 0; d < rank; d++) {
            order[d] = d;
        }
        Arrays.sort(order, (x, y) -> Long.compare(Math.abs(outputStrides[x]), Math.abs(outputStrides[y])));
        long spanned = 1;
        for (int d : order) {
            if (outputShape[d] <= 1) {
                continue;
            }
            long s = Math.abs(outputStrides[d]);
            if (s < spanned) {
                throw new InvalidArgumentException("outputStrides", Arrays.toString(outputStrides),
                        "strides that give every element of the output shape " + Arrays.toString(outputShape)
                                + " its own address (axis " + d + " with stride " + outputStrides[d] + " overlaps)");
            }
            spanned = Arguments.add("outputStrides", spanned, Arguments.multiply("outputStrides", s, outputShape[d] - 1));
        }
    }

    private void requireInPlaceLayout(int realAxis) {
        if (kind == FftKind.C2C) {
            if (!Arrays.equals(inputStrides, outputStrides) || inputOffset != outputOffset) {
                throw new InvalidArgumentException("inPlace", "true with inputStrides " + Arrays.toString(inputStrides)
                        + " offset " + inputOffset + " and outputStrides " + Arrays.toString(outputStrides) + " offset "
                        + outputOffset, "the same strides and offset on both sides of an in-place C2C transform");
            }
            return;
        }
        long[] real = kind == FftKind.R2C ? inputStrides : outputStrides;
        long[] cplx = kind == FftKind.R2C ? outputStrides : inputStrides;
        long realOffset = kind == FftKind.R2C ? inputOffset : outputOffset;
        long cplxOffset = kind == FftKind.R2C ? outputOffset : inputOffset;
        boolean ok = real[realAxis] == 1 && cplx[realAxis] == 1 && realOffset == 2 * cplxOffset;
        for (int d = 0; d < real.length && ok; d++) {
            ok = d == realAxis || real[d] == 2 * cplx[d];
        }
        if (!ok) {
            throw new InvalidArgumentException("inPlace", "true with real strides " + Arrays.toString(real) + " offset "
                    + realOffset + " and complex strides " + Arrays.toString(cplx) + " offset " + cplxOffset,
                    "FFTW's in-place " + kind + " layout: unit stride on both sides along the real axis " + realAxis
                            + " (the fastest axis), real strides twice the complex strides on every other axis, real offset"
                            + " twice the complex offset");
        }
    }

    /** A builder for a spec of {@code kind} and {@code precision} (F32 or F64) over an input of {@code shape}. */
    public static Builder builder(FftKind kind, DType precision, long... shape) {
        return new Builder(kind, precision, shape);
    }

    /** The transform type. */
    public FftKind kind() {
        return kind;
    }

    /** The component type, F32 or F64. */
    public DType precision() {
        return precision;
    }

    /** The input's element type: real (F32/F64) for R2C, complex (C64/C128) otherwise. */
    public DType inputType() {
        return kind == FftKind.R2C ? precision : precision.complexType();
    }

    /** The output's element type: real for C2R, complex otherwise. */
    public DType outputType() {
        return kind == FftKind.C2R ? precision : precision.complexType();
    }

    /** A copy of the input's shape. */
    public long[] inputShape() {
        return inputShape.clone();
    }

    /** A copy of the output's shape (the input's, except along the real axis of R2C/C2R). */
    public long[] outputShape() {
        return outputShape.clone();
    }

    /** Number of array dimensions. */
    public int rank() {
        return inputShape.length;
    }

    /** A copy of the transformed axes, non-negative, in the order given (R2C/C2R: the last is the real axis). */
    public int[] axes() {
        return axes.clone();
    }

    /** A copy of the logical transform length along each of {@link #axes()}, in the same order. */
    public long[] lengths() {
        return lengths.clone();
    }

    /** The product of the transform lengths: the N of the normalisation. */
    public double pointCount() {
        double n = 1;
        for (long l : lengths) {
            n *= l;
        }
        return n;
    }

    /** The exponent's direction. */
    public FftDirection direction() {
        return direction;
    }

    /** The exponent's sign, -1 (forward) or +1 (inverse). */
    public int sign() {
        return direction.sign();
    }

    /** The normalisation. */
    public FftNorm norm() {
        return norm;
    }

    /** The factor the unnormalized transform's output is multiplied by: {@code norm().scale(direction(), N)}. */
    public double scale() {
        return norm.scale(direction, pointCount());
    }

    /** Whether input and output are one buffer. */
    public boolean inPlace() {
        return inPlace;
    }

    /** A copy of the input strides, in elements of {@link #inputType()}. */
    public long[] inputStrides() {
        return inputStrides.clone();
    }

    /** A copy of the output strides, in elements of {@link #outputType()}. */
    public long[] outputStrides() {
        return outputStrides.clone();
    }

    /** The input's first element, in elements of {@link #inputType()}. */
    public long inputOffset() {
        return inputOffset;
    }

    /** The output's first element, in elements of {@link #outputType()}. */
    public long outputOffset() {
        return outputOffset;
    }

    /** The shortest input array (in slots: floats or doubles) the layout fits in; 0 for an empty input. */
    public long inputSlots() {
        return inputSlots;
    }

    /** The shortest output array (in slots) the layout fits in; 0 for an empty output. */
    public long outputSlots() {
        return outputSlots;
    }

    /** The shortest single array an in-place transform fits in: the larger of both sides' needs. */
    public long inPlaceSlots() {
        return Math.max(inputSlots, outputSlots);
    }

    /** The number of transforms: the product of the batch axes' extents. */
    public long batchCount() {
        long c = 1;
        for (FftDim d : batchDims()) {
            c *= d.n();
        }
        return c;
    }

    /** Whether {@code axis} is transformed. */
    public boolean isTransformed(int axis) {
        for (int a : axes) {
            if (a == axis) {
                return true;
            }
        }
        return false;
    }

    /** FFTW guru {@code dims}: one per transformed axis, in {@link #axes()} order (the real axis last for R2C/C2R). */
    public List<FftDim> transformDims() {
        List<FftDim> dims = new ArrayList<>(axes.length);
        for (int i = 0; i < axes.length; i++) {
            dims.add(new FftDim(lengths[i], inputStrides[axes[i]], outputStrides[axes[i]]));
        }
        return Collections.unmodifiableList(dims);
    }

    /** FFTW guru {@code howmany_dims}: one per batch axis, in array order. */
    public List<FftDim> batchDims() {
        List<FftDim> dims = new ArrayList<>();
        for (int d = 0; d < inputShape.length; d++) {
            if (!isTransformed(d)) {
                dims.add(new FftDim(inputShape[d], inputStrides[d], outputStrides[d]));
            }
        }
        return Collections.unmodifiableList(dims);
    }

    /**
     * This layout in cuFFT PlanMany terms, when it has one: positive strides; the transformed axes (C2C: in any
     * order; R2C/C2R: the real axis last) nested so each stride is a whole multiple of the next one's and at least
     * as large as the next one's extent times that stride; the batch axes collapsing into one (each stride the next
     * one's extent times its stride). Empty otherwise: a provider then copies or loops.
     */
    public Optional<PlanManyLayout> planMany() {
        int r = axes.length;
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) {
            order[i] = i;
        }
        // The real axis must stay last; C2C transform dims may be permuted (the transform does not depend on order).
        int sortable = kind == FftKind.C2C ? r : r - 1;
        Arrays.sort(order, 0, sortable, (x, y) -> Long.compare(inputStrides[axes[y]], inputStrides[axes[x]]));
        long[] n = new long[r];
        long[] inembed = new long[r];
        long[] onembed = new long[r];
        int[] planAxes = new int[r];
        for (int i = 0; i < r; i++) {
            planAxes[i] = axes[order[i]];
            n[i] = lengths[order[i]];
        }
        long istride = inputStrides[planAxes[r - 1]];
        long ostride = outputStrides[planAxes[r - 1]];
        if (istride <= 0 || ostride <= 0 || !embed(planAxes, inputShape, inputStrides, inembed)
                || !embed(planAxes, outputShape, outputStrides, onembed)) {
            return Optional.empty();
        }
        List<Integer> batchAxes = new ArrayList<>();
        for (int d = 0; d < inputShape.length; d++) {
            if (!isTransformed(d) && inputShape[d] != 1) {
                batchAxes.add(d);
            }
        }
        long batch = 1;
        long idist = inembed[0] * inputStrides[planAxes[0]];
        long odist = onembed[0] * outputStrides[planAxes[0]];
        if (!batchAxes.isEmpty()) {
            int last = batchAxes.get(batchAxes.size() - 1);
            idist = inputStrides[last];
            odist = outputStrides[last];
            for (int j = batchAxes.size() - 1; j >= 0; j--) {
                int d = batchAxes.get(j);
                if (j < batchAxes.size() - 1) {
                    int next = batchAxes.get(j + 1);
                    if (inputStrides[d] != inputStrides[next] * inputShape[next]
                            || outputStrides[d] != outputStrides[next] * inputShape[next]) {
                        return Optional.empty();
                    }
                }
                batch *= inputShape[d];
            }
            if (idist < 0 || odist < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new PlanManyLayout(r, n, inembed, istride, idist, onembed, ostride, odist, batch, inputOffset,
                outputOffset, planAxes));
    }

    private static boolean embed(int[] planAxes, long[] shape, long[] strides, long[] embed) {
        int r = planAxes.length;
        embed[0] = shape[planAxes[0]];
        for (int i = r - 1; i >= 1; i--) {
            long outer = strides[planAxes[i - 1]];
            long inner = strides[planAxes[i]];
            if (inner <= 0 || outer % inner != 0 || outer / inner < shape[planAxes[i]]) {
                if (shape[planAxes[i - 1]] == 1 && inner > 0) {
                    embed[i] = shape[planAxes[i]];   // a length-1 outer axis never steps: any embed fits
                    continue;
                }
                return false;
            }
            embed[i] = outer / inner;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FftSpec s)) {
            return false;
        }
        return kind == s.kind && precision == s.precision && Arrays.equals(inputShape, s.inputShape)
                && Arrays.equals(axes, s.axes) && Arrays.equals(lengths, s.lengths) && direction == s.direction
                && norm == s.norm && inPlace == s.inPlace && Arrays.equals(inputStrides, s.inputStrides)
                && Arrays.equals(outputStrides, s.outputStrides) && inputOffset == s.inputOffset
                && outputOffset == s.outputOffset;
    }

    @Override
    public int hashCode() {
        int h = kind.hashCode();
        h = 31 * h + precision.hashCode();
        h = 31 * h + Arrays.hashCode(inputShape);
        h = 31 * h + Arrays.hashCode(axes);
        h = 31 * h + Arrays.hashCode(lengths);
        h = 31 * h + direction.hashCode();
        h = 31 * h + norm.hashCode();
        h = 31 * h + Boolean.hashCode(inPlace);
        h = 31 * h + Arrays.hashCode(inputStrides);
        h = 31 * h + Arrays.hashCode(outputStrides);
        h = 31 * h + Long.hashCode(inputOffset * 1_000_003L + outputOffset);
        return h;
    }

    @Override
    public String toString() {
        return "FftSpec[" + kind + " " + precision + " " + direction + " norm=" + norm.numpyName() + " shape="
                + Arrays.toString(inputShape) + " -> " + Arrays.toString(outputShape) + " axes=" + Arrays.toString(axes)
                + " n=" + Arrays.toString(lengths) + (inPlace ? " in-place" : "") + " is=" + Arrays.toString(inputStrides)
                + "+" + inputOffset + " os=" + Arrays.toString(outputStrides) + "+" + outputOffset + "]";
    }

    /** Builds an {@link FftSpec}; not thread-safe. Unset values take the defaults each method states. */
    public static final class Builder {
        private final FftKind kind;
        private final DType precision;
        private final long[] inputShape;
        private int[] axes;
        private long outputLength;
        private FftDirection direction;
        private FftNorm norm = FftNorm.BACKWARD;
        private boolean inPlace;
        private long[] inputStrides;
        private long[] outputStrides;
        private long inputOffset;
        private long outputOffset;

        private Builder(FftKind kind, DType precision, long[] shape) {
            this.kind = kind;
            this.precision = precision;
            this.inputShape = shape == null ? null : shape.clone();
        }

        /** The axes to transform (default: all; negative values count from the end). */
        public Builder axes(int... value) {
            this.axes = Arguments.requireNonNull(value, "axes").clone();
            return this;
        }

        /** C2R only: the real output length along the last axis (default {@code 2·(m - 1)}, m the input extent). */
        public Builder outputLength(long value) {
            if (value <= 0) {
                throw new InvalidArgumentException("outputLength", value, "a C2R output length >= 1");
            }
            this.outputLength = value;
            return this;
        }

        /** C2C: forward (default) or inverse; R2C is forward and C2R inverse only. */
        public Builder direction(FftDirection value) {
            this.direction = Arguments.requireNonNull(value, "direction");
            return this;
        }

        /** The normalisation (default backward). */
        public Builder norm(FftNorm value) {
            this.norm = Arguments.requireNonNull(value, "norm");
            return this;
        }

        /** Whether input and output share one buffer (default false). */
        public Builder inPlace(boolean value) {
            this.inPlace = value;
            return this;
        }

        /** Input strides in elements, one per axis (default C order; in-place: derived from the output's). */
        public Builder inputStrides(long... value) {
            this.inputStrides = Arguments.requireNonNull(value, "inputStrides").clone();
            return this;
        }

        /** Output strides in elements, one per axis (default C order of the output shape; in-place: as FFTW's). */
        public Builder outputStrides(long... value) {
            this.outputStrides = Arguments.requireNonNull(value, "outputStrides").clone();
            return this;
        }

        /** Index of the input's first element (default 0). */
        public Builder inputOffset(long value) {
            this.inputOffset = value;
            return this;
        }

        /** Index of the output's first element (default 0). */
        public Builder outputOffset(long value) {
            this.outputOffset = value;
            return this;
        }

        /** The checked spec. */
        public FftSpec build() {
            return new FftSpec(this);
        }
    }
}
