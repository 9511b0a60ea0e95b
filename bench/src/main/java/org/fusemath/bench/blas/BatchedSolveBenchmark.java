package org.fusemath.bench.blas;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.LinearSolverSafe;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.BatchedSolve;
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

/**
 * Batched tiny solves: {@code count} row-major F64 systems of order {@code n} with one right-hand side each, in one
 * flat array, by LU ({@code method=lu}) or Cholesky (symmetric diagonally dominant members, {@code method=cholesky}):
 * {@link BatchedSolve} with {@code threads} host threads beside the loop an EJML user writes (one solver of the order,
 * made once and wrapped in {@code LinearSolverSafe} so that A is kept as fusemath keeps it; setA and solve per member
 * into preallocated matrices). {@link #pairedBatchedAndEjmlLoop} runs both per invocation (see {@link PairedTimes}).
 * Target: never slower than the EJML loop (speed-up baselineMs ÷ fusemathMs ≥ 1).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class BatchedSolveBenchmark {
    @Param({"8"})
    public int n;

    @Param({"10000"})
    public int count;

    @Param({"lu", "cholesky"})
    public String method;

    @Param({"1", "2"})
    public int threads;

    private FuseContext context;
    private HostMatrix a;
    private HostMatrix b;
    private DMatrixRMaj[] ea;
    private DMatrixRMaj[] eb;
    private DMatrixRMaj[] ex;
    private LinearSolverDense<DMatrixRMaj> solver;
    private boolean cholesky;

    @Setup(Level.Trial)
    public void setUp() {
        cholesky = method.equals("cholesky");
        SplittableRandom r = new SplittableRandom(n);
        double[] as = new double[count * n * n];
        double[] bs = new double[count * n];
        for (int i = 0; i < as.length; i++) {
            as[i] = r.nextDouble() - 0.5;
        }
        for (int i = 0; i < bs.length; i++) {
            bs[i] = r.nextDouble() - 0.5;
        }
        if (cholesky) {
            for (int m = 0; m < count; m++) { // (M + Mᵀ)/2 + n·I: symmetric, diagonally dominant
                int at = m * n * n;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) {
                        double v = (as[at + i * n + j] + as[at + j * n + i]) / 2;
                        as[at + i * n + j] = v;
                        as[at + j * n + i] = v;
                    }
                    as[at + i * n + i] += n;
                }
            }
        }
        context = FuseContext.builder().execution(Execution.HOST).threads(threads).build();
        a = HostMatrix.of(DType.F64, as, MatrixShape.rowMajor(n, n).batched(count));
        b = HostMatrix.of(DType.F64, bs, MatrixShape.rowMajor(n, 1).batched(count));
        ea = new DMatrixRMaj[count];
        eb = new DMatrixRMaj[count];
        ex = new DMatrixRMaj[count];
        for (int m = 0; m < count; m++) {
            ea[m] = new DMatrixRMaj(n, n);
            System.arraycopy(as, m * n * n, ea[m].data, 0, n * n);
            eb[m] = new DMatrixRMaj(n, 1);
            System.arraycopy(bs, m * n, eb[m].data, 0, n);
            ex[m] = new DMatrixRMaj(n, 1);
        }
        solver = new LinearSolverSafe<>(cholesky ? LinearSolverFactory_DDRM.chol(n) : LinearSolverFactory_DDRM.lu(n));
    }

    private void fusemath() {
        if (cholesky) {
            BatchedSolve.cholesky(context, Uplo.LOWER, a, b);
        } else {
            BatchedSolve.lu(context, a, b);
        }
    }

    private void ejmlLoop() {
        for (int m = 0; m < count; m++) {
            if (!solver.setA(ea[m])) {
                throw new IllegalStateException("EJML rejected member " + m);
            }
            solver.solve(eb[m], ex[m]);
        }
    }

    /** Both, back to back on the same stack: baselineMs ÷ fusemathMs is the speed-up over the EJML loop. */
    @Benchmark
    public void pairedBatchedAndEjmlLoop(PairedTimes times) {
        times.run(this::fusemath, this::ejmlLoop);
    }
}
