package org.fusemath.bench.blas;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;
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
 * Thin SVD (U, Σ, Vᴴ) of a row-major n×n F64 matrix: fusemath's {@link SvdPlan} (gesdd through the host LAPACK
 * table on a copy of the heap array, workspace reused, fresh results) beside raw {@code LAPACKE_dgesdd_work} on
 * off-heap JavaCPP pointers with a preallocated workspace after a memcpy of A (the same work: LAPACK overwrites its
 * input). {@link #pairedSvd} runs both in each invocation (see {@link PairedTimes}), {@link #pairedSvdFunction} the
 * same with the one-shot {@code Linalg.svd} in place of the plan; {@link #ejmlSvd} times EJML's
 * SVD on a copy of A alone, and {@link #pairedSvdEjml} runs it beside fusemath's in each invocation (baselineMs is
 * EJML's). Forks run with {@code -Xss16m}, like
 * {@link LapackBenchmark}: the raw calls run on the benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class SvdBenchmark {
    private static final int COL_MAJOR = 102;

    @Param({"500"})
    public int n;

    private HostMatrix a;
    private SvdPlan plan;
    private DMatrixRMaj ejmlInput;
    private SingularValueDecomposition_F64<DMatrixRMaj> ejml;
    private DoublePointer source;
    private DoublePointer work;
    private DoublePointer s;
    private DoublePointer u;
    private DoublePointer vt;
    private DoublePointer lapackWork;
    private IntPointer iwork;
    private int lwork;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(n);
        double[] data = new double[n * n];
        for (int i = 0; i < data.length; i++) {
            data[i] = r.nextDouble() - 0.5;
        }
        a = HostMatrix.of(data, n, n);
        plan = SvdPlan.create(FuseContext.defaults(), a, SvdMode.THIN);
        ejmlInput = DMatrixRMaj.wrap(n, n, data.clone());
        ejml = DecompositionFactory_DDRM.svd(n, n, true, true, true);
        source = new DoublePointer(data);
        work = new DoublePointer((long) n * n);
        s = new DoublePointer(n);
        u = new DoublePointer((long) n * n);
        vt = new DoublePointer((long) n * n);
        iwork = new IntPointer(8L * n);
        DoublePointer query = new DoublePointer(1);
        openblas.LAPACKE_dgesdd_work(COL_MAJOR, (byte) 'S', n, n, work, n, s, u, n, vt, n, query, -1, iwork);
        lwork = (int) query.get(0);
        query.close();
        lapackWork = new DoublePointer(lwork);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        for (Pointer p : new Pointer[] {source, work, s, u, vt, lapackWork, iwork}) {
            p.close();
        }
    }

    private void fusemath() {
        plan.execute(a);
    }

    private void raw() {
        Pointer.memcpy(work, source, 8L * n * n);
        int info = openblas.LAPACKE_dgesdd_work(COL_MAJOR, (byte) 'S', n, n, work, n, s, u, n, vt, n, lapackWork, lwork,
                iwork);
        if (info != 0) {
            throw new IllegalStateException("dgesdd returned info " + info);
        }
    }

    /** Both, back to back on the same matrix: fusemathMs ÷ baselineMs is the ratio. */
    @Benchmark
    public void pairedSvd(PairedTimes times) {
        times.run(this::fusemath, this::raw);
    }

    /**
     * The one-shot function form {@code Linalg.svd(context, a, THIN)} (no plan kept by the caller) beside the same
     * raw call: fusemathMs ÷ baselineMs is the ratio.
     */
    @Benchmark
    public void pairedSvdFunction(PairedTimes times) {
        times.run(() -> Linalg.svd(FuseContext.defaults(), a, SvdMode.THIN), this::raw);
    }

    /** EJML's SVD with U and Vᵀ, on a copy of A (EJML overwrites its input). */
    @Benchmark
    public Object ejmlSvd() {
        if (!ejml.decompose(ejmlInput.copy())) {
            throw new IllegalStateException("EJML's SVD failed");
        }
        ejml.getU(null, false);
        return ejml.getV(null, true);
    }

    /** fusemath's SVD beside EJML's (U and Vᵀ, on a copy of A): baselineMs ÷ fusemathMs is the speed-up. */
    @Benchmark
    public void pairedSvdEjml(PairedTimes times) {
        times.run(this::fusemath, this::ejmlSvd);
    }
}
