package org.fusemath.ejml;

import org.ejml.data.ZMatrixRMaj;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigen decomposition of a square complex {@link ZMatrixRMaj}, which EJML lacks: EJML's own generic
 * {@link EigenDecomposition_F64} interface ({@code decompose}, {@code getNumberOfEigenvalues},
 * {@code getEigenvalue(i)} as a {@code Complex_F64}, {@code getEigenVector(i)} as an n×1 {@code ZMatrixRMaj}, never
 * null when vectors were requested) plus all vectors at once. Made by {@code DecompositionFactory_ZDRM.eigHermitian}
 * and {@code eigGeneral}.
 */
public interface ComplexEigenDecomposition_F64 extends EigenDecomposition_F64<ZMatrixRMaj> {
    /**
     * The eigenvectors as the columns of an n×n matrix, column j for eigenvalue j, written into {@code V} (reshaped)
     * or into a new matrix when {@code V} is null; an {@link IllegalArgumentException} when the vectors were not
     * requested.
     */
    ZMatrixRMaj getEigenVectors(ZMatrixRMaj V);

    /** Whether this decomposition assumes a Hermitian input (real, ascending eigenvalues; orthonormal vectors). */
    boolean isHermitian();
}
