package org.fusemath.ejml;

import org.ejml.data.Matrix;
import org.ejml.data.MatrixType;
import org.ejml.simple.SimpleBase;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleOperations;

/**
 * An EJML {@link SimpleMatrix} whose products ({@code mult}), {@code solve}, {@code invert}, {@code pseudoInverse}
 * and {@code determinant} run through fusemath's facades, for dense real and complex matrices in double and float.
 *
 * <p>It is a {@code SimpleMatrix}: variables, parameters and return types typed {@code SimpleMatrix} keep working.
 * Every matrix an operation on it returns is again a {@code FusemathSimpleMatrix} (EJML creates results through
 * the protected {@code createMatrix}/{@code wrapMatrix}, which this class overrides), so one construction site is
 * enough for a whole computation. EJML's static factories ({@code SimpleMatrix.identity}, {@code random_DDRM}, ...)
 * return plain {@code SimpleMatrix}; pass their results through {@link #of(SimpleBase)}. Operations other than the
 * five above, and sparse matrices, are EJML's own. Like {@code SimpleMatrix}, an instance is not safe for concurrent
 * modification.
 */
public class FusemathSimpleMatrix extends SimpleMatrix {

    /** A zero {@code numRows x numCols} DDRM matrix. */
    public FusemathSimpleMatrix(int numRows, int numCols) {
        super(numRows, numCols);
    }

    /** A zero matrix of the given EJML type (DDRM, FDRM, ZDRM, CDRM; sparse types keep EJML's operations). */
    public FusemathSimpleMatrix(int numRows, int numCols, MatrixType type) {
        super(numRows, numCols, type);
    }

    /** A DDRM matrix holding a copy of {@code data}, row-major if {@code rowMajor}. */
    public FusemathSimpleMatrix(int numRows, int numCols, boolean rowMajor, double... data) {
        super(numRows, numCols, rowMajor, data);
    }

    /** An FDRM matrix holding a copy of {@code data}, row-major if {@code rowMajor}. */
    public FusemathSimpleMatrix(int numRows, int numCols, boolean rowMajor, float... data) {
        super(numRows, numCols, rowMajor, data);
    }

    /** A DDRM matrix copied from rows of equal length. */
    public FusemathSimpleMatrix(double[][] data) {
        super(data);
    }

    /** An FDRM matrix copied from rows of equal length. */
    public FusemathSimpleMatrix(float[][] data) {
        super(data);
    }

    /** A copy of {@code orig}'s internal matrix. */
    public FusemathSimpleMatrix(SimpleMatrix orig) {
        super(orig);
    }

    /** A copy of {@code orig} (block matrices converted to row-major, as {@code SimpleMatrix} does). */
    public FusemathSimpleMatrix(Matrix orig) {
        super(orig);
    }

    /** For {@link #wrap(Matrix)} and serialization: nothing configured. */
    protected FusemathSimpleMatrix() {
    }

    /** A matrix that uses {@code internalMat} itself (no copy): changes through either are seen by both. */
    public static FusemathSimpleMatrix wrap(Matrix internalMat) {
        FusemathSimpleMatrix m = new FusemathSimpleMatrix();
        m.setMatrix(internalMat);
        return m;
    }

    /** A matrix sharing {@code matrix}'s internal matrix (no copy), e.g. of {@code SimpleMatrix.identity(n)}. */
    public static FusemathSimpleMatrix of(SimpleBase<?> matrix) {
        return wrap(matrix.getMatrix());
    }

    @Override
    protected void setMatrix(Matrix mat) {
        super.setMatrix(mat);
        // EJML looks its operations up by type in a static method it can not be told about; replace the result.
        ops = facadeOperations(mat.getType(), ops);
    }

    @Override
    protected SimpleMatrix createMatrix(int numRows, int numCols, MatrixType type) {
        return new FusemathSimpleMatrix(numRows, numCols, type);
    }

    @Override
    protected SimpleMatrix wrapMatrix(Matrix m) {
        return new FusemathSimpleMatrix(m);
    }

    /** The facade-routed operations of a dense type, or EJML's {@code fallback} for the others. */
    static SimpleOperations facadeOperations(MatrixType type, SimpleOperations fallback) {
        return switch (type) {
            case DDRM -> new FacadeSimpleOperations_DDRM();
            case FDRM -> new FacadeSimpleOperations_FDRM();
            case ZDRM -> new FacadeSimpleOperations_ZDRM();
            case CDRM -> new FacadeSimpleOperations_CDRM();
            default -> fallback;
        };
    }
}
