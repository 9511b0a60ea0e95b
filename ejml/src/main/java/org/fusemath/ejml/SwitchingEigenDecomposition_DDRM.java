package org.fusemath.ejml;

import org.ejml.UtilEjml;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.MatrixFeatures_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * EJML's {@link EigenDecomposition_F64} for any square {@link DMatrixRMaj} that, as EJML's own switching
 * decomposition, tests each input for symmetry ({@code MatrixFeatures_DDRM.isSymmetric} with EJML's
 * {@code UtilEjml.TEST_F64}) and hands it to {@link SymmetricEigenDecomposition_DDRM} or
 * {@link GeneralEigenDecomposition_DDRM}, whose results, order and bounds it returns.
 *
 * <p>Not thread-safe (one instance per thread, as EJML's decompositions).
 */
public final class SwitchingEigenDecomposition_DDRM implements EigenDecomposition_F64<DMatrixRMaj> {
    private final boolean needVectors;
    private final SymmetricEigenDecomposition_DDRM symmetric;
    private final GeneralEigenDecomposition_DDRM general;
    private EigenDecomposition_F64<DMatrixRMaj> active;

    /** A decomposition choosing the symmetric or the general algorithm per input, with vectors when asked. */
    public SwitchingEigenDecomposition_DDRM(boolean needVectors) {
        this.needVectors = needVectors;
        this.symmetric = new SymmetricEigenDecomposition_DDRM(needVectors);
        this.general = new GeneralEigenDecomposition_DDRM(needVectors);
        this.active = general;
    }

    @Override
    public boolean decompose(DMatrixRMaj orig) {
        if (orig.numRows != orig.numCols) {
            throw new IllegalArgumentException("A must be square.");
        }
        active = MatrixFeatures_DDRM.isSymmetric(orig, UtilEjml.TEST_F64) ? symmetric : general;
        return active.decompose(orig);
    }

    /** False: neither algorithm writes to the matrix given to {@link #decompose}. */
    @Override
    public boolean inputModified() {
        return false;
    }

    @Override
    public int getNumberOfEigenvalues() {
        return active.getNumberOfEigenvalues();
    }

    @Override
    public Complex_F64 getEigenvalue(int index) {
        return active.getEigenvalue(index);
    }

    @Override
    public DMatrixRMaj getEigenVector(int index) {
        if (!needVectors) {
            throw new IllegalArgumentException("Configured to not compute eigenvectors");
        }
        return active.getEigenVector(index);
    }
}
