package org.fusemath.blas.host;

import org.bytedeco.openblas.global.openblas;
import org.fusemath.api.DType;

/**
 * Workspace queries (lwork = -1) of geqrf, orgqr/ungqr and gelsd through JavaCPP's heap-array overloads, for every
 * Java 17–21 call path: LAPACK reads no operand in a query, so nothing is staged or copied (one-element stand-ins
 * take the operands' places) and the answers land in the caller's arrays. The arguments were checked by
 * {@link CheckedLapack}.
 */
final class HeapQueries {
    private static final int COL = Cblas.LAPACK_COL_MAJOR;

    private HeapQueries() {
    }

    private static double[] d() {
        return new double[2];
    }

    private static float[] f() {
        return new float[2];
    }

    static int geqrf(DType t, int m, int n, int lda, Object work) {
        return switch (t) {
            case F64 -> openblas.LAPACKE_dgeqrf_work(COL, m, n, d(), lda, d(), (double[]) work, -1);
            case F32 -> openblas.LAPACKE_sgeqrf_work(COL, m, n, f(), lda, f(), (float[]) work, -1);
            case C128 -> openblas.LAPACKE_zgeqrf_work(COL, m, n, d(), lda, d(), (double[]) work, -1);
            case C64 -> openblas.LAPACKE_cgeqrf_work(COL, m, n, f(), lda, f(), (float[]) work, -1);
        };
    }

    static int orgqr(DType t, int m, int n, int k, int lda, Object work) {
        return switch (t) {
            case F64 -> openblas.LAPACKE_dorgqr_work(COL, m, n, k, d(), lda, d(), (double[]) work, -1);
            case F32 -> openblas.LAPACKE_sorgqr_work(COL, m, n, k, f(), lda, f(), (float[]) work, -1);
            case C128 -> openblas.LAPACKE_zungqr_work(COL, m, n, k, d(), lda, d(), (double[]) work, -1);
            case C64 -> openblas.LAPACKE_cungqr_work(COL, m, n, k, f(), lda, f(), (float[]) work, -1);
        };
    }

    /** Optimal lwork to work[0]; the minimum liwork to iwork[0] and, for complex types, lrwork to rwork[0]. */
    static int gelsd(DType t, int m, int n, int nrhs, int lda, int ldb, double rcond, Object work, Object rwork,
                     int[] iwork) {
        int[] rank = new int[1];
        return switch (t) {
            case F64 -> openblas.LAPACKE_dgelsd_work(COL, m, n, nrhs, d(), lda, d(), ldb, d(), rcond, rank,
                    (double[]) work, -1, iwork);
            case F32 -> openblas.LAPACKE_sgelsd_work(COL, m, n, nrhs, f(), lda, f(), ldb, f(), (float) rcond, rank,
                    (float[]) work, -1, iwork);
            case C128 -> openblas.LAPACKE_zgelsd_work(COL, m, n, nrhs, d(), lda, d(), ldb, d(), rcond, rank,
                    (double[]) work, -1, (double[]) rwork, iwork);
            case C64 -> openblas.LAPACKE_cgelsd_work(COL, m, n, nrhs, f(), lda, f(), ldb, f(), (float) rcond, rank,
                    (float[]) work, -1, (float[]) rwork, iwork);
        };
    }
}
