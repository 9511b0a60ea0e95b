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
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.solver.Linalg;

/**
 * The solver's {@code fusemath bench} cases: {@code Linalg.solve} on heap arrays (a copy of A, LU, one
 * right-hand side) beside the same copy, {@code LAPACKE_dgetrf} and {@code dgetrs} on off-heap memory (the
 * baseline of the ≥ 0.95× target), and beside EJML's {@code CommonOps_DDRM.solve} (the ≥ 5× target).
 */
public final class SolverBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "solver";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(new Solve(256, false, true), new Solve(256, true, true), new Solve(1000, false, false),
                new Solve(1000, true, false));
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
}
