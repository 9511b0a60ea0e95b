package org.fusemath.solver.spi;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.Eigen;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.Svd;
import org.fusemath.solver.SvdMode;
import org.fusemath.solver.spi.SolverCases.Structure;

/**
 * The SVD and eigen cases of {@code fusemath validate}, on the host, measured by {@link SpectralMetrics} in units of
 * the type's unit roundoff: svd by the worst of its reconstruction ‖A − UΣVᴴ‖_F/(‖A‖_F·max(m, n)·u) and the
 * orthogonality of U and Vᴴ (‖QᴴQ − I‖_F/(k·u)); eigh by the worst of its residual max‖Av − λv‖/(‖A‖_F·n·u) and the
 * orthogonality of V; eig by its residual; eigvalsh and eigvals (values only) by the trace identities of
 * {@link SpectralMetrics#eigenvalueSums} (and eigvalsh's ascending order). LAPACK's drivers are backward stable, so each is O(1); the bound 16 allows
 * for their dimension-dependent constants. Every type at n = 1, 7, 31 (prime) and 200 (threaded LAPACK), row-major
 * for svd and eigh (the transposed-storage paths) and column-major for eig, plus a 45×17 svd and structured inputs:
 * Hilbert 12×12 (svd, eigh; condition ~10¹⁶), rank 5 of 30×20 (svd) and two eigenvalues of multiplicity 10 (eigh,
 * eig). The quick subset is n = 7 on F64 and C64.
 */
public final class SpectralValidationSuite extends SolverCases.Suite {
    private static final double BOUND = SolverCases.BACKWARD_STABLE;
    private static final String SUMS = "max(|sum w - tr A|/(n^1.5*u*|A|), |sum w^2 - tr A^2|/(2n*u*|A|^2))";

    /** The suite as the command line loads it. */
    public SpectralValidationSuite() {
        super(Space.HOST);
    }

    @Override
    void table(SolverCases table) {
        for (DType t : DType.values()) {
            table.grid(new String[] {"svd", "eigh", "eig", "eigvalsh", "eigvals"}, new DType[] {t}, new int[] {1, 7, 31, 200},
                    7, (op, type, n) -> new Case(op, type, n, n, Structure.RANDOM)::run);
            row(table, "svd", t, 45, 17, Structure.RANDOM);
            row(table, "svd", t, 12, 12, Structure.HILBERT);
            row(table, "eigh", t, 12, 12, Structure.HILBERT);
            row(table, "svd", t, 30, 20, Structure.RANK_5);
            row(table, "eigh", t, 20, 20, Structure.REPEATED);
            row(table, "eig", t, 20, 20, Structure.REPEATED);
        }
    }

    private static void row(SolverCases table, String op, DType t, int m, int n, Structure input) {
        table.add(op, t, SolverCases.shape(m, n) + input.label, false, new Case(op, t, m, n, input)::run);
    }

    private record Case(String op, DType dtype, int m, int n, Structure input) {
        private HostMatrix input(Layout layout) {
            long seed = 13L * m + 7L * n + dtype.ordinal() + op.hashCode();
            return switch (input) {
                case RANDOM -> op.equals("eigh") || op.equals("eigvalsh") ? SpectralSamples.hermitian(dtype, n, layout, seed)
                        : SpectralSamples.random(dtype, m, n, layout, seed);
                case HILBERT -> SpectralSamples.hilbert(dtype, n, layout);
                case RANK_5 -> SpectralSamples.rankDeficient(dtype, m, n, 5, layout, seed);
                case REPEATED -> SpectralSamples.repeatedEigenvalues(dtype, n, layout, seed);
            };
        }

        ValidationResult run(FuseContext context) {
            switch (op) {
                case "svd" -> {
                    HostMatrix a = input(Layout.ROW_MAJOR);
                    Svd svd = Linalg.svd(context, a, SvdMode.THIN);
                    return new ValidationResult(SpectralMetrics.svd(a, svd), BOUND, SolverCases.SVD_METRIC);
                }
                case "eigh" -> {
                    HostMatrix a = input(Layout.ROW_MAJOR);
                    HermitianEigen e = Linalg.eigh(context, a, Uplo.LOWER, true);
                    double error = Math.max(SpectralMetrics.residual(a, Uplo.LOWER, e),
                            SpectralMetrics.orthogonality(e.vectors(), false));
                    return new ValidationResult(error, BOUND, "max(|Av-wv|/(|A|*n*u), |VhV-I|/(n*u))");
                }
                case "eigvalsh" -> {
                    HostMatrix a = input(Layout.ROW_MAJOR);
                    HostMatrix w = Linalg.eigh(context, a, Uplo.LOWER, false).values();
                    double[] v = SpectralMetrics.read(w).re();
                    for (int i = 1; i < v.length; i++) {
                        if (!(v[i - 1] <= v[i])) {
                            return new ValidationResult(Double.POSITIVE_INFINITY, BOUND, "eigenvalue " + i + " not ascending");
                        }
                    }
                    return new ValidationResult(SpectralMetrics.eigenvalueSums(a, Uplo.LOWER, w), BOUND, SUMS);
                }
                case "eigvals" -> {
                    HostMatrix a = input(Layout.COLUMN_MAJOR);
                    HostMatrix w = Linalg.eig(context, a, false).values();
                    return new ValidationResult(SpectralMetrics.eigenvalueSums(a, null, w), BOUND, SUMS);
                }
                default -> {
                    HostMatrix a = input(Layout.COLUMN_MAJOR);
                    Eigen e = Linalg.eig(context, a, true);
                    return new ValidationResult(SpectralMetrics.residual(a, e), BOUND, "|Av-wv|/(|A|*|v|*n*u)");
                }
            }
        }
    }
}
