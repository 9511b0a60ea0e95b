package org.fusemath.blas.host;

import org.fusemath.api.Layout;
import org.fusemath.blas.Diag;
import org.fusemath.blas.Side;
import org.fusemath.blas.Uplo;

/** CBLAS and LAPACKE constants for the public enums. */
final class Cblas {
    static final int LAPACK_COL_MAJOR = 102;

    private Cblas() {
    }

    static int order(Layout layout) {
        return layout == Layout.ROW_MAJOR ? 101 : 102;
    }

    static int uplo(Uplo uplo) {
        return uplo == Uplo.UPPER ? 121 : 122;
    }

    static int side(Side side) {
        return side == Side.LEFT ? 141 : 142;
    }

    static int diag(Diag diag) {
        return diag == Diag.NON_UNIT ? 131 : 132;
    }

    static byte uploChar(Uplo uplo) {
        return (byte) (uplo == Uplo.UPPER ? 'U' : 'L');
    }
}
