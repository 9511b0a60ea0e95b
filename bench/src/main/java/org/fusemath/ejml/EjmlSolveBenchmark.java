package org.fusemath.ejml;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.fusemath.bench.blas.PairedTimes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The EJML facade's solve family and complex products against EJML itself, paired in one JVM (see
 * {@link PairedTimes}: each invocation runs both on the same matrices, alternating which goes first; the speed-up
 * is the secondary results' {@code baselineMs ÷ fusemathMs}). The fusemath side is the accelerated path the
 * generated facade {@code org.fusemath.ejml.CommonOps_DDRM} calls (this class sits in the facade's package to reach
 * it), with the thresholds set to 0 so that every size takes it: the smallest n where it wins is the measured
 * threshold. The baseline is {@code org.ejml.dense.row.CommonOps_DDRM} / {@code CommonOps_ZDRM}.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'EjmlSolveBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EjmlSolveBenchmark {

    /** F64 systems of order n: a well-conditioned A, one right-hand side, the outputs. */
    @State(Scope.Thread)
    public static class Real {
        @Param({"4", "8", "16", "32", "64", "128", "256", "1000"})
        public int n;

        DMatrixRMaj a;
        DMatrixRMaj b;
        DMatrixRMaj x;
        DMatrixRMaj inverse;

        @Setup(Level.Trial)
        public void setUp() {
            EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
            Random r = new Random(1);
            a = new DMatrixRMaj(n, n);
            for (int i = 0; i < n * n; i++) {
                a.data[i] = r.nextDouble() - 0.5;
            }
            for (int i = 0; i < n; i++) {
                a.add(i, i, n);
            }
            b = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                b.data[i] = r.nextDouble();
            }
            x = new DMatrixRMaj(n, 1);
            inverse = new DMatrixRMaj(n, n);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            EjmlExecution.reset();
        }
    }

    /** C128 square products of side m (m³ multiply-adds). */
    @State(Scope.Thread)
    public static class Complex {
        @Param({"8", "16", "24", "32", "64", "256"})
        public int m;

        ZMatrixRMaj a;
        ZMatrixRMaj b;
        ZMatrixRMaj c;

        @Setup(Level.Trial)
        public void setUp() {
            EjmlExecution.setThreshold(EjmlExecution.Family.MULT, 0);
            Random r = new Random(2);
            a = new ZMatrixRMaj(m, m);
            b = new ZMatrixRMaj(m, m);
            c = new ZMatrixRMaj(m, m);
            for (int i = 0; i < 2 * m * m; i++) {
                a.data[i] = r.nextDouble() - 0.5;
                b.data[i] = r.nextDouble() - 0.5;
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            EjmlExecution.reset();
        }
    }

    @Benchmark
    public void pairedSolve(Real s, PairedTimes times) {
        times.run(() -> SolveAcceleration_DDRM.solve(s.a, s.b, s.x), () -> CommonOps_DDRM.solve(s.a, s.b, s.x));
    }

    @Benchmark
    public void pairedInvert(Real s, PairedTimes times) {
        times.run(() -> SolveAcceleration_DDRM.invert(s.a, s.inverse), () -> CommonOps_DDRM.invert(s.a, s.inverse));
    }

    @Benchmark
    public double pairedDet(Real s, PairedTimes times) {
        double[] sink = new double[2];
        times.run(() -> sink[0] = SolveAcceleration_DDRM.det(s.a), () -> sink[1] = CommonOps_DDRM.det(s.a));
        return sink[0] + sink[1];
    }

    @Benchmark
    public void pairedSolveSpd(Real s, PairedTimes times) {
        // A's diagonal dominance makes its symmetric part positive definite; solveSPD reads the lower triangle.
        times.run(() -> SolveAcceleration_DDRM.solveSPD(s.a, s.b, s.x), () -> CommonOps_DDRM.solveSPD(s.a, s.b, s.x));
    }

    @Benchmark
    public void pairedZgemm(Complex s, PairedTimes times) {
        times.run(() -> MultAcceleration_ZDRM.mult(s.a, s.b, s.c), () -> CommonOps_ZDRM.mult(s.a, s.b, s.c));
    }

    @Benchmark
    public void pairedZsolve(Complex s, PairedTimes times) {
        times.run(() -> SolveAcceleration_ZDRM.solve(s.a, s.b, s.c), () -> CommonOps_ZDRM.solve(s.a, s.b, s.c));
    }
}
