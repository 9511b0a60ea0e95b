package org.fusemath.bench.ejml;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fusemath.bench.blas.PairedTimes;
import org.fusemath.ejml.EjmlExecution;
import org.fusemath.ejml.LinearSolverFactory_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The EJML drop-in's factory solvers on LAPACK against EJML's own, paired in one invocation (see
 * {@link PairedTimes}: {@code fusemathMs ÷ baselineMs} is the time ratio), F64, one right-hand side, setA + solve:
 * <ul>
 *   <li>{@link #pairedLu}: {@code org.fusemath.ejml.LinearSolverFactory_DDRM.lu(n)} against EJML's
 *       {@code LinearSolverFactory_DDRM.lu(n)};</li>
 *   <li>{@link #pairedChol}: {@code chol(n)} against EJML's {@code chol(n)}. EJML's Cholesky factors A in place, so
 *       its side first copies A into its work matrix (what {@code LinearSolverSafe} does; n² element copies), and
 *       fusemath's, which copies A itself, gets A as is.</li>
 * </ul>
 * The decomposition threshold is set to 0 for the run, so fusemath's side is the LAPACK path at every n: the sizes
 * where it loses are the ones the measured default threshold sends to EJML. The fork gets a 16 MB thread stack
 * (OpenBLAS's threaded getrf).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xss16m")
public class EjmlLinearSolverBenchmark {
    @Param({"8", "16", "32", "64", "128", "256", "1000"})
    public int n;

    private DMatrixRMaj general;
    private DMatrixRMaj spd;
    private DMatrixRMaj spdWork;
    private DMatrixRMaj b;
    private DMatrixRMaj xFusemath;
    private DMatrixRMaj xEjml;
    private LinearSolverDense<DMatrixRMaj> luFusemath;
    private LinearSolverDense<DMatrixRMaj> luEjml;
    private LinearSolverDense<DMatrixRMaj> cholFusemath;
    private LinearSolverDense<DMatrixRMaj> cholEjml;

    @Setup
    public void setUp() {
        EjmlExecution.setThreshold(EjmlExecution.Family.DECOMPOSITION, 0);
        Random rand = new Random(42);
        general = RandomMatrices_DDRM.rectangle(n, n, -1, 1, rand);
        spd = RandomMatrices_DDRM.symmetricPosDef(n, rand);
        spdWork = spd.copy();
        b = RandomMatrices_DDRM.rectangle(n, 1, -1, 1, rand);
        xFusemath = new DMatrixRMaj(n, 1);
        xEjml = new DMatrixRMaj(n, 1);
        luFusemath = LinearSolverFactory_DDRM.lu(n);
        luEjml = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.lu(n);
        cholFusemath = LinearSolverFactory_DDRM.chol(n);
        cholEjml = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(n);
    }

    @TearDown
    public void tearDown() {
        EjmlExecution.reset();
    }

    @Benchmark
    public void pairedLu(PairedTimes times) {
        times.run(() -> {
            luFusemath.setA(general);
            luFusemath.solve(b, xFusemath);
        }, () -> {
            luEjml.setA(general);
            luEjml.solve(b, xEjml);
        });
    }

    @Benchmark
    public void pairedChol(PairedTimes times) {
        times.run(() -> {
            cholFusemath.setA(spd);
            cholFusemath.solve(b, xFusemath);
        }, () -> {
            spdWork.setTo(spd);
            cholEjml.setA(spdWork);
            cholEjml.solve(b, xEjml);
        });
    }
}
