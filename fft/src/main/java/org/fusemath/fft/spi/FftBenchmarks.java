package org.fusemath.fft.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.fft.Fft;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftOptions;
import org.fusemath.fft.FftSpec;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The FFT's {@code fusemath bench} rows. {@code fft c2c F64} at 2^10, 2^16, 2^20 and 9973 points: a planned
 * out-of-place {@link Fft#plan} execution beside raw JTransforms doing the same work (copy the input, then
 * {@code complexForward} in place), both on one thread, target >= 0.95x. {@code batch c2c F64}: 1024 transforms of
 * 1024 points (the last axis of a 1024 x 1024 array) on the context's threads beside a one-thread loop of raw
 * JTransforms calls, target >= 1.5x on 2 cores. {@code fft r2c F64} at the same sizes: a planned R2C (n reals in,
 * n/2+1 interleaved complex out) beside raw JTransforms' {@code realForward} on a copy followed by the unpacking of
 * its packed half spectrum into that layout (the work a user of JTransforms does to get NumPy's {@code rfft}).
 */
public final class FftBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "fft";
    }

    @Override
    public List<BenchmarkCase> cases() {
        List<BenchmarkCase> cases = new ArrayList<>();
        cases.add(new Single(1 << 10, "2^10", true));
        cases.add(new Single(1 << 16, "2^16", true));
        cases.add(new Single(1 << 20, "2^20", false));
        cases.add(new Single(9973, "9973", true));
        cases.add(new Batch(1024, 1024, false));
        cases.add(new RealSingle(1 << 10, "2^10", true));
        cases.add(new RealSingle(1 << 16, "2^16", true));
        cases.add(new RealSingle(1 << 20, "2^20", false));
        cases.add(new RealSingle(9973, "9973", true));
        return List.copyOf(cases);
    }

    static double[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }

    static double flops(long n) {
        return 5.0 * n * (Math.log(n) / Math.log(2));
    }

    /** One transform of n points. */
    private record Single(int n, String label, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return "fft c2c F64";
        }

        @Override
        public String size() {
            return label;
        }

        @Override
        public String baseline() {
            return "raw JTransforms";
        }

        @Override
        public double speedupTarget() {
            return 0.95;
        }

        @Override
        public double workPerCall() {
            return 1e-9 * flops(n);
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] in = random(2 * n, n);
            double[] out = new double[2 * n];
            double[] raw = new double[2 * n];
            var plan = Fft.plan(FftSpec.builder(FftKind.C2C, DType.F64, n).build(), FftOptions.defaults().withThreads(1));
            DoubleFFT_1D jt = new DoubleFFT_1D(n);
            return Trial.of(() -> plan.execute(in, out), () -> {
                System.arraycopy(in, 0, raw, 0, 2 * n);
                jt.complexForward(raw);
            }, plan::close);
        }
    }

    /**
     * NumPy's {@code rfft} of {@code in} (n reals) by raw JTransforms: {@code realForward} on {@code work} (n slots),
     * then its packed half spectrum (Re X0, then Re X(n/2) for even n or Im X((n-1)/2) for odd n, then X(k) pairs)
     * unpacked into {@code out}: n/2+1 interleaved complex values. The baseline of the r2c rows.
     */
    public static void rawRealForward(DoubleFFT_1D jt, double[] in, double[] work, double[] out, int n) {
        System.arraycopy(in, 0, work, 0, n);
        jt.realForward(work);
        out[0] = work[0];
        out[1] = 0;
        System.arraycopy(work, 2, out, 2, n - 2);
        if (n % 2 == 0) {
            out[n] = work[1];
            out[n + 1] = 0;
        } else {
            out[n] = work[1];
        }
    }

    /** One real-input transform of n points. */
    private record RealSingle(int n, String label, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return "fft r2c F64";
        }

        @Override
        public String size() {
            return label;
        }

        @Override
        public String baseline() {
            return "raw JTransforms";
        }

        @Override
        public double speedupTarget() {
            return 0.95;
        }

        @Override
        public double workPerCall() {
            return 0.5e-9 * flops(n);
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] in = random(n, n);
            int m = n / 2 + 1;
            double[] out = new double[2 * m];
            double[] work = new double[n];
            double[] raw = new double[2 * m];
            var plan = Fft.plan(FftSpec.builder(FftKind.R2C, DType.F64, n).build(), FftOptions.defaults().withThreads(1));
            DoubleFFT_1D jt = new DoubleFFT_1D(n);
            return Trial.of(() -> plan.execute(in, out), () -> rawRealForward(jt, in, work, raw, n), plan::close);
        }
    }

    /** {@code rows} transforms of {@code n} points along the last axis. */
    private record Batch(int rows, int n, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return "batch c2c F64";
        }

        @Override
        public String size() {
            return rows + "x" + n;
        }

        @Override
        public String baseline() {
            return "JTransforms one-thread loop";
        }

        @Override
        public double speedupTarget() {
            return FuseContext.defaults().threads() >= 2 ? 1.5 : Double.NaN;
        }

        @Override
        public double workPerCall() {
            return 1e-9 * rows * flops(n);
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] in = random(2 * rows * n, 7);
            double[] out = new double[in.length];
            double[] raw = new double[in.length];
            var plan = Fft.plan(FftSpec.builder(FftKind.C2C, DType.F64, rows, n).axes(1).build(),
                    FftOptions.defaults().withThreads(FuseContext.defaults().threads()));
            DoubleFFT_1D jt = new DoubleFFT_1D(n);
            return Trial.of(() -> plan.execute(in, out), () -> {
                System.arraycopy(in, 0, raw, 0, in.length);
                for (int r = 0; r < rows; r++) {
                    jt.complexForward(raw, 2 * r * n);
                }
            }, plan::close);
        }
    }
}
