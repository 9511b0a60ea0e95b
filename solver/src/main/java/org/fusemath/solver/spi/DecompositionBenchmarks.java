package org.fusemath.solver.spi;

import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.QrFactorization;

/**
 * The decompositions' {@code fusemath bench} rows, n = 1000 F64 on heap arrays, each beside the same work on
 * off-heap memory through raw LAPACKE (copy A into the factor buffer, then the routine: the ≥ 0.95× target) and
 * beside EJML's decomposition of a copy (the ≥ 5× target):
 * <ul>
 *   <li>{@code cholesky F64}: {@code Linalg.cholesky} (copy, potrf, zero the upper triangle) of a row-major SPD A
 *       against {@code LAPACKE_dpotrf_work} and EJML's {@code CholeskyDecomposition};</li>
 *   <li>{@code qr F64}: {@code QrFactorization.factor} (copy, geqrf with its workspace query) of a column-major A
 *       against {@code LAPACKE_dgeqrf_work} with a workspace queried once, and EJML's {@code QRDecomposition}.</li>
 * </ul>
 */
public final class DecompositionBenchmarks implements BenchmarkSuite {
    @Override
    public String domain() {
        return "solver";
    }

    @Override
    public List<BenchmarkCase> cases() {
        return List.of(new Row("cholesky F64", 1000, false), new Row("cholesky F64", 1000, true),
                new Row("qr F64", 1000, false), new Row("qr F64", 1000, true));
    }

    /**
     * A symmetric random matrix (entries in [−0.5, 0.5)) with n on the diagonal (row-major, n×n): positive definite by
     * Gershgorin (each diagonal entry exceeds its row's off-diagonal sum), built in O(n²).
     */
    static double[] spd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = n;
            for (int j = 0; j < i; j++) {
                a[i * n + j] = r.nextDouble() - 0.5;
                a[j * n + i] = a[i * n + j];
            }
        }
        return a;
    }

    private record Row(String name, int n, boolean ejml) implements BenchmarkCase {
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
            return ejml ? 5 : 0.95;
        }

        @Override
        public boolean quick() {
            return false;
        }

        private boolean cholesky() {
            return name.startsWith("cholesky");
        }

        @Override
        public double workPerCall() {
            // LAPACK's operation counts: potrf n³/3 flops, geqrf 4n³/3 for a square A.
            return 1e-9 * (cholesky() ? n * (double) n * n / 3 : 4.0 / 3 * n * (double) n * n);
        }

        @Override
        public String rateUnit() {
            return "GFLOP/s";
        }

        @Override
        public Trial open() {
            double[] a = cholesky() ? spd(n, 5) : random(n * n, 6);
            FuseContext context = FuseContext.defaults();
            Runnable fusemath = cholesky() ? () -> Linalg.cholesky(context, HostMatrix.of(a, n, n))
                    : () -> QrFactorization.factor(context, HostMatrix.of(org.fusemath.api.DType.F64, a,
                            MatrixShape.columnMajor(n, n)));
            if (ejml) {
                DMatrixRMaj source = DMatrixRMaj.wrap(n, n, a);
                DMatrixRMaj work = new DMatrixRMaj(n, n);
                CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
                QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
                return Trial.of(fusemath, () -> {
                    work.setTo(source);
                    if (!(cholesky() ? chol.decompose(work) : qr.decompose(work))) {
                        throw new IllegalStateException("EJML's decomposition failed");
                    }
                }, () -> { });
            }
            int col = openblas.LAPACK_COL_MAJOR;
            DoublePointer source = new DoublePointer(a);
            DoublePointer f = new DoublePointer((long) n * n);
            DoublePointer tau = new DoublePointer(n);
            DoublePointer query = new DoublePointer(1);
            openblas.LAPACKE_dgeqrf_work(col, n, n, f, n, tau, query, -1);
            int lwork = Math.max(n, (int) query.get(0));
            DoublePointer work = new DoublePointer(lwork);
            Runnable raw = () -> {
                Pointer.memcpy(f, source, 8L * n * n);
                int info = cholesky() ? openblas.LAPACKE_dpotrf_work(col, (byte) 'U', n, f, n)
                        : openblas.LAPACKE_dgeqrf_work(col, n, n, f, n, tau, work, lwork);
                if (info != 0) {
                    throw new IllegalStateException("raw LAPACK returned info " + info);
                }
            };
            return Trial.of(fusemath, raw, () -> {
                source.close();
                f.close();
                tau.close();
                query.close();
                work.close();
            });
        }
    }

    private static double[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = r.nextDouble() - 0.5;
        }
        return v;
    }
}
