package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NotPositiveDefiniteException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.CpuDeviceOperands;
import org.junit.jupiter.api.Test;

/**
 * Cholesky, QR, SVD and the eigen decompositions on device tensors, on the CPU fakes ({@link CpuDeviceOperands}:
 * every cuSOLVER call executed by LAPACK on fake device memory, the strided copies byte by byte): the results are
 * device tensors meeting the decompositions' backward-error and orthogonality bounds and agreeing with the host
 * forms, A is unchanged, nothing but devInfo and constants crosses to the host, every allocation and handle is
 * released, and bad operands are rejected by name before any cuSOLVER call.
 */
class DeviceOperandsDecompositionsTest {
    /** Backward errors and orthogonality defects in units of (order · unit roundoff): a small constant for these stable algorithms. */
    private static final double BOUND = 32;
    private static final List<DType> TYPES = List.of(DType.F64, DType.F32, DType.C128, DType.C64);

    private final CpuDeviceOperands fake = new CpuDeviceOperands();

    /** A dense complex matrix in double precision for the checks (real types: zero imaginary parts). */
    private record Z(int rows, int cols, double[] re, double[] im) {
        static Z of(HostMatrix m) {
            int r = (int) m.shape().rows();
            int c = (int) m.shape().cols();
            Z z = new Z(r, c, new double[r * c], new double[r * c]);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    z.re[i + j * r] = LinalgTest.re(m, i, j);
                    z.im[i + j * r] = LinalgTest.im(m, i, j);
                }
            }
            return z;
        }

        static Z identity(int n) {
            Z z = new Z(n, n, new double[n * n], new double[n * n]);
            for (int i = 0; i < n; i++) {
                z.re[i + i * n] = 1;
            }
            return z;
        }

        Z times(Z b) {
            Z out = new Z(rows, b.cols, new double[rows * b.cols], new double[rows * b.cols]);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < b.cols; j++) {
                    double sr = 0;
                    double si = 0;
                    for (int p = 0; p < cols; p++) {
                        double ar = re[i + p * rows];
                        double ai = im[i + p * rows];
                        double br = b.re[p + j * b.rows];
                        double bi = b.im[p + j * b.rows];
                        sr += ar * br - ai * bi;
                        si += ar * bi + ai * br;
                    }
                    out.re[i + j * rows] = sr;
                    out.im[i + j * rows] = si;
                }
            }
            return out;
        }

        Z adjoint() {
            Z out = new Z(cols, rows, new double[rows * cols], new double[rows * cols]);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    out.re[j + i * cols] = re[i + j * rows];
                    out.im[j + i * cols] = -im[i + j * rows];
                }
            }
            return out;
        }

        /** This matrix with column j scaled by the real d[j]. */
        Z scaledColumns(double[] d) {
            Z out = new Z(rows, cols, re.clone(), im.clone());
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) {
                    out.re[i + j * rows] *= d[j];
                    out.im[i + j * rows] *= d[j];
                }
            }
            return out;
        }

        double distance(Z b) {
            assertEquals(rows + "x" + cols, b.rows + "x" + b.cols, "shapes");
            double d = 0;
            for (int i = 0; i < re.length; i++) {
                d = Math.max(d, Math.hypot(re[i] - b.re[i], im[i] - b.im[i]));
            }
            return d;
        }

        double maxAbs() {
            double d = 0;
            for (int i = 0; i < re.length; i++) {
                d = Math.max(d, Math.hypot(re[i], im[i]));
            }
            return d;
        }
    }

    private DeviceTensor upload(HostMatrix m) {
        return fake.upload(0, m.dtype(), new long[] {m.shape().rows(), m.shape().cols()},
                m.shape().layout() == Layout.COLUMN_MAJOR, m.array());
    }

    /** A device matrix (a vector as a column) read back without a recorded transfer. */
    private HostMatrix download(DeviceTensor t) {
        long rows = t.dim(0);
        long cols = t.rank() == 1 ? 1 : t.dim(1);
        return HostMatrix.of(t.dtype(), fake.download(t), MatrixShape.dense(rows, cols, t.isFortranOrder()
                ? Layout.COLUMN_MAJOR : Layout.ROW_MAJOR));
    }

    private Z z(DeviceTensor t) {
        return Z.of(download(t));
    }

    /** A Hermitian positive definite n×n matrix: B·Bᴴ + n·I for a random B, in {@code layout}. */
    private static HostMatrix spd(DType t, int n, Layout layout, long seed) {
        Z b = Z.of(LinalgTest.random(t, n, n, Layout.COLUMN_MAJOR, seed));
        Z a = b.times(b.adjoint());
        for (int i = 0; i < n; i++) {
            a.re[i + i * n] += n;
            a.im[i + i * n] = 0;
        }
        return matrix(t, a, layout);
    }

    /** The matrix z as a HostMatrix of type t in layout. */
    private static HostMatrix matrix(DType t, Z z, Layout layout) {
        Object array = Dense.allocate(t, (long) z.rows * z.cols);
        int slots = t.slotsPerElement();
        for (int i = 0; i < z.rows; i++) {
            for (int j = 0; j < z.cols; j++) {
                int at = (layout == Layout.COLUMN_MAJOR ? i + j * z.rows : i * z.cols + j) * slots;
                Dense.set(array, at, z.re[i + j * z.rows]);
                if (slots == 2) {
                    Dense.set(array, at + 1, z.im[i + j * z.rows]);
                }
            }
        }
        return HostMatrix.of(t, array, MatrixShape.dense(z.rows, z.cols, layout));
    }

    private void assertOnlyDevInfoAndConstantsCrossed(String what) {
        assertTrue(fake.hostTransfers().stream().allMatch(s -> s.startsWith("toHost int[") || s.startsWith("toDevice int[")
                || s.matches("toDevice (double|float)\\[[1-4]\\]")), what + ": only devInfo and constants cross " + fake.hostTransfers());
    }

    private static double u(DType t) {
        return t.unitRoundoff();
    }

    @Test
    void choleskyFactorSolvesAndInverseOnTheDeviceMeetTheBoundsAndMatchTheHost() {
        int n = 7;
        for (DType t : TYPES) {
            for (Layout layout : Layout.values()) {
                for (Uplo uplo : Uplo.values()) {
                    String what = t + " " + layout + " " + uplo;
                    HostMatrix a = spd(t, n, layout, 5);
                    Z za = Z.of(a);
                    DeviceTensor da = upload(a);
                    Object before = fake.download(da);
                    HostMatrix b = LinalgTest.random(t, n, 3, layout, 6);
                    DeviceTensor db = upload(b);
                    fake.hostTransfers().clear();
                    try (DeviceCholeskyFactorization f = DeviceCholeskyFactorization.factor(fake.device(), da, uplo)) {
                        assertEquals(n, f.n());
                        assertEquals(uplo, f.uplo());
                        DeviceTensor factor = f.triangularFactor();
                        Z l = z(factor);
                        for (int i = 0; i < n; i++) {
                            for (int j = 0; j < n; j++) {
                                if (uplo == Uplo.LOWER ? j > i : j < i) {
                                    assertEquals(0, Math.hypot(l.re[i + j * n], l.im[i + j * n]), what + ": other triangle zero");
                                }
                            }
                        }
                        Z product = uplo == Uplo.LOWER ? l.times(l.adjoint()) : l.adjoint().times(l);
                        double be = za.distance(product) / (n * u(t) * za.maxAbs());
                        assertTrue(be <= BOUND, what + ": factor backward error " + be);
                        DeviceTensor x = f.solve(db);
                        assertEquals(db.isFortranOrder(), x.isFortranOrder(), what + ": X in B's order");
                        Z zx = z(x);
                        double se = za.times(zx).distance(Z.of(b)) / (n * u(t) * za.maxAbs() * zx.maxAbs());
                        assertTrue(se <= BOUND, what + ": solve backward error " + se);
                        DeviceTensor inv = f.inverse();
                        Z zi = z(inv);
                        double ie = za.times(zi).distance(Z.identity(n)) / (n * u(t) * za.maxAbs() * zi.maxAbs());
                        assertTrue(ie <= BOUND, what + ": inverse residual " + ie);
                        HostMatrix hostInv = CholeskyFactorization.factor(FuseContext.defaults(), a, uplo).inverse();
                        assertTrue(Z.of(hostInv).distance(zi) <= 1e3 * n * u(t) * zi.maxAbs(), what + " inverse vs host");
                        assertOnlyDevInfoAndConstantsCrossed(what);
                        factor.buffer().close();
                        x.buffer().close();
                        inv.buffer().close();
                    }
                    assertTrue(java.util.Objects.deepEquals(before, fake.download(da)), what + ": A unchanged");
                    DeviceTensor l = DeviceCholeskyFactorization.factor(fake.device(), da, Uplo.LOWER).releaseTriangularFactor();
                    HostMatrix hostL = Linalg.cholesky(a);
                    assertTrue(Z.of(hostL).distance(z(l)) <= 1e3 * n * u(t) * Z.of(hostL).maxAbs(), what + ": cholesky vs host");
                    l.buffer().close();
                    da.buffer().close();
                    db.buffer().close();
                    assertEquals(0, fake.outstanding(), what + ": every allocation and handle released");
                }
            }
        }
        assertTrue(fake.functions().containsAll(List.of("cusolverDnXpotrf", "cusolverDnXpotrs")), fake.functions().toString());
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteNamesTheFailingMinorAsTheHostDoes() {
        double[] a = {4, 0, 0, 0, 0, 9, 0, 0, 0, 0, -1, 0, 0, 0, 0, 2}; // diag(4, 9, -1, 2): minor 3 fails
        HostMatrix host = HostMatrix.of(DType.F64, a, MatrixShape.columnMajor(4, 4));
        long hostInfo = assertThrows(NotPositiveDefiniteException.class, () -> Linalg.cholesky(host)).info();
        DeviceTensor da = fake.upload(0, DType.F64, new long[] {4, 4}, true, a);
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> DeviceCholeskyFactorization.factor(fake.device(), da, Uplo.LOWER));
        assertEquals(3, e.info());
        assertEquals(hostInfo, e.info());
        da.buffer().close();
        assertEquals(0, fake.outstanding(), "the failed factor's image is freed");
    }

    @Test
    void qrOnTheDeviceReconstructsAWithOrthonormalQ() {
        for (DType t : TYPES) {
            for (Layout layout : Layout.values()) {
                for (int[] mn : new int[][] {{8, 5}, {5, 8}, {6, 6}}) {
                    int m = mn[0];
                    int n = mn[1];
                    int k = Math.min(m, n);
                    String what = t + " " + layout + " " + m + "x" + n;
                    HostMatrix a = LinalgTest.random(t, m, n, layout, 11 + m);
                    Z za = Z.of(a);
                    DeviceTensor da = upload(a);
                    fake.hostTransfers().clear();
                    try (DeviceQrFactorization qr = DeviceQrFactorization.factor(fake.device(), da)) {
                        assertEquals(m, qr.rows());
                        assertEquals(n, qr.cols());
                        DeviceTensor r = qr.r();
                        assertEquals(List.of((long) k, (long) n), List.of(r.dim(0), r.dim(1)), what + ": reduced R");
                        Z zr = z(r);
                        for (int i = 0; i < k; i++) {
                            for (int j = 0; j < Math.min(i, n); j++) {
                                assertEquals(0, Math.hypot(zr.re[i + j * k], zr.im[i + j * k]), what + ": R upper");
                            }
                        }
                        for (boolean full : new boolean[] {false, true}) {
                            DeviceTensor q = qr.q(full);
                            Z zq = z(q);
                            assertEquals(full ? m : k, zq.cols, what + " Q columns");
                            double orth = zq.adjoint().times(zq).distance(Z.identity(zq.cols)) / (m * u(t));
                            assertTrue(orth <= BOUND, what + " full=" + full + ": ‖QᴴQ − I‖ " + orth);
                            Z qk = new Z(m, k, java.util.Arrays.copyOf(zq.re, m * k), java.util.Arrays.copyOf(zq.im, m * k));
                            double be = za.distance(qk.times(zr)) / (m * u(t) * za.maxAbs());
                            assertTrue(be <= BOUND, what + " full=" + full + ": ‖A − QR‖ " + be);
                            q.buffer().close();
                        }
                        r.buffer().close();
                        assertOnlyDevInfoAndConstantsCrossed(what);
                    }
                    da.buffer().close();
                    assertEquals(0, fake.outstanding(), what + ": every allocation and handle released");
                }
            }
        }
        assertTrue(fake.functions().containsAll(List.of("cusolverDnXgeqrf", "cusolverDnDorgqr", "cusolverDnZungqr")),
                fake.functions().toString());
    }

    @Test
    void theSvdOnTheDeviceMatchesTheHostsValuesAndReconstructsA() {
        for (DType t : TYPES) {
            for (Layout layout : Layout.values()) {
                for (int[] mn : new int[][] {{9, 4}, {4, 9}, {5, 5}}) {
                    int m = mn[0];
                    int n = mn[1];
                    int k = Math.min(m, n);
                    HostMatrix a = LinalgTest.random(t, m, n, layout, 21 + n);
                    Z za = Z.of(a);
                    HostMatrix hostS = Linalg.svdvals(a);
                    DeviceTensor da = upload(a);
                    for (SvdMode mode : SvdMode.values()) {
                        String what = t + " " + layout + " " + m + "x" + n + " " + mode;
                        fake.hostTransfers().clear();
                        try (DeviceSvd svd = DeviceSpectral.svd(fake.device(), da, mode)) {
                            double[] s = new double[k];
                            Z zs = z(svd.s());
                            for (int i = 0; i < k; i++) {
                                s[i] = zs.re[i];
                                assertEquals(LinalgTest.re(hostS, i, 0), s[i], 8 * k * u(t) * zs.re[0], what + ": σ" + i);
                            }
                            if (mode == SvdMode.VALUES) {
                                assertNull(svd.u());
                                assertNull(svd.vh());
                            } else {
                                Z zu = z(svd.u());
                                Z zvh = z(svd.vh());
                                int p = mode == SvdMode.FULL ? m : k;
                                int q = mode == SvdMode.FULL ? n : k;
                                assertEquals(m + "x" + p + " " + q + "x" + n, zu.rows + "x" + zu.cols + " " + zvh.rows + "x"
                                        + zvh.cols, what + ": shapes");
                                double orthU = zu.adjoint().times(zu).distance(Z.identity(p)) / (m * u(t));
                                double orthV = zvh.times(zvh.adjoint()).distance(Z.identity(q)) / (n * u(t));
                                assertTrue(orthU <= BOUND && orthV <= BOUND, what + ": orthogonality " + orthU + " " + orthV);
                                Z uk = new Z(m, k, java.util.Arrays.copyOf(zu.re, m * k), java.util.Arrays.copyOf(zu.im, m * k));
                                Z vk = zvh.adjoint();
                                vk = new Z(n, k, java.util.Arrays.copyOf(vk.re, n * k), java.util.Arrays.copyOf(vk.im, n * k));
                                double be = za.distance(uk.scaledColumns(s).times(vk.adjoint())) / (Math.max(m, n) * u(t)
                                        * za.maxAbs());
                                assertTrue(be <= BOUND, what + ": ‖A − UΣVᴴ‖ " + be);
                            }
                            assertOnlyDevInfoAndConstantsCrossed(what);
                        }
                    }
                    da.buffer().close();
                    assertEquals(0, fake.outstanding(), t + " " + layout + ": every allocation and handle released");
                }
            }
        }
        assertTrue(fake.functions().contains("cusolverDnXgesvd"), fake.functions().toString());
    }

    @Test
    void hermitianAndGeneralEigenOnTheDeviceMeetTheResidualBoundsAndMatchTheHost() {
        int n = 6;
        for (DType t : TYPES) {
            for (Layout layout : Layout.values()) {
                String what = t + " " + layout;
                HostMatrix h = spd(t, n, layout, 31);
                Z zh = Z.of(h);
                DeviceTensor dh = upload(h);
                HostMatrix hostW = Linalg.eigvalsh(h);
                fake.hostTransfers().clear();
                try (DeviceHermitianEigen e = DeviceSpectral.eigh(fake.device(), dh, Uplo.LOWER, true)) {
                    Z w = z(e.values());
                    Z v = z(e.vectors());
                    for (int i = 0; i < n; i++) {
                        assertEquals(LinalgTest.re(hostW, i, 0), w.re[i], 8 * n * u(t) * zh.maxAbs(), what + ": λ" + i);
                    }
                    double res = zh.times(v).distance(v.scaledColumns(w.re)) / (n * u(t) * zh.maxAbs());
                    assertTrue(res <= BOUND, what + ": ‖AV − VΛ‖ " + res);
                    assertTrue(v.adjoint().times(v).distance(Z.identity(n)) / (n * u(t)) <= BOUND, what + ": VᴴV = I");
                }
                try (DeviceHermitianEigen e = DeviceSpectral.eigh(fake.device(), dh, Uplo.UPPER, false)) {
                    assertNull(e.vectors());
                    assertEquals(LinalgTest.re(hostW, n - 1, 0), z(e.values()).re[n - 1], 8 * n * u(t) * zh.maxAbs());
                }
                dh.buffer().close();

                HostMatrix g = LinalgTest.random(t, n, n, layout, 37);
                Z zg = Z.of(g);
                DeviceTensor dg = upload(g);
                HostMatrix hostL = Linalg.eigvals(g);
                try (DeviceEigen e = DeviceSpectral.eig(fake.device(), dg, true)) {
                    assertTrue(e.values().dtype().isComplex() && e.vectors().dtype().isComplex(), what + ": complex results");
                    Z w = z(e.values());
                    Z v = z(e.vectors());
                    // A·v_j = λ_j·v_j column by column (complex λ).
                    Z av = zg.times(v);
                    double worst = 0;
                    for (int j = 0; j < n; j++) {
                        for (int i = 0; i < n; i++) {
                            double lr = w.re[j] * v.re[i + j * n] - w.im[j] * v.im[i + j * n];
                            double li = w.re[j] * v.im[i + j * n] + w.im[j] * v.re[i + j * n];
                            worst = Math.max(worst, Math.hypot(av.re[i + j * n] - lr, av.im[i + j * n] - li));
                        }
                    }
                    assertTrue(worst / (n * u(t) * zg.maxAbs()) <= BOUND, what + ": ‖Av − λv‖ " + worst);
                    // The same spectrum as the host's (matched as sets: LAPACK's order may differ).
                    for (int j = 0; j < n; j++) {
                        double nearest = Double.MAX_VALUE;
                        for (int i = 0; i < n; i++) {
                            nearest = Math.min(nearest, Math.hypot(LinalgTest.re(hostL, i, 0) - w.re[j],
                                    LinalgTest.im(hostL, i, 0) - w.im[j]));
                        }
                        assertTrue(nearest <= 1e3 * n * u(t) * zg.maxAbs(), what + ": λ" + j + " off the host's by " + nearest);
                    }
                    assertOnlyDevInfoAndConstantsCrossed(what);
                }
                try (DeviceEigen e = DeviceSpectral.eig(fake.device(), dg, false)) {
                    assertNull(e.vectors());
                    assertEquals(n, e.values().elementCount());
                }
                dg.buffer().close();
                assertEquals(0, fake.outstanding(), what + ": every allocation and handle released");
            }
        }
        assertTrue(fake.functions().containsAll(List.of("cusolverDnXsyevd", "cusolverDnXgeev")), fake.functions().toString());
    }

    @Test
    void emptyMatricesGiveEmptyOrIdentityResultsWithoutACall() {
        DeviceTensor wide = fake.upload(0, DType.F64, new long[] {3, 0}, true, new double[0]);
        try (DeviceSvd svd = DeviceSpectral.svd(fake.device(), wide, SvdMode.FULL)) {
            assertEquals(0, svd.s().elementCount());
            assertTrue(Z.identity(3).distance(z(svd.u())) == 0, "U = I");
        }
        try (DeviceQrFactorization qr = DeviceQrFactorization.factor(fake.device(), wide)) {
            DeviceTensor q = qr.q(true);
            assertTrue(Z.identity(3).distance(z(q)) == 0, "full Q = I");
            q.buffer().close();
        }
        wide.buffer().close();
        assertTrue(fake.functions().isEmpty(), fake.functions().toString());
        assertEquals(0, fake.outstanding());
    }

    @Test
    void badOperandsAreRejectedByNameBeforeAnyCall() {
        DeviceTensor wide = fake.upload(0, DType.F64, new long[] {2, 3}, false, new double[6]);
        DeviceTensor vector = fake.upload(0, DType.F64, new long[] {4}, false, new double[4]);
        DeviceTensor elsewhere = fake.upload(1, DType.F64, new long[] {2, 2}, false, new double[] {2, 0, 0, 2});
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {2, 2}, false, new double[] {2, 0, 0, 2});
        assertEquals("a", assertThrows(ShapeMismatchException.class,
                () -> DeviceCholeskyFactorization.factor(fake.device(), wide, Uplo.LOWER)).argument());
        assertEquals("a", assertThrows(ShapeMismatchException.class,
                () -> DeviceSpectral.eigh(fake.device(), wide, Uplo.LOWER, true)).argument());
        assertEquals("a", assertThrows(ShapeMismatchException.class, () -> DeviceSpectral.eig(fake.device(), wide, true)).argument());
        assertEquals("a", assertThrows(ShapeMismatchException.class,
                () -> DeviceSpectral.svd(fake.device(), vector, SvdMode.THIN)).argument());
        assertEquals("a", assertThrows(ShapeMismatchException.class, () -> DeviceQrFactorization.factor(fake.device(), vector)).argument());
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> DeviceCholeskyFactorization.factor(fake.device(), elsewhere, Uplo.LOWER),
                () -> DeviceQrFactorization.factor(fake.device(), elsewhere),
                () -> DeviceSpectral.svd(fake.device(), elsewhere, SvdMode.FULL),
                () -> DeviceSpectral.eigh(fake.device(), elsewhere, Uplo.LOWER, true),
                () -> DeviceSpectral.eig(fake.device(), elsewhere, true))) {
            InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call);
            assertEquals("a", e.argument());
            assertTrue(e.getMessage().contains("device 1") && e.getMessage().contains("device 0"), e.getMessage());
        }
        assertEquals("uplo", assertThrows(InvalidArgumentException.class,
                () -> DeviceCholeskyFactorization.factor(fake.device(), a, null)).argument());
        assertEquals("mode", assertThrows(InvalidArgumentException.class, () -> DeviceSpectral.svd(fake.device(), a, null)).argument());
        try (DeviceCholeskyFactorization f = DeviceCholeskyFactorization.factor(fake.device(), a, Uplo.LOWER)) {
            DeviceTented.check(f, fake.upload(0, DType.F64, new long[] {3}, false, new double[3]),
                    fake.upload(0, DType.F32, new long[] {2}, false, new float[2]),
                    fake.upload(0, DType.F64, new long[] {2, 2}, false, new double[4]));
            f.close();
            assertThrows(IllegalStateException.class, () -> f.solve(vector));
            assertThrows(IllegalStateException.class, f::inverse);
        }
        DeviceQrFactorization qr = DeviceQrFactorization.factor(fake.device(), a);
        qr.close();
        assertThrows(IllegalStateException.class, qr::r);
        assertThrows(IllegalStateException.class, () -> qr.q(true));
        int made = fake.functions().size();
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> Linalg.cholesky(FuseContext.defaults(), a)).argument(), "a host context for a device tensor");
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> Linalg.svd(FuseContext.defaults(), a, SvdMode.FULL)).argument());
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> Linalg.eigh(FuseContext.defaults(), a, Uplo.LOWER, true)).argument());
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> Linalg.eig(FuseContext.defaults(), a, true)).argument());
        assertEquals("context", assertThrows(InvalidArgumentException.class,
                () -> QrFactorization.factor(FuseContext.defaults(), a)).argument());
        assertEquals(made, fake.functions().size(), "no cuSOLVER call for a rejected operand");
    }

    @Test
    void thePublicFormsRaiseTheProbesReasonWithoutADevice() {
        java.util.Optional<org.fusemath.api.DeviceUnavailableException> probe = org.fusemath.cuda.CudaProbe.get()
                .failure(0, org.fusemath.cuda.CudaLibrary.CUSOLVER);
        org.junit.jupiter.api.Assumptions.assumeTrue(probe.isPresent(), "a device with cuSOLVER is usable here; the gpu test covers it");
        DeviceTensor a = fake.upload(0, DType.F64, new long[] {2, 2}, false, new double[] {2, 0, 0, 2});
        String reason = probe.get().getMessage();
        for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                () -> Linalg.cholesky(a), () -> CholeskyFactorization.factor(null, a, Uplo.UPPER),
                () -> QrFactorization.factor(null, a), () -> Linalg.svd(a), () -> Linalg.svdvals(a),
                () -> Linalg.eigh(a), () -> Linalg.eigvalsh(a), () -> Linalg.eig(a), () -> Linalg.eigvals(a))) {
            assertEquals(reason, assertThrows(org.fusemath.api.DeviceUnavailableException.class, call).getMessage());
        }
        a.buffer().close();
    }

    /** The solve and inverse operand checks of a device Cholesky factorisation of order 2. */
    private static final class DeviceTented {
        static void check(DeviceCholeskyFactorization f, DeviceTensor tooLong, DeviceTensor floats, DeviceTensor cOrderOut) {
            assertEquals("b", assertThrows(ShapeMismatchException.class, () -> f.solve(tooLong)).argument());
            assertEquals("b", assertThrows(InvalidArgumentException.class, () -> f.solve(floats)).argument());
            assertEquals("out", assertThrows(InvalidArgumentException.class, () -> f.inverse(cOrderOut)).argument());
            for (DeviceTensor t : new DeviceTensor[] {tooLong, floats, cOrderOut}) {
                t.buffer().close();
            }
        }
    }
}
