package org.fusemath.blas.device;

import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.blas.LevelChecks;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * On a GPU: the level 1–3 routines through cuBLAS against the same references and error bounds as the host
 * ({@link LevelChecks}: every type, both storage orders, every uplo, side, op and diag, strided vectors with gaps
 * that must stay untouched, beta = 0 over NaN, empty inner dimensions). Skipped, with the probe's reason, where
 * no device with cuBLAS is usable.
 */
@GpuTest(libraries = CudaLibrary.CUBLAS)
class CublasRoutinesGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @ParameterizedTest
    @EnumSource(DType.class)
    void level1(DType t) {
        LevelChecks.level1(t, DEVICE);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void level2(DType t) {
        LevelChecks.gemvGerTrsv(t, DEVICE);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void level3(DType t) {
        LevelChecks.level3(t, DEVICE);
    }
}
