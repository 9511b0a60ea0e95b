package org.fusemath.fft.host;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.fft.FftKind;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.NativeArray;
import org.fusemath.fft.spi.FftPlan;

/**
 * The FFTW provider's {@code fusemath bench} rows (domain {@code fft}): a planned {@link FftwProvider} transform on
 * heap arrays beside raw FFTW ({@link RawFftw}: the same transform and planner effort on aligned off-heap buffers,
 * {@code fftw_execute}), one thread, c2c F64 at 2^10, 2^16, 2^20 and 9973, r2c F64 and c2c F32 at 2^16; target
 * 0.95x; and rows named {@code ... NativeArray} for the provider on 64-byte-aligned native operands, c2c and r2c F64 at
 * 2^10, 2^16 and 2^20. Without FFTW on the class path the suite has no rows (FFTW is an optional dependency).
 */
public final class FftwBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "fft";
    }

    @Override
    public List<BenchmarkCase> cases() {
        List<BenchmarkCase> cases = new ArrayList<>();
        if (!Fftw.availability().usable()) {
            return cases;
        }
        for (int n : new int[] {1 << 10, 1 << 16, 1 << 20, 9973}) {
            cases.add(new VsRaw(FftKind.C2C, DType.F64, n, n <= 1 << 16 && n != 9973, false));
        }
        cases.add(new VsRaw(FftKind.R2C, DType.F64, 1 << 16, false, false));
        cases.add(new VsRaw(FftKind.C2C, DType.F32, 1 << 16, false, false));
        for (int n : new int[] {1 << 10, 1 << 16, 1 << 20}) {
            cases.add(new VsRaw(FftKind.C2C, DType.F64, n, n == 1 << 10, true));
            cases.add(new VsRaw(FftKind.R2C, DType.F64, n, false, true));
        }
        return cases;
    }

    /**
     * One transform of {@code n} points through the provider (heap arrays, or with {@code nativeOperands} 64-byte-aligned
     * {@link NativeArray}s) and through raw FFTW.
     */
    private record VsRaw(FftKind kind, DType precision, int n, boolean quick, boolean nativeOperands) implements BenchmarkCase {
        @Override
        public String name() {
            return "fftw " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + precision
                    + (nativeOperands ? " NativeArray" : "") + " (" + Fftw.callPath() + ")";
        }

        @Override
        public String size() {
            return Integer.bitCount(n) == 1 ? "2^" + Integer.numberOfTrailingZeros(n) : Integer.toString(n);
        }

        @Override
        public String baseline() {
            return "raw FFTW (same flags, aligned)";
        }

        @Override
        public double speedupTarget() {
            return 0.95;
        }

        @Override
        public double workPerCall() {
            return (kind == FftKind.R2C ? 2.5 : 5.0) * n * (Math.log(n) / Math.log(2)) * 1e-9;
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            FftwProvider provider = new FftwProvider();
            FftSpec spec = FftSpec.builder(kind, precision, n).build();
            FftPlan plan = provider.plan(spec, 1);
            double[] data = new SplittableRandom(n).doubles(spec.inputSlots(), -1, 1).toArray();
            RawFftw raw = new RawFftw(kind, precision == DType.F32, n, provider.options().effort(), data);
            Runnable fusemath;
            NativeArray[] operands = {};
            if (nativeOperands) {
                // F64 only (the rows above): the provider's call on native operands, addresses passed to FFTW.
                NativeArray in = NativeArray.allocate(DType.F64, data.length);
                NativeArray out = NativeArray.allocate(DType.F64, spec.outputSlots());
                in.put(0, data, 0, data.length);
                operands = new NativeArray[] {in, out};
                fusemath = () -> plan.execute(in, out);
                // The plan for these addresses' alignment is made on the first call, not in the timed loop.
                fusemath.run();
            } else if (precision == DType.F32) {
                float[] in = new float[data.length];
                for (int i = 0; i < in.length; i++) {
                    in[i] = (float) data[i];
                }
                float[] out = new float[(int) spec.outputSlots()];
                fusemath = () -> plan.execute(in, out);
            } else {
                double[] out = new double[(int) spec.outputSlots()];
                fusemath = () -> plan.execute(data, out);
            }
            NativeArray[] owned = operands;
            return Trial.of(fusemath, raw::run, () -> {
                plan.close();
                raw.close();
                for (NativeArray a : owned) {
                    a.close();
                }
            });
        }
    }
}
