package org.fusemath.blas.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NativeCallsTest {
    /** The selected table, plus the JavaCPP one when FFM was selected, so both implementations run on JDK 22+. */
    static List<NativeBlas> tables() {
        List<NativeBlas> t = new ArrayList<>();
        t.add(NativeCalls.blas());
        if (!NativeCalls.callPath().equals("javacpp")) {
            t.add(new JavacppBlas());
        }
        return t;
    }

    @Test
    void selectedCallPathMatchesTheJdkRun() {
        String run = System.getProperty("fusemath.test.jdk", "default");
        boolean expectFfm = run.equals("jdk22") && Runtime.version().feature() >= 22;
        String forced = System.getProperty("fusemath.host.callPath", "");
        String expected = expectFfm ? "ffm" : forced.equals("javacpp") ? "javacpp" : "netlib";
        System.out.println("[fusemath] blas tests on Java " + Runtime.version() + ", run '" + run + "', host call path "
                + NativeCalls.callPath() + " (" + NativeCalls.reason() + "); " + NativeCalls.blas().config()
                + ", core " + NativeCalls.blas().coreName());
        assertEquals(expected, NativeCalls.callPath(), NativeCalls.reason());
        assertEquals(NativeCalls.callPath(), NativeCalls.blas().callPath());
        if (expectFfm) {
            assertTrue(NativeCalls.blas().config().startsWith("OpenBLAS 0.3"), NativeCalls.blas().config());
        }
    }

    static Stream<Arguments> gemmCases() {
        List<Arguments> cases = new ArrayList<>();
        for (NativeBlas table : tables()) {
            for (DType t : DType.values()) {
                for (Layout order : Layout.values()) {
                    for (Trans ta : Trans.values()) {
                        for (Trans tb : new Trans[] {Trans.N, Trans.T, Trans.C}) {
                            cases.add(Arguments.of(table.callPath(), table, t, order, ta, tb));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    private static MatrixShape shape(Layout order, int rows, int cols, int pad, int offset) {
        int inner = order == Layout.ROW_MAJOR ? cols : rows;
        return MatrixShape.dense(rows, cols, order).withLd(Math.max(1, inner) + pad).withOffset(offset);
    }

    private static Op op(Trans t) {
        return switch (t) {
            case N, R -> Op.NONE;
            case T -> Op.TRANSPOSE;
            case C -> Op.CONJUGATE_TRANSPOSE;
        };
    }

    @ParameterizedTest(name = "{0} {2} {3} {4}{5}")
    @MethodSource("gemmCases")
    void gemmMatchesTheReferenceAndLeavesGapsAlone(String path, NativeBlas table, DType t, Layout order, Trans ta,
                                                   Trans tb) {
        int m = 5;
        int n = 7;
        int k = 3;
        HostMatrix a = Ref.random(t, shape(order, ta.transposes() ? k : m, ta.transposes() ? m : k, 2, 3), 1);
        HostMatrix b = Ref.random(t, shape(order, tb.transposes() ? n : k, tb.transposes() ? k : n, 1, 2), 2);
        HostMatrix c = Ref.random(t, shape(order, m, n, 3, 1), 3);
        Object before = Ref.copy(c.array());
        Scalar alpha = t.isComplex() ? Scalar.of(0.5, -1.5) : Scalar.of(1.5);
        Scalar beta = t.isComplex() ? Scalar.of(-0.25, 0.75) : Scalar.of(-0.5);
        // R (conjugate, no transpose) is op NONE on conj(A): the reference conjugates A's copy instead.
        HostMatrix refA = ta == Trans.R ? conjugated(a) : a;
        Ref.Expected want = Ref.gemm(op(ta), op(tb), alpha, refA, 0, b, 0, beta, HostMatrix.of(t, before, c.shape()), 0);
        table.gemm(t, order, ta, tb, m, n, k, alpha.re(), alpha.im(), a.array(), (int) a.shape().offset(),
                (int) a.shape().ld(), b.array(), (int) b.shape().offset(), (int) b.shape().ld(), beta.re(), beta.im(),
                c.array(), (int) c.shape().offset(), (int) c.shape().ld());
        double ratio = want.worstRatio(c, 0);
        assertTrue(ratio <= 1, "error / bound = " + ratio);
        Ref.assertGapsUnchanged(c, before);
    }

    private static HostMatrix conjugated(HostMatrix a) {
        Object copy = Ref.copy(a.array());
        if (a.dtype().isComplex()) {
            int slots = java.lang.reflect.Array.getLength(copy);
            for (int i = 1; i < slots; i += 2) {
                Ref.set(copy, i, -Ref.get(copy, i));
            }
        }
        return HostMatrix.of(a.dtype(), copy, a.shape());
    }

    @Test
    void betaZeroNeverReadsCAndKZeroScalesC() {
        for (NativeBlas table : tables()) {
            for (DType t : DType.values()) {
                int s = t.slotsPerElement();
                Object a = Ref.random(t, 4 * s, 4);
                Object b = Ref.random(t, 4 * s, 5);
                Object c = Ref.random(t, 4 * s, 6);
                for (int i = 0; i < 4 * s; i++) {
                    Ref.set(c, i, Double.NaN);
                }
                table.gemm(t, Layout.ROW_MAJOR, Trans.N, Trans.N, 2, 2, 2, 1, 0, a, 0, 2, b, 0, 2, 0, 0, c, 0, 2);
                for (int i = 0; i < 4 * s; i++) {
                    assertTrue(!Double.isNaN(Ref.get(c, i)), table.callPath() + " " + t + ": NaN leaked from C at " + i);
                }
                Object c2 = Ref.random(t, 4 * s, 7);
                Object expected = Ref.copy(c2);
                table.gemm(t, Layout.ROW_MAJOR, Trans.N, Trans.N, 2, 2, 0, 1, 0, a, 0, 1, b, 0, 2, 2, 0, c2, 0, 2);
                for (int i = 0; i < 4 * s; i++) {
                    assertEquals(2 * Ref.get(expected, i), Ref.get(c2, i), table.callPath() + " " + t + " k=0 slot " + i);
                }
            }
        }
    }

    @Test
    void aThreadCountPastTheProcessorsIsCapped() {
        int before = OpenBlasThreads.requested();
        try {
            // A huge request is capped at the processors, not handed to OpenBLAS to start threads for.
            NativeCalls.blas().ensureThreads(1_000_000);
            assertEquals(Runtime.getRuntime().availableProcessors(), OpenBlasThreads.requested());
            NativeCalls.blas().ensureThreads(1);
            assertEquals(1, OpenBlasThreads.requested());
        } finally {
            OpenBlasThreads.request(before);
        }
    }

    @Test
    void threadCountIsSetOnTheOpenBlasInstanceJniUses() {
        NativeBlas table = NativeCalls.blas();
        for (int count : new int[] {1, 2, 1}) {
            OpenBlasThreads.enter(count);
            try {
                assertEquals(count, table.threads(), "the gate set " + count);
                if (table.callPath().equals("ffm")) {
                    // The gate sets the count through JavaCPP's JNI; the FFM table must call that same OpenBLAS copy.
                    openblas.blas_set_num_threads(3 - count);
                    assertEquals(3 - count, table.threads(), "the FFM table calls another OpenBLAS copy than JavaCPP's JNI");
                    openblas.blas_set_num_threads(count);
                }
            } finally {
                OpenBlasThreads.exit();
            }
        }
    }

    @Test
    void javacppStagingIsReusedAcrossCalls() {
        JavacppBlas table = new JavacppBlas();
        double[] a = (double[]) Ref.random(DType.F64, 64 * 64, 8);
        double[] b = (double[]) Ref.random(DType.F64, 64 * 64, 9);
        double[] c = new double[64 * 64];
        table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N, 64, 64, 64, 1, 0, a, 0, 64, b, 0, 64, 0, 0, c, 0, 64);
        long allocations = Staging.allocations();
        for (int i = 0; i < 20; i++) {
            table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N, 64 - i, 64, 64, 1, 0, a, 0, 64, b, 0, 64, 1, 0, c,
                    0, 64);
        }
        assertEquals(allocations, Staging.allocations(), "a call with sizes already seen allocated native memory");
        double[] big = new double[128 * 128];
        table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N, 128, 128, 1, 1, 0, big, 0, 1, big, 0, 128, 0, 0,
                new double[128 * 128], 0, 128);
        assertTrue(Staging.allocations() > allocations, "a larger call must grow the staging");
    }

    @Test
    void badArgumentsAreRejectedBeforeTheNativeCall() {
        for (NativeBlas table : tables()) {
            double[] a = new double[6];
            float[] f = new float[6];
            assertThrows(InvalidArgumentException.class, () -> table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N,
                    2, 2, 3, 1, 0, a, 0, 3, new double[5], 0, 2, 0, 0, new double[4], 0, 2), "B needs 3x2 = 6 slots");
            assertThrows(InvalidArgumentException.class, () -> table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N,
                    2, 2, 3, 1, 0, a, 1, 3, a, 0, 2, 0, 0, new double[4], 0, 2));
            assertThrows(InvalidArgumentException.class, () -> table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N,
                    2, 2, 3, 1, 0, a, 0, 2, a, 0, 2, 0, 0, new double[4], 0, 2));
            assertThrows(InvalidArgumentException.class, () -> table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N,
                    2, 2, 3, 1, 0, f, 0, 3, a, 0, 2, 0, 0, new double[4], 0, 2));
            assertThrows(InvalidArgumentException.class, () -> table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N,
                    -1, 2, 3, 1, 0, a, 0, 3, a, 0, 2, 0, 0, new double[4], 0, 2));
            assertThrows(InvalidArgumentException.class, () -> table.gemm(DType.F64, Layout.ROW_MAJOR, Trans.N, Trans.N,
                    2, 2, 3, 1, 1, a, 0, 3, a, 0, 2, 0, 0, new double[4], 0, 2), "complex alpha for a real type");
            assertThrows(InvalidArgumentException.class, () -> table.axpy(DType.F64, 3, 1, 0, a, 0, 0, a, 0, 1));
            assertThrows(InvalidArgumentException.class, () -> table.nrm2(DType.F64, 4, a, 0, 2));
            assertThrows(InvalidArgumentException.class, () -> table.syrk(DType.F64, Layout.ROW_MAJOR,
                    org.fusemath.blas.Uplo.UPPER, Trans.C, 2, 2, 1, 0, a, 0, 2, 0, 0, a, 0, 2));
        }
    }
}
