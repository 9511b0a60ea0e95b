package org.fusemath.blas.device;

import static org.fusemath.blas.device.CublasRoutine.Param.A;
import static org.fusemath.blas.device.CublasRoutine.Param.ALPHA;
import static org.fusemath.blas.device.CublasRoutine.Param.B;
import static org.fusemath.blas.device.CublasRoutine.Param.BETA;
import static org.fusemath.blas.device.CublasRoutine.Param.C;
import static org.fusemath.blas.device.CublasRoutine.Param.DIAG;
import static org.fusemath.blas.device.CublasRoutine.Param.FILL;
import static org.fusemath.blas.device.CublasRoutine.Param.HANDLE;
import static org.fusemath.blas.device.CublasRoutine.Param.INCX;
import static org.fusemath.blas.device.CublasRoutine.Param.INCY;
import static org.fusemath.blas.device.CublasRoutine.Param.K;
import static org.fusemath.blas.device.CublasRoutine.Param.LDA;
import static org.fusemath.blas.device.CublasRoutine.Param.LDB;
import static org.fusemath.blas.device.CublasRoutine.Param.LDC;
import static org.fusemath.blas.device.CublasRoutine.Param.M;
import static org.fusemath.blas.device.CublasRoutine.Param.N;
import static org.fusemath.blas.device.CublasRoutine.Param.RESULT;
import static org.fusemath.blas.device.CublasRoutine.Param.SIDE;
import static org.fusemath.blas.device.CublasRoutine.Param.TRANS;
import static org.fusemath.blas.device.CublasRoutine.Param.X;
import static org.fusemath.blas.device.CublasRoutine.Param.Y;

import java.util.List;
import org.fusemath.api.DType;

/**
 * The cuBLAS level 1–3 routines the device provider calls, each as its C parameter list (in cuBLAS's order)
 * and its entry-point name per type: one routine serves all four types, the name's type letter and the
 * parameters' C types following from the {@link DType} ({@code cublasDgemv_v2}, {@code cublasZgemv_v2}, and
 * {@code cublasDgemv_v2_64} with 64-bit sizes). Plain data.
 */
public enum CublasRoutine {
    /** x·y: {@code cublas<t>dot_v2} (real) / {@code cublas<t>dotu_v2} (complex). */
    DOT("cublas{t}dot_v2", "cublas{t}dotu_v2", HANDLE, N, X, INCX, Y, INCY, RESULT),
    /** conj(x)·y: {@code cublas<t>dotc_v2} (complex only). */
    DOTC(null, "cublas{t}dotc_v2", HANDLE, N, X, INCX, Y, INCY, RESULT),
    /** y = alpha·x + y. */
    AXPY("cublas{t}axpy_v2", "cublas{t}axpy_v2", HANDLE, N, ALPHA, X, INCX, Y, INCY),
    /** x = alpha·x (complex alpha for complex types). */
    SCAL("cublas{t}scal_v2", "cublas{t}scal_v2", HANDLE, N, ALPHA, X, INCX),
    /** ‖x‖₂ into a real result: {@code cublasSnrm2_v2}, {@code cublasScnrm2_v2}, .... */
    NRM2("cublas{t}nrm2_v2", "cublas{r}nrm2_v2", HANDLE, N, X, INCX, RESULT),
    /** Σ|Re|+|Im| into a real result. */
    ASUM("cublas{t}asum_v2", "cublas{r}asum_v2", HANDLE, N, X, INCX, RESULT),
    /** The 1-based index of the first largest |Re|+|Im|: {@code cublasIsamax_v2}, .... */
    IAMAX("cublasI{l}amax_v2", "cublasI{l}amax_v2", HANDLE, N, X, INCX, RESULT),
    /** y = alpha·op(A)·x + beta·y. */
    GEMV("cublas{t}gemv_v2", "cublas{t}gemv_v2", HANDLE, TRANS, M, N, ALPHA, A, LDA, X, INCX, BETA, Y, INCY),
    /** A = alpha·x·yᵀ + A: {@code cublas<t>ger_v2} (real) / {@code cublas<t>geru_v2} (complex). */
    GER("cublas{t}ger_v2", "cublas{t}geru_v2", HANDLE, M, N, ALPHA, X, INCX, Y, INCY, A, LDA),
    /** A = alpha·x·yᴴ + A (complex only). */
    GERC(null, "cublas{t}gerc_v2", HANDLE, M, N, ALPHA, X, INCX, Y, INCY, A, LDA),
    /** Solves op(A)·z = x in place of x. */
    TRSV("cublas{t}trsv_v2", "cublas{t}trsv_v2", HANDLE, FILL, TRANS, DIAG, N, A, LDA, X, INCX),
    /** Solves op(A)·X = alpha·B or X·op(A) = alpha·B in place of B. */
    TRSM("cublas{t}trsm_v2", "cublas{t}trsm_v2", HANDLE, SIDE, FILL, TRANS, DIAG, M, N, ALPHA, A, LDA, B, LDB),
    /**
     * C = alpha·op(A)·B or alpha·B·op(A): cuBLAS's trmm is out of place; passing B as C (its documented way to
     * run in place) gives BLAS's B = alpha·op(A)·B.
     */
    TRMM("cublas{t}trmm_v2", "cublas{t}trmm_v2", HANDLE, SIDE, FILL, TRANS, DIAG, M, N, ALPHA, A, LDA, B, LDB, C, LDC),
    /** C = alpha·op(A)·op(A)ᵀ + beta·C on one triangle. */
    SYRK("cublas{t}syrk_v2", "cublas{t}syrk_v2", HANDLE, FILL, TRANS, N, K, ALPHA, A, LDA, BETA, C, LDC),
    /** C = alpha·op(A)·op(A)ᴴ + beta·C on one triangle, real alpha and beta (complex only). */
    HERK(null, "cublas{t}herk_v2", HANDLE, FILL, TRANS, N, K, ALPHA, A, LDA, BETA, C, LDC),
    /** C = alpha·A·B + beta·C or alpha·B·A + beta·C with A symmetric. */
    SYMM("cublas{t}symm_v2", "cublas{t}symm_v2", HANDLE, SIDE, FILL, M, N, ALPHA, A, LDA, B, LDB, BETA, C, LDC);

    /** One C parameter of a routine; what it holds follows from the routine and the call's type. */
    public enum Param {
        /** cublasHandle_t. */
        HANDLE,
        /** cublasSideMode_t. */
        SIDE,
        /** cublasFillMode_t. */
        FILL,
        /** cublasOperation_t. */
        TRANS,
        /** cublasDiagType_t. */
        DIAG,
        /** Rows (or the order, for square operands). */
        M,
        /** Columns, or the vector length for level 1. */
        N,
        /** Inner dimension of syrk and herk. */
        K,
        /** Host scalar alpha (real for herk). */
        ALPHA,
        /** Host scalar beta (real for herk). */
        BETA,
        /** Device matrix A. */
        A,
        /** Leading dimension of A. */
        LDA,
        /** Device matrix B. */
        B,
        /** Leading dimension of B. */
        LDB,
        /** Device matrix C. */
        C,
        /** Leading dimension of C. */
        LDC,
        /** Device vector x. */
        X,
        /** Increment of x. */
        INCX,
        /** Device vector y. */
        Y,
        /** Increment of y. */
        INCY,
        /** Host result of a reduction (the type's scalar for dot, its real type for nrm2/asum, an index for iamax). */
        RESULT;

        /** Whether the parameter is a size, a leading dimension or an increment (int, or int64_t in a {@code _64} call). */
        public boolean isSize() {
            return this == M || this == N || this == K || this == LDA || this == LDB || this == LDC || this == INCX
                    || this == INCY;
        }
    }

    private final String realName;
    private final String complexName;
    private final List<Param> params;

    CublasRoutine(String realName, String complexName, Param... params) {
        this.realName = realName;
        this.complexName = complexName;
        this.params = List.of(params);
    }

    /** The C parameters in cuBLAS's order. */
    public List<Param> params() {
        return params;
    }

    /** Whether cuBLAS has the routine for {@code t} (dotc, gerc and herk are complex only). */
    public boolean supports(DType t) {
        return t.isComplex() || realName != null;
    }

    /** Whether alpha and beta are of the type's real type (herk). */
    public boolean realScalars() {
        return this == HERK;
    }

    /** The entry point for {@code t}: {@code cublasZgemv_v2}, or {@code cublasZgemv_v2_64} when {@code wide}. */
    public String entryPoint(DType t, boolean wide) {
        if (!supports(t)) {
            throw new IllegalArgumentException(this + " has no " + t + " entry point in cuBLAS");
        }
        String pattern = t.isComplex() ? complexName : realName;
        String letter = switch (t) {
            case F32 -> "S";
            case F64 -> "D";
            case C64 -> "C";
            case C128 -> "Z";
        };
        String realOfComplex = t == DType.C64 ? "Sc" : "Dz";
        return pattern.replace("{t}", letter).replace("{r}", realOfComplex).replace("{l}", letter.toLowerCase(java.util.Locale.ROOT))
                + (wide ? "_64" : "");
    }
}
