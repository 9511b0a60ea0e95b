package org.fusemath.blas.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.Op;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.device.CublasRoutine.Param;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.junit.jupiter.api.Test;

/**
 * Every cuBLAS call description and ABI number of the device BLAS, checked against the CUDA headers (the
 * preset's sources jar and constants), not against the production tables: each routine's entry point for every
 * type and width with its parameters in cublas_api.h's order; the cuBLASLt descriptor, layout and preference
 * attributes with their values and documented C types; every epilogue's value; the enum values of ops, fills,
 * sides, diagonals, orders, compute and data types. And the check itself reports a swapped pair.
 */
class CublasAbiTest {
    private static final PresetDeclarations CUBLAS = PresetDeclarations.of("cublas");
    private static final PresetDeclarations CUDART = PresetDeclarations.of("cudart");

    /** Checks {@code params} as the parameter list of {@code entryPoint}. */
    static AbiCheck routine(AbiCheck check, String entryPoint, List<Param> params) {
        return check.call(CUBLAS, entryPoint, CublasParameterNames.of(params));
    }

    /** Checks that each of {@code values} equals the preset's constant {@code prefix + name}. */
    static AbiCheck constants(AbiCheck check, PresetDeclarations library, String prefix, Map<String, Integer> values) {
        values.forEach((name, value) -> check.constant(library, prefix + name, value, name));
        return check;
    }

    private static <E extends Enum<E> & LtAttribute> void attributes(AbiCheck check, String prefix, Class<E> kind) {
        for (E a : kind.getEnumConstants()) {
            String where = kind.getSimpleName() + "." + a.name();
            check.constant(CUBLAS, prefix + a.name(), a.value(), where);
            check.documentedType(CUBLAS, prefix + a.name(), cType(a.type()), where);
        }
    }

    private static String cType(AttributeType t) {
        return switch (t) {
            case INT32 -> "int32_t";
            case UINT32 -> "uint32_t";
            case INT64 -> "int64_t";
            case UINT64 -> "uint64_t";
            case POINTER -> "void *";
        };
    }

    private static Map<String, Integer> epilogues() {
        Map<String, Integer> values = new LinkedHashMap<>();
        for (Epilogue e : Epilogue.values()) {
            values.put(e.name(), e.cublasLtValue());
        }
        return values;
    }

    @Test
    void everyRoutineTypeAndWidthMatchesItsDeclaration() {
        AbiCheck check = new AbiCheck();
        for (CublasRoutine r : CublasRoutine.values()) {
            for (DType t : DType.values()) {
                if (r.supports(t)) {
                    routine(check, r.entryPoint(t, false), r.params());
                    routine(check, r.entryPoint(t, true), r.params());
                }
            }
        }
        check.assertClean(2 * (13 * 4 + 3 * 2));
    }

    @Test
    void aSwappedPairInARoutineTableIsReported() {
        List<Param> swapped = new ArrayList<>(CublasRoutine.GEMV.params());
        Collections.swap(swapped, swapped.indexOf(Param.M), swapped.indexOf(Param.N));
        AbiCheck mn = routine(new AbiCheck(), "cublasDgemv_v2", swapped);
        assertEquals(1, mn.mismatches().size(), mn.mismatches().toString());
        assertTrue(mn.mismatches().get(0).contains("position 2: n where the header has m"), mn.mismatches().toString());

        List<Param> ldaIncx = new ArrayList<>(CublasRoutine.TRSV.params());
        Collections.swap(ldaIncx, ldaIncx.indexOf(Param.LDA), ldaIncx.indexOf(Param.INCX));
        AbiCheck trsv = routine(new AbiCheck(), CublasRoutine.TRSV.entryPoint(DType.C128, true), ldaIncx);
        assertTrue(trsv.mismatches().get(0).startsWith("cublasZtrsv_v2_64:"), trsv.mismatches().toString());
        assertTrue(trsv.mismatches().get(0).contains("incx where the header has lda"), trsv.mismatches().toString());
    }

    @Test
    void ltAttributesHaveTheHeadersValuesAndTypes() {
        AbiCheck check = new AbiCheck();
        attributes(check, "CUBLASLT_MATMUL_DESC_", MatmulDescAttribute.class);
        attributes(check, "CUBLASLT_MATRIX_LAYOUT_", LayoutAttribute.class);
        attributes(check, "CUBLASLT_MATMUL_PREF_", PreferenceAttribute.class);
        check.assertClean(2 * (MatmulDescAttribute.values().length + LayoutAttribute.values().length
                + PreferenceAttribute.values().length));
    }

    @Test
    void everyEpilogueHasTheHeadersValue() {
        constants(new AbiCheck(), CUBLAS, "CUBLASLT_EPILOGUE_", epilogues()).assertClean(Epilogue.values().length);
    }

    @Test
    void aSwappedEpiloguePairIsReported() {
        Map<String, Integer> swapped = epilogues();
        swapped.put("BGRADA", Epilogue.BGRADB.cublasLtValue());
        swapped.put("BGRADB", Epilogue.BGRADA.cublasLtValue());
        List<String> m = constants(new AbiCheck(), CUBLAS, "CUBLASLT_EPILOGUE_", swapped).mismatches();
        assertEquals(List.of("BGRADA = 512, but CUBLASLT_EPILOGUE_BGRADA = 256 in cublas",
                "BGRADB = 256, but CUBLASLT_EPILOGUE_BGRADB = 512 in cublas"), m);
    }

    @Test
    void enumValuesOfTheCallsAreTheHeaders() {
        AbiCheck check = new AbiCheck();
        Map<String, Integer> cublas = new LinkedHashMap<>();
        cublas.put("CUBLAS_OP_N", CublasEnums.op(Op.NONE));
        cublas.put("CUBLAS_OP_T", CublasEnums.op(Op.TRANSPOSE));
        cublas.put("CUBLAS_OP_C", CublasEnums.op(Op.CONJUGATE_TRANSPOSE));
        cublas.put("CUBLAS_FILL_MODE_UPPER", CublasEnums.fill(Uplo.UPPER));
        cublas.put("CUBLAS_FILL_MODE_LOWER", CublasEnums.fill(Uplo.LOWER));
        cublas.put("CUBLAS_SIDE_LEFT", CublasEnums.side(Side.LEFT));
        cublas.put("CUBLAS_SIDE_RIGHT", CublasEnums.side(Side.RIGHT));
        cublas.put("CUBLAS_DIAG_UNIT", CublasEnums.diag(Diag.UNIT));
        cublas.put("CUBLAS_DIAG_NON_UNIT", CublasEnums.diag(Diag.NON_UNIT));
        for (CublasLtCall.Order o : CublasLtCall.Order.values()) {
            cublas.put("CUBLASLT_ORDER_" + o.name(), CublasEnums.order(o));
        }
        for (CublasLtCall.ComputeType c : CublasLtCall.ComputeType.values()) {
            cublas.put("CUBLAS_" + c.name(), CublasEnums.computeType(c));
        }
        cublas.put("CUBLAS_GEMM_DEFAULT", CublasEnums.GEMM_DEFAULT);
        cublas.put("CUBLAS_POINTER_MODE_HOST", CublasEnums.POINTER_MODE_HOST);
        cublas.put("CUBLAS_STATUS_NOT_SUPPORTED", CublasEnums.STATUS_NOT_SUPPORTED);
        constants(check, CUBLAS, "", cublas);
        Map<String, Integer> cudart = new LinkedHashMap<>();
        cudart.put("CUDA_R_32F", CublasEnums.dataType(DType.F32));
        cudart.put("CUDA_R_64F", CublasEnums.dataType(DType.F64));
        cudart.put("CUDA_C_32F", CublasEnums.dataType(DType.C64));
        cudart.put("CUDA_C_64F", CublasEnums.dataType(DType.C128));
        constants(check, CUDART, "", cudart);
        check.assertClean(cublas.size() + cudart.size());
    }

    @Test
    void theCpuFakeNamesArgumentsByTheHeader() {
        assertEquals(List.of(Param.HANDLE, Param.SIDE, Param.FILL, Param.TRANS, Param.DIAG, Param.M, Param.N, Param.ALPHA,
                Param.A, Param.LDA, Param.B, Param.LDB, Param.C, Param.LDC), CublasParameterNames.declared("cublasStrmm_v2"));
    }
}
