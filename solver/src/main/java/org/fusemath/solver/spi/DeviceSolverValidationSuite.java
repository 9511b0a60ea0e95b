package org.fusemath.solver.spi;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.BatchedSvd;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.EigenPlan;
import org.fusemath.solver.HermitianEigenPlan;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.SvdPlan;
import org.fusemath.solver.spi.SpectralMetrics.Complex;

/**
 * The solver's device-space cases of {@code fusemath validate} (run with {@code --space device} where a GPU is
 * present, skipped elsewhere), each measured in units of the type's unit roundoff with bound 16 (backward-stable
 * algorithms): svd by reconstruction and orthogonality (SpectralMetrics) at 7×5 and 31×17 (Jacobi gesvdj) and
 * 300×20 (Xgesvd), through an SvdPlan reused for two matrices; a stack of 16 members of 8×6 (gesvdjBatched), the
 * worst member; eigh and eig through their plans, two matrices each, by residual; cholesky by
 * ‖A − Uᴴ·U‖_F/(‖A‖_F·n·u) (A Hermitian + 2n·I); lstsq (SVD route) by the normal equations
 * ‖Aᴴ(A·X − B)‖_F/(‖A‖_F·(‖A‖_F·‖X‖_F + ‖B‖_F)·m·u). Every type; the quick subset is the F64 cases.
 */
public final class DeviceSolverValidationSuite implements ValidationSuite {
    private static final double BOUND = 16;

    @Override
    public String domain() {
        return "solver";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (DType t : DType.values()) {
            boolean quick = t == DType.F64;
            cases.add(new Case("svd", t, 7, 5, 1, quick));
            cases.add(new Case("svd", t, 31, 17, 1, false));
            cases.add(new Case("svd", t, 300, 20, 1, false));
            cases.add(new Case("svd", t, 8, 6, 16, quick));
            cases.add(new Case("eigh", t, 31, 31, 1, quick));
            cases.add(new Case("eig", t, 31, 31, 1, false));
            cases.add(new Case("cholesky", t, 31, 31, 1, quick));
            cases.add(new Case("lstsq", t, 40, 9, 1, quick));
        }
        return cases;
    }

    /** One case; {@code batch} > 1: a stack through BatchedSvd. */
    record Case(String op, DType dtype, int m, int n, int batch, boolean quick) implements ValidationCase {
        @Override
        public String shape() {
            return (batch > 1 ? batch + "x" : "") + m + "x" + n;
        }

        @Override
        public Space space() {
            return Space.DEVICE;
        }

        @Override
        public ValidationResult run(FuseContext context) {
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
                case "cholesky" -> cholesky(context, seed);
                default -> lstsq(context, seed);
            };
        }

        private ValidationResult svd(FuseContext context, long seed) {
            double worst = 0;
            try (SvdPlan plan = SvdPlan.create(context, dtype, m, n, Layout.ROW_MAJOR, SvdMode.THIN)) {
                for (int i = 0; i < 2; i++) {
                    HostMatrix a = SpectralSamples.random(dtype, m, n, Layout.ROW_MAJOR, seed + i);
                    worst = Math.max(worst, svdError(a, plan.execute(a)));
                }
            }
            return new ValidationResult(worst, BOUND, "max(|A-USVh|/(|A|*n*u), |UhU-I|/(n*u), |VhV-I|/(n*u)), one plan");
        }

        private ValidationResult stack(FuseContext context, long seed) {
            Object data = SpectralSamples.random(dtype, batch * m, n, Layout.COLUMN_MAJOR, seed).array();
            HostMatrix a = HostMatrix.of(dtype, data, MatrixShape.rowMajor(m, n).batched(batch));
            List<Svd> out = BatchedSvd.compute(context, a, SvdMode.THIN);
            double worst = 0;
            for (int b = 0; b < batch; b++) {
                HostMatrix member = HostMatrix.of(dtype, data, MatrixShape.rowMajor(m, n).withOffset((long) b * m * n));
                worst = Math.max(worst, svdError(member, out.get(b)));
            }
            return new ValidationResult(worst, BOUND, "the worst member's svd error");
        }

        private static double svdError(HostMatrix a, Svd svd) {
            return Math.max(SpectralMetrics.reconstruction(a, svd), Math.max(SpectralMetrics.orthogonality(svd.u(), false),
                    SpectralMetrics.orthogonality(svd.vh(), true)));
        }

        private ValidationResult cholesky(FuseContext context, long seed) {
            HostMatrix spd = SpectralSamples.hermitian(dtype, n, Layout.ROW_MAJOR, seed);
            // + 2n·I: positive definite (Gershgorin: the entries are at most 1 in modulus).
            int slots = dtype.slotsPerElement();
            for (int i = 0; i < n; i++) {
                int at = (i * n + i) * slots;
                if (spd.array() instanceof double[] d) {
                    d[at] += 2 * n;
                } else {
                    ((float[]) spd.array())[at] += 2 * n;
                }
            }
            Complex u = SpectralMetrics.read(CholeskyFactorization.factor(context, spd, Uplo.UPPER).triangularFactor());
            Complex product = SpectralMetrics.multiply(u, true, u);
            Complex target = SpectralMetrics.read(spd);
            double diff = 0;
            for (int i = 0; i < product.re().length; i++) {
                diff += Math.pow(product.re()[i] - target.re()[i], 2) + Math.pow(product.im()[i] - target.im()[i], 2);
            }
            double scale = target.frobenius() * n * dtype.unitRoundoff();
            return new ValidationResult(Math.sqrt(diff) / scale, BOUND, "|A-UhU|/(|A|*n*u)");
        }

        private ValidationResult lstsq(FuseContext context, long seed) {
            HostMatrix a = SpectralSamples.random(dtype, m, n, Layout.ROW_MAJOR, seed);
            HostMatrix b = SpectralSamples.random(dtype, m, 2, Layout.ROW_MAJOR, seed + 1);
            HostMatrix x = Linalg.lstsq(context, a, b, -1).x();
            return new ValidationResult(normalEquationsError(a, x, b), BOUND, "|Ah(AX-B)|/(|A|*(|A||X|+|B|)*m*u)");
        }
    }

    /** ‖Aᴴ(A·X − B)‖_F / (‖A‖_F·(‖A‖_F·‖X‖_F + ‖B‖_F)·m·u): the least-squares backward error the normal equations show. */
    static double normalEquationsError(HostMatrix a, HostMatrix x, HostMatrix b) {
        DType dtype = a.dtype();
        long m = a.shape().rows();
        Complex ac = SpectralMetrics.read(a);
        Complex xc = SpectralMetrics.read(x);
        Complex bc = SpectralMetrics.read(b);
        Complex r = SpectralMetrics.multiply(ac, false, xc);
        for (int i = 0; i < r.re().length; i++) {
            r.re()[i] -= bc.re()[i];
            r.im()[i] -= bc.im()[i];
        }
        double normal = SpectralMetrics.multiply(ac, true, r).frobenius();
        double fa = ac.frobenius();
        double scale = fa * (fa * xc.frobenius() + bc.frobenius()) * m * dtype.unitRoundoff();
        return normal / scale;
    }
}
