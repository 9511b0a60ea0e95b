package org.fusemath.ejml;

import org.ejml.data.DMatrix;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.CholeskyLDLDecomposition_F64;
import org.ejml.interfaces.decomposition.DecompositionInterface;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.LUDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.QRPDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.ejml.interfaces.decomposition.TridiagonalSimilarDecomposition_F64;

/**
 * Drop-in for EJML's {@code org.ejml.dense.row.factory.DecompositionFactory_DDRM}: every public static method with
 * EJML's signature and return type. LU, Cholesky, QR, the SVD and the eigen decompositions run on fusemath's LAPACK
 * from a measured size on and on EJML's own algorithm below it (the sizes of SVD and eigen in
 * {@link DecompositionThresholds}; all overridden by {@link EjmlExecution}'s decomposition threshold); the decompositions
 * fusemath has no counterpart for (LDLᵀ, QR with column pivoting, tridiagonal) and the static helpers
 * ({@code quality}, {@code decomposeSafe}) are EJML's own.
 *
 * <p>Size hints ({@code matrixSize}, {@code numRows}, {@code numCols}) are accepted as in EJML and not needed: each
 * decomposition chooses its path from the size of the matrix it is given. Thread-safe (stateless); the decompositions
 * it returns are not (one per thread, as EJML's).
 */
public final class DecompositionFactory_DDRM {
    private DecompositionFactory_DDRM() {
    }

    /** Cholesky, lower or upper ({@link CholeskyDecompositionLapack_DDRM}); the size hint is not needed. */
    public static CholeskyDecomposition_F64<DMatrixRMaj> chol(int matrixSize, boolean lower) {
        return new CholeskyDecompositionLapack_DDRM(lower);
    }

    /** Cholesky, lower or upper ({@link CholeskyDecompositionLapack_DDRM}). */
    public static CholeskyDecomposition_F64<DMatrixRMaj> chol(boolean lower) {
        return new CholeskyDecompositionLapack_DDRM(lower);
    }

    /** LDLᵀ: EJML's (fusemath has no counterpart). */
    public static CholeskyLDLDecomposition_F64<DMatrixRMaj> cholLDL(int matrixSize) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.cholLDL(matrixSize);
    }

    /** LDLᵀ: EJML's (fusemath has no counterpart). */
    public static CholeskyLDLDecomposition_F64<DMatrixRMaj> cholLDL() {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.cholLDL();
    }

    /** LU with partial pivoting ({@link LuDecompositionLapack_DDRM}); the size hints are not needed. */
    public static LUDecomposition_F64<DMatrixRMaj> lu(int numRows, int numCol) {
        return new LuDecompositionLapack_DDRM();
    }

    /** LU with partial pivoting ({@link LuDecompositionLapack_DDRM}). */
    public static LUDecomposition_F64<DMatrixRMaj> lu() {
        return new LuDecompositionLapack_DDRM();
    }

    /** The SVD ({@link SvdDecomposition_DDRM}); the size hints are not needed. */
    public static SingularValueDecomposition_F64<DMatrixRMaj> svd(int numRows, int numCols, boolean needU,
                                                                  boolean needV, boolean compact) {
        return new SvdDecomposition_DDRM(needU, needV, compact);
    }

    /** The SVD ({@link SvdDecomposition_DDRM}). */
    public static SingularValueDecomposition_F64<DMatrixRMaj> svd(boolean needU, boolean needV, boolean compact) {
        return new SvdDecomposition_DDRM(needU, needV, compact);
    }

    /** Householder QR ({@link QrDecompositionLapack_DDRM}); the size hints are not needed. */
    public static QRDecomposition<DMatrixRMaj> qr(int numRows, int numCols) {
        return new QrDecompositionLapack_DDRM();
    }

    /** Householder QR ({@link QrDecompositionLapack_DDRM}). */
    public static QRDecomposition<DMatrixRMaj> qr() {
        return new QrDecompositionLapack_DDRM();
    }

    /** QR with column pivoting: EJML's (fusemath has no counterpart). */
    public static QRPDecomposition_F64<DMatrixRMaj> qrp(int numRows, int numCols) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.qrp(numRows, numCols);
    }

    /** QR with column pivoting: EJML's (fusemath has no counterpart). */
    public static QRPDecomposition_F64<DMatrixRMaj> qrp() {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.qrp();
    }

    /** An eigen decomposition that detects symmetric inputs ({@link SwitchingEigenDecomposition_DDRM}). */
    public static EigenDecomposition_F64<DMatrixRMaj> eig(int matrixSize, boolean needVectors) {
        return new SwitchingEigenDecomposition_DDRM(needVectors);
    }

    /** An eigen decomposition that detects symmetric inputs ({@link SwitchingEigenDecomposition_DDRM}). */
    public static EigenDecomposition_F64<DMatrixRMaj> eig(boolean needVectors) {
        return new SwitchingEigenDecomposition_DDRM(needVectors);
    }

    /**
     * The symmetric ({@link SymmetricEigenDecomposition_DDRM}) or general ({@link GeneralEigenDecomposition_DDRM})
     * eigen decomposition.
     */
    public static EigenDecomposition_F64<DMatrixRMaj> eig(int matrixSize, boolean computeVectors, boolean isSymmetric) {
        return eig(computeVectors, isSymmetric);
    }

    /**
     * The symmetric ({@link SymmetricEigenDecomposition_DDRM}) or general ({@link GeneralEigenDecomposition_DDRM})
     * eigen decomposition.
     */
    public static EigenDecomposition_F64<DMatrixRMaj> eig(boolean computeVectors, boolean isSymmetric) {
        if (isSymmetric) {
            return new SymmetricEigenDecomposition_DDRM(computeVectors);
        }
        return new GeneralEigenDecomposition_DDRM(computeVectors);
    }

    /** EJML's ‖A − U·W·Vᵀ‖_F / ‖U·W·Vᵀ‖_F of a decomposition. */
    public static double quality(DMatrixRMaj orig, SingularValueDecomposition<DMatrixRMaj> svd) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.quality(orig, svd);
    }

    /** EJML's ‖A − U·W·Vᵀ‖_F / ‖U·W·Vᵀ‖_F of given factors. */
    public static double quality(DMatrixRMaj orig, DMatrixRMaj U, DMatrixRMaj W, DMatrixRMaj Vt) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.quality(orig, U, W, Vt);
    }

    /** EJML's ‖A·V − V·D‖_F / ‖A·V‖_F of an eigen decomposition. */
    public static double quality(DMatrixRMaj orig, EigenDecomposition_F64<DMatrixRMaj> eig) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.quality(orig, eig);
    }

    /** Householder tridiagonalisation: EJML's (fusemath has no counterpart). */
    public static TridiagonalSimilarDecomposition_F64<DMatrixRMaj> tridiagonal(int matrixSize) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.tridiagonal(matrixSize);
    }

    /** Decomposes a copy of {@code M} when {@code decomp} modifies its input, {@code M} itself otherwise: EJML's. */
    public static <T extends DMatrix> boolean decomposeSafe(DecompositionInterface<T> decomp, T M) {
        return org.ejml.dense.row.factory.DecompositionFactory_DDRM.decomposeSafe(decomp, M);
    }
}
