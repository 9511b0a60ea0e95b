package org.fusemath.solver.spi;

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
import org.fusemath.blas.Scalar;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.SignLogDet;
import org.fusemath.verify.Comparison;
import org.fusemath.verify.Tolerance;
import org.fusemath.verify.Validation;

/**
 * The solver's {@code fusemath validate} cases, on the host: solve and inv by their normwise backward error
 * (‖A·X − B‖∞ / (‖A‖∞·‖X‖∞ + ‖B‖∞) within 4·n·u, {@link Tolerance#luSolve}), and det on A = P·L·U built from
 * a known unit lower L and upper U (off-diagonal entries of order 1/n, pivots within 10% of 1: well conditioned)
 * and one row swap, against −Π U(i, i) (relative error, bound 8·n²·u: rounding A to
 * the type and the LU's backward error perturb each pivot by O(n·u)); slogdet on the same A, log|det| against
 * Σ log|U(i, i)| and the sign against −Π U(i, i)/|Π U(i, i)|, within the same bound. Every type at n = 1, 7, 64 and 200 (200
 * takes OpenBLAS's threaded LU), row-major A for solve and det, column-major for inv; the quick subset is n = 7 on
 * F64 and C64.
 */
public final class LinalgValidationSuite extends SolverCases.Suite {
    /** The suite as the command line loads it. */
    public LinalgValidationSuite() {
        super(Space.HOST);
    }

    @Override
    void table(SolverCases table) {
        table.grid(new String[] {"solve", "inv", "det", "slogdet"}, DType.values(), new int[] {1, 7, 64, 200}, 7,
                (op, t, n) -> new Case(op, t, n)::run);
    }

    private record Case(String op, DType dtype, int n) {
        ValidationResult run(FuseContext context) {
            SplittableRandom r = new SplittableRandom(17L * n + 3L * dtype.ordinal() + op.hashCode());
            Layout layout = op.equals("inv") ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
            if (op.equals("det") || op.equals("slogdet")) {
                return det(context, r, op.equals("slogdet"));
            }
            HostMatrix a = random(dtype, n, n, layout, r);
            HostMatrix b = op.equals("solve") ? random(dtype, n, 3, Layout.ROW_MAJOR, r) : identity(dtype, n, layout);
            HostMatrix x = op.equals("solve") ? Linalg.solve(context, a, b) : Linalg.inv(context, a);
            Comparison check = backwardError(a, x, b);
            return new ValidationResult(check.observed(), check.bound(), check.quantity());
        }

        private ValidationResult det(FuseContext context, SplittableRandom r, boolean logarithm) {
            double[][] lr = new double[n][n];
            double[][] li = new double[n][n];
            double[][] ur = new double[n][n];
            double[][] ui = new double[n][n];
            double expRe = n > 1 ? -1 : 1;
            double expIm = 0;
            double expLog = 0;
            for (int i = 0; i < n; i++) {
                lr[i][i] = 1;
                for (int j = 0; j < n; j++) {
                    double re = r.nextDouble() - 0.5;
                    double im = dtype.isComplex() ? r.nextDouble() - 0.5 : 0;
                    // Off-diagonal entries of order 1/n keep L, U and A well conditioned, so det(A) is insensitive
                    // to the rounding of A (δdet/det = tr(A⁻¹·δA)) and partial pivoting keeps this L (|L(i, j)| < 1).
                    if (j < i) {
                        lr[i][j] = re / n;
                        li[i][j] = im / n;
                    } else if (j == i) {
                        // |U(i, i)| within 10% of 1, so that the product stays in range for n = 200 in F32.
                        ur[i][j] = 1 + 0.2 * re;
                        ui[i][j] = 0.2 * im;
                    } else {
                        ur[i][j] = re / n;
                        ui[i][j] = im / n;
                    }
                }
                expLog += Math.log(Math.hypot(ur[i][i], ui[i][i]));
                double nr = expRe * ur[i][i] - expIm * ui[i][i];
                expIm = expRe * ui[i][i] + expIm * ur[i][i];
                expRe = nr;
            }
            HostMatrix a = zeros(dtype, n, n, Layout.ROW_MAJOR);
            for (int i = 0; i < n; i++) {
                int row = n > 1 && i < 2 ? 1 - i : i; // P swaps rows 0 and 1: det(P) = -1
                for (int j = 0; j < n; j++) {
                    double sr = 0;
                    double si = 0;
                    for (int p = 0; p <= Math.min(i, j); p++) {
                        sr += lr[i][p] * ur[p][j] - li[i][p] * ui[p][j];
                        si += lr[i][p] * ui[p][j] + li[i][p] * ur[p][j];
                    }
                    put(a, row, j, sr, si);
                }
            }
            if (logarithm) {
                // The same relative perturbation of det (8·n²·u, as below) moves log|det| and the sign by as much.
                SignLogDet sl = Linalg.slogdet(context, a);
                double abs = Math.hypot(expRe, expIm);
                double error = Math.max(Math.abs(sl.logAbsDet() - expLog),
                        Math.hypot(sl.sign().re() - expRe / abs, sl.sign().im() - expIm / abs));
                return new ValidationResult(error, 8.0 * n * n * dtype.unitRoundoff(),
                        "max(|logdet-sum log|U_ii||, |sign-sign(-prod U_ii)|)");
            }
            Scalar det = Linalg.det(context, a);
            double error = Math.hypot(det.re() - expRe, det.im() - expIm) / Math.hypot(expRe, expIm);
            return new ValidationResult(error, 8.0 * n * n * dtype.unitRoundoff(), "|det-(-prod U_ii)|/|det|");
        }
    }

    static HostMatrix identity(DType t, int n, Layout layout) {
        HostMatrix m = zeros(t, n, n, layout);
        for (int i = 0; i < n; i++) {
            put(m, i, i, 1, 0);
        }
        return m;
    }

    /**
     * The normwise backward error of X as a solution of A·X = B beside its bound c·n·u ({@link Tolerance#luSolve}),
     * from the stored values in double.
     */
    static Comparison backwardError(HostMatrix a, HostMatrix x, HostMatrix b) {
        return Validation.solve(a, x, b, Tolerance.luSolve());
    }

    /**
     * The same backward error in units of n·u (what {@link Tolerance#luSolve()}'s constant bounds), for cases that
     * combine it with other quantities measured in those units.
     */
    static double backwardErrorInUnits(HostMatrix a, HostMatrix x, HostMatrix b) {
        Comparison check = backwardError(a, x, b);
        return Tolerance.luSolve().constant() * check.observed() / check.bound();
    }

    /** ‖M‖∞ with |Re| + |Im| per element (within √2 of the modulus; the bound allows for it). */
    static double norm(HostMatrix m) {
        double worst = 0;
        boolean complex = m.dtype().isComplex();
        for (int i = 0; i < m.shape().rows(); i++) {
            double row = 0;
            for (int j = 0; j < m.shape().cols(); j++) {
                row += Math.abs(get(m, i, j, 0)) + (complex ? Math.abs(get(m, i, j, 1)) : 0);
            }
            worst = Math.max(worst, row);
        }
        return worst;
    }
}
