package org.fusemath.solver.spi;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;

/**
 * The SVD's {@code fusemath bench} rows: {@code svd F64} at n = 500, the thin SVD (U, Σ, Vᴴ) of a row-major n×n
 * matrix through an {@link SvdPlan} (workspace reused across calls, a copy of A and fresh results per call), beside
 * the same copy and {@code LAPACKE_dgesdd_work} on off-heap memory with a preallocated workspace (the ≥ 0.95× target)
 * and beside EJML's {@code SingularValueDecomposition_F64} on a copy of A (the ≥ 5× target).
 */
public final class SpectralBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "solver";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(new SvdCase(128, false, true), new SvdCase(128, true, true), new SvdCase(500, false, false),
                new SvdCase(500, true, false));
    }

    private record SvdCase(int n, boolean ejml, boolean quick) implements BenchmarkCase {
        @Override
        public String name() {
            return "svd F64";
        }

        @Override
        public String size() {
            return "n=" + n;
        }

        @Override
        public String baseline() {
            return ejml ? "EJML" : "raw LAPACK off-heap";
        }

        @Override
        public double speedupTarget() {
            return ejml ? (n >= 500 ? 5 : Double.NaN) : 0.95;
        }

        @Override
        public double workPerCall() {
            // The usual operation count of a thin SVD with vectors of a square matrix: about 22·n³ (Golub & Van Loan).
            return 1e-9 * 22.0 * n * n * n;
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] a = new double[n * n];
            java.util.SplittableRandom r = new java.util.SplittableRandom(5);
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble() - 0.5;
            }
            HostMatrix ha = HostMatrix.of(a, n, n);
            SvdPlan plan = SvdPlan.create(FuseContext.defaults(), ha, SvdMode.THIN);
            Runnable fusemath = () -> plan.execute(ha);
            if (ejml) {
                SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, true);
                DMatrixRMaj source = DMatrixRMaj.wrap(n, n, a.clone());
                return Trial.of(fusemath, () -> {
                    if (!svd.decompose(source.copy())) {
                        throw new IllegalStateException("EJML's SVD failed");
                    }
                    svd.getU(null, false);
                    svd.getV(null, true);
                }, () -> { });
            }
            // The same steps off-heap: refresh the input buffer, dgesdd 'S' on Aᵀ (the row-major A read column-major)
            // with a workspace queried once; on a deep-stack thread, as fusemath hands threaded LAPACK calls off.
            int col = openblas.LAPACK_COL_MAJOR;
            DoublePointer source = new DoublePointer(a);
            DoublePointer work = new DoublePointer((long) n * n);
            DoublePointer s = new DoublePointer(n);
            DoublePointer u = new DoublePointer((long) n * n);
            DoublePointer vt = new DoublePointer((long) n * n);
            IntPointer iwork = new IntPointer(8L * n);
            DoublePointer query = new DoublePointer(1);
            openblas.LAPACKE_dgesdd_work(col, (byte) 'S', n, n, work, n, s, u, n, vt, n, query, -1, iwork);
            int lwork = (int) query.get(0);
            DoublePointer lapackWork = new DoublePointer(Math.max(1, lwork));
            ExecutorService deep = Executors.newSingleThreadExecutor(t -> {
                Thread th = new Thread(null, t, "bench-raw-lapack", 16L << 20);
                th.setDaemon(true);
                return th;
            });
            Runnable raw = () -> {
                Pointer.memcpy(work, source, 8L * n * n);
                int info = openblas.LAPACKE_dgesdd_work(col, (byte) 'S', n, n, work, n, s, u, n, vt, n, lapackWork,
                        lwork, iwork);
                if (info != 0) {
                    throw new IllegalStateException("dgesdd info " + info);
                }
            };
            return Trial.of(fusemath, () -> {
                try {
                    deep.submit(raw).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException("raw LAPACK baseline failed", e);
                }
            }, () -> {
                    deep.shutdown();
                    for (Pointer p : new Pointer[] {source, work, s, u, vt, iwork, query, lapackWork}) {
                        p.close();
                    }
                });
        }
    }
}
