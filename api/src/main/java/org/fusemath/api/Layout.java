package org.fusemath.api;

/** Storage order of a matrix: row-major (C, EJML, NumPy default) or column-major (Fortran, BLAS). */
public enum Layout {
    /** Consecutive elements of a row are adjacent; the leading dimension is the row stride. */
    ROW_MAJOR,
    /** Consecutive elements of a column are adjacent; the leading dimension is the column stride. */
    COLUMN_MAJOR;

    /** The other order: a row-major m×n matrix is the column-major n×m transpose in the same memory. */
    public Layout transposed() {
        return this == ROW_MAJOR ? COLUMN_MAJOR : ROW_MAJOR;
    }
}
