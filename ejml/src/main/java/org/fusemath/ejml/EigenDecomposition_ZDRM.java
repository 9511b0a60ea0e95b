package org.fusemath.ejml;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.Eigen;
import org.fusemath.solver.EigenPlan;
import org.fusemath.solver.HermitianEigen;
import org.fusemath.solver.HermitianEigenPlan;

/**
 * The eigen decomposition of a square complex {@link ZMatrixRMaj} on fusemath's LAPACK, at every size (EJML has no
 * complex eigen decomposition to fall back to): Hermitian inputs by divide and conquer ({@link HermitianEigenPlan},
 * zheevd, reading the lower triangle, the imaginary parts of the diagonal taken as zero), general ones by
 * {@code zgeev} ({@link EigenPlan}).
 *
 * <p>Hermitian: the eigenvalues are real (imaginary part 0) and ascending, the vectors orthonormal, and
 * ‖A·V − V·Λ‖_F / ‖A‖_F and ‖VᴴV − I‖_F are within {@code Tolerance.eigen()} (4·n·u). General: the eigenvalues in
 * LAPACK's order, each right eigenvector of unit norm with its largest component real, and each pair satisfies
 * ‖A·v − λ·v‖₂ ≤ 4·n·u·‖A‖_F. Eigenvector j belongs to eigenvalue j and is unique up to a unit complex factor (for a
 * repeated eigenvalue up to a rotation in its space). The input is never modified. A non-square matrix is an
 * {@link IllegalArgumentException}; NaN or infinity in what is read, or a failure to converge, makes
 * {@link #decompose} return false.
 *
 * <p>Not thread-safe (one instance per thread, as EJML's decompositions).
 */
public final class EigenDecomposition_ZDRM implements ComplexEigenDecomposition_F64 {
    private final boolean hermitian;
    private final boolean needVectors;
    private final String key;
    private HermitianEigenPlan hermitianPlan;
    private EigenPlan generalPlan;
    private int planSize = -1;
    private Complex_F64[] values;
    /** LAPACK's column-major interleaved vectors: vector j is the run of 2n numbers at 2·j·n (an n×1 ZMatrixRMaj). */
    private double[] vectors;

    /** A Hermitian ({@code hermitian}) or general eigen decomposition, with eigenvectors when {@code needVectors}. */
    public EigenDecomposition_ZDRM(boolean hermitian, boolean needVectors) {
        this.hermitian = hermitian;
        this.needVectors = needVectors;
        this.key = hermitian ? "DecompositionFactory_ZDRM.eigHermitian(int,boolean).decompose(ZMatrixRMaj)"
                : "DecompositionFactory_ZDRM.eigGeneral(int,boolean).decompose(ZMatrixRMaj)";
    }

    @Override
    public boolean decompose(ZMatrixRMaj orig) {
        if (orig.numRows != orig.numCols) {
            throw new IllegalArgumentException("Matrix must be square.");
        }
        int n = orig.numRows;
        values = null;
        vectors = null;
        EjmlCoverage.accelerated(key);
        if (planSize != n) {
            FuseContext context = FuseContext.defaults();
            if (hermitian) {
                hermitianPlan = HermitianEigenPlan.create(context, DType.C128, n, Layout.ROW_MAJOR, Uplo.LOWER,
                        needVectors);
            } else {
                generalPlan = EigenPlan.create(context, DType.C128, n, needVectors);
            }
            planSize = n;
        }
        Complex_F64[] found = new Complex_F64[n];
        try {
            if (hermitian) {
                HermitianEigen eigen = hermitianPlan.execute(HostMatrix.of(orig));
                double[] w = eigen.values().doubles();
                for (int i = 0; i < n; i++) {
                    found[i] = new Complex_F64(w[i], 0);
                }
                vectors = needVectors ? eigen.vectors().doubles() : null;
            } else {
                Eigen eigen = generalPlan.execute(HostMatrix.of(orig));
                double[] w = eigen.values().doubles();
                for (int i = 0; i < n; i++) {
                    found[i] = new Complex_F64(w[2 * i], w[2 * i + 1]);
                }
                vectors = needVectors ? eigen.vectors().doubles() : null;
            }
        } catch (NoConvergenceException | InvalidArgumentException e) {
            // Non-convergence, or NaN/infinity in what LAPACK reads: reported by false, as EJML's decompositions do.
            vectors = null;
            return false;
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
    public boolean isHermitian() {
        return hermitian;
    }

    @Override
    public int getNumberOfEigenvalues() {
        return values == null ? 0 : values.length;
    }

    /** Eigenvalue {@code index}: real and ascending in {@code index} for a Hermitian decomposition. */
    @Override
    public Complex_F64 getEigenvalue(int index) {
        return computed()[index];
    }

    /** The unit eigenvector of eigenvalue {@code index} (n×1, a fresh matrix). */
    @Override
    public ZMatrixRMaj getEigenVector(int index) {
        int n = computed().length;
        requireVectors();
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("eigenvector " + index + " of " + n);
        }
        ZMatrixRMaj v = new ZMatrixRMaj(n, 1);
        System.arraycopy(vectors, 2 * index * n, v.data, 0, 2 * n);
        return v;
    }

    @Override
    public ZMatrixRMaj getEigenVectors(ZMatrixRMaj V) {
        int n = computed().length;
        requireVectors();
        if (V == null) {
            V = new ZMatrixRMaj(n, n);
        } else {
            V.reshape(n, n);
        }
        // LAPACK's column-major storage into ZMatrixRMaj's row-major one: a transpose of complex pairs.
        double[] d = V.data;
        for (int j = 0; j < n; j++) {
            for (int r = 0; r < n; r++) {
                int from = 2 * (j * n + r);
                int to = 2 * (r * n + j);
                d[to] = vectors[from];
                d[to + 1] = vectors[from + 1];
            }
        }
        return V;
    }

    private void requireVectors() {
        if (!needVectors) {
            throw new IllegalArgumentException("Configured to not compute eigenvectors");
        }
    }

    private Complex_F64[] computed() {
        if (values == null) {
            throw new IllegalStateException("no successful decompose() to read results from");
        }
        return values;
    }
}
