package org.fusemath.fft.host;

import static org.fusemath.fft.FftTesting.bound;
import static org.fusemath.fft.FftTesting.distance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.fft.FftDirection;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftNorm;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.FftTesting;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftReference;
import org.junit.jupiter.api.Test;

/** Every kind, precision, norm, axis set and layout against the double-double direct DFT. */
class JTransformsProviderTest {
    private static final JTransformsProvider PROVIDER = new JTransformsProvider();
    private static final long[][] SHAPES = {{1}, {2}, {7}, {8}, {12}, {17}, {3, 5}, {4, 6}, {2, 3, 5}, {3, 1, 4, 2}};

    enum Layout {
        CONTIGUOUS, STRIDED, IN_PLACE
    }

    @Test
    void everyKindPrecisionNormAxisSetAndLayoutMatchesTheDirectDft() {
        SplittableRandom rng = new SplittableRandom(7);
        List<String> failures = new ArrayList<>();
        int cases = 0;
        double worst = 0;
        for (long[] shape : SHAPES) {
            for (int[] axes : axisSets(shape.length)) {
                for (FftKind kind : FftKind.values()) {
                    for (DType precision : new DType[] {DType.F64, DType.F32}) {
                        for (FftNorm norm : FftNorm.values()) {
                            for (Layout layout : Layout.values()) {
                                for (int variant = 0; variant < (kind == FftKind.C2R ? 2 : kind == FftKind.C2C ? 2 : 1);
                                        variant++) {
                                    FftSpec spec = spec(kind, precision, shape, axes, norm, layout, variant);
                                    if (spec == null) {
                                        continue;
                                    }
                                    cases++;
                                    double ratio = check(spec, rng, failures);
                                    worst = Math.max(worst, ratio);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases failed, e.g. "
                + failures.subList(0, Math.min(5, failures.size())));
        assertTrue(cases > 1000, "ran " + cases + " cases");
        System.out.printf("[fft] %d cases, worst error / (eps log2 N gain |x|) = %.3f (C = %.1f)%n", cases, worst * FftTesting.C,
                FftTesting.C);
    }

    @Test
    void primeAndOddRealInversesHaveNoGainError() {
        // JTransforms has had reports of a wrong gain in real inverse transforms of lengths that are not powers of two;
        // the provider calls them unscaled and scales itself, and this pins the result against the direct DFT.
        SplittableRandom rng = new SplittableRandom(11);
        List<String> failures = new ArrayList<>();
        for (int n : new int[] {3, 5, 6, 7, 9, 10, 11, 15, 17, 97, 100, 101, 127, 243, 509, 1009}) {
            for (DType p : new DType[] {DType.F64, DType.F32}) {
                for (FftNorm norm : FftNorm.values()) {
                    FftSpec spec = FftSpec.builder(FftKind.C2R, p, 3, n / 2 + 1).axes(1).outputLength(n).norm(norm).build();
                    check(spec, rng, failures);
                    check(FftSpec.builder(FftKind.R2C, p, 2, n).axes(1).norm(norm).build(), rng, failures);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void largerPowersOfTwoAndPrimesStayWithinTheBound() {
        SplittableRandom rng = new SplittableRandom(3);
        List<String> failures = new ArrayList<>();
        for (int n : new int[] {256, 1024, 2003}) {
            check(FftSpec.builder(FftKind.C2C, DType.F64, n).build(), rng, failures);
            check(FftSpec.builder(FftKind.C2C, DType.F64, n).direction(FftDirection.INVERSE).norm(FftNorm.ORTHO).build(),
                    rng, failures);
            check(FftSpec.builder(FftKind.C2C, DType.F32, n).build(), rng, failures);
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void realForwardTakesJTransformsRealPathOnlyWhereItIsAccurate() {
        // Factors 2, 3, 5 only, or a remainder JTransforms runs by Bluestein (>= 211): its real path; a generic radix
        // remainder (7 to 199): the complex path. Each choice then checked against the direct DFT.
        for (int n : new int[] {2, 15, 60, 243, 1000, 211, 1009, 2003, 2 * 211, 9973}) {
            assertTrue(LineKernels.realForwardIsAccurate(n), "real path for " + n);
        }
        for (int n : new int[] {7, 97, 105, 2 * 97, 199, 4095}) {
            assertTrue(!LineKernels.realForwardIsAccurate(n), "complex path for " + n);
        }
        SplittableRandom rng = new SplittableRandom(13);
        List<String> failures = new ArrayList<>();
        for (int n : new int[] {211, 422, 1000, 1009, 2003}) {
            check(FftSpec.builder(FftKind.R2C, DType.F64, n).build(), rng, failures);
            check(FftSpec.builder(FftKind.R2C, DType.F32, 2, n).axes(1).norm(FftNorm.ORTHO).build(), rng, failures);
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void anOutOfPlaceExecutionLeavesItsInputUntouched() {
        SplittableRandom rng = new SplittableRandom(5);
        FftSpec spec = FftSpec.builder(FftKind.C2R, DType.F64, 4, 6, 5).axes(0, 1, 2).outputLength(9).build();
        double[] in = FftTesting.random(rng, (int) spec.inputSlots());
        double[] copy = in.clone();
        try (FftPlan plan = PROVIDER.plan(spec, 2)) {
            plan.execute(in, new double[(int) spec.outputSlots()]);
        }
        assertArrayEquals(copy, in);
    }

    private static List<int[]> axisSets(int rank) {
        List<int[]> sets = new ArrayList<>();
        for (int mask = 1; mask < (1 << rank); mask++) {
            int[] axes = new int[Integer.bitCount(mask)];
            for (int d = 0, j = 0; d < rank; d++) {
                if ((mask & (1 << d)) != 0) {
                    axes[j++] = d;
                }
            }
            sets.add(axes);
            if (axes.length > 1) {
                int[] rev = new int[axes.length];
                for (int i = 0; i < axes.length; i++) {
                    rev[i] = axes[axes.length - 1 - i];
                }
                sets.add(rev);
            }
        }
        return sets;
    }

    /** variant: C2C forward/inverse; C2R even/odd output length (input extent from it). */
    static FftSpec spec(FftKind kind, DType p, long[] shape, int[] axes, FftNorm norm, Layout layout, int variant) {
        long[] in = shape.clone();
        int real = axes[axes.length - 1];
        FftSpec.Builder b;
        if (kind == FftKind.C2R) {
            long n = Math.max(1, shape[real] + variant);
            if (n == 1 && variant == 0) {
                return null;
            }
            in[real] = n / 2 + 1;
            b = FftSpec.builder(kind, p, in).outputLength(n);
        } else {
            b = FftSpec.builder(kind, p, in);
            if (kind == FftKind.C2C) {
                b.direction(variant == 0 ? FftDirection.FORWARD : FftDirection.INVERSE);
            }
        }
        b.axes(axes).norm(norm);
        if (layout == Layout.IN_PLACE) {
            if (kind != FftKind.C2C && real != shape.length - 1) {
                return null;
            }
            b.inPlace(true);
        } else if (layout == Layout.STRIDED) {
            long[] out = in.clone();
            if (kind == FftKind.R2C) {
                out[real] = in[real] / 2 + 1;
            } else if (kind == FftKind.C2R) {
                out[real] = Math.max(1, shape[real] + variant);
            }
            b.inputStrides(padded(in, true)).inputOffset(2).outputStrides(padded(out, false)).outputOffset(3);
        }
        return b.build();
    }

    /** Strides of the shape with every extent one larger, Fortran order (first fastest) or C order. */
    static long[] padded(long[] shape, boolean fortran) {
        long[] s = new long[shape.length];
        long stride = 1;
        for (int k = 0; k < shape.length; k++) {
            int d = fortran ? k : shape.length - 1 - k;
            s[d] = stride;
            stride *= shape[d] + 1;
        }
        return s;
    }

    /** Runs {@code spec} on random data; returns error / bound, recording a failure above 1. */
    static double check(FftSpec spec, SplittableRandom rng, List<String> failures) {
        long inCount = count(spec.inputShape());
        int inSlots = spec.kind() == FftKind.R2C ? 1 : 2;
        int outSlots = spec.kind() == FftKind.C2R ? 1 : 2;
        double[] x = FftTesting.random(rng, (int) inCount * inSlots);
        if (spec.precision() == DType.F32) {
            x = FftTesting.widen(FftTesting.narrow(x));
        }
        double[] expected = FftReference.transform(spec, x);
        long inLen = spec.inPlace() ? spec.inPlaceSlots() : spec.inputSlots();
        double[] inArray = FftTesting.scatter(x, spec.inputShape(), spec.inputStrides(), spec.inputOffset(), inSlots, inLen);
        double[] got;
        try (FftPlan plan = PROVIDER.plan(spec, 2)) {
            if (spec.precision() == DType.F64) {
                double[] outArray = spec.inPlace() ? inArray : new double[(int) spec.outputSlots()];
                plan.execute(inArray, outArray);
                got = FftTesting.gather(outArray, spec.outputShape(), spec.outputStrides(), spec.outputOffset(), outSlots);
            } else {
                float[] inF = FftTesting.narrow(inArray);
                float[] outF = spec.inPlace() ? inF : new float[(int) spec.outputSlots()];
                plan.execute(inF, outF);
                got = FftTesting.gather(FftTesting.widen(outF), spec.outputShape(), spec.outputStrides(),
                        spec.outputOffset(), outSlots);
            }
        }
        double err = distance(got, expected);
        double bound = bound(spec, x);
        if (!(err <= bound)) {
            failures.add(spec + ": error " + err + " > bound " + bound);
        }
        return err / bound;
    }

    static long count(long[] shape) {
        long c = 1;
        for (long d : shape) {
            c *= d;
        }
        return c;
    }

    @Test
    void theProviderIsFoundByNameThroughTheServiceLoader() {
        List<String> names = new ArrayList<>();
        java.util.ServiceLoader.load(org.fusemath.fft.spi.FftProvider.class).forEach(p -> names.add(p.name()));
        assertTrue(names.contains("jtransforms"), names.toString());
        assertEquals(true, PROVIDER.availability().usable());
    }
}
