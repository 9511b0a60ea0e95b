package org.fusemath.solver.spi;

import static org.fusemath.solver.spi.LinalgValidationSuite.backwardErrorInUnits;
import static org.fusemath.solver.spi.LinalgValidationSuite.norm;
import static org.fusemath.solver.spi.SpectralSamples.get;
import static org.fusemath.solver.spi.SpectralSamples.put;
import static org.fusemath.solver.spi.SpectralSamples.random;
import static org.fusemath.solver.spi.SpectralSamples.zeros;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Op;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.CholeskyFactorization;
import org.fusemath.solver.LeastSquares;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.LuFactorization;
import org.fusemath.solver.QrFactorization;

/**
 * The decompositions' {@code fusemath validate} cases, on the host, each by a normwise error in units of the type's
 * unit roundoff u:
 * <ul>
 *   <li>cholesky: ‖A − L·Lᴴ‖∞ / (n·u·‖A‖∞) ≤ 4 for A = M·Mᴴ + n·I, and its solve by the backward error ≤ 4;</li>
 *   <li>qr: max(‖A − Q·R‖∞ / (max(m, n)·u·‖A‖∞), ‖QᴴQ − I‖∞ / (m·u)) ≤ 8 for m = n + ⌈n/2⌉;</li>
 *   <li>lstsq: the normal-equations residual ‖Aᴴ(A·X − B)‖∞ / (‖A‖∞·(‖A‖∞·‖X‖∞ + ‖B‖∞)·m·u) ≤ 8;</li>
 *   <li>solve Aᴴ: the backward error of the conjugate-transposed LU solve ≤ 4;</li>
 *   <li>lu: scipy.linalg.lu's factors by ‖P·A − L·U‖∞ / (k·u·‖|L|·|U|‖∞) ≤ 4 (Higham, Thm. 9.3);</li>
 * </ul>
 * every type at n = 1, 7, 31 (prime) and 200, plus structured inputs in F64: Hilbert(10) solve (κ ≈ 10¹³: the
 * backward error stays small though the forward error does not), a near-singular solve (two rows equal to 10⁻¹⁰),
 * the Kahan matrix (the classic hard case for rank detection) through QR, and a rank-deficient lstsq (rank r
 * product of random factors: the reported rank must be r, and the solution the least-squares one).
 */
public final class DecompositionValidationSuite extends SolverCases.Suite {
    /** The suite as the command line loads it. */
    public DecompositionValidationSuite() {
        super(Space.HOST);
    }

    @Override
    void table(SolverCases table) {
        table.grid(new String[] {"cholesky", "qr", "lstsq", "solve A^H", "lu"}, DType.values(), new int[] {1, 7, 31, 200},
                7, DecompositionValidationSuite::shape, (op, t, n) -> new Case(op, t, n)::run);
        structured(table, "solve hilbert", 10, true);
        structured(table, "solve near-singular", 50, false);
        structured(table, "qr kahan", 64, false);
        structured(table, "lstsq rank-deficient", 40, true);
    }

    private static void structured(SolverCases table, String op, int n, boolean quick) {
        table.add(op, DType.F64, shape(op, n), quick, new Case(op, DType.F64, n)::run);
    }

    /** qr and lstsq take m = n + ⌈n/2⌉ rows, the others n. */
    private static String shape(String op, int n) {
        return op.startsWith("qr") || op.startsWith("lstsq") ? SolverCases.shape(rows(n), n) : SolverCases.square(n);
    }

    private static int rows(int n) {
        return n + (n + 1) / 2;
    }

    private record Case(String op, DType dtype, int n) {
        private int rows() {
            return DecompositionValidationSuite.rows(n);
        }

        ValidationResult run(FuseContext context) {
            SplittableRandom r = new SplittableRandom(31L * n + 7L * dtype.ordinal() + op.hashCode());
            return switch (op) {
                case "cholesky" -> cholesky(context, r);
                case "lu" -> lu(context, random(dtype, n, n, Layout.ROW_MAJOR, r));
                case "qr" -> qr(context, random(dtype, rows(), n, Layout.ROW_MAJOR, r));
                case "qr kahan" -> qr(context, kahan(n));
                case "lstsq" -> lstsq(context, random(dtype, rows(), n, Layout.COLUMN_MAJOR, r), r, n);
                case "lstsq rank-deficient" -> lstsq(context, rankDeficient(rows(), n, n / 4, r), r, n / 4);
                case "solve A^H" -> {
                    HostMatrix a = random(dtype, n, n, Layout.ROW_MAJOR, r);
                    HostMatrix b = random(dtype, n, 3, Layout.ROW_MAJOR, r);
                    HostMatrix x = LuFactorization.factor(context, a).solve(Op.CONJUGATE_TRANSPOSE, b);
                    yield new ValidationResult(backwardErrorInUnits(adjoint(a), x, b), 4, "|A^H X-B|/(n*u*|A||X|)");
                }
                case "solve hilbert", "solve near-singular" -> {
                    HostMatrix a = op.equals("solve hilbert") ? SpectralSamples.hilbert(dtype, n, Layout.ROW_MAJOR)
                            : nearSingular(n, r);
                    HostMatrix b = random(dtype, n, 1, Layout.ROW_MAJOR, r);
                    yield new ValidationResult(backwardErrorInUnits(a, Linalg.solve(context, a, b), b), 4, "|AX-B|/(n*u*|A||X|)");
                }
                default -> throw new IllegalStateException(op);
            };
        }

        /**
         * scipy.linalg.lu's P, L, U (what {@code exec lu} writes): ‖P·A − L·U‖∞ / (k·u·‖|L|·|U|‖∞), which Higham's
         * Thm. 9.3 (|ΔA| ≤ γ_k·|L|·|U|) bounds by 1 in real arithmetic; 4 allows for complex arithmetic's constants.
         */
        private ValidationResult lu(FuseContext context, HostMatrix a) {
            RectangularLu f = RectangularLu.factor(context, a);
            HostMatrix l = f.lower();
            HostMatrix u = f.upper();
            int[] order = f.rowOrder();
            int m = (int) a.shape().rows();
            int cols = (int) a.shape().cols();
            int k = (int) l.shape().cols();
            double worst = 0;
            double scale = 0;
            for (int i = 0; i < m; i++) {
                double row = 0;
                double absRow = 0;
                for (int j = 0; j < cols; j++) {
                    double sr = -get(a, order[i], j, 0);
                    double si = dtype.isComplex() ? -get(a, order[i], j, 1) : 0;
                    double abs = 0;
                    for (int p = 0; p < k; p++) {
                        double lr = get(l, i, p, 0);
                        double li = dtype.isComplex() ? get(l, i, p, 1) : 0;
                        double ur = get(u, p, j, 0);
                        double ui = dtype.isComplex() ? get(u, p, j, 1) : 0;
                        sr += lr * ur - li * ui;
                        si += lr * ui + li * ur;
                        abs += Math.hypot(lr, li) * Math.hypot(ur, ui);
                    }
                    row += Math.hypot(sr, si);
                    absRow += abs;
                }
                worst = Math.max(worst, row);
                scale = Math.max(scale, absRow);
            }
            double error = scale == 0 ? worst : worst / (Math.max(1, k) * dtype.unitRoundoff() * scale);
            return new ValidationResult(error, 4, "|PA-LU|/(k*u*||L||U||)");
        }

        private ValidationResult cholesky(FuseContext context, SplittableRandom r) {
            HostMatrix m = random(dtype, n, n, Layout.ROW_MAJOR, r);
            HostMatrix a = plus(product(m, adjoint(m)), n);
            CholeskyFactorization c = CholeskyFactorization.factor(context, a, Uplo.LOWER);
            HostMatrix l = c.triangularFactor();
            double reconstruction = difference(product(l, adjoint(l)), a) / (n * dtype.unitRoundoff() * norm(a));
            HostMatrix b = random(dtype, n, 2, Layout.ROW_MAJOR, r);
            double solve = backwardErrorInUnits(a, c.solve(b), b);
            return new ValidationResult(Math.max(reconstruction, solve), 4, "max(|A-LL^H|/(n*u*|A|), solve)");
        }

        private ValidationResult qr(FuseContext context, HostMatrix a) {
            int m = (int) a.shape().rows();
            int cols = (int) a.shape().cols();
            QrFactorization f = QrFactorization.factor(context, a);
            HostMatrix q = f.q();
            double backward = difference(product(q, f.r()), a) / (Math.max(m, cols) * dtype.unitRoundoff() * norm(a));
            double orthogonality = difference(product(adjoint(q), q), plus(zeros(dtype, cols, cols, Layout.ROW_MAJOR), 1))
                    / (m * dtype.unitRoundoff());
            return new ValidationResult(Math.max(backward, orthogonality), 8, "max(|A-QR|/(m*u*|A|), |Q^HQ-I|/(m*u))");
        }

        private ValidationResult lstsq(FuseContext context, HostMatrix a, SplittableRandom r, int expectedRank) {
            int m = (int) a.shape().rows();
            HostMatrix b = random(dtype, m, 2, Layout.ROW_MAJOR, r);
            // NumPy's default rcond: machine epsilon (2u) times max(m, n).
            LeastSquares ls = Linalg.lstsq(context, a, b, 2 * dtype.unitRoundoff() * Math.max(m, a.shape().cols()));
            if (ls.rank() != expectedRank) {
                return new ValidationResult(Double.POSITIVE_INFINITY, 8, "rank " + ls.rank() + " != " + expectedRank);
            }
            HostMatrix residual = minus(product(a, ls.x()), b);
            double na = norm(a);
            double e = norm(product(adjoint(a), residual)) / (na * (na * norm(ls.x()) + norm(b)) * m * dtype.unitRoundoff());
            return new ValidationResult(e, 8, "|A^H(AX-B)|/(|A|(|A||X|+|B|)*m*u)");
        }

        /** Random, with row 1 = row 0 + 10⁻¹⁰·(random): singular to within 10⁻¹⁰. */
        private HostMatrix nearSingular(int size, SplittableRandom r) {
            HostMatrix a = random(dtype, size, size, Layout.ROW_MAJOR, r);
            for (int j = 0; j < size; j++) {
                put(a, 1, j, get(a, 0, j, 0) + 1e-10 * (r.nextDouble() - 0.5), 0);
            }
            return a;
        }

        /** Kahan's upper triangular matrix: row i scaled by sⁱ, −c above the diagonal (s² + c² = 1, c = 0.285). */
        private HostMatrix kahan(int size) {
            double c = 0.285;
            double s = Math.sqrt(1 - c * c);
            HostMatrix k = zeros(dtype, rows(), size, Layout.ROW_MAJOR);
            for (int i = 0; i < size; i++) {
                double scale = Math.pow(s, i);
                put(k, i, i, scale, 0);
                for (int j = i + 1; j < size; j++) {
                    put(k, i, j, -c * scale, 0);
                }
            }
            return k;
        }

        /** An m×n product of random m×rank and rank×n factors: rank {@code rank} exactly (with probability 1). */
        private HostMatrix rankDeficient(int m, int cols, int rank, SplittableRandom r) {
            return product(random(dtype, m, rank, Layout.ROW_MAJOR, r), random(dtype, rank, cols, Layout.ROW_MAJOR, r));
        }
    }

    /** A·B in double from the stored values, rounded to A's type (row-major). */
    static HostMatrix product(HostMatrix a, HostMatrix b) {
        int m = (int) a.shape().rows();
        int k = (int) a.shape().cols();
        int n = (int) b.shape().cols();
        boolean complex = a.dtype().isComplex();
        HostMatrix c = zeros(a.dtype(), m, n, Layout.ROW_MAJOR);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int p = 0; p < k; p++) {
                    double ar = get(a, i, p, 0);
                    double ai = complex ? get(a, i, p, 1) : 0;
                    double br = get(b, p, j, 0);
                    double bi = complex ? get(b, p, j, 1) : 0;
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                put(c, i, j, sr, si);
            }
        }
        return c;
    }

    /** Aᴴ, row-major. */
    static HostMatrix adjoint(HostMatrix a) {
        int m = (int) a.shape().rows();
        int n = (int) a.shape().cols();
        HostMatrix t = zeros(a.dtype(), n, m, Layout.ROW_MAJOR);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                put(t, j, i, get(a, i, j, 0), a.dtype().isComplex() ? -get(a, i, j, 1) : 0);
            }
        }
        return t;
    }

    /** A + s·I. */
    static HostMatrix plus(HostMatrix a, double s) {
        for (int i = 0; i < Math.min(a.shape().rows(), a.shape().cols()); i++) {
            put(a, i, i, get(a, i, i, 0) + s, a.dtype().isComplex() ? get(a, i, i, 1) : 0);
        }
        return a;
    }

    static HostMatrix minus(HostMatrix a, HostMatrix b) {
        int m = (int) a.shape().rows();
        int n = (int) a.shape().cols();
        HostMatrix c = zeros(a.dtype(), m, n, Layout.ROW_MAJOR);
        boolean complex = a.dtype().isComplex();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                put(c, i, j, get(a, i, j, 0) - get(b, i, j, 0), complex ? get(a, i, j, 1) - get(b, i, j, 1) : 0);
            }
        }
        return c;
    }

    /** ‖A − B‖∞ from the stored values. */
    static double difference(HostMatrix a, HostMatrix b) {
        return norm(minus(a, b));
    }
}
