package org.fusemath.bench.ejml;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.fusemath.bench.blas.GemmBenchmark;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.ejml.EjmlExecution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Square C = A·B through the EJML drop-in, in one JVM: {@code org.fusemath.ejml.CommonOps_DDRM.mult} (and _FDRM)
 * beside EJML's own {@code org.ejml.dense.row.CommonOps_DDRM.mult}, beside raw {@code cblas_?gemm} on off-heap
 * memory ({@link GemmBenchmark#rawOffHeap}, the baseline of the ratio targets), and the concurrent pair
 * {@code CommonOps_MT_DDRM.mult} beside EJML's. The {@code paired…} benchmarks run both sides back to back in the
 * same invocations ({@link PairedTimes}): the speed-up is {@code baselineMs ÷ fusemathMs}. {@code threshold}
 * sets the mult family's threshold (multiply-adds): {@code default} keeps the measured constants, {@code 0}
 * forces fusemath's path at every size (how the thresholds were measured).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class EjmlMultBenchmark {
    @Param({"2", "4", "8", "16", "32", "64", "128", "256", "1024"})
    public int n;

    @Param({"F64", "F32"})
    public String type;

    @Param({"default"})
    public String threshold;

    private boolean f64;
    private DMatrixRMaj da;
    private DMatrixRMaj db;
    private DMatrixRMaj dc;
    private DMatrixRMaj dc2;
    private FMatrixRMaj fa;
    private FMatrixRMaj fb;
    private FMatrixRMaj fc;
    private FMatrixRMaj fc2;
    private GemmBenchmark raw;

    @Setup(Level.Trial)
    public void setUp() {
        if (!threshold.equals("default")) {
            EjmlExecution.setThreshold(EjmlExecution.Family.MULT, Long.parseLong(threshold));
        }
        f64 = type.equals("F64");
        SplittableRandom r = new SplittableRandom(n);
        da = new DMatrixRMaj(n, n);
        db = new DMatrixRMaj(n, n);
        fa = new FMatrixRMaj(n, n);
        fb = new FMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            da.data[i] = r.nextDouble() - 0.5;
            db.data[i] = r.nextDouble() - 0.5;
            fa.data[i] = (float) da.data[i];
            fb.data[i] = (float) db.data[i];
        }
        dc = new DMatrixRMaj(n, n);
        dc2 = new DMatrixRMaj(n, n);
        fc = new FMatrixRMaj(n, n);
        fc2 = new FMatrixRMaj(n, n);
        // The raw off-heap baseline is GemmBenchmark's own, on its own copy of same-sized random operands.
        raw = new GemmBenchmark();
        raw.n = n;
        raw.type = type;
        raw.setUp();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        raw.tearDown();
        EjmlExecution.reset();
    }

    /** The drop-in facade (fusemath above the threshold, EJML below). */
    @Benchmark
    public Object facade() {
        if (f64) {
            return org.fusemath.ejml.CommonOps_DDRM.mult(da, db, dc);
        }
        return org.fusemath.ejml.CommonOps_FDRM.mult(fa, fb, fc);
    }

    /** EJML's own single-threaded mult. */
    @Benchmark
    public Object ejml() {
        if (f64) {
            return org.ejml.dense.row.CommonOps_DDRM.mult(da, db, dc2);
        }
        return org.ejml.dense.row.CommonOps_FDRM.mult(fa, fb, fc2);
    }

    /** Raw cblas_?gemm on off-heap pointers (GemmBenchmark's baseline). */
    @Benchmark
    public Object rawOffHeap() {
        return raw.rawOffHeap();
    }

    /** The drop-in concurrent facade. */
    @Benchmark
    public Object mtFacade() {
        if (f64) {
            return org.fusemath.ejml.CommonOps_MT_DDRM.mult(da, db, dc);
        }
        return org.fusemath.ejml.CommonOps_MT_FDRM.mult(fa, fb, fc);
    }

    /** EJML's concurrent mult. */
    @Benchmark
    public Object mtEjml() {
        if (f64) {
            return org.ejml.dense.row.CommonOps_MT_DDRM.mult(da, db, dc2);
        }
        return org.ejml.dense.row.CommonOps_MT_FDRM.mult(fa, fb, fc2);
    }

    /** Facade and EJML back to back: speed-up = baselineMs ÷ fusemathMs. */
    @Benchmark
    public void pairedFacadeAndEjml(PairedTimes times) {
        times.run(this::facade, this::ejml);
    }

    /** Facade and raw off-heap OpenBLAS back to back: ratio = baselineMs ÷ fusemathMs (target ≥ 0.95 at n ≥ 1024). */
    @Benchmark
    public void pairedFacadeAndRaw(PairedTimes times) {
        times.run(this::facade, this::rawOffHeap);
    }

    /** The concurrent facade and EJML's concurrent mult back to back. */
    @Benchmark
    public void pairedMtFacadeAndEjml(PairedTimes times) {
        times.run(this::mtFacade, this::mtEjml);
    }
}
