package org.fusemath.random.validation;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.KnownAnswer;
import org.fusemath.random.KnownAnswers;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;
import org.fusemath.random.Samples;

/**
 * The {@code random} domain of {@code fusemath validate}: every bundled cuRAND known-answer entry on the
 * host (error = mismatching values, bound 0), cuRAND's device output against the host output bit for bit
 * for every generator and exact kind (space DEVICE; they need a usable GPU), and statistical checks
 * (mean z-score, Kolmogorov–Smirnov, chi-square at significance 0.001) for the log-normal and Poisson
 * kinds, whose agreement with cuRAND is not established bit for bit.
 */
public final class RandomValidationSuite implements ValidationSuite {
    private static final long STAT_SEED = 20240611L;
    private static final int STAT_COUNT = 200_000;
    private static final int DEVICE_COUNT = 100_002;

    @Override
    public String domain() {
        return "random";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (KnownAnswer k : KnownAnswers.bundled()) {
            cases.add(new Case("curand_known_answer", dtype(k.kind()), k.label(), Space.HOST, true,
                    ctx -> ValidationResult.exact(k.mismatches(k.actual(Generator.create(k.generator(), k.seed(), hostOnly(ctx)))))));
        }
        for (RngType type : RngType.values()) {
            for (SampleKind kind : new SampleKind[] {SampleKind.UINT32, SampleKind.UNIFORM_FLOAT, SampleKind.UNIFORM_DOUBLE,
                SampleKind.NORMAL_FLOAT, SampleKind.NORMAL_DOUBLE}) {
                for (long offset : new long[] {0, 1000}) {
                    cases.add(new Case("device_equals_host", dtype(kind), type + " " + kind.cliName() + " offset=" + offset
                            + " n=" + DEVICE_COUNT, Space.DEVICE, offset == 0,
                            ctx -> ValidationResult.exact(deviceMismatches(type, kind, offset, ctx))));
                }
            }
            cases.add(new Case("log_normal_ks", DType.F32, type + " mean=0.5 stddev=0.75 n=" + STAT_COUNT, Space.HOST, true,
                    ctx -> logNormalKs(type, Distribution.logNormalFloat(0.5f, 0.75f), ctx)));
            cases.add(new Case("log_normal_ks", DType.F64, type + " mean=0.5 stddev=0.75 n=" + STAT_COUNT, Space.HOST, false,
                    ctx -> logNormalKs(type, Distribution.logNormalDouble(0.5, 0.75), ctx)));
            cases.add(new Case("log_normal_mean", DType.F64, type + " mean=0.5 stddev=0.75 n=" + STAT_COUNT, Space.HOST, false,
                    ctx -> logNormalMean(type, ctx)));
            for (double lambda : new double[] {0.5, 12, 700, 2500}) {
                cases.add(new Case("poisson_chi_square", null, type + " lambda=" + lambda + " n=" + STAT_COUNT, Space.HOST,
                        lambda == 12, ctx -> poissonChiSquare(type, lambda, ctx)));
                cases.add(new Case("poisson_mean", null, type + " lambda=" + lambda + " n=" + STAT_COUNT, Space.HOST,
                        lambda == 12, ctx -> poissonMean(type, lambda, ctx)));
                cases.add(new Case("poisson_variance", null, type + " lambda=" + lambda + " n=" + STAT_COUNT, Space.HOST,
                        false, ctx -> poissonVariance(type, lambda, ctx)));
            }
        }
        return cases;
    }

    private static DType dtype(SampleKind kind) {
        switch (kind.elementType()) {
            case FLOAT:
                return DType.F32;
            case DOUBLE:
                return DType.F64;
            default:
                return null;
        }
    }

    private static FuseContext hostOnly(FuseContext ctx) {
        return FuseContext.builder().execution(Execution.HOST).threads(ctx.threads()).logger(ctx.logger()).build();
    }

    private static long deviceMismatches(RngType type, SampleKind kind, long offset, FuseContext ctx) {
        FuseContext device = FuseContext.builder().execution(Execution.device(ctx.deviceId())).threads(ctx.threads())
                .logger(ctx.logger()).build();
        Distribution d = Distribution.standard(kind);
        long[] onDevice;
        try (Generator g = Generator.create(type, 1234, device)) {
            onDevice = Samples.bits(g.setOffset(offset), d, DEVICE_COUNT);
        }
        long[] onHost = Samples.bits(Generator.create(type, 1234, hostOnly(ctx)).setOffset(offset), d, DEVICE_COUNT);
        long bad = 0;
        for (int i = 0; i < DEVICE_COUNT; i++) {
            if (onDevice[i] != onHost[i]) {
                bad++;
            }
        }
        return bad;
    }

    private static ValidationResult logNormalKs(RngType type, Distribution d, FuseContext ctx) {
        double[] logs = new double[STAT_COUNT];
        Generator g = Generator.create(type, STAT_SEED, hostOnly(ctx));
        if (d.kind() == SampleKind.LOG_NORMAL_FLOAT) {
            float[] v = new float[STAT_COUNT];
            g.fill(d, v, 0, STAT_COUNT);
            for (int i = 0; i < STAT_COUNT; i++) {
                logs[i] = Math.log(v[i]);
            }
        } else {
            double[] v = new double[STAT_COUNT];
            g.fill(d, v, 0, STAT_COUNT);
            for (int i = 0; i < STAT_COUNT; i++) {
                logs[i] = Math.log(v[i]);
            }
        }
        double mu = d.mean();
        double sigma = d.stddev();
        double ks = SampleStatistics.kolmogorovSmirnov(logs, x -> SampleStatistics.normalCdf((x - mu) / sigma));
        return new ValidationResult(ks, SampleStatistics.kolmogorovSmirnovBound(STAT_COUNT), "KS distance of log(x) to N(mean, stddev), alpha=0.001");
    }

    private static ValidationResult logNormalMean(RngType type, FuseContext ctx) {
        double mu = 0.5;
        double sigma = 0.75;
        double[] v = new double[STAT_COUNT];
        Generator.create(type, STAT_SEED + 1, hostOnly(ctx)).generateLogNormalDouble(v, mu, sigma);
        double mean = Math.exp(mu + sigma * sigma / 2);
        double sd = Math.sqrt((Math.exp(sigma * sigma) - 1) * Math.exp(2 * mu + sigma * sigma));
        double z = Math.abs(SampleStatistics.mean(v) - mean) / (sd / Math.sqrt(STAT_COUNT));
        return new ValidationResult(z, SampleStatistics.Z_BOUND, "|z| of the sample mean against exp(mean + stddev^2/2)");
    }

    private static int[] poisson(RngType type, double lambda, long seed, FuseContext ctx) {
        int[] v = new int[STAT_COUNT];
        Generator.create(type, seed, hostOnly(ctx)).generatePoisson(v, lambda);
        return v;
    }

    private static ValidationResult poissonChiSquare(RngType type, double lambda, FuseContext ctx) {
        double[] chi = SampleStatistics.chiSquare(poisson(type, lambda, STAT_SEED + 2, ctx), k -> SampleStatistics.poissonPmf(k, lambda));
        return new ValidationResult(chi[0], SampleStatistics.chiSquareBound(chi[1]),
                "chi-square against Poisson(lambda), dof=" + (int) chi[1] + ", alpha=0.001");
    }

    private static ValidationResult poissonMean(RngType type, double lambda, FuseContext ctx) {
        double[] x = toDouble(poisson(type, lambda, STAT_SEED + 3, ctx));
        double z = Math.abs(SampleStatistics.mean(x) - lambda) / Math.sqrt(lambda / x.length);
        return new ValidationResult(z, SampleStatistics.Z_BOUND, "|z| of the sample mean against lambda");
    }

    private static ValidationResult poissonVariance(RngType type, double lambda, FuseContext ctx) {
        double[] x = toDouble(poisson(type, lambda, STAT_SEED + 4, ctx));
        // Var(s^2) ~ (mu4 - sigma^4)/n with mu4 = lambda(1 + 3 lambda) for Poisson.
        double z = Math.abs(SampleStatistics.variance(x) - lambda) / Math.sqrt((lambda + 2 * lambda * lambda) / x.length);
        return new ValidationResult(z, SampleStatistics.Z_BOUND, "|z| of the sample variance against lambda");
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    /** The body of one case. */
    private interface Body {
        ValidationResult run(FuseContext ctx) throws Exception;
    }

    private static final class Case implements ValidationCase {
        private final String op;
        private final DType dtype;
        private final String shape;
        private final Space space;
        private final boolean quick;
        private final Body body;

        Case(String op, DType dtype, String shape, Space space, boolean quick, Body body) {
            this.op = op;
            this.dtype = dtype;
            this.shape = shape;
            this.space = space;
            this.quick = quick;
            this.body = body;
        }

        @Override
        public String op() {
            return op;
        }

        @Override
        public DType dtype() {
            return dtype;
        }

        @Override
        public String shape() {
            return shape;
        }

        @Override
        public Space space() {
            return space;
        }

        @Override
        public boolean quick() {
            return quick;
        }

        @Override
        public ValidationResult run(FuseContext context) throws Exception {
            return body.run(context);
        }

        @Override
        public String toString() {
            return op + " " + shape + " " + space;
        }
    }
}
