package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusemath bench}: the table, the JSON report, the domain filter and failing cases. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private static BenchmarkCase blackhole(String name, boolean fails) {
        return new BenchmarkCase() {
            private long sink;

            @Override
            public String name() {
                return name;
            }

            @Override
            public String size() {
                return "n=3";
            }

            @Override
            public String baseline() {
                return "a loop";
            }

            @Override
            public boolean quick() {
                return true;
            }

            @Override
            public double workPerCall() {
                return 1e-6;
            }

            @Override
            public String rateUnit() {
                return "M things/s";
            }

            @Override
            public Trial open() {
                if (fails) {
                    throw new IllegalArgumentException("cannot prepare " + name);
                }
                return new Trial() {
                    @Override
                    public void runFusemath() {
                        sink += System.identityHashCode(this);
                    }

                    @Override
                    public void runBaseline() {
                        sink -= System.identityHashCode(this);
                    }
                };
            }
        };
    }

    private static Providers providers(BenchmarkCase... cases) {
        BenchmarkSuite suite = new BenchmarkSuite() {
            @Override
            public String domain() {
                return "toy";
            }

            @Override
            public List<BenchmarkCase> cases() {
                return List.of(cases);
            }
        };
        return Providers.of(List.of(), List.of(), List.of(), List.of(suite));
    }

    @Test
    void helpStatesTheNoiseThresholdWithoutAFormattingError() {
        // picocli formats descriptions as format strings: a bare % makes it warn on System.err and print the raw text.
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        Cli r;
        try {
            System.setErr(new java.io.PrintStream(stderr, true, java.nio.charset.StandardCharsets.UTF_8));
            r = Cli.run("bench", "--help");
        } finally {
            System.setErr(before);
        }
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", stderr.toString(java.nio.charset.StandardCharsets.UTF_8));
        String help = r.out().replaceAll("\\s+", " ");
        int percent = org.fusemath.validation.bench.BenchRunner.NOISY_PERCENT;
        assertTrue(help.contains("beyond ±" + percent + "% are marked noisy"), r.out());
    }

    @Test
    void printsARowPerCaseAndWritesJson() throws Exception {
        Path json = dir.resolve("bench.json");
        Cli r = Cli.run(providers(blackhole("tiny loop", false)), "bench", "--quick", "--json", json.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.toString());
        assertTrue(r.out().contains("speed-up = baseline time / fusemath time"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("toy") && l.contains("tiny loop") && l.contains("a loop")
                && l.contains("x ") && l.contains("M things/s")), r.out());
        String text = Files.readString(json);
        assertTrue(text.contains("\"outcomes\"") && text.contains("\"tiny loop\"") && text.contains("\"speedup\""), text);
    }

    @Test
    void everyRegisteredRowIsUniqueAndTheGemmRowsNameTheirBaseline() {
        java.util.Set<String> rows = new java.util.HashSet<>();
        List<BenchmarkSuite> suites = Providers.fromClassPath().benchmarks();
        assertTrue(suites.size() >= 2, "blas and random register benchmarks");
        for (BenchmarkSuite suite : suites) {
            for (BenchmarkCase c : suite.cases()) {
                assertTrue(rows.add(suite.domain() + " | " + c.name() + " | " + c.size() + " | " + c.baseline()),
                        "duplicate row " + c.name() + " " + c.size() + " against " + c.baseline());
            }
        }
        // The gemm rows name the call path that runs them (ffm, netlib, javacpp, java) and their baseline.
        assertTrue(rows.stream().anyMatch(r -> r.matches("blas \\| gemm F64 heap \\(\\w+\\) vs raw cblas off-heap \\| n=256 \\| .*")),
                rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.matches("blas \\| gemm F64 heap \\(\\w+\\) vs EJML \\| n=256 \\| .*")),
                rows.toString());
        assertTrue(rows.contains("solver | lu solve F64 | n=1000 | raw LAPACK off-heap"), rows.toString());
        assertTrue(rows.contains("solver | lu solve F64 | n=1000 | EJML"), rows.toString());
    }

    @Test
    void rowsBelowTheirTargetAreMarked() {
        BenchmarkCase loop = blackhole("tiny loop", false);
        BenchmarkCase claimsTooMuch = new BenchmarkCase() {
            @Override
            public String name() {
                return "claims 1000x";
            }

            @Override
            public String size() {
                return loop.size();
            }

            @Override
            public String baseline() {
                return loop.baseline();
            }

            @Override
            public double speedupTarget() {
                return 1000;
            }

            @Override
            public boolean quick() {
                return true;
            }

            @Override
            public double workPerCall() {
                return loop.workPerCall();
            }

            @Override
            public String rateUnit() {
                return loop.rateUnit();
            }

            @Override
            public Trial open() {
                return loop.open();
            }
        };
        Cli r = Cli.run(providers(claimsTooMuch), "bench", "--quick");
        assertEquals(ExitCodes.OK, r.exit(), "a row below target is indicative, not a failure: " + r);
        assertTrue(r.out().lines().anyMatch(l -> l.contains("claims 1000x") && l.contains(">= 1000.00x")
                && l.contains("BELOW TARGET")), r.out());
        assertTrue(r.out().contains("1 row(s) BELOW TARGET"), r.out());
    }

    @Test
    void aFailingCaseFailsTheRunAndUnknownDomainsAreUsageErrors() {
        Cli failed = Cli.run(providers(blackhole("ok", false), blackhole("bad", true)), "bench", "--quick");
        assertEquals(ExitCodes.FAILURE, failed.exit(), failed.toString());
        assertTrue(failed.out().contains("FAILED: IllegalArgumentException: cannot prepare bad"), failed.out());
        Cli unknown = Cli.run(providers(blackhole("ok", false)), "bench", "--domains", "fft");
        assertEquals(ExitCodes.USAGE, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("--domains names no benchmark suite: [fft]; known: [toy]"), unknown.err());
    }
}
