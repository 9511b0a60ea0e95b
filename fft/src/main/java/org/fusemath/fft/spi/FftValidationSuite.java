package org.fusemath.fft.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.fft.FftDirection;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftNorm;
import org.fusemath.fft.FftOps;
import org.fusemath.fft.FftSpec;

/**
 * {@code fusemath validate} rows for the FFT: every kind (C2C forward and inverse, R2C, C2R with odd and even output,
 * named fft, ifft, rfft, irfft for 1-D arrays, fft2 ... for 2-D and fftn ... above) x precision x rank 1-3 x edge
 * length (1, 2, a prime, a power of two, a large one) through the numpy.fft function forms on the host, against the
 * double-double direct DFT, bounded by {@link FftReference#errorBound}.
 */
public final class FftValidationSuite implements ValidationSuite {
    private static final long[][] SHAPES = {{1}, {2}, {97}, {1024}, {4096}, {1, 2}, {7, 16}, {64, 64}, {2, 3, 5}, {8, 8, 8}};

    @Override
    public String domain() {
        return "fft";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        String[] ops = {"fftn", "ifftn", "rfftn", "irfftn"};
        for (String op : ops) {
            for (DType p : new DType[] {DType.F64, DType.F32}) {
                for (long[] shape : SHAPES) {
                    long last = shape[shape.length - 1];
                    boolean large = count(shape) >= 4096;
                    if (op.equals("irfftn")) {
                        if (last > 1) {
                            cases.add(new Case(op, p, shape, last, FftNorm.BACKWARD, !large));
                        }
                        cases.add(new Case(op, p, shape, last + 1, FftNorm.ORTHO, false));
                    } else {
                        cases.add(new Case(op, p, shape, 0, op.equals("ifftn") ? FftNorm.FORWARD : FftNorm.BACKWARD, !large));
                    }
                }
            }
        }
        return List.copyOf(cases);
    }

    private static long count(long[] shape) {
        long c = 1;
        for (long d : shape) {
            c *= d;
        }
        return c;
    }

    /**
     * One transform over every axis of its array, computed as {@code family} (fftn, ifftn, rfftn, irfftn) and named as
     * numpy.fft's function for its rank (fft for 1-D, fft2 for 2-D, fftn above: over all axes they are the same
     * transform), so {@code --ops} takes the names {@code exec --list} prints. {@code outputLength} is irfftn's last
     * real length (its input holds outputLength/2 + 1).
     */
    private record Case(String family, DType precision, long[] logical, long outputLength, FftNorm norm, boolean quick)
            implements ValidationCase {
        @Override
        public String op() {
            String base = family.substring(0, family.length() - 1);
            return switch (logical.length) {
                case 1 -> base;
                case 2 -> base + "2";
                default -> family;
            };
        }

        @Override
        public DType dtype() {
            return family.startsWith("r") ? precision : precision.complexType();
        }

        @Override
        public String shape() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < logical.length; i++) {
                b.append(i == 0 ? "" : "x").append(logical[i]);
            }
            if (family.equals("irfftn")) {
                b.append(" n=").append(outputLength);
            }
            return b.append(" ").append(norm.numpyName()).toString();
        }

        @Override
        public Space space() {
            return Space.HOST;
        }

        @Override
        public ValidationResult run(FuseContext context) {
            FftKind kind = switch (family) {
                case "rfftn" -> FftKind.R2C;
                case "irfftn" -> FftKind.C2R;
                default -> FftKind.C2C;
            };
            long[] in = logical.clone();
            if (kind == FftKind.C2R) {
                in[in.length - 1] = outputLength / 2 + 1;
            }
            FftSpec.Builder b = FftSpec.builder(kind, precision, in).norm(norm);
            if (kind == FftKind.C2R) {
                b.outputLength(outputLength);
            }
            if (family.equals("ifftn")) {
                b.direction(FftDirection.INVERSE);
            }
            FftSpec spec = b.build();
            int slots = kind == FftKind.R2C ? 1 : 2;
            double[] x = new double[(int) (count(in) * slots)];
            SplittableRandom rng = new SplittableRandom(Arrays.hashCode(logical) * 31L + family.hashCode());
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextDouble(-1, 1);
                if (precision == DType.F32) {
                    x[i] = (float) x[i];
                }
            }
            DType inType = spec.inputType();
            Object data = precision == DType.F32 ? toFloat(x) : x;
            HostTensor t = HostTensor.of(inType, in, data);
            HostTensor got = switch (family) {
                case "fftn" -> FftOps.fftn(t, null, null, norm);
                case "ifftn" -> FftOps.ifftn(t, null, null, norm);
                case "rfftn" -> FftOps.rfftn(t, null, null, norm);
                default -> FftOps.irfftn(t, withLast(logical, outputLength), null, norm);
            };
            double[] want = FftReference.transform(spec, x);
            double[] g = got.array() instanceof double[] d ? d : toDouble((float[]) got.array());
            double err = 0;
            for (int i = 0; i < want.length; i++) {
                double e = g[i] - want[i];
                err += e * e;
            }
            err = g.length == want.length ? Math.sqrt(err) : Double.NaN;
            return new ValidationResult(err, FftReference.errorBound(spec, x), "|y - dft(x)|_2 vs 5 eps log2(N) g |x|_2");
        }

        private static long[] withLast(long[] shape, long n) {
            long[] s = shape.clone();
            s[s.length - 1] = n;
            return s;
        }

        private static float[] toFloat(double[] x) {
            float[] f = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                f[i] = (float) x[i];
            }
            return f;
        }

        private static double[] toDouble(float[] x) {
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i];
            }
            return d;
        }
    }
}
