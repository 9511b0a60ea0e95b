package org.fusemath.solver;

import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.solver.device.CusolverDevice;

/**
 * numpy.linalg.lstsq on the device by the SVD route: NumPy's result carries A's singular values and the rank that
 * rcond decides, which a QR route (geqrf + ormqr + trsm) cannot give and which is wrong for rank-deficient A, so
 * the thin SVD A = U·Σ·Vᴴ is computed by the device SVD ({@code gesvdj} up to 256 rows and columns, {@code Xgesvd}
 * past that) and X = V·Σ⁺·Uᴴ·B formed from it with σᵢ ≤ rcond·σ₁ counted as zero (rcond < 0: the type's unit
 * roundoff, as gelsd). The products with U and V, O((m + n)·min(m, n)·k) against the SVD's O(m·n·min(m, n)), run on
 * the host in double precision. Residuals as NumPy: the squared column norms of B − A·X when rank = n &lt; m.
 * NaN or infinity in A is rejected (the device SVD refuses it). Stateless.
 */
final class DeviceLeastSquares {
    private DeviceLeastSquares() {
    }

    static LeastSquares solve(CusolverDevice device, HostMatrix a, HostMatrix b, double rcond) {
        DType t = a.dtype();
        int m = (int) a.shape().rows();
        int n = (int) a.shape().cols();
        int nrhs = (int) b.shape().cols();
        int kmin = Math.min(m, n);
        int slots = t.slotsPerElement();
        Object bc = Dense.copy(b, Layout.COLUMN_MAJOR);
        double[] sv = new double[kmin];
        double[] x = new double[2 * n * nrhs]; // interleaved complex, column-major n×nrhs
        int rank = 0;
        if (kmin > 0) {
            HostMatrix ac = HostMatrix.of(t, Dense.copy(a, Layout.COLUMN_MAJOR), MatrixShape.columnMajor(m, n));
            Svd svd = new DeviceKernels(device).svd(ac, SvdMode.THIN);
            for (int i = 0; i < kmin; i++) {
                sv[i] = Dense.get(svd.s().array(), i);
            }
            double threshold = (rcond < 0 ? t.unitRoundoff() : rcond) * sv[0];
            while (rank < kmin && sv[rank] > threshold) {
                rank++;
            }
            Object u = svd.u().array();   // m×kmin, column-major
            Object vh = svd.vh().array(); // kmin×n, column-major
            double[] c = new double[2];
            for (int j = 0; j < nrhs; j++) {
                for (int p = 0; p < rank; p++) {
                    // c = (Uᴴ·b_j)_p / σ_p
                    double cr = 0;
                    double ci = 0;
                    for (int i = 0; i < m; i++) {
                        element(t, u, i + p * m, c);
                        double ur = c[0];
                        double ui = -c[1];
                        element(t, bc, i + j * m, c);
                        cr += ur * c[0] - ui * c[1];
                        ci += ur * c[1] + ui * c[0];
                    }
                    cr /= sv[p];
                    ci /= sv[p];
                    for (int i = 0; i < n; i++) { // x_j += conj(Vᴴ(p, i))·c
                        element(t, vh, p + i * kmin, c);
                        double vr = c[0];
                        double vi = -c[1];
                        x[2 * (i + j * n)] += vr * cr - vi * ci;
                        x[2 * (i + j * n) + 1] += vr * ci + vi * cr;
                    }
                }
            }
        }
        Object xa = Dense.allocate(t, (long) n * nrhs);
        for (int e = 0; e < n * nrhs; e++) {
            for (int p = 0; p < slots; p++) {
                Dense.set(xa, e * slots + p, x[2 * e + p]);
            }
        }
        double[] residuals = new double[rank == n && m > n ? nrhs : 0];
        if (residuals.length > 0) {
            Object ac = Dense.copy(a, Layout.COLUMN_MAJOR);
            double[] c = new double[2];
            for (int j = 0; j < nrhs; j++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    element(t, bc, i + j * m, c);
                    double rr = c[0];
                    double ri = c[1];
                    for (int p = 0; p < n; p++) {
                        element(t, ac, i + p * m, c);
                        double xr = Dense.get(xa, (p + j * n) * slots);
                        double xi = slots == 2 ? Dense.get(xa, (p + j * n) * slots + 1) : 0;
                        rr -= c[0] * xr - c[1] * xi;
                        ri -= c[0] * xi + c[1] * xr;
                    }
                    sum += rr * rr + ri * ri;
                }
                residuals[j] = t.isSinglePrecision() ? (float) sum : sum;
            }
        }
        HostMatrix columns = HostMatrix.of(t, xa, MatrixShape.columnMajor(n, nrhs));
        HostMatrix result = b.shape().layout() == Layout.COLUMN_MAJOR || nrhs == 1
                ? HostMatrix.of(t, xa, MatrixShape.dense(n, nrhs, b.shape().layout()))
                : HostMatrix.of(t, Dense.copy(columns, Layout.ROW_MAJOR), MatrixShape.rowMajor(n, nrhs));
        return new LeastSquares(result, residuals, rank, sv);
    }

    /** Element {@code index} of the column-major {@code array} of {@code t} into {re, im}. */
    private static void element(DType t, Object array, int index, double[] out) {
        if (t.isComplex()) {
            out[0] = Dense.get(array, 2 * index);
            out[1] = Dense.get(array, 2 * index + 1);
        } else {
            out[0] = Dense.get(array, index);
            out[1] = 0;
        }
    }
}
