package org.fusemath.solver.host;

/**
 * Pure-Java LU (partial pivoting) and Cholesky factorisations and solves for tiny F64 systems, where a native call
 * costs more than the arithmetic. They follow LAPACK's unblocked routines ({@code getf2}/{@code getrs},
 * {@code potf2}/{@code potrs}) on the same column-major factors, pivots and {@code info}, so that a batch gives the
 * same conditions whichever of the two runs it. {@link SmallSolveFloat} is generated from the region between the
 * {@code generated-float-kernel} markers (see {@code SmallSolveFloatTest}). Stateless.
 */
final class SmallSolve {
    private SmallSolve() {
    }

    // generated-float-kernel: begin
    /**
     * Factors the column-major n×n F at {@code w[wOff]} in place as P·L·U (L unit lower, U upper), LAPACK's getf2:
     * the pivot of column j is the first entry of largest modulus on or below the diagonal, rows are swapped across
     * all n columns, and a zero pivot is recorded and skipped. {@code ipiv[j]} receives the 0-based row swapped with
     * row j. Returns LAPACK's info: 0, or the 1-based column of the first zero pivot.
     */
    static int getrf(int n, double[] w, int wOff, int[] ipiv) {
        int info = 0;
        for (int j = 0; j < n; j++) {
            int col = wOff + j * n;
            int p = j;
            double best = Math.abs(w[col + j]);
            for (int i = j + 1; i < n; i++) {
                double v = Math.abs(w[col + i]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            ipiv[j] = p;
            double pivot = w[col + p];
            if (pivot == 0) {
                if (info == 0) {
                    info = j + 1;
                }
                continue;
            }
            if (p != j) {
                for (int c = wOff; c < wOff + n * n; c += n) {
                    double t = w[c + j];
                    w[c + j] = w[c + p];
                    w[c + p] = t;
                }
            }
            if (Math.abs(pivot) >= Double.MIN_NORMAL) {
                double r = 1 / pivot;
                for (int i = j + 1; i < n; i++) {
                    w[col + i] *= r;
                }
            } else {
                for (int i = j + 1; i < n; i++) {
                    w[col + i] /= pivot;
                }
            }
            for (int c = col + n; c < wOff + n * n; c += n) {
                double f = w[c + j];
                if (f != 0) {
                    for (int i = j + 1; i < n; i++) {
                        w[c + i] -= w[col + i] * f;
                    }
                }
            }
        }
        return info;
    }

    /**
     * Overwrites the n×k X (element (i, c) at {@code x[xOff + i·rs + c·cs]}) holding B with the solution of
     * op(F)·X = B, F's factors from {@link #getrf}; op(F) = Fᵀ when {@code transposed}. F must be nonsingular.
     */
    static void getrs(boolean transposed, int n, int k, double[] w, int wOff, int[] ipiv, double[] x, int xOff,
                      int rs, int cs) {
        for (int c = 0; c < k; c++) {
            int x0 = xOff + c * cs;
            if (!transposed) {
                for (int j = 0; j < n; j++) {
                    swap(x, x0 + j * rs, x0 + ipiv[j] * rs);
                }
                for (int p = 0; p < n; p++) { // L·Y = P·B, L unit lower, by columns of L
                    double y = x[x0 + p * rs];
                    if (y != 0) {
                        int col = wOff + p * n;
                        for (int i = p + 1; i < n; i++) {
                            x[x0 + i * rs] -= w[col + i] * y;
                        }
                    }
                }
                for (int p = n - 1; p >= 0; p--) { // U·X = Y by columns of U
                    int col = wOff + p * n;
                    double v = x[x0 + p * rs] / w[col + p];
                    x[x0 + p * rs] = v;
                    if (v != 0) {
                        for (int i = 0; i < p; i++) {
                            x[x0 + i * rs] -= w[col + i] * v;
                        }
                    }
                }
            } else {
                for (int i = 0; i < n; i++) { // Uᵀ·Z = B: row i of Uᵀ is column i of U
                    int col = wOff + i * n;
                    double s = x[x0 + i * rs];
                    for (int p = 0; p < i; p++) {
                        s -= w[col + p] * x[x0 + p * rs];
                    }
                    x[x0 + i * rs] = s / w[col + i];
                }
                for (int i = n - 1; i >= 0; i--) { // Lᵀ·Y = Z, unit upper: row i of Lᵀ is column i of L
                    int col = wOff + i * n;
                    double s = x[x0 + i * rs];
                    for (int p = i + 1; p < n; p++) {
                        s -= w[col + p] * x[x0 + p * rs];
                    }
                    x[x0 + i * rs] = s;
                }
                for (int j = n - 1; j >= 0; j--) {
                    swap(x, x0 + j * rs, x0 + ipiv[j] * rs);
                }
            }
        }
    }

    private static void swap(double[] x, int i, int j) {
        if (i != j) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /**
     * Factors A = L·Lᵀ in place, LAPACK's potf2: L(i, j) for i ≥ j lives at {@code w[wOff + i·frs + j·fcs]} and
     * only that triangle is read (frs = 1, fcs = n: the lower triangle of a column-major matrix; frs = n, fcs = 1:
     * its upper triangle, whose transpose is the same L). Returns LAPACK's info: 0, or the order of the first
     * leading minor that is not positive definite (a pivot ≤ 0 or NaN), where the factorisation stops.
     */
    static int potrf(int n, double[] w, int wOff, int frs, int fcs) {
        for (int j = 0; j < n; j++) {
            int rj = wOff + j * frs;
            double d = w[rj + j * fcs];
            for (int p = 0; p < j; p++) {
                double l = w[rj + p * fcs];
                d -= l * l;
            }
            if (!(d > 0)) {
                return j + 1;
            }
            d = Math.sqrt(d);
            w[rj + j * fcs] = d;
            double r = 1 / d;
            for (int i = j + 1; i < n; i++) {
                int ri = wOff + i * frs;
                double s = w[ri + j * fcs];
                for (int p = 0; p < j; p++) {
                    s -= w[ri + p * fcs] * w[rj + p * fcs];
                }
                w[ri + j * fcs] = s * r;
            }
        }
        return 0;
    }

    /** Overwrites X (as in {@link #getrs}) holding B with the solution of L·Lᵀ·X = B, L from {@link #potrf}. */
    static void potrs(int n, int k, double[] w, int wOff, int frs, int fcs, double[] x, int xOff, int rs, int cs) {
        for (int c = 0; c < k; c++) {
            int x0 = xOff + c * cs;
            for (int i = 0; i < n; i++) { // L·Y = B
                int ri = wOff + i * frs;
                double s = x[x0 + i * rs];
                for (int p = 0; p < i; p++) {
                    s -= w[ri + p * fcs] * x[x0 + p * rs];
                }
                x[x0 + i * rs] = s / w[ri + i * fcs];
            }
            for (int i = n - 1; i >= 0; i--) { // Lᵀ·X = Y: row i of Lᵀ is column i of L
                int ci = wOff + i * fcs;
                double s = x[x0 + i * rs];
                for (int p = i + 1; p < n; p++) {
                    s -= w[ci + p * frs] * x[x0 + p * rs];
                }
                x[x0 + i * rs] = s / w[ci + i * frs];
            }
        }
    }
    // generated-float-kernel: end
}
