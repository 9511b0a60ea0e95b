package org.fusemath.ejml;

import org.ejml.LinearSolverType;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.linsol.AdjustableLinearSolver_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverCholLDL_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Drop-in for EJML's {@code org.ejml.dense.row.factory.LinearSolverFactory_DDRM}: the same static methods with the
 * same signatures. The LU, Cholesky and QR solvers it makes ({@link LinearSolverLuLapack_DDRM},
 * {@link LinearSolverCholLapack_DDRM}, {@link LinearSolverQrLapack_DDRM}) run LAPACK for matrices of at least
 * {@code EjmlExecution}'s decomposition threshold (elements of A) and EJML's own algorithm below it; the solvers
 * fusemath has no counterpart for (QR with column pivoting, LDLᵀ, the inner-product Cholesky, the SVD pseudo-inverse,
 * the adjustable QR) are EJML's own objects, and making one is counted as delegated in the coverage report.
 *
 * <p>The size arguments are hints, as in EJML: each solver decides per {@code setA} from the actual A. Thread-safe;
 * each solver it returns is for one thread at a time.
 */
public class LinearSolverFactory_DDRM {
    /** Exists because EJML's class has a public constructor; every method is static. */
    public LinearSolverFactory_DDRM() {
    }

    /** The solver of {@code type}: LU, Cholesky (both kinds) and QR on fusemath, the others EJML's. */
    public static LinearSolverDense<DMatrixRMaj> create(LinearSolverType type) {
        return switch (type) {
            case LU -> new LinearSolverLuLapack_DDRM();
            case CHOLESKY, CHOLESKY_BLOCK -> new LinearSolverCholLapack_DDRM(true);
            case DEFAULT, QR -> new LinearSolverQrLapack_DDRM();
            case LDL, QRP, SVD -> {
                EjmlCoverage.delegated("LinearSolverFactory_DDRM.create(LinearSolverType)");
                yield org.ejml.dense.row.factory.LinearSolverFactory_DDRM.create(type);
            }
        };
    }

    /** An LU solver (as {@link #linear}). */
    public static LinearSolverDense<DMatrixRMaj> lu(int numRows) {
        return linear(numRows);
    }

    /** A Cholesky solver (as {@link #symmPosDef}). */
    public static LinearSolverDense<DMatrixRMaj> chol(int numRows) {
        return symmPosDef(numRows);
    }

    /** A QR least-squares solver (as {@link #leastSquares}). */
    public static LinearSolverDense<DMatrixRMaj> qr(int numRows, int numCols) {
        return leastSquares(numRows, numCols);
    }

    /** EJML's QR-with-column-pivoting solver (as {@link #leastSquaresQrPivot}). */
    public static LinearSolverDense<DMatrixRMaj> qrp(boolean computeNorm2, boolean computeQ) {
        return leastSquaresQrPivot(computeNorm2, computeQ);
    }

    /** EJML's LDLᵀ solver for symmetric matrices. */
    public static LinearSolverCholLDL_DDRM cholLdl() {
        EjmlCoverage.delegated("LinearSolverFactory_DDRM.cholLdl()");
        return org.ejml.dense.row.factory.LinearSolverFactory_DDRM.cholLdl();
    }

    /** EJML's inner-product Cholesky solver (its concrete type is part of the signature). */
    public static LinearSolverChol_DDRM cholInner(boolean lower) {
        EjmlCoverage.delegated("LinearSolverFactory_DDRM.cholInner(boolean)");
        return org.ejml.dense.row.factory.LinearSolverFactory_DDRM.cholInner(lower);
    }

    /** A Cholesky solver with the lower or upper factor (EJML's is a block algorithm for large matrices). */
    public static LinearSolverDense<DMatrixRMaj> cholOuterBlock(boolean lower) {
        return new LinearSolverCholLapack_DDRM(lower);
    }

    /** LU for a square shape hint, QR least squares otherwise. */
    public static LinearSolverDense<DMatrixRMaj> general(int numRows, int numCols) {
        if (numRows == numCols) {
            return linear(numRows);
        }
        return leastSquares(numRows, numCols);
    }

    /** An LU solver for square systems. */
    public static LinearSolverDense<DMatrixRMaj> linear(int matrixSize) {
        return new LinearSolverLuLapack_DDRM();
    }

    /** A QR least-squares solver for over-determined systems (m ≥ n). */
    public static LinearSolverDense<DMatrixRMaj> leastSquares(int numRows, int numCols) {
        return new LinearSolverQrLapack_DDRM();
    }

    /** A Cholesky solver (lower factor) for symmetric positive definite systems. */
    public static LinearSolverDense<DMatrixRMaj> symmPosDef(int matrixWidth) {
        return new LinearSolverCholLapack_DDRM(true);
    }

    /** EJML's solver on QR with column pivoting, for singular systems. */
    public static LinearSolverDense<DMatrixRMaj> leastSquaresQrPivot(boolean computeNorm2, boolean computeQ) {
        EjmlCoverage.delegated("LinearSolverFactory_DDRM.leastSquaresQrPivot(boolean,boolean)");
        return org.ejml.dense.row.factory.LinearSolverFactory_DDRM.leastSquaresQrPivot(computeNorm2, computeQ);
    }

    /** EJML's pseudo-inverse solver (SVD, or QR with column pivoting). */
    public static LinearSolverDense<DMatrixRMaj> pseudoInverse(boolean useSVD) {
        EjmlCoverage.delegated("LinearSolverFactory_DDRM.pseudoInverse(boolean)");
        return org.ejml.dense.row.factory.LinearSolverFactory_DDRM.pseudoInverse(useSVD);
    }

    /** EJML's adjustable QR solver (rows added and removed without refactoring). */
    public static AdjustableLinearSolver_DDRM adjustable() {
        EjmlCoverage.delegated("LinearSolverFactory_DDRM.adjustable()");
        return org.ejml.dense.row.factory.LinearSolverFactory_DDRM.adjustable();
    }
}
