package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaProbe;
import org.fusemath.solver.Linalg;
import org.fusemath.solver.device.DecompositionCall.Routine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The QR, SVD and eigen making code run against {@link CpuCusolver} (each description executed through the host
 * LAPACK routine of the identical contract on the memory it addresses) and judged by error bounds in units of
 * u = the type's unit roundoff: orthogonality ‖QᴴQ − I‖ ≤ 10·m·u, reconstruction ‖A − Q·R‖, ‖A − U·Σ·Vᴴ‖,
 * ‖A·V − V·Λ‖ ≤ 10·m·u·‖A‖ (max norms), the values against the host provider's within the same bound; every
 * allocation and handle released, one workspace query per call.
 */
class DeviceDecompositionTest {
    /** A column-major m×n image with leading dimension lda, entries uniform in [-1, 1). */
    static Object random(DType t, int lda, int n, long seed) {
        Random r = new Random(seed);
        int slots = lda * n * t.slotsPerElement();
        double[] d = new double[slots];
        for (int i = 0; i < slots; i++) {
            d[i] = 2 * r.nextDouble() - 1;
        }
        return narrow(t, d);
    }

    static Object narrow(DType t, double[] d) {
        if (!t.isSinglePrecision()) {
            return d;
        }
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Any image as interleaved complex doubles. */
    static double[] complex(DType t, Object array) {
        double[] d = array instanceof double[] dd ? dd : widen((float[]) array);
        if (t.isComplex()) {
            return d;
        }
        double[] c = new double[2 * d.length];
        for (int i = 0; i < d.length; i++) {
            c[2 * i] = d[i];
        }
        return c;
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    static double u(DType t) {
        return t.isSinglePrecision() ? Math.ulp(1f) / 2 : Math.ulp(1d) / 2;
    }

    /** Element (i, j) of the interleaved column-major c with leading dimension ld: {re, im}. */
    static double re(double[] c, int ld, int i, int j) {
        return c[2 * (i + j * ld)];
    }

    static double im(double[] c, int ld, int i, int j) {
        return c[2 * (i + j * ld) + 1];
    }

    static double maxAbs(double[] c) {
        double m = 0;
        for (int i = 0; i < c.length; i += 2) {
            m = Math.max(m, Math.hypot(c[i], c[i + 1]));
        }
        return m;
    }

    private static DeviceDecomposition.Result run(List<DecompositionCall> sequence, Object a, int expectedQueries) {
        CpuDeviceMemory memory = new CpuDeviceMemory();
        CpuCusolver calls = new CpuCusolver(memory);
        DeviceDecomposition.Result r = DeviceDecomposition.run(sequence, a, calls, memory);
        assertEquals(0, memory.outstanding(), "allocations left");
        assertEquals(0, calls.outstanding(), "handles left");
        assertEquals(expectedQueries, calls.queries(), "one workspace query per call");
        assertEquals(sequence, calls.decompositions());
        return r;
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void qrThroughGeqrfAndOrgqrIsOrthonormalAndReconstructsA(DType t) {
        int m = 9;
        int n = 6;
        int lda = 10;
        Object a = random(t, lda, n, 11);
        DecompositionCall geqrf = DecompositionCall.of(Routine.X_GEQRF, t, m, n, 0, lda, 1, 1, 'N', 'N', Uplo.LOWER);
        DecompositionCall orgqr = DecompositionCall.of(Routine.ORGQR, t, m, n, n, lda, 1, 1, 'N', 'N', Uplo.LOWER);
        double[] r = complex(t, run(List.of(geqrf), a, 1).a());
        DeviceDecomposition.Result qr = run(List.of(geqrf, orgqr), a, 2);
        assertEquals(0, qr.info());
        double[] q = complex(t, qr.a());
        double[] ac = complex(t, a);
        double bound = 10 * m * u(t);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) { // (QᴴQ)_ij
                double sr = 0;
                double si = 0;
                for (int p = 0; p < m; p++) {
                    sr += re(q, lda, p, i) * re(q, lda, p, j) + im(q, lda, p, i) * im(q, lda, p, j);
                    si += re(q, lda, p, i) * im(q, lda, p, j) - im(q, lda, p, i) * re(q, lda, p, j);
                }
                assertTrue(Math.hypot(sr - (i == j ? 1 : 0), si) <= bound, t + " QᴴQ(" + i + "," + j + ")");
            }
        }
        double norm = maxAbs(ac);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) { // (Q·R)_ij, R the upper triangle geqrf left
                double sr = 0;
                double si = 0;
                for (int p = 0; p <= j; p++) {
                    sr += re(q, lda, i, p) * re(r, lda, p, j) - im(q, lda, i, p) * im(r, lda, p, j);
                    si += re(q, lda, i, p) * im(r, lda, p, j) + im(q, lda, i, p) * re(r, lda, p, j);
                }
                assertTrue(Math.hypot(sr - re(ac, lda, i, j), si - im(ac, lda, i, j)) <= bound * n * norm,
                        t + " (QR - A)(" + i + "," + j + ")");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gesvdReconstructsAAndHasTheHostsSingularValues(DType t) {
        int m = 8;
        int n = 5;
        Object a = random(t, m, n, 23);
        DecompositionCall gesvd = DecompositionCall.of(Routine.X_GESVD, t, m, n, 0, m, m, n, 'S', 'S', Uplo.LOWER);
        DeviceDecomposition.Result r = run(List.of(gesvd), a, 1);
        assertEquals(0, r.info());
        double[] s = r.values() instanceof double[] d ? d : widen((float[]) r.values());
        double[] uu = complex(t, r.u());
        double[] vt = complex(t, r.vt());
        double[] ac = complex(t, a);
        double norm = maxAbs(ac);
        double bound = 10 * m * u(t) * n * norm;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int p = 0; p < n; p++) {
                    sr += s[p] * (re(uu, m, i, p) * re(vt, n, p, j) - im(uu, m, i, p) * im(vt, n, p, j));
                    si += s[p] * (re(uu, m, i, p) * im(vt, n, p, j) + im(uu, m, i, p) * re(vt, n, p, j));
                }
                assertTrue(Math.hypot(sr - re(ac, m, i, j), si - im(ac, m, i, j)) <= bound, t + " (UΣVᴴ - A)(" + i + "," + j + ")");
            }
        }
        double[] host = complex(t.isSinglePrecision() ? DType.F32 : DType.F64,
                Linalg.svdvals(HostMatrix.of(t, a, MatrixShape.columnMajor(m, n))).array());
        for (int p = 0; p < n; p++) {
            assertTrue(Math.abs(s[p] - host[2 * p]) <= bound, t + " σ" + p + " " + s[p] + " vs host " + host[2 * p]);
        }
    }

    /** A Hermitian n×n image (column-major, lda = n): (B + Bᴴ) / 2. */
    static Object hermitian(DType t, int n, long seed) {
        double[] b = complex(t, random(t, n, n, seed));
        double[] h = new double[t.isComplex() ? 2 * n * n : n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double hr = (re(b, n, i, j) + re(b, n, j, i)) / 2;
                double hi = i == j ? 0 : (im(b, n, i, j) - im(b, n, j, i)) / 2;
                if (t.isComplex()) {
                    h[2 * (i + j * n)] = hr;
                    h[2 * (i + j * n) + 1] = hi;
                } else {
                    h[i + j * n] = hr;
                }
            }
        }
        return narrow(t, h);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void syevdHasSmallResidualsAndTheHostsEigenvalues(DType t) {
        int n = 7;
        Object a = hermitian(t, n, 5);
        DecompositionCall syevd = DecompositionCall.of(Routine.X_SYEVD, t, n, n, 0, n, 1, 1, 'V', 'N', Uplo.LOWER);
        DeviceDecomposition.Result r = run(List.of(syevd), a, 1);
        assertEquals(0, r.info());
        double[] w = r.values() instanceof double[] d ? d : widen((float[]) r.values());
        double[] v = complex(t, r.a());
        double[] ac = complex(t, a);
        double bound = 10 * n * u(t) * n * maxAbs(ac);
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                assertTrue(w[j - 1] <= w[j], "ascending");
            }
            for (int i = 0; i < n; i++) { // (A·v_j − w_j·v_j)_i
                double sr = -w[j] * re(v, n, i, j);
                double si = -w[j] * im(v, n, i, j);
                for (int p = 0; p < n; p++) {
                    sr += re(ac, n, i, p) * re(v, n, p, j) - im(ac, n, i, p) * im(v, n, p, j);
                    si += re(ac, n, i, p) * im(v, n, p, j) + im(ac, n, i, p) * re(v, n, p, j);
                }
                assertTrue(Math.hypot(sr, si) <= bound, t + " residual (" + i + "," + j + ")");
            }
        }
        double[] host = complex(t.isSinglePrecision() ? DType.F32 : DType.F64,
                Linalg.eigvalsh(HostMatrix.of(t, a, MatrixShape.columnMajor(n, n))).array());
        for (int j = 0; j < n; j++) {
            assertTrue(Math.abs(w[j] - host[2 * j]) <= bound, t + " λ" + j + " " + w[j] + " vs host " + host[2 * j]);
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void geevRightVectorsHaveSmallResiduals(DType t) {
        int n = 6;
        int ldvr = 7;
        Object a = random(t, n, n, 41);
        DecompositionCall geev = DecompositionCall.of(Routine.X_GEEV, t, n, n, 0, n, ldvr, 1, 'V', 'N', Uplo.LOWER);
        DeviceDecomposition.Result r = run(List.of(geev), a, 1);
        assertEquals(0, r.info());
        double[] wRaw = complex(t, r.values());
        double[] vRaw = complex(t, r.u());
        // Decode cuSOLVER's real-W convention (real parts, then imaginary parts; a pair's vector as two columns).
        double[] w = new double[2 * n];
        double[] v = new double[2 * ldvr * n];
        for (int j = 0; j < n; j++) {
            w[2 * j] = wRaw[2 * j]; // complex: Re w_j; real: W[j], the real part
            w[2 * j + 1] = t.isComplex() ? wRaw[2 * j + 1] : wRaw[2 * (n + j)];
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (t.isComplex() || w[2 * j + 1] == 0) {
                    v[2 * (i + j * ldvr)] = re(vRaw, ldvr, i, j);
                    v[2 * (i + j * ldvr) + 1] = im(vRaw, ldvr, i, j);
                } else if (w[2 * j + 1] > 0) {
                    v[2 * (i + j * ldvr)] = re(vRaw, ldvr, i, j);
                    v[2 * (i + j * ldvr) + 1] = re(vRaw, ldvr, i, j + 1);
                    v[2 * (i + (j + 1) * ldvr)] = re(vRaw, ldvr, i, j);
                    v[2 * (i + (j + 1) * ldvr) + 1] = -re(vRaw, ldvr, i, j + 1);
                }
            }
        }
        double[] ac = complex(t, a);
        double bound = 10 * n * u(t) * n * maxAbs(ac);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double sr = -(w[2 * j] * re(v, ldvr, i, j) - w[2 * j + 1] * im(v, ldvr, i, j));
                double si = -(w[2 * j] * im(v, ldvr, i, j) + w[2 * j + 1] * re(v, ldvr, i, j));
                for (int p = 0; p < n; p++) {
                    sr += re(ac, n, i, p) * re(v, ldvr, p, j) - im(ac, n, i, p) * im(v, ldvr, p, j);
                    si += re(ac, n, i, p) * im(v, ldvr, p, j) + im(ac, n, i, p) * re(v, ldvr, p, j);
                }
                assertTrue(Math.hypot(sr, si) <= bound, t + " residual (" + i + "," + j + ")");
            }
        }
        // The host provider's eigenvalues (the same geev on the same input, in LAPACK's order) within the residual bound.
        Object hostValues = Linalg.eigvals(HostMatrix.of(t, a, MatrixShape.columnMajor(n, n))).array();
        double[] host = hostValues instanceof double[] hd ? hd : widen((float[]) hostValues);
        for (int j = 0; j < n; j++) {
            assertTrue(Math.hypot(w[2 * j] - host[2 * j], w[2 * j + 1] - host[2 * j + 1]) <= bound, t + " λ" + j);
        }
    }

    @Test
    void descriptionsAreCheckedBeforeAnyNativeCall() {
        InvalidArgumentException wide = assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_GESVD, DType.F64, 3, 5, 0, 3, 3, 5, 'S', 'S', Uplo.LOWER));
        assertTrue(wide.getMessage().contains("m >= n"), wide.getMessage());
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_GESVD, DType.F64, 5, 3, 0, 5, 4, 3, 'S', 'S', Uplo.LOWER), "ldu < m");
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_GESVD, DType.F64, 5, 3, 0, 5, 5, 3, 'O', 'S', Uplo.LOWER), "jobu O");
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_GEQRF, DType.F64, 5, 3, 0, 4, 1, 1, 'N', 'N', Uplo.LOWER), "lda < m");
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.ORGQR, DType.F64, 5, 3, 4, 5, 1, 1, 'N', 'N', Uplo.LOWER), "k > n");
        InvalidArgumentException big = assertThrows(InvalidArgumentException.class, () -> DecompositionCall.of(
                Routine.ORGQR, DType.F64, 1L << 31, 3, 3, 1L << 31, 1, 1, 'N', 'N', Uplo.LOWER));
        assertTrue(big.getMessage().contains("2^31-1"), big.getMessage());
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_SYEVD, DType.F64, 4, 3, 0, 4, 1, 1, 'V', 'N', Uplo.LOWER), "square");
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_GEEV, DType.F64, 4, 4, 0, 4, 3, 1, 'V', 'N', Uplo.LOWER), "ldvr < n");
        assertThrows(InvalidArgumentException.class,
                () -> DecompositionCall.of(Routine.X_GEEV, DType.F64, 4, 4, 0, 4, 4, 1, 'X', 'N', Uplo.LOWER), "job X");
        DecompositionCall syevd = DecompositionCall.of(Routine.X_SYEVD, DType.F64, 4, 4, 0, 4, 1, 1, 'V', 'N', Uplo.LOWER);
        CpuDeviceMemory memory = new CpuDeviceMemory();
        CpuCusolver calls = new CpuCusolver(memory);
        InvalidArgumentException size = assertThrows(InvalidArgumentException.class,
                () -> DeviceDecomposition.run(List.of(syevd), new double[15], calls, memory));
        assertTrue(size.getMessage().contains("double[16]"), size.getMessage());
        assertThrows(InvalidArgumentException.class,
                () -> DeviceDecomposition.run(List.of(syevd), new float[16], calls, memory), "wrong precision");
        assertThrows(InvalidArgumentException.class,
                () -> DeviceDecomposition.run(List.of(syevd.bufferSizeQuery()), new double[16], calls, memory), "a query");
        assertEquals(0, calls.queries() + calls.decompositions().size() + memory.outstanding(), "nothing reached the calls");
    }

    @Test
    void aFailedCallReportsItsInfoAndStops() {
        int n = 4;
        double[] a = new double[n * n];
        a[0] = Double.NaN; // LAPACK's syevd on NaN: info != 0 or NaN values; either way nothing past the failure runs
        DecompositionCall syevd = DecompositionCall.of(Routine.X_SYEVD, DType.F64, n, n, 0, n, 1, 1, 'V', 'N', Uplo.LOWER);
        DeviceDecomposition.Result r = run(List.of(syevd), a, 1);
        assertTrue(r.info() != 0 ? r.a() == null && r.failedCall() == 0 : r.failedCall() == -1);
    }

    @Test
    void withoutADeviceTheEntryPointSaysWhyAfterAskingTheProbe() {
        if (CudaProbe.get().usable()) {
            return;
        }
        DecompositionCall syevd = DecompositionCall.of(Routine.X_SYEVD, DType.F64, 2, 2, 0, 2, 1, 1, 'N', 'N', Uplo.LOWER);
        DeviceUnavailableException none = assertThrows(DeviceUnavailableException.class, () -> DeviceDecomposition.run(
                FuseContext.builder().execution(Execution.device(0)).build(), List.of(syevd), new double[4]));
        assertEquals(CudaProbe.get().reason().orElseThrow(), none.reason());
        // The public entry point goes through the same dispatch: DEVICE without a device says why, HOST computes.
        HostMatrix a = HostMatrix.of(new double[] {2, 1, 1, 2}, 2, 2);
        DeviceUnavailableException viaLinalg = assertThrows(DeviceUnavailableException.class, () -> Linalg.eigh(
                FuseContext.builder().execution(Execution.device(0)).build(), a, Uplo.LOWER, true));
        assertEquals(CudaProbe.get().reason().orElseThrow(), viaLinalg.reason());
        assertEquals(3.0, ((double[]) Linalg.eigh(a).values().array())[1], 4 * Math.ulp(3.0));
    }
}
