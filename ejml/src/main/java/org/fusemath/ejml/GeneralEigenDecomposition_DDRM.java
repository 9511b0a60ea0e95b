package org.fusemath.ejml;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.solver.Eigen;
import org.fusemath.solver.EigenPlan;

/**
 * EJML's {@link EigenDecomposition_F64} of a general square {@link DMatrixRMaj} on fusemath's LAPACK {@code geev}
 * ({@link EigenPlan}) for matrices of at least {@link DecompositionThresholds#GENERAL_EIGEN_F64} elements (or the
 * {@code decomposition} threshold of {@link EjmlExecution}), and on EJML's own QR algorithm (Hessenberg reduction,
 * implicit shifts) below it.
 *
 * <p>As EJML: the eigenvalues are complex in general, a complex conjugate pair adjacent (on fusemath's path positive
 * imaginary part first, in LAPACK's order; EJML's interface promises no order); {@link #getEigenVector} gives the
 * real unit eigenvector of a real eigenvalue and null for a complex one. Not bit-identical to EJML: the eigenvalues
 * agree with EJML's as a multiset within their conditioning, and each real pair satisfies
 * ‖A·v − λ·v‖₂ ≤ 4·n·u·‖A‖_F (the backward bound of {@code Tolerance.eigen()}). The input is never modified
 * ({@link #inputModified()} is false: below the threshold EJML decomposes a copy, as its own algorithm overwrites
 * its input). A non-square matrix is an {@link IllegalArgumentException}; NaN or infinity, or a failure of the QR
 * algorithm, makes {@link #decompose} return false on fusemath's path.
 *
 * <p>Not thread-safe (one instance per thread, as EJML's decompositions).
 */
public final class GeneralEigenDecomposition_DDRM implements EigenDecomposition_F64<DMatrixRMaj> {
    private static final String KEY = "DecompositionFactory_DDRM.eig(int,boolean,boolean).decompose(DMatrixRMaj)";

    private final boolean needVectors;
    private EigenDecomposition_F64<DMatrixRMaj> ejml;
    private DMatrixRMaj scratch;
    private boolean delegated;
    private EigenPlan plan;
    private int planSize = -1;
    private Complex_F64[] values;
    private DMatrixRMaj[] vectors;

    /** A general eigen decomposition, with the real eigenvectors when {@code needVectors}. */
    public GeneralEigenDecomposition_DDRM(boolean needVectors) {
        this.needVectors = needVectors;
    }

    @Override
    public boolean decompose(DMatrixRMaj orig) {
        if (orig.numRows != orig.numCols) {
            throw new IllegalArgumentException("A must be square.");
        }
        int n = orig.numRows;
        values = null;
        vectors = null;
        if (!EjmlExecution.accelerate(EjmlExecution.Family.DECOMPOSITION, (long) n * n,
                DecompositionThresholds.GENERAL_EIGEN_F64)) {
            EjmlCoverage.delegated(KEY);
            if (ejml == null) {
                ejml = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(needVectors, false);
                scratch = new DMatrixRMaj(1, 1);
            }
            delegated = true;
            scratch.setTo(orig);
            return ejml.decompose(scratch);
        }
        EjmlCoverage.accelerated(KEY);
        delegated = false;
        if (plan == null || planSize != n) {
            plan = EigenPlan.create(FuseContext.defaults(), DType.F64, n, needVectors);
            planSize = n;
        }
        Eigen eigen;
        try {
            eigen = plan.execute(HostMatrix.of(orig));
        } catch (NoConvergenceException | InvalidArgumentException e) {
            // Non-convergence, or NaN/infinity in A: EJML's contract reports failure by returning false.
            return false;
        }
        // Interleaved complex: value i at (w[2i], w[2i+1]); vectors column-major, element (r, j) at 2·(j·n + r).
        double[] w = eigen.values().doubles();
        Complex_F64[] found = new Complex_F64[n];
        for (int i = 0; i < n; i++) {
            found[i] = new Complex_F64(w[2 * i], w[2 * i + 1]);
        }
        if (needVectors) {
            double[] v = eigen.vectors().doubles();
            vectors = new DMatrixRMaj[n];
            for (int j = 0; j < n; j++) {
                if (found[j].imaginary != 0) {
                    continue;
                }
                // geev computes the vector of a real eigenvalue of a real A in real arithmetic: its imaginary
                // parts are exact zeros, so the real parts are the whole vector.
                DMatrixRMaj x = new DMatrixRMaj(n, 1);
                for (int r = 0; r < n; r++) {
                    x.data[r] = v[2 * (j * n + r)];
                }
                vectors[j] = x;
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

    @Override
    public Complex_F64 getEigenvalue(int index) {
        if (delegated) {
            return ejml.getEigenvalue(index);
        }
        return requireComputed(values)[index];
    }

    /**
     * The real unit eigenvector of eigenvalue {@code index} as an n×1 matrix (this decomposition's own), null when
     * the eigenvalue is complex; an {@link IllegalArgumentException} when the vectors were not requested.
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
