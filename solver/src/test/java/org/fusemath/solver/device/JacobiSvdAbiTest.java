package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.solver.device.JacobiSvdCall.Routine;
import org.junit.jupiter.api.Test;

/**
 * Every Jacobi SVD call {@link JavacppCusolver} makes (gesvdjInfo create/set/destroy, gesvdj and gesvdjBatched with
 * their queries, all four types), recorded on the CPU and checked against the org.bytedeco:cuda:13.1 preset's
 * declarations (parameter names and order, an overload of exactly the described Java types), each value under its
 * parameter; the enum values against the preset's constants.
 */
class JacobiSvdAbiTest {
    private static final PresetDeclarations CUSOLVER = PresetDeclarations.of("cusolver");

    @Test
    void everyJacobiCallMatchesItsDeclarationWithEachValueInItsPlace() {
        RecordingInvoker recorder = new RecordingInvoker();
        JavacppCusolver api = new JavacppCusolver(1, recorder);
        long solver = api.solverCreate();
        long info = api.gesvdjInfoCreate();
        CusolverCalls.JacobiOperands o = new CusolverCalls.JacobiOperands(0xA000, 0xB000, 0xC000, 0xD000, 0xE000, 0xF000,
                1600);
        for (DType t : DType.values()) {
            JacobiSvdCall single = JacobiSvdCall.of(Routine.GESVDJ, t, 9, 7, 10, 11, 12, true, true, 1, 1e-5, 42, true);
            JacobiSvdCall batched = JacobiSvdCall.of(Routine.GESVDJ_BATCHED, t, 5, 6, 5, 5, 6, false, false, 13, 0, 7,
                    false);
            for (JacobiSvdCall c : List.of(single, batched)) {
                api.gesvdjInfoSet(info, c);
                api.jacobiBufferSize(solver, info, c.bufferSizeQuery(), o);
                api.jacobiRun(solver, info, c, o);
            }
        }
        api.gesvdjInfoDestroy(info);
        api.solverDestroy(solver);
        List<NativeCall> made = recorder.calls();
        // setDevice, create, info; per type 2 x (3 setters, query, setDevice, call); destroy info and handle.
        assertEquals(3 + 4 * 2 * 6 + 2, made.size());
        new AbiCheck().calls(made).assertClean(2 * made.size());

        NativeCall gesvdj = recorder.last("cusolverDnZgesvdj");
        assertEquals(CusolverEnums.EIG_MODE_VECTOR, gesvdj.value("jobz"));
        assertEquals(1, gesvdj.value("econ"));
        assertEquals(9, gesvdj.value("m"));
        assertEquals(7, gesvdj.value("n"));
        assertEquals(10, gesvdj.value("lda"));
        assertEquals(11, gesvdj.value("ldu"));
        assertEquals(12, gesvdj.value("ldv"));
        assertEquals(0xB000L, gesvdj.value("S"));
        assertEquals(0xD000L, gesvdj.value("V"));
        assertEquals(0xF000L, gesvdj.value("work"));
        assertEquals(1600 / 16, gesvdj.value("lwork"), "the query's bytes back to C128 elements");
        assertEquals(0xE000L, gesvdj.value("info"));
        assertEquals(info, gesvdj.value("params"));
        NativeCall batched = recorder.last("cusolverDnSgesvdjBatched");
        assertEquals(CusolverEnums.EIG_MODE_NOVECTOR, batched.value("jobz"));
        assertEquals(13, batched.value("batchSize"));
        assertEquals(1600 / 4, batched.value("lwork"));
        assertFalse(batched.parameters().contains("econ"), "gesvdjBatched has no econ");
        NativeCall query = recorder.last("cusolverDnDgesvdjBatched_bufferSize");
        assertEquals(13, query.value("batchSize"));
        assertEquals(info, query.value("params"));
        assertTrue(recorder.calls().stream().anyMatch(c -> c.function().equals("cusolverDnCgesvdj_bufferSize")));
        assertEquals(7, recorder.last("cusolverDnXgesvdjSetMaxSweeps").value("max_sweeps"));
        assertEquals(0, recorder.last("cusolverDnXgesvdjSetSortEig").value("sort_svd"));
        assertEquals(0.0, recorder.last("cusolverDnXgesvdjSetTolerance").value("tolerance"));
        NativeCall firstTolerance = made.stream().filter(c -> c.function().equals("cusolverDnXgesvdjSetTolerance"))
                .findFirst().orElseThrow();
        assertEquals(1e-5, firstTolerance.value("tolerance"));
    }

    @Test
    void theJobzValuesAreThePresetsEigModeConstants() {
        AbiCheck check = new AbiCheck();
        check.constant(CUSOLVER, "CUSOLVER_EIG_MODE_NOVECTOR", CusolverEnums.eigMode(false), "eigMode(false)");
        check.constant(CUSOLVER, "CUSOLVER_EIG_MODE_VECTOR", CusolverEnums.eigMode(true), "eigMode(true)");
        check.assertClean(2);
    }

    @Test
    void theBindingsDeclareTheTypedJacobiRoutinesAndNoGenericOne() {
        for (char t : new char[] {'S', 'D', 'C', 'Z'}) {
            for (String stem : new String[] {"gesvdj", "gesvdj_bufferSize", "gesvdjBatched", "gesvdjBatched_bufferSize"}) {
                assertTrue(CUSOLVER.declares("cusolverDn" + t + stem), t + stem);
            }
        }
        assertEquals(List.of("handle", "jobz", "econ", "m", "n", "A", "lda", "S", "U", "ldu", "V", "ldv", "work", "lwork",
                "info", "params"), CUSOLVER.parameters("cusolverDnDgesvdj"));
        assertEquals(List.of("handle", "jobz", "m", "n", "A", "lda", "S", "U", "ldu", "V", "ldv", "work", "lwork", "info",
                "params", "batchSize"), CUSOLVER.parameters("cusolverDnZgesvdjBatched"));
        // The 13.1 bindings have no 64-bit generic Jacobi SVD: the typed routines are the only ones.
        assertFalse(CUSOLVER.declares("cusolverDnXgesvdj"));
    }
}
