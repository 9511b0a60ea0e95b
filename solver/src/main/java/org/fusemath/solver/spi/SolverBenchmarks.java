package org.fusemath.solver.spi;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.LinearSolverSafe;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fusemath.api.DType;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.BatchedSolve;
import org.fusemath.solver.Linalg;

/**
 * The solver's {@code fusemath bench} cases: {@code Linalg.solve} on heap arrays (a copy of A, LU, one
 * right-hand side) beside the same copy, {@code LAPACKE_dgetrf} and {@code dgetrs} on off-heap memory (the
 * baseline of the ≥ 0.95× target), and beside EJML's {@code CommonOps_DDRM.solve} (the ≥ 5× target); and
 * {@link BatchedSolve} on 10⁴ systems of 8×8 (LU and Cholesky) beside a loop over one reused EJML solver (the
 * "never slower" target).
 */
public final class SolverBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "solver";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(new Solve(256, false, true), new Solve(256, true, true), new Solve(1000, false, false),
                new Solve(1000, true, false), new TinyBatch(false, true), new TinyBatch(true, false));
    }

    private static double[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }

    /** x = solve(A, b) for a row-major n×n F64 A and one right-hand side. */
    private record Solve(int n, boolean ejml, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return "lu solve F64";
        }

        @Override
        public String size() {
            return "n=" + n;
        }

        @Override
        public String baseline() {
            // The baseline is part of the row's identity: each size is timed against both.
            return ejml ? "EJML" : "raw LAPACK off-heap";
        }

        @Override
        public double speedupTarget() {
            // >= 0.95x raw LAPACKE dgetrf+dgetrs on off-heap memory; >= 5x EJML's CommonOps_DDRM.solve at n = 1000.
            return ejml ? (n >= 1000 ? 5 : Double.NaN) : 0.95;
        }

        @Override
        public double workPerCall() {
            return 1e-9 * (2.0 / 3 * n * n * n + 2.0 * n * n);
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] a = random(n * n, 1);
            double[] b = random(n, 2);
            HostMatrix ha = HostMatrix.of(a, n, n);
            HostMatrix hb = HostMatrix.of(b, n, 1);
            Runnable fusemath = () -> Linalg.solve(ha, hb);
            if (ejml) {
                DMatrixRMaj ea = DMatrixRMaj.wrap(n, n, a.clone());
                DMatrixRMaj eb = DMatrixRMaj.wrap(n, 1, b.clone());
                DMatrixRMaj ex = new DMatrixRMaj(n, 1);
                return Trial.of(fusemath, () -> CommonOps_DDRM.solve(ea, eb, ex), () -> { });
            }
            // The same steps off-heap: refresh the factor buffer from A, factor Aᵀ (the row-major A read
            // column-major), solve with the transposed flag. The threaded LU needs megabytes of native stack, so
            // the raw calls too run on a thread with a deep one, handed off like fusemath's.
            DoublePointer source = new DoublePointer(a);
            DoublePointer lu = new DoublePointer((long) n * n);
            DoublePointer rhs = new DoublePointer((long) n);
            IntPointer ipiv = new IntPointer((long) n);
            int col = openblas.LAPACK_COL_MAJOR;
            ExecutorService deep = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(null, r, "bench-raw-lapack", 16L << 20);
                t.setDaemon(true);
                return t;
            });
            Runnable raw = () -> {
                Pointer.memcpy(lu, source, 8L * n * n);
                rhs.put(b, 0, n);
                openblas.LAPACKE_dgetrf_work(col, n, n, lu, n, ipiv);
                openblas.LAPACKE_dgetrs_work(col, (byte) 'T', n, 1, lu, n, ipiv, rhs, n);
            };
            return Trial.of(fusemath, () -> {
                try {
                    deep.submit(raw).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException("raw LAPACK baseline failed", e);
                }
            }, () -> {
                    deep.shutdown();
                    source.close();
                    lu.close();
                    rhs.close();
                    ipiv.close();
                });
        }
    }

    /**
     * X_b = A_b⁻¹·b_b for 10⁴ row-major 8×8 F64 members and one right-hand side each, in one flat array, by LU or
     * (symmetric positive definite members) Cholesky, against the loop an EJML user writes: one solver of the
     * order made once ({@code LinearSolverFactory_DDRM.lu(8)} or {@code chol(8)}, wrapped in {@code LinearSolverSafe}
     * so that A is not overwritten, as fusemath leaves it), setA and solve per member into preallocated matrices.
     */
    private record TinyBatch(boolean cholesky, boolean quick) implements BenchmarkCase {
        private static final int N = 8;
        private static final int BATCH = 10_000;

        @Override
        public String name() {
            return cholesky ? "batched cholesky solve F64" : "batched lu solve F64";
        }

        @Override
        public String size() {
            return BATCH + " x " + N + "x" + N;
        }

        @Override
        public String baseline() {
            return "EJML loop";
        }

        @Override
        public double speedupTarget() {
            return 1; // never slower than the EJML loop
        }

        @Override
        public double workPerCall() {
            return 1e-9 * BATCH * ((cholesky ? 1.0 / 3 : 2.0 / 3) * N * N * N + 2.0 * N * N);
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] a = random(BATCH * N * N, 3);
            double[] b = random(BATCH * N, 4);
            if (cholesky) {
                for (int m = 0; m < BATCH; m++) { // A_b = (M + Mᵀ)/2 + N·I: symmetric, diagonally dominant
                    int at = m * N * N;
                    for (int i = 0; i < N; i++) {
                        for (int j = 0; j < i; j++) {
                            double v = (a[at + i * N + j] + a[at + j * N + i]) / 2;
                            a[at + i * N + j] = v;
                            a[at + j * N + i] = v;
                        }
                        a[at + i * N + i] += N;
                    }
                }
            }
            HostMatrix ha = HostMatrix.of(DType.F64, a, MatrixShape.rowMajor(N, N).batched(BATCH));
            HostMatrix hb = HostMatrix.of(DType.F64, b, MatrixShape.rowMajor(N, 1).batched(BATCH));
            Runnable fusemath = cholesky ? () -> BatchedSolve.cholesky(Uplo.LOWER, ha, hb)
                    : () -> BatchedSolve.lu(ha, hb);
            DMatrixRMaj[] ea = new DMatrixRMaj[BATCH];
            DMatrixRMaj[] eb = new DMatrixRMaj[BATCH];
            DMatrixRMaj[] ex = new DMatrixRMaj[BATCH];
            for (int m = 0; m < BATCH; m++) {
                ea[m] = new DMatrixRMaj(N, N);
                System.arraycopy(a, m * N * N, ea[m].data, 0, N * N);
                eb[m] = new DMatrixRMaj(N, 1);
                System.arraycopy(b, m * N, eb[m].data, 0, N);
                ex[m] = new DMatrixRMaj(N, 1);
            }
            LinearSolverDense<DMatrixRMaj> solver = new LinearSolverSafe<>(
                    cholesky ? LinearSolverFactory_DDRM.chol(N) : LinearSolverFactory_DDRM.lu(N));
            Runnable ejmlLoop = () -> {
                for (int m = 0; m < BATCH; m++) {
                    if (!solver.setA(ea[m])) {
                        throw new IllegalStateException("EJML rejected member " + m);
                    }
                    solver.solve(eb[m], ex[m]);
                }
            };
            return Trial.of(fusemath, ejmlLoop, () -> { });
        }
    }
}
