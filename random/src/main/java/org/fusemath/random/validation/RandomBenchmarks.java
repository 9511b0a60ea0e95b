package org.fusemath.random.validation;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.random.Distribution;
import org.fusemath.random.Generator;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;

/**
 * The random domain's {@code fusemath bench} cases: 2^22 uniform and normal floats per call from each
 * generator on the default context's threads, as samples per second beside the targets (cuRAND's own
 * host generator reaches about 204 / 94 M/s for Philox, 106 / 92 for XORWOW, 55 / 43 for MRG32K3A). There is
 * no baseline to run in the JVM: the rate column is the figure.
 */
public final class RandomBenchmarks implements BenchmarkSuite {
    private static final int SAMPLES = 1 << 22;

    @Override
    public String domain() {
        return "random";
    }

    @Override
    public List<BenchmarkCase> cases() {
        List<BenchmarkCase> cases = new ArrayList<>();
        for (RngType type : RngType.values()) {
            for (SampleKind kind : new SampleKind[] {SampleKind.UNIFORM_FLOAT, SampleKind.NORMAL_FLOAT}) {
                cases.add(new Fill(type, kind, target(type, kind)));
            }
        }
        return cases;
    }

    /** The floor for the 2-core machine, in M samples/s. */
    private static int target(RngType type, SampleKind kind) {
        boolean uniform = kind == SampleKind.UNIFORM_FLOAT;
        return switch (type) {
            case PHILOX4_32_10 -> uniform ? 500 : 150;
            case XORWOW -> uniform ? 106 : 92;
            case MRG32K3A -> uniform ? 55 : 43;
        };
    }

    /** One generator filling a float array with one kind. */
    private record Fill(RngType type, SampleKind kind, int target) implements BenchmarkCase {
        @Override
        public String name() {
            return type.cliName() + " " + kind.cliName() + " (>= " + target + ")";
        }

        @Override
        public String size() {
            return "2^22";
        }

        @Override
        public double rateTarget() {
            return target;
        }

        @Override
        public String baseline() {
            return null;
        }

        @Override
        public boolean quick() {
            return type == RngType.PHILOX4_32_10;
        }

        @Override
        public double workPerCall() {
            return SAMPLES / 1e6;
        }

        @Override
        public String rateUnit() {
            return "M samples/s";
        }

        @Override
        public Trial open() {
            Generator rng = Generator.create(type, 1234);
            float[] out = new float[SAMPLES];
            Distribution d = Distribution.standard(kind);
            return new Trial() {
                @Override
                public void runFusemath() {
                    rng.fill(d, out, 0, out.length);
                }

                @Override
                public void runBaseline() {
                    throw new UnsupportedOperationException("no baseline");
                }
            };
        }
    }
}
