package org.fusemath.blas;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Level 1–3 routines on the host (OpenBLAS) on every type, both layouts, within their error bounds ({@link LevelChecks}). */
class LevelRoutinesTest {
    @ParameterizedTest
    @EnumSource(DType.class)
    void level1(DType t) {
        LevelChecks.level1(t, FuseContext.defaults());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void gemvGerTrsv(DType t) {
        LevelChecks.gemvGerTrsv(t, FuseContext.defaults());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void level3(DType t) {
        LevelChecks.level3(t, FuseContext.defaults());
    }
}
