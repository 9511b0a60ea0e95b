package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void everyQrSvdAndEigenCallMatchesItsDeclaration() {
        RecordingInvoker recorder = new RecordingInvoker();
        JavacppCusolver api = new JavacppCusolver(2, recorder);
        long solver = api.solverCreate();
        long params = api.paramsCreate();
        CusolverCalls.DecompositionOperands o = new CusolverCalls.DecompositionOperands(0xA000, 0xB000, 0xC000, 0xD000,
                0xE000, 0xF000, 4096, 24);
        for (DType t : DType.values()) {
            for (DecompositionCall c : new DecompositionCall[] {
                DecompositionCall.of(DecompositionCall.Routine.X_GEQRF, t, 9, 7, 0, 10, 1, 1, 'N', 'N', Uplo.LOWER),
                DecompositionCall.of(DecompositionCall.Routine.ORGQR, t, 9, 7, 7, 10, 1, 1, 'N', 'N', Uplo.LOWER),
                DecompositionCall.of(DecompositionCall.Routine.X_GESVD, t, 9, 7, 0, 10, 11, 12, 'S', 'A', Uplo.LOWER),
                DecompositionCall.of(DecompositionCall.Routine.X_SYEVD, t, 7, 7, 0, 10, 1, 1, 'V', 'N', Uplo.UPPER),
                DecompositionCall.of(DecompositionCall.Routine.X_GEEV, t, 7, 7, 0, 10, 13, 1, 'V', 'N', Uplo.LOWER)}) {
                api.bufferSize(solver, params, c.bufferSizeQuery(), o);
                api.run(solver, params, c, o);
            }
        }
        api.paramsDestroy(params);
        api.solverDestroy(solver);
        List<NativeCall> made = recorder.calls();
        assertEquals(3 + 4 * 5 * 3 + 2, made.size(), "setDevice, create, params, per type 5 x (query, setDevice, call), destroys");
        new AbiCheck().calls(made).assertClean(2 * made.size());

        NativeCall gesvd = recorder.last("cusolverDnXgesvd");
        assertEquals((byte) 'S', gesvd.value("jobu"));
        assertEquals((byte) 'A', gesvd.value("jobvt"));
        assertEquals(9L, gesvd.value("m"));
        assertEquals(11L, gesvd.value("ldu"));
        assertEquals(12L, gesvd.value("ldvt"));
        assertEquals(CusolverEnums.dataType(DType.F64), gesvd.value("dataTypeS"), "C128's singular values are CUDA_R_64F");
        assertEquals(CusolverEnums.dataType(DType.C128), gesvd.value("dataTypeU"));
        assertEquals(0xB000L, gesvd.value("S"));
        assertEquals(24L, gesvd.value("workspaceInBytesOnHost"));
        NativeCall syevd = recorder.last("cusolverDnXsyevd");
        assertEquals(CusolverEnums.EIG_MODE_VECTOR, syevd.value("jobz"));
        assertEquals(CusolverEnums.FILL_MODE_UPPER, syevd.value("uplo"));
        assertEquals(CusolverEnums.dataType(DType.F64), syevd.value("dataTypeW"));
        NativeCall geev = recorder.last("cusolverDnXgeev");
        assertEquals(CusolverEnums.EIG_MODE_NOVECTOR, geev.value("jobvl"), "cuSOLVER computes no left vectors");
        assertEquals(CusolverEnums.EIG_MODE_VECTOR, geev.value("jobvr"));
        assertEquals(13L, geev.value("ldvr"));
        assertEquals(0xC000L, geev.value("VR"));
        NativeCall realGeev = made.stream().filter(c -> c.function().equals("cusolverDnXgeev")).findFirst().orElseThrow();
        assertEquals(CusolverEnums.dataType(DType.F32), realGeev.value("dataTypeW"), "real A: W real, 2n entries");
        NativeCall ungqr = recorder.last("cusolverDnZungqr");
        assertEquals(7, ungqr.value("k"));
        assertEquals(4096 / 16, ungqr.value("lwork"), "the query's bytes back to elements");
        assertEquals(0xF000L, ungqr.value("work"));
        assertEquals(0xB000L, ungqr.value("tau"));
        assertTrue(made.stream().anyMatch(c -> c.function().equals("cusolverDnSorgqr_bufferSize")));
        assertEquals(0xB000L, recorder.last("cusolverDnXgeqrf_bufferSize").value("tau"));
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
        check.constant(CUSOLVER, "CUSOLVER_EIG_MODE_NOVECTOR", CusolverEnums.eigMode(false), "eigMode(false)");
        check.constant(CUSOLVER, "CUSOLVER_EIG_MODE_VECTOR", CusolverEnums.eigMode(true), "eigMode(true)");
        check.assertClean(10);
    }

    @Test
    void theBindingsHaveTheGenericQrSvdEigenCallsButOnlyTypedOrgqr() {
        for (String f : new String[] {"cusolverDnXgeqrf", "cusolverDnXgesvd", "cusolverDnXsyevd", "cusolverDnXgeev",
                "cusolverDnXgeev_bufferSize"}) {
            assertTrue(CUSOLVER.declares(f), f);
        }
        // Q is formed by the typed legacy orgqr/ungqr: the 13.1 bindings have no 64-bit Xorgqr or Xungqr.
        assertFalse(CUSOLVER.declares("cusolverDnXorgqr"));
        assertFalse(CUSOLVER.declares("cusolverDnXungqr"));
        for (String f : new String[] {"cusolverDnSorgqr", "cusolverDnDorgqr", "cusolverDnCungqr", "cusolverDnZungqr"}) {
            assertTrue(CUSOLVER.declares(f) && CUSOLVER.declares(f + "_bufferSize"), f);
        }
    }
}
