package org.fusemath.solver.spi;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.BatchedSolve;
import org.fusemath.solver.spi.SolverCases.Structure;

/**
 * {@code fusemath validate} cases of the batched solves ({@link BatchedSolve}): 64 members with 2 right-hand sides
 * each, every type, at n = 1, 8, 24 (the largest pure-Java LU order), 40 (LAPACK), by the worst member's normwise
 * backward error ‖A·X − B‖∞ / (n·u·‖A‖∞·‖X‖∞) (bound 4, as for the single solve). LU on random members (row-major)
 * and, F64 at n = 8, on Hilbert members (condition ~10¹⁰: the backward error stays small although X is inaccurate);
 * Cholesky on Hermitian positive definite members M·Mᴴ/n + I (column-major, lower triangle). On the device (the
 * context the harness passes) every type at n = 8 (cuBLAS/cuSOLVER batched routines) and 40 (cuSOLVER's 64-bit
 * API). The quick subset is n = 8 in F64 on each space.
 */
public final class BatchedValidationSuite extends SolverCases.Suite {
    private static final int MEMBERS = 64;
    private static final int RHS = 2;

    /** The suite as the command line loads it. */
    public BatchedValidationSuite() {
        super(Space.HOST);
    }

    @Override
    void table(SolverCases table) {
        for (boolean cholesky : new boolean[] {false, true}) {
            for (DType t : DType.values()) {
                for (int n : new int[] {1, 8, 24, 40}) {
                    row(table, Space.HOST, cholesky, false, t, n, n == 8 && t == DType.F64);
                }
                for (int n : new int[] {8, 40}) { // the batched routines, then the generic API
                    row(table, Space.DEVICE, cholesky, false, t, n, n == 8 && t == DType.F64);
                }
            }
        }
        row(table, Space.HOST, false, true, DType.F64, 8, false);
    }

    private static void row(SolverCases table, Space space, boolean cholesky, boolean hilbert, DType t, int n,
            boolean quick) {
        Structure input = hilbert ? Structure.HILBERT : Structure.RANDOM;
        table.add(space, cholesky ? "batched cholesky solve" : "batched lu solve", t,
                MEMBERS + "x" + SolverCases.square(n) + input.label, quick, new Case(cholesky, hilbert, t, n)::run);
    }

    private record Case(boolean cholesky, boolean hilbert, DType dtype, int n) {
        ValidationResult run(FuseContext context) {
            SplittableRandom r = new SplittableRandom(31L * n + dtype.ordinal() + (cholesky ? 7 : 0));
            Layout layout = cholesky ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR;
            MatrixShape member = MatrixShape.dense(n, n, layout);
            Object a = array(MEMBERS * n * n);
            Object b = array(MEMBERS * n * RHS);
            HostMatrix[] as = new HostMatrix[MEMBERS];
            HostMatrix[] bs = new HostMatrix[MEMBERS];
            for (int m = 0; m < MEMBERS; m++) {
                as[m] = HostMatrix.of(dtype, a, member.withOffset((long) m * n * n));
                bs[m] = HostMatrix.of(dtype, b, MatrixShape.rowMajor(n, RHS).withOffset((long) m * n * RHS));
                fill(as[m], r);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < RHS; j++) {
                        double im = dtype.isComplex() ? 2 * r.nextDouble() - 1 : 0;
                        SpectralSamples.put(bs[m], i, j, 2 * r.nextDouble() - 1, im);
                    }
                }
            }
            HostMatrix stackA = HostMatrix.of(dtype, a, member.batched(MEMBERS));
            HostMatrix stackB = HostMatrix.of(dtype, b, MatrixShape.rowMajor(n, RHS).batched(MEMBERS));
            HostMatrix x = cholesky ? BatchedSolve.cholesky(context, Uplo.LOWER, stackA, stackB)
                    : BatchedSolve.lu(context, stackA, stackB);
            double worst = 0;
            for (int m = 0; m < MEMBERS; m++) {
                HostMatrix xm = HostMatrix.of(dtype, x.array(), MatrixShape.rowMajor(n, RHS).withOffset((long) m * n * RHS));
                worst = Math.max(worst, LinalgValidationSuite.backwardErrorInUnits(as[m], xm, bs[m]));
            }
            return new ValidationResult(worst, 4, "max |AX-B|/(n*u*|A||X|)");
        }

        private Object array(int elements) {
            int slots = elements * dtype.slotsPerElement();
            return dtype.isSinglePrecision() ? new float[slots] : new double[slots];
        }

        /** A random, Hilbert, or (Cholesky) Hermitian positive definite member, written in full. */
        private void fill(HostMatrix m, SplittableRandom r) {
            if (hilbert) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        SpectralSamples.put(m, i, j, 1.0 / (i + j + 1), 0);
                    }
                }
                return;
            }
            double[][] re = new double[n][n];
            double[][] im = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    re[i][j] = 2 * r.nextDouble() - 1;
                    im[i][j] = dtype.isComplex() ? 2 * r.nextDouble() - 1 : 0;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (!cholesky) {
                        SpectralSamples.put(m, i, j, re[i][j], im[i][j]);
                        continue;
                    }
                    double sr = i == j ? 1 : 0;
                    double si = 0;
                    for (int p = 0; p < n; p++) { // (M·Mᴴ)(i, j) = Σ M(i, p)·conj(M(j, p))
                        sr += (re[i][p] * re[j][p] + im[i][p] * im[j][p]) / n;
                        si += (im[i][p] * re[j][p] - re[i][p] * im[j][p]) / n;
                    }
                    SpectralSamples.put(m, i, j, sr, i == j ? 0 : si);
                }
            }
        }
    }
}
