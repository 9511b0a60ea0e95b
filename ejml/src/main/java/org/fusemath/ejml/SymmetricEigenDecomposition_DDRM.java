package org.fusemath.ejml;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.HermitianEigenPlan;

/**
 * EJML's {@link EigenDecomposition_F64} of a real symmetric {@link DMatrixRMaj} on fusemath's LAPACK divide and
 * conquer ({@link HermitianEigenPlan}, syevd, reading the lower triangle) for matrices of at least
 * {@link DecompositionThresholds#SYMMETRIC_EIGEN_F64} elements (or the {@code decomposition} threshold of
 * {@link EjmlExecution}), and on EJML's symmetric QR algorithm below it.
 *
 * <p>On fusemath's path the eigenvalues are real and ascending, eigenvector i (an n×1 matrix of unit norm) belongs to
 * eigenvalue i and the vectors are orthonormal; EJML's symmetric QR algorithm returns its values unsorted, and
 * EJML's interface promises no order. Not bit-identical to EJML: ‖A·V − V·Λ‖_F / ‖A‖_F and ‖VᵀV − I‖_F are within
 * {@code Tolerance.eigen()} (4·n·u). The input is never modified ({@link #inputModified()} is false: below the
 * threshold EJML decomposes a copy, as its own algorithm overwrites its input). A non-square matrix is an
 * {@link IllegalArgumentException}; NaN or infinity, or a failure to converge, makes {@link #decompose} return false
 * on fusemath's path.
 *
 * <p>Not thread-safe (one instance per thread, as EJML's decompositions).
 */
public final class SymmetricEigenDecomposition_DDRM implements EigenDecomposition_F64<DMatrixRMaj> {
    private static final String KEY = "DecompositionFactory_DDRM.eig(int,boolean,boolean).decompose(DMatrixRMaj)";

    private final boolean needVectors;
    private EigenDecomposition_F64<DMatrixRMaj> ejml;
    private DMatrixRMaj scratch;
    private boolean delegated;
    private HermitianEigenPlan plan;
    private int planSize = -1;
    private Complex_F64[] values;
    private DMatrixRMaj[] vectors;

    /** A symmetric eigen decomposition, with eigenvectors when {@code needVectors}. */
    public SymmetricEigenDecomposition_DDRM(boolean needVectors) {
        this.needVectors = needVectors;
    }

    @Override
    public boolean decompose(DMatrixRMaj orig) {
        if (orig.numRows != orig.numCols) {
            throw new IllegalArgumentException("Matrix must be square.");
        }
        int n = orig.numRows;
        values = null;
        vectors = null;
        if (!EjmlExecution.accelerate(EjmlExecution.Family.DECOMPOSITION, (long) n * n,
                DecompositionThresholds.SYMMETRIC_EIGEN_F64)) {
            EjmlCoverage.delegated(KEY);
            if (ejml == null) {
                ejml = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(needVectors, true);
                scratch = new DMatrixRMaj(1, 1);
            }
            delegated = true;
            scratch.setTo(orig);
            return ejml.decompose(scratch);
        }
        EjmlCoverage.accelerated(KEY);
        delegated = false;
        if (plan == null || planSize != n) {
            plan = HermitianEigenPlan.create(FuseContext.defaults(), DType.F64, n, Layout.ROW_MAJOR, Uplo.LOWER,
                    needVectors);
            planSize = n;
        }
        HermitianEigen eigen;
        try {
            eigen = plan.execute(HostMatrix.of(orig));
        } catch (NoConvergenceException | InvalidArgumentException e) {
            // Non-convergence, or NaN/infinity in the lower triangle: EJML's contract reports failure by false.
            return false;
        }
        double[] w = eigen.values().doubles();
        Complex_F64[] found = new Complex_F64[n];
        for (int i = 0; i < n; i++) {
            found[i] = new Complex_F64(w[i], 0);
        }
        if (needVectors) {
            // Column-major n×n: vector j is the contiguous run z[j*n, (j+1)*n).
            double[] z = eigen.vectors().doubles();
            vectors = new DMatrixRMaj[n];
            for (int j = 0; j < n; j++) {
                vectors[j] = DMatrixRMaj.wrap(n, 1, Arrays.copyOfRange(z, j * n, (j + 1) * n));
            }
        }
        values = found;
        return true;
    }

    /** False: the matrix given to {@link #decompose} is never written. */
    @Override
    public boolean inputModified() {
        return false;
    }

    @Override
    public int getNumberOfEigenvalues() {
        if (delegated) {
            return ejml.getNumberOfEigenvalues();
        }
        return values == null ? 0 : values.length;
    }

    /** Eigenvalue {@code index} (imaginary part 0): ascending in {@code index} on fusemath's path. */
    @Override
    public Complex_F64 getEigenvalue(int index) {
        if (delegated) {
            return ejml.getEigenvalue(index);
        }
        return requireComputed(values)[index];
    }

    /**
     * The unit eigenvector of eigenvalue {@code index} as an n×1 matrix (this decomposition's own: copy it before
     * modifying it); an {@link IllegalArgumentException} when the vectors were not requested.
     */
    @Override
    public DMatrixRMaj getEigenVector(int index) {
        if (!needVectors) {
            throw new IllegalArgumentException("Configured to not compute eigenvectors");
        }
        if (delegated) {
            return ejml.getEigenVector(index);
        }
        return requireComputed(vectors)[index];
    }

    private static <T> T requireComputed(T result) {
        if (result == null) {
            throw new IllegalStateException("no successful decompose() to read results from");
        }
        return result;
    }
}
