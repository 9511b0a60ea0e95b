package org.fusemath.ejml.differential;

import org.ejml.data.BMatrixRMaj;
import org.ejml.data.CMatrixRMaj;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.ejml.data.Matrix;
import org.ejml.data.ZMatrixRMaj;

/** The concrete EJML dense matrix class the harness passes for a parameter type, and how to reach its storage. */
enum Kind {
    D(DMatrixRMaj.class, 1, false),
    F(FMatrixRMaj.class, 1, true),
    Z(ZMatrixRMaj.class, 2, false),
    C(CMatrixRMaj.class, 2, true),
    B(BMatrixRMaj.class, 1, false);

    final Class<? extends Matrix> type;
    /** Array entries per element: 2 for complex (interleaved real, imaginary). */
    final int stride;
    /** Whether values are float (unit roundoff 2^-24) rather than double. */
    final boolean single;

    Kind(Class<? extends Matrix> type, int stride, boolean single) {
        this.type = type;
        this.stride = stride;
        this.single = single;
    }

    /** The kind a parameter of this (erased) type receives, or null when it is not a dense matrix parameter. */
    static Kind forParameter(Class<?> parameter) {
        for (Kind k : values()) {
            if (parameter.isAssignableFrom(k.type) && parameter != Object.class && parameter != Matrix.class) {
                return k;
            }
        }
        return null;
    }

    /** The kind of a matrix object (never null for the harness's own matrices). */
    static Kind of(Object matrix) {
        for (Kind k : values()) {
            if (k.type == matrix.getClass()) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a dense EJML matrix: " + matrix.getClass());
    }

    Matrix create(int rows, int cols) {
        return switch (this) {
            case D -> new DMatrixRMaj(rows, cols);
            case F -> new FMatrixRMaj(rows, cols);
            case Z -> new ZMatrixRMaj(rows, cols);
            case C -> new CMatrixRMaj(rows, cols);
            case B -> new BMatrixRMaj(rows, cols);
        };
    }

    /** Entry {@code i} of the storage array as a double (booleans as 0/1). */
    static double entry(Object matrix, int i) {
        return switch (of(matrix)) {
            case D -> ((DMatrixRMaj) matrix).data[i];
            case F -> ((FMatrixRMaj) matrix).data[i];
            case Z -> ((ZMatrixRMaj) matrix).data[i];
            case C -> ((CMatrixRMaj) matrix).data[i];
            case B -> ((BMatrixRMaj) matrix).data[i] ? 1 : 0;
        };
    }

    static void setEntry(Object matrix, int i, double v) {
        switch (of(matrix)) {
            case D -> ((DMatrixRMaj) matrix).data[i] = v;
            case F -> ((FMatrixRMaj) matrix).data[i] = (float) v;
            case Z -> ((ZMatrixRMaj) matrix).data[i] = v;
            case C -> ((CMatrixRMaj) matrix).data[i] = (float) v;
            case B -> ((BMatrixRMaj) matrix).data[i] = v > 0;
        }
    }

    static int rows(Object matrix) {
        return ((Matrix) matrix).getNumRows();
    }

    static int cols(Object matrix) {
        return ((Matrix) matrix).getNumCols();
    }

    /** Storage entries in use: rows*cols*stride. */
    static int used(Object matrix) {
        return rows(matrix) * cols(matrix) * of(matrix).stride;
    }

    /** A copy with the same shape and the same storage capacity (reshaping depends on capacity). */
    static Object copy(Object matrix) {
        return switch (of(matrix)) {
            case D -> {
                DMatrixRMaj m = (DMatrixRMaj) matrix;
                DMatrixRMaj c = new DMatrixRMaj(0, 0);
                c.data = m.data.clone();
                c.numRows = m.numRows;
                c.numCols = m.numCols;
                yield c;
            }
            case F -> {
                FMatrixRMaj m = (FMatrixRMaj) matrix;
                FMatrixRMaj c = new FMatrixRMaj(0, 0);
                c.data = m.data.clone();
                c.numRows = m.numRows;
                c.numCols = m.numCols;
                yield c;
            }
            case Z -> {
                ZMatrixRMaj m = (ZMatrixRMaj) matrix;
                ZMatrixRMaj c = new ZMatrixRMaj(0, 0);
                c.data = m.data.clone();
                c.numRows = m.numRows;
                c.numCols = m.numCols;
                yield c;
            }
            case C -> {
                CMatrixRMaj m = (CMatrixRMaj) matrix;
                CMatrixRMaj c = new CMatrixRMaj(0, 0);
                c.data = m.data.clone();
                c.numRows = m.numRows;
                c.numCols = m.numCols;
                yield c;
            }
            case B -> {
                BMatrixRMaj m = (BMatrixRMaj) matrix;
                BMatrixRMaj c = new BMatrixRMaj(0, 0);
                c.data = m.data.clone();
                c.numRows = m.numRows;
                c.numCols = m.numCols;
                yield c;
            }
        };
    }
}
