package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.solver.device.CusolverCall.Routine;
import org.junit.jupiter.api.Test;

/**
 * Every cuSOLVER and cuBLAS call {@link JavacppCusolver} makes, recorded on the CPU and checked against the preset's
 * declarations (org.bytedeco:cuda:13.1-9.19-1.5.13 sources: parameter names and order, and an overload of exactly the
 * described Java types), each value under its parameter; the ABI numbers against the preset's constants; and no
 * preset function called by hand anywhere in the device package.
 */
class CusolverAbiTest {
    private static final PresetDeclarations CUSOLVER = PresetDeclarations.of("cusolver");
    private static final PresetDeclarations CUBLAS = PresetDeclarations.of("cublas");
    private static final PresetDeclarations CUDART = PresetDeclarations.of("cudart");

    private static CusolverCall call(Routine r, DType t, long nrhs, boolean transposed, Uplo uplo, long batch) {
        return CusolverCall.of(r, t, 7, nrhs, 9, 11, transposed, uplo, batch);
    }

    @Test
    void everyCallMatchesItsDeclarationWithEachValueInItsPlace() {
        RecordingInvoker recorder = new RecordingInvoker();
        JavacppCusolver api = new JavacppCusolver(3, recorder);
        long solver = api.solverCreate();
        api.solverSetStream(solver, 0x5000);
        long params = api.paramsCreate();
        long blas = api.blasCreate();
        api.blasSetStream(blas, 0x5000);
        CusolverCalls.Operands o = new CusolverCalls.Operands(0xA000, 0xB000, 0xC000, 0xD000, 0xE000, 256, 0);
        for (DType t : DType.values()) {
            api.bufferSize(solver, params, call(Routine.X_GETRF_BUFFER_SIZE, t, 0, false, Uplo.LOWER, 1), 0xA000);
            api.bufferSize(solver, params, call(Routine.X_POTRF_BUFFER_SIZE, t, 0, false, Uplo.UPPER, 1), 0xA000);
            api.run(solver, params, call(Routine.X_GETRF, t, 0, false, Uplo.LOWER, 1), o);
            api.run(solver, params, call(Routine.X_GETRS, t, 2, true, Uplo.LOWER, 1), o);
            api.run(solver, params, call(Routine.X_POTRF, t, 0, false, Uplo.UPPER, 1), o);
            api.run(solver, params, call(Routine.X_POTRS, t, 2, false, Uplo.UPPER, 1), o);
            api.run(blas, 0, call(Routine.GETRF_BATCHED, t, 0, false, Uplo.LOWER, 13), o);
            api.run(blas, 0, call(Routine.GETRS_BATCHED, t, 2, true, Uplo.LOWER, 13), o);
            api.run(solver, 0, call(Routine.POTRF_BATCHED, t, 0, false, Uplo.UPPER, 13), o);
            api.run(solver, 0, call(Routine.POTRS_BATCHED, t, 1, false, Uplo.UPPER, 13), o);
        }
        api.paramsDestroy(params);
        api.blasDestroy(blas);
        api.solverDestroy(solver);
        List<NativeCall> made = recorder.calls();
        AbiCheck check = new AbiCheck().calls(made);
        assertTrue(check.noDirectPresetCallsInPackageOf(JavacppCusolver.class) >= 5, "the whole device package was read");
        check.assertClean(2 * made.size());

        assertEquals(3, recorder.last("cudaSetDevice").value("device"));
        NativeCall getrs = recorder.last("cusolverDnXgetrs");
        assertEquals(CusolverEnums.OP_T, getrs.value("trans"));
        assertEquals(7L, getrs.value("n"));
        assertEquals(2L, getrs.value("nrhs"));
        assertEquals(9L, getrs.value("lda"));
        assertEquals(11L, getrs.value("ldb"));
        assertEquals(0xC000L, getrs.value("ipiv"));
        assertEquals(0xB000L, getrs.value("B"));
        assertEquals(CusolverEnums.dataType(DType.C128), getrs.value("dataTypeB"));
        NativeCall getrf = recorder.last("cusolverDnXgetrf");
        assertEquals(0xE000L, getrf.value("bufferOnDevice"));
        assertEquals(256L, getrf.value("workspaceInBytesOnDevice"));
        assertEquals(0xD000L, getrf.value("info"));
        NativeCall potrf = recorder.last("cusolverDnZpotrfBatched");
        assertEquals(CusolverEnums.FILL_MODE_UPPER, potrf.value("uplo"));
        assertEquals(13, potrf.value("batchSize"));
        assertEquals(0xA000L, potrf.value("Aarray"));
        NativeCall getrsBatched = recorder.last("cublasDgetrsBatched");
        assertEquals(blas, getrsBatched.value("handle"));
        assertEquals(2, getrsBatched.value("nrhs"));
        assertEquals(0xC000L, getrsBatched.value("devIpiv"));
    }

    @Test
    void theAbiNumbersAreThePresetsConstants() {
        AbiCheck check = new AbiCheck();
        for (DType t : DType.values()) {
            check.constant(CUDART, CusolverEnums.dataTypeName(t), CusolverEnums.dataType(t), "CusolverEnums.dataType(" + t + ")");
        }
        check.constant(CUBLAS, "CUBLAS_OP_N", CusolverEnums.OP_N, "CusolverEnums.OP_N");
        check.constant(CUBLAS, "CUBLAS_OP_T", CusolverEnums.OP_T, "CusolverEnums.OP_T");
        check.constant(CUBLAS, "CUBLAS_FILL_MODE_LOWER", CusolverEnums.fillMode(Uplo.LOWER), "fillMode(LOWER)");
        check.constant(CUBLAS, "CUBLAS_FILL_MODE_UPPER", CusolverEnums.fillMode(Uplo.UPPER), "fillMode(UPPER)");
        check.assertClean(8);
    }

    @Test
    void theGenericApiOfThe131BindingsHasTheRestOfTheDenseSolvers() {
        // Not called yet by fusemath: QR, SVD and the eigen solvers' 64-bit entry points, geev included.
        for (String f : new String[] {"cusolverDnXgeqrf", "cusolverDnXgesvd", "cusolverDnXsyevd", "cusolverDnXgeev",
                "cusolverDnXgeev_bufferSize"}) {
            assertTrue(CUSOLVER.declares(f), f);
        }
    }
}
