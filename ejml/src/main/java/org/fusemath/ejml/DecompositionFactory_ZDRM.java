package org.fusemath.ejml;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Drop-in for EJML's {@code org.ejml.dense.row.factory.DecompositionFactory_ZDRM}: its public static methods with
 * EJML's signatures (LU, QR, Cholesky and {@code decomposeSafe}, EJML's own), plus what EJML lacks: the eigen
 * decomposition of Hermitian ({@link #eigHermitian}) and of general ({@link #eigGeneral}) complex matrices on
 * fusemath's LAPACK ({@link EigenDecomposition_ZDRM}).
 *
 * <p>Thread-safe (stateless); the decompositions it returns are not (one per thread, as EJML's).
 */
public final class DecompositionFactory_ZDRM {
    private DecompositionFactory_ZDRM() {
    }

    /** LU with partial pivoting: EJML's. */
    public static LUDecomposition_F64<ZMatrixRMaj> lu(int numRows, int numCol) {
        return org.ejml.dense.row.factory.DecompositionFactory_ZDRM.lu(numRows, numCol);
    }

    /** Householder QR: EJML's. */
    public static QRDecomposition<ZMatrixRMaj> qr(int numRows, int numCol) {
        return org.ejml.dense.row.factory.DecompositionFactory_ZDRM.qr(numRows, numCol);
    }

    /** Cholesky of a Hermitian positive definite matrix: EJML's. */
    public static CholeskyDecomposition_F64<ZMatrixRMaj> chol(int size, boolean lower) {
        return org.ejml.dense.row.factory.DecompositionFactory_ZDRM.chol(size, lower);
    }

    /** Decomposes a copy of {@code M} when {@code decomposition} modifies its input, else {@code M}: EJML's. */
    public static boolean decomposeSafe(DecompositionInterface<ZMatrixRMaj> decomposition, ZMatrixRMaj M) {
        return org.ejml.dense.row.factory.DecompositionFactory_ZDRM.decomposeSafe(decomposition, M);
    }

    /**
     * The eigen decomposition of a Hermitian matrix (zheevd: real ascending eigenvalues, orthonormal vectors); the
     * size hint is not needed.
     */
    public static ComplexEigenDecomposition_F64 eigHermitian(int size, boolean needVectors) {
        return new EigenDecomposition_ZDRM(true, needVectors);
    }

    /** The eigen decomposition of a general square complex matrix (zgeev); the size hint is not needed. */
    public static ComplexEigenDecomposition_F64 eigGeneral(int size, boolean needVectors) {
        return new EigenDecomposition_ZDRM(false, needVectors);
    }
}
