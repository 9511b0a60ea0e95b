package org.fusemath.fft.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.fft.FftDirection;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftNorm;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.spi.FftPlan;
import org.fusemath.fft.spi.FftReference;

/**
 * {@code fusemath validate} rows for the FFTW provider (domain {@code fft}, ops {@code fftn (fftw)} etc.): every kind
 * x precision x rank 1-3 x edge length (1, 2, a prime, a power of two, a large one) planned by {@link FftwProvider}
 * on contiguous arrays, against the double-double direct DFT, bounded by {@link FftReference#errorBound}. No rows
 * where FFTW is not on the class path.
 */
public final class FftwValidationSuite implements ValidationSuite {
    private static final long[][] SHAPES = {{1}, {2}, {97}, {1024}, {4096}, {7, 16}, {64, 64}, {2, 3, 5}, {8, 8, 8}};

    @Override
    public String domain() {
        return "fft";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        if (!Fftw.availability().usable()) {
            return cases;
        }
        for (FftKind kind : FftKind.values()) {
            for (DType p : new DType[] {DType.F64, DType.F32}) {
                for (long[] shape : SHAPES) {
                    boolean large = Arrays.stream(shape).reduce(1, (a, b) -> a * b) >= 4096;
                    long last = shape[shape.length - 1];
                    if (kind == FftKind.C2C) {
                        cases.add(new Case(kind, FftDirection.FORWARD, p, shape, 0, FftNorm.BACKWARD, !large));
                        cases.add(new Case(kind, FftDirection.INVERSE, p, shape, 0, FftNorm.ORTHO, false));
                    } else if (kind == FftKind.R2C) {
                        cases.add(new Case(kind, FftDirection.FORWARD, p, shape, 0, FftNorm.BACKWARD, !large));
                    } else {
                        cases.add(new Case(kind, FftDirection.INVERSE, p, shape, last, FftNorm.BACKWARD, !large));
                        cases.add(new Case(kind, FftDirection.INVERSE, p, shape, last + 1, FftNorm.FORWARD, false));
                    }
                }
            }
        }
        return List.copyOf(cases);
    }

    /** One transform over every axis of a C-ordered array; {@code outputLength} is C2R's real length. */
    private record Case(FftKind kind, FftDirection direction, DType precision, long[] logical, long outputLength,
                        FftNorm norm, boolean quick) implements ValidationCase {
        @Override
        public String op() {
            String numpy = switch (kind) {
                case C2C -> direction == FftDirection.FORWARD ? "fftn" : "ifftn";
                case R2C -> "rfftn";
                case C2R -> "irfftn";
            };
            return numpy + " (fftw)";
        }

        @Override
        public DType dtype() {
            return kind == FftKind.C2C ? precision.complexType() : precision;
        }

        @Override
        public String shape() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < logical.length; i++) {
                b.append(i == 0 ? "" : "x").append(logical[i]);
            }
            return (kind == FftKind.C2R ? b.append(" n=").append(outputLength) : b).append(' ').append(norm.numpyName()).toString();
        }

        @Override
        public Space space() {
            return Space.HOST;
        }

        @Override
        public ValidationResult run(FuseContext context) {
            long[] in = logical.clone();
            if (kind == FftKind.C2R) {
                in[in.length - 1] = outputLength / 2 + 1;
            }
            int[] axes = new int[in.length];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = i;
            }
            FftSpec.Builder b = FftSpec.builder(kind, precision, in).axes(axes).norm(norm).direction(direction);
            if (kind == FftKind.C2R) {
                b.outputLength(outputLength);
            }
            FftSpec spec = b.build();
            SplittableRandom rng = new SplittableRandom(Arrays.hashCode(logical) * 31L + op().hashCode());
            double[] x = rng.doubles(spec.inputSlots(), -1, 1).toArray();
            double[] got;
            try (FftPlan plan = new FftwProvider().plan(spec, context.threads())) {
                if (precision == DType.F32) {
                    float[] fx = new float[x.length];
                    for (int i = 0; i < x.length; i++) {
                        fx[i] = (float) x[i];
                        x[i] = fx[i];
                    }
                    float[] out = new float[(int) spec.outputSlots()];
                    plan.execute(fx, out);
                    got = new double[out.length];
                    for (int i = 0; i < out.length; i++) {
                        got[i] = out[i];
                    }
                } else {
                    got = new double[(int) spec.outputSlots()];
                    plan.execute(x, got);
                }
            }
            double[] want = FftReference.transform(spec, x);
            double err = 0;
            for (int i = 0; i < want.length; i++) {
                double e = got[i] - want[i];
                err += e * e;
            }
            err = got.length == want.length ? Math.sqrt(err) : Double.NaN;
            return new ValidationResult(err, FftReference.errorBound(spec, x), "|y - dft(x)|_2 vs 5 eps log2(N) g |x|_2");
        }
    }
}
