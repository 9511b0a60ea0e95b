package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fusemath.api.CudaLibraryException;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Diag;
import org.fusemath.blas.HostVector;
import org.fusemath.blas.LevelChecks;
import org.fusemath.blas.Op;
import org.fusemath.blas.Ref;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.device.CublasRoutineCall.Back;
import org.fusemath.blas.device.CublasRoutineCall.Fill;
import org.fusemath.blas.device.CublasRoutineCall.Operand;
import org.fusemath.blas.device.CublasRoutineCall.Role;
import org.fusemath.blas.device.CublasRoutineCall.Source;
import org.fusemath.blas.spi.BlasValidationSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The device level 1–3 routines proven on the CPU: {@link Blas}'s DEVICE forms run end to end (checks, storage-order
 * normalisation, {@link RoutineDescriptions}, images, copies) against {@link CpuCublas}, which executes each
 * described cuBLAS call from its C arguments through OpenBLAS's column-major contract and checks every access
 * against its allocation; the results must meet the same bounds as the host ({@link LevelChecks}), and every
 * handle and allocation must be released, also when any step fails. Plus the descriptions themselves, the entry
 * points' names and their presence in the JavaCPP preset.
 */
class CublasRoutinesTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    /** Runs {@code body} with the device routines on {@code fake}; then every handle and allocation must be gone. */
    private static void onFake(CpuCublas fake, Runnable body) {
        CublasHandles handles = new CublasHandles(fake, 0);
        try {
            CublasRoutines.withAccess(new CublasRoutines.DeviceAccess(handles, context -> fake), () -> {
                body.run();
                return null;
            });
        } finally {
            handles.drain();
        }
        assertEquals(0, fake.live(), fake.liveDescription());
    }

    private static void assertCalled(CpuCublas fake, DType t, CublasRoutine... routines) {
        for (CublasRoutine r : routines) {
            if (r.supports(t)) {
                assertTrue(fake.count(r.entryPoint(t, false)) > 0, r.entryPoint(t, false) + " was never called: " + fake.log());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void level1MeetsTheHostBoundsThroughTheFake(DType t) {
        CpuCublas fake = new CpuCublas();
        onFake(fake, () -> LevelChecks.level1(t, DEVICE));
        assertCalled(fake, t, CublasRoutine.DOT, CublasRoutine.DOTC, CublasRoutine.NRM2, CublasRoutine.ASUM,
                CublasRoutine.IAMAX, CublasRoutine.AXPY, CublasRoutine.SCAL);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void level2MeetsTheHostBoundsThroughTheFake(DType t) {
        CpuCublas fake = new CpuCublas();
        onFake(fake, () -> LevelChecks.gemvGerTrsv(t, DEVICE));
        assertCalled(fake, t, CublasRoutine.GEMV, CublasRoutine.GER, CublasRoutine.GERC, CublasRoutine.TRSV,
                CublasRoutine.SCAL);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void level3MeetsTheHostBoundsThroughTheFake(DType t) {
        CpuCublas fake = new CpuCublas();
        onFake(fake, () -> LevelChecks.level3(t, DEVICE));
        assertCalled(fake, t, CublasRoutine.TRSM, CublasRoutine.TRMM, t.isComplex() ? CublasRoutine.HERK : CublasRoutine.SYRK,
                CublasRoutine.SYMM);
    }

    @Test
    void theDeviceLevelValidationCasesPassThroughTheFake() throws Exception {
        CpuCublas fake = new CpuCublas();
        int ran = 0;
        int gemv = 0;
        Set<String> ops = new TreeSet<>();
        for (ValidationCase c : new BlasValidationSuite().cases()) {
            if (c.space() == Space.DEVICE && !c.op().startsWith("matmul")) {
                ValidationResult[] result = new ValidationResult[1];
                onFake(fake, () -> result[0] = assertDoesNotThrow(() -> c.run(FuseContext.defaults())));
                assertTrue(result[0].passed(), c + ": " + result[0]);
                ran++;
                gemv += c.op().startsWith("gemv") ? 1 : 0;
                ops.add(c.op().replaceAll("\\[.*", ""));
            }
        }
        // The gemv cases of every type, op and layout, and each exec routine (BlasRoutines) at three sizes.
        assertEquals(Set.of("asum", "axpy", "dot", "dotc", "gemv", "ger", "gerc", "herk", "iamax", "nrm2", "scal", "symm",
                "syrk", "trmm", "trsm", "trsv"), ops);
        assertTrue(ran > 20 + 15 * 4 * 3, "cases run: " + ran);
        assertEquals(gemv, fake.count("cublasSgemv_v2") + fake.count("cublasDgemv_v2") + fake.count("cublasCgemv_v2")
                + fake.count("cublasZgemv_v2"), "one cuBLAS gemv per gemv case");
    }

    @Test
    void rowMajorOperandsAreTheColumnMajorTransposes() {
        HostMatrix a = Ref.random(DType.C128, MatrixShape.rowMajor(5, 7).withLd(9), 1);
        HostVector x7 = HostVector.of(DType.C128, Ref.random(DType.C128, 14, 2), 7, 0, 1);
        HostVector x5 = HostVector.of(DType.C128, Ref.random(DType.C128, 10, 3), 5, 0, 1);
        Scalar alpha = Scalar.of(1, 2);

        CublasRoutineCall n = RoutineDescriptions.gemv(Op.NONE, alpha, a, x7, Scalar.ZERO, x5).call();
        assertEquals(List.of(Op.TRANSPOSE, 7L, 5L, 9L), List.of(n.trans(), n.m(), n.n(), n.operand(Role.A).ld()));
        assertEquals(Fill.ZERO, n.operand(Role.Y).fill(), "beta = 0: y is not read");
        assertEquals("cublasZgemv_v2", n.entryPoint());

        // Aᴴ of the row-major A is conj(view): the equation is conjugated instead.
        CublasRoutineCall c = RoutineDescriptions.gemv(Op.CONJUGATE_TRANSPOSE, alpha, a, x5, Scalar.ONE, x7).call();
        assertEquals(Op.NONE, c.trans());
        assertEquals(Scalar.of(1, -2), c.alpha());
        assertEquals(Fill.UPLOAD_CONJUGATED, c.operand(Role.X).fill());
        assertEquals(Fill.UPLOAD_CONJUGATED, c.operand(Role.Y).fill());
        assertEquals(Back.CONJUGATED, c.operand(Role.Y).back());

        CublasRoutineCall gerc = RoutineDescriptions.ger(true, alpha, x5, x7, a).call();
        assertEquals(CublasRoutine.GER, gerc.routine(), "gerc on the transposed view is geru on conj(y)");
        assertEquals(new Operand(Role.X, Source.Y, 1, Fill.UPLOAD_CONJUGATED, Back.NOTHING), gerc.operand(Role.X));
        assertEquals(Source.X, gerc.operand(Role.Y).source());
        assertEquals(List.of(7L, 5L), List.of(gerc.m(), gerc.n()));

        HostMatrix tri = Ref.random(DType.F64, MatrixShape.rowMajor(4, 4), 4);
        HostMatrix b = Ref.random(DType.F64, MatrixShape.rowMajor(4, 6), 5);
        CublasRoutineCall trsm = RoutineDescriptions.triangular(true, Side.LEFT, Uplo.UPPER, Op.TRANSPOSE, Diag.UNIT,
                Scalar.ONE, tri, b).call();
        assertEquals(List.of(Side.RIGHT, Uplo.LOWER, Op.TRANSPOSE, 6L, 4L), List.of(trsm.side(), trsm.fill(), trsm.trans(),
                trsm.m(), trsm.n()));
        assertEquals("cublasDtrsm_v2", trsm.entryPoint());

        HostMatrix c6 = Ref.random(DType.C64, MatrixShape.rowMajor(6, 6), 6);
        HostMatrix a63 = Ref.random(DType.C64, MatrixShape.rowMajor(6, 3), 7);
        CublasRoutineCall herk = RoutineDescriptions.herk(Uplo.UPPER, Op.NONE, 1, a63, 0, c6).call();
        assertEquals(List.of(Uplo.LOWER, Op.CONJUGATE_TRANSPOSE, 6L, 3L), List.of(herk.fill(), herk.trans(), herk.n(), herk.k()));
        assertEquals(Fill.UPLOAD, herk.operand(Role.C).fill(), "C's other triangle must come back unchanged");
        CublasRoutineCall syrk = RoutineDescriptions.syrk(Uplo.LOWER, Op.NONE, Scalar.ONE, a63, Scalar.ONE, c6).call();
        assertEquals(List.of(Uplo.UPPER, Op.TRANSPOSE), List.of(syrk.fill(), syrk.trans()));

        HostMatrix colA = Ref.random(DType.F32, MatrixShape.columnMajor(5, 7).withLd(6), 8);
        HostVector f7 = HostVector.of(DType.F32, Ref.random(DType.F32, 7, 9), 7, 0, 1);
        HostVector f5 = HostVector.of(DType.F32, Ref.random(DType.F32, 5, 10), 5, 0, 1);
        CublasRoutineCall col = RoutineDescriptions.gemv(Op.NONE, Scalar.ONE, colA, f7, Scalar.ONE, f5).call();
        assertEquals(List.of(Op.NONE, 5L, 7L, 6L), List.of(col.trans(), col.m(), col.n(), col.operand(Role.A).ld()));
    }

    @Test
    void emptyProblemsMakeNoCallAndAnEmptyInnerDimensionScalesY() {
        HostVector empty = HostVector.of(DType.F64, new double[0], 0, 0, 1);
        assertNull(RoutineDescriptions.dot(false, empty, empty).call());
        assertNull(RoutineDescriptions.reduction(CublasRoutine.IAMAX, empty).call());
        HostVector y = HostVector.of(new double[] {1, 2, 3});
        HostMatrix a = HostMatrix.of(DType.F64, new double[0], MatrixShape.rowMajor(3, 0));
        CublasRoutineCall scal = RoutineDescriptions.gemv(Op.NONE, Scalar.ONE, a, empty, Scalar.of(2), y).call();
        assertEquals(CublasRoutine.SCAL, scal.routine());
        assertEquals(Scalar.of(2), scal.alpha());
        assertEquals(Source.Y, scal.operand(Role.X).source());
    }

    @Test
    void entryPointsFollowCublasNaming() {
        assertEquals("cublasSdot_v2", CublasRoutine.DOT.entryPoint(DType.F32, false));
        assertEquals("cublasCdotu_v2", CublasRoutine.DOT.entryPoint(DType.C64, false));
        assertEquals("cublasZdotc_v2_64", CublasRoutine.DOTC.entryPoint(DType.C128, true));
        assertEquals("cublasScnrm2_v2", CublasRoutine.NRM2.entryPoint(DType.C64, false));
        assertEquals("cublasDzasum_v2", CublasRoutine.ASUM.entryPoint(DType.C128, false));
        assertEquals("cublasIcamax_v2_64", CublasRoutine.IAMAX.entryPoint(DType.C64, true));
        assertEquals("cublasIdamax_v2", CublasRoutine.IAMAX.entryPoint(DType.F64, false));
        assertEquals("cublasZgeru_v2", CublasRoutine.GER.entryPoint(DType.C128, false));
        assertEquals("cublasCherk_v2", CublasRoutine.HERK.entryPoint(DType.C64, false));
        assertThrows(IllegalArgumentException.class, () -> CublasRoutine.HERK.entryPoint(DType.F32, false));
    }

    @Test
    void everyEntryPointResolvesInTheJavacppPreset() {
        int found = 0;
        for (CublasRoutine r : CublasRoutine.values()) {
            for (DType t : DType.values()) {
                for (boolean wide : new boolean[] {false, true}) {
                    if (r.supports(t)) {
                        // Looking a method up links it by name and parameter types without loading cuBLAS.
                        assertDoesNotThrow(() -> JavacppRoutines.find(r, t, wide), r + " " + t + " wide=" + wide);
                        found++;
                    }
                }
            }
        }
        assertEquals(2 * (13 * 4 + 3 * 2), found);
    }

    @Test
    void aSizeBeyondIntRangeCallsThe64BitEntryPoint() {
        // A one-row row-major A may have any leading dimension: its column-major view needs an int64_t lda.
        long ld = 3L << 31;
        double[] av = {1, 2, 3, 4, 5};
        HostMatrix a = HostMatrix.of(DType.F64, av, new MatrixShape(1, 1, 5, Layout.ROW_MAJOR, ld, 0, 0));
        HostVector x = HostVector.of(new double[] {1, -1, 2, 0.5, -2});
        double[] yv = {Double.NaN};
        CpuCublas fake = new CpuCublas();
        onFake(fake, () -> Blas.gemv(DEVICE, Op.NONE, Scalar.of(2), a, x, Scalar.ZERO, HostVector.of(yv)));
        assertEquals(1, fake.count("cublasDgemv_v2_64"), fake.log().toString());
        assertEquals(2 * (1 - 2 + 6 + 2 - 10), yv[0]);
    }

    @Test
    void theFakeRejectsAnAccessPastAnAllocation() {
        CpuCublas fake = new CpuCublas();
        long h = fake.blasCreate();
        long x = fake.allocate(4 * 8);
        List<Operand> ops = List.of(new Operand(Role.X, Source.X, 1, Fill.UPLOAD, Back.NOTHING));
        CublasRoutineCall five = new CublasRoutineCall(CublasRoutine.NRM2, DType.F64, null, null, null, null, 0, 5, 0,
                null, null, ops);
        long[] addresses = new long[Role.values().length];
        addresses[Role.X.ordinal()] = x;
        AssertionError e = assertThrows(AssertionError.class, () -> fake.routine(h, CpuCublas.STREAM, five, addresses));
        assertTrue(e.getMessage().contains("past its allocation"), e.getMessage());
    }

    @Test
    void everyFailureReleasesWhatWasMade() {
        HostMatrix a = Ref.random(DType.C64, MatrixShape.rowMajor(4, 3).withLd(5), 11);
        HostVector x = HostVector.of(DType.C64, Ref.random(DType.C64, 8, 12), 4, 0, 1);
        HostVector y = HostVector.of(DType.C64, Ref.random(DType.C64, 12, 13), 3, 1, 2);
        int failures = 0;
        for (int at = 1; ; at++) {
            CpuCublas fake = new CpuCublas().failAtCall(at);
            try {
                onFake(fake, () -> Blas.gemv(DEVICE, Op.CONJUGATE_TRANSPOSE, Scalar.of(1, 1), a, x, Scalar.ONE, y));
                break;
            } catch (CudaLibraryException e) {
                failures++;
                assertEquals(0, fake.live(), "after a failure at call " + at + ": " + fake.liveDescription());
            }
        }
        // handle, three allocations, three uploads, the call, the download.
        assertEquals(9, failures);
    }
}
