package org.fusemath.solver.spi;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.BatchedSvd;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.EigenPlan;
import org.fusemath.solver.HermitianEigenPlan;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;

/**
 * The solver's device-space cases of {@code fusemath validate} (run with {@code --space device} where a GPU is
 * present, skipped elsewhere), each measured in units of the type's unit roundoff with bound 16 (backward-stable
 * algorithms): svd by reconstruction and orthogonality (SpectralMetrics) at 7×5 and 31×17 (Jacobi gesvdj) and
 * 300×20 (Xgesvd), through an SvdPlan reused for two matrices; a stack of 16 members of 8×6 (gesvdjBatched), the
 * worst member; eigh and eig through their plans, two matrices each, by residual; cholesky by
 * ‖A − Uᴴ·U‖_F/(‖A‖_F·n·u) (A Hermitian + 2n·I); lstsq (SVD route) by the normal equations
 * ‖Aᴴ(A·X − B)‖_F/(‖A‖_F·(‖A‖_F·‖X‖_F + ‖B‖_F)·m·u). Every type; the quick subset is the F64 cases.
 */
public final class DeviceSolverValidationSuite extends SolverCases.Suite {
    private static final double BOUND = SolverCases.BACKWARD_STABLE;

    /** The suite as the command line loads it. */
    public DeviceSolverValidationSuite() {
        super(Space.DEVICE);
    }

    @Override
    void table(SolverCases table) {
        for (DType t : DType.values()) {
            boolean quick = t == DType.F64;
            row(table, "svd", t, 7, 5, 1, quick);
            row(table, "svd", t, 31, 17, 1, false);
            row(table, "svd", t, 300, 20, 1, false);
            row(table, "svd", t, 8, 6, 16, quick);
            row(table, "eigh", t, 31, 31, 1, quick);
            row(table, "eig", t, 31, 31, 1, false);
            row(table, "cholesky", t, 31, 31, 1, quick);
            row(table, "lstsq", t, 40, 9, 1, quick);
        }
    }

    private static void row(SolverCases table, String op, DType t, int m, int n, int batch, boolean quick) {
        table.add(op, t, (batch > 1 ? batch + "x" : "") + SolverCases.shape(m, n), quick, new Case(op, t, m, n, batch)::run);
    }

    /** One case; {@code batch} > 1: a stack through BatchedSvd. */
    private record Case(String op, DType dtype, int m, int n, int batch) {
        ValidationResult run(FuseContext context) {
            long seed = 31L * m + n + dtype.ordinal() + op.hashCode();
            return switch (op) {
                case "svd" -> batch > 1 ? stack(context, seed) : svd(context, seed);
                case "eigh" -> {
                    double worst = 0;
                    try (HermitianEigenPlan plan = HermitianEigenPlan.create(context, dtype, n, Layout.ROW_MAJOR, Uplo.LOWER,
                            true)) {
                        for (int i = 0; i < 2; i++) {
                            HostMatrix a = SpectralSamples.hermitian(dtype, n, Layout.ROW_MAJOR, seed + i);
                            worst = Math.max(worst, SpectralMetrics.residual(a, Uplo.LOWER, plan.execute(a)));
                        }
                    }
                    yield new ValidationResult(worst, BOUND, "|Av-wv|/(|A|*n*u), two matrices through one plan");
                }
                case "eig" -> {
                    double worst = 0;
                    try (EigenPlan plan = EigenPlan.create(context, dtype, n, true)) {
                        for (int i = 0; i < 2; i++) {
                            HostMatrix a = SpectralSamples.random(dtype, n, n, Layout.COLUMN_MAJOR, seed + i);
                            worst = Math.max(worst, SpectralMetrics.residual(a, plan.execute(a)));
                        }
                    }
                    yield new ValidationResult(worst, BOUND, "|Av-wv|/(|A|*|v|*n*u), two matrices through one plan");
                }
                case "cholesky" -> {
                    HostMatrix spd = SpectralSamples.positiveDefinite(dtype, n, Layout.ROW_MAJOR, seed);
                    HostMatrix u = CholeskyFactorization.factor(context, spd, Uplo.UPPER).triangularFactor();
                    yield new ValidationResult(SpectralMetrics.cholesky(spd, u), BOUND, SolverCases.CHOLESKY_METRIC);
                }
                default -> {
                    HostMatrix a = SpectralSamples.random(dtype, m, n, Layout.ROW_MAJOR, seed);
                    HostMatrix b = SpectralSamples.random(dtype, m, 2, Layout.ROW_MAJOR, seed + 1);
                    HostMatrix x = Linalg.lstsq(context, a, b, -1).x();
                    yield new ValidationResult(SpectralMetrics.normalEquations(a, x, b), BOUND,
                            SolverCases.NORMAL_EQUATIONS_METRIC);
                }
            };
        }

        private ValidationResult svd(FuseContext context, long seed) {
            double worst = 0;
            try (SvdPlan plan = SvdPlan.create(context, dtype, m, n, Layout.ROW_MAJOR, SvdMode.THIN)) {
                for (int i = 0; i < 2; i++) {
                    HostMatrix a = SpectralSamples.random(dtype, m, n, Layout.ROW_MAJOR, seed + i);
                    worst = Math.max(worst, SpectralMetrics.svd(a, plan.execute(a)));
                }
            }
            return new ValidationResult(worst, BOUND, SolverCases.SVD_METRIC + ", one plan");
        }

        private ValidationResult stack(FuseContext context, long seed) {
            Object data = SpectralSamples.random(dtype, batch * m, n, Layout.COLUMN_MAJOR, seed).array();
            HostMatrix a = HostMatrix.of(dtype, data, MatrixShape.rowMajor(m, n).batched(batch));
            List<Svd> out = BatchedSvd.compute(context, a, SvdMode.THIN);
            double worst = 0;
            for (int b = 0; b < batch; b++) {
                HostMatrix member = HostMatrix.of(dtype, data, MatrixShape.rowMajor(m, n).withOffset((long) b * m * n));
                worst = Math.max(worst, SpectralMetrics.svd(member, out.get(b)));
            }
            return new ValidationResult(worst, BOUND, "the worst member's svd error");
        }
    }
}
