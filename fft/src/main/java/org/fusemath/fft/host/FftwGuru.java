package org.fusemath.fft.host;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.PlanManyLayout;

/**
 * One FFTW guru64 plan described as plain numbers before FFTW sees it: the transform kind and precision, the
 * transform dimensions and the loop ("howmany") dimensions as {@code fftw_iodim64} triples {@code (n, is, os)},
 * the sign and whether input and output share memory. Strides count elements of each array's own type, as
 * FFTW's do: complex elements for complex arrays, reals for real ones; for R2C/C2R the last transform
 * dimension's {@code n} is the real length and the complex side holds {@code n/2+1} there. Spans say how many
 * such elements an array must hold past its offset, so that every size is checked before a native call.
 * Immutable; equal descriptions plan the same transform (a plan cache key).
 *
 * @param kind     C2C, R2C or C2R
 * @param single   {@code fftwf_} (F32/C64) rather than {@code fftw_} (F64/C128)
 * @param dims     the transform dimensions, in the spec's axes order (the real axis last)
 * @param howmany  the loop dimensions (batch), outermost first; empty for one transform
 * @param sign     {@link #FORWARD} or {@link #BACKWARD} (C2C; R2C is always forward, C2R always backward)
 * @param inPlace  whether input and output are the same memory
 */
public record FftwGuru(FftKind kind, boolean single, List<FftDim> dims, List<FftDim> howmany, int sign, boolean inPlace) {
    /** {@code FFTW_FORWARD}: the exponent's sign is negative. */
    public static final int FORWARD = -1;
    /** {@code FFTW_BACKWARD}: the exponent's sign is positive (unnormalized). */
    public static final int BACKWARD = 1;

    /** Checks the description: 1 to 32 transform dimensions, a sign that fits the kind, element spans that fit a Java array. */
    public FftwGuru {
        Arguments.requireNonNull(kind, "kind");
        dims = List.copyOf(Arguments.requireNonNull(dims, "dims"));
        howmany = List.copyOf(Arguments.requireNonNull(howmany, "howmany"));
        if (dims.isEmpty() || dims.size() > 32) {
            throw new InvalidArgumentException("dims", dims.size() + " transform dimensions", "1 to 32 (FFTW's rank limit)");
        }
        if (howmany.size() > 32) {
            throw new InvalidArgumentException("howmany", howmany.size() + " loop dimensions", "at most 32");
        }
        dims.forEach(FftwGuru::checkDim);
        howmany.forEach(FftwGuru::checkDim);
        int expected = kind == FftKind.R2C ? FORWARD : kind == FftKind.C2R ? BACKWARD : sign;
        if (sign != expected || sign != FORWARD && sign != BACKWARD) {
            throw new InvalidArgumentException("sign", sign, kind == FftKind.C2C ? "-1 (forward) or +1 (backward)"
                    : kind + "'s sign " + expected);
        }
        // Every element index must fit a Java array (in primitive slots), so spans are computed here once.
        long in = span(dims, howmany, true, kind == FftKind.C2R);
        long out = span(dims, howmany, false, kind == FftKind.R2C);
        Arguments.toInt("input span", Arguments.multiply("input span", in, kind == FftKind.R2C ? 1 : 2));
        Arguments.toInt("output span", Arguments.multiply("output span", out, kind == FftKind.C2R ? 1 : 2));
    }

    /** The guru description of {@code spec}: its transform dimensions, its batch axes as loop dimensions. */
    public static FftwGuru of(FftSpec spec) {
        Arguments.requireNonNull(spec, "spec");
        return new FftwGuru(spec.kind(), spec.precision().isSinglePrecision(), spec.transformDims(), spec.batchDims(),
                spec.sign(), spec.inPlace());
    }

    /** {@link #planMany(FftKind, boolean, long[], long[], long, long, long[], long, long, long, int, boolean)} of a spec's PlanMany layout. */
    public static FftwGuru planMany(FftKind kind, boolean single, PlanManyLayout l, int sign, boolean inPlace) {
        Arguments.requireNonNull(l, "layout");
        return planMany(kind, single, l.n(), l.inembed(), l.istride(), l.idist(), l.onembed(), l.ostride(), l.odist(),
                l.batch(), sign, inPlace);
    }

    /**
     * The guru description of a cuFFT/FFTW "advanced layout" (PlanMany) transform: {@code n.length} dimensions of
     * sizes {@code n}, element {@code (i_0 .. i_{r-1})} of batch {@code b} at
     * {@code b*idist + istride*(i_{r-1} + inembed[r-1]*(i_{r-2} + inembed[r-2]*(...)))} in the input (and the same
     * with {@code o*} in the output); {@code inembed[0]} and {@code onembed[0]} are not used, as in both libraries.
     * A null embed means the array's own sizes (the complex side of a real transform: the last size {@code n/2+1})
     * with unit stride and a distance of their product, as cuFFT does when an embed is null.
     */
    public static FftwGuru planMany(FftKind kind, boolean single, long[] n, long[] inembed, long istride, long idist,
                                    long[] onembed, long ostride, long odist, long batch, int sign, boolean inPlace) {
        Arguments.requireNonNull(n, "n");
        int rank = n.length;
        if (rank == 0) {
            throw new InvalidArgumentException("n", "an empty size list", "1 or more sizes");
        }
        long[] inShape = side(kind, n, true);
        long[] outShape = side(kind, n, false);
        if (inembed == null) {
            inembed = inShape;
            istride = 1;
            idist = product(inShape);
        }
        if (onembed == null) {
            onembed = outShape;
            ostride = 1;
            odist = product(outShape);
        }
        checkEmbed("inembed", inembed, inShape);
        checkEmbed("onembed", onembed, outShape);
        Arguments.requireAtLeast("istride", istride, 1);
        Arguments.requireAtLeast("ostride", ostride, 1);
        Arguments.requireAtLeast("batch", batch, 1);
        List<FftDim> dims = new ArrayList<>(rank);
        long is = istride;
        long os = ostride;
        long[] iss = new long[rank];
        long[] oss = new long[rank];
        for (int d = rank - 1; d >= 0; d--) {
            iss[d] = is;
            oss[d] = os;
            is = Arguments.multiply("input stride", is, inembed[d]);
            os = Arguments.multiply("output stride", os, onembed[d]);
        }
        for (int d = 0; d < rank; d++) {
            dims.add(new FftDim(n[d], iss[d], oss[d]));
        }
        List<FftDim> loop = batch == 1 ? List.of() : List.of(new FftDim(batch, Arguments.requireAtLeast("idist", idist, 1),
                Arguments.requireAtLeast("odist", odist, 1)));
        return new FftwGuru(kind, single, dims, loop, sign, inPlace);
    }

    /** Checks a triple as FFTW needs it here: {@code n >= 1}, non-negative strides, positive where {@code n > 1}. */
    private static void checkDim(FftDim d) {
        Arguments.requireNonNull(d, "dim");
        Arguments.requireAtLeast("n", d.n(), 1);
        if (d.is() < 0 || d.os() < 0 || d.n() > 1 && (d.is() == 0 || d.os() == 0)) {
            throw new InvalidArgumentException("strides", "is=" + d.is() + ", os=" + d.os() + " for n=" + d.n(),
                    "strides >= 1 (>= 0 when n = 1)");
        }
    }

    /** Elements (of the input's own type) the input must hold from its offset on. */
    public long inputSpan() {
        return span(dims, howmany, true, kind == FftKind.C2R);
    }

    /** Elements (of the output's own type) the output must hold from its offset on. */
    public long outputSpan() {
        return span(dims, howmany, false, kind == FftKind.R2C);
    }

    /** Whether the input array is complex (interleaved re, im). */
    public boolean complexInput() {
        return kind != FftKind.R2C;
    }

    /** Whether the output array is complex (interleaved re, im). */
    public boolean complexOutput() {
        return kind != FftKind.C2R;
    }

    /** Primitive slots (doubles or floats) the input must hold from its offset on. */
    public long inputSlots() {
        return inputSpan() * (complexInput() ? 2 : 1);
    }

    /** Primitive slots (doubles or floats) the output must hold from its offset on. */
    public long outputSlots() {
        return outputSpan() * (complexOutput() ? 2 : 1);
    }

    /** How many points one transform has (the product of the logical sizes), for scaling and flop counts. */
    public long points() {
        long p = 1;
        for (FftDim d : dims) {
            p *= d.n();
        }
        return p;
    }

    /** How many transforms the loop dimensions make. */
    public long transforms() {
        long p = 1;
        for (FftDim d : howmany) {
            p *= d.n();
        }
        return p;
    }

    private static long span(List<FftDim> dims, List<FftDim> howmany, boolean input, boolean halvedLast) {
        long last = 0;
        for (int d = 0; d < dims.size(); d++) {
            FftDim dim = dims.get(d);
            long count = halvedLast && d == dims.size() - 1 ? dim.n() / 2 + 1 : dim.n();
            last = Arguments.add("span", last, Arguments.multiply("span", count - 1, input ? dim.is() : dim.os()));
        }
        for (FftDim dim : howmany) {
            last = Arguments.add("span", last, Arguments.multiply("span", dim.n() - 1, input ? dim.is() : dim.os()));
        }
        return last + 1;
    }

    /** The sizes of one side: the complex side of a real transform holds n/2+1 in its last dimension. */
    private static long[] side(FftKind kind, long[] n, boolean input) {
        long[] s = n.clone();
        for (int d = 0; d < s.length; d++) {
            Arguments.requireAtLeast("n[" + d + "]", s[d], 1);
        }
        boolean complexSideOfReal = kind == FftKind.R2C && !input || kind == FftKind.C2R && input;
        if (complexSideOfReal) {
            s[s.length - 1] = s[s.length - 1] / 2 + 1;
        }
        return s;
    }

    private static void checkEmbed(String name, long[] embed, long[] shape) {
        if (embed.length != shape.length) {
            throw new InvalidArgumentException(name, embed.length + " sizes", shape.length + " (one per dimension)");
        }
        // embed[0] is unused by both FFTW and cuFFT; the inner ones must hold the dimension they pad.
        for (int d = 1; d < shape.length; d++) {
            if (embed[d] < shape[d]) {
                throw new InvalidArgumentException(name + "[" + d + "]", embed[d], "at least the dimension's size " + shape[d]);
            }
        }
    }

    private static long product(long[] s) {
        long p = 1;
        for (long v : s) {
            p = Arguments.multiply("size", p, v);
        }
        return p;
    }
}
