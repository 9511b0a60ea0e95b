package org.fusemath.ejml;

import static org.ejml.concurrency.EjmlConcurrency.useConcurrent;

import org.ejml.data.DMatrixRMaj;
import org.ejml.simple.ops.SimpleOperations_DDRM;

/**
 * EJML's {@code SimpleOperations_DDRM} with its products, solve, inverse, pseudo-inverse and determinant routed
 * through fusemath's facades ({@link CommonOps_DDRM}, and {@link CommonOps_MT_DDRM} where EJML would pick its concurrent
 * class), so that a {@link FusemathSimpleMatrix} reaches the accelerated path; every other operation is EJML's.
 * Results are the facade method's: bit-identical to EJML's below the acceleration threshold, within the bound the
 * facade method states above it. Stateless and safe to share across threads.
 */
public class FacadeSimpleOperations_DDRM extends SimpleOperations_DDRM {
    @Override
    public void mult(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj output) {
        // The same choice between the concurrent and the sequential class as EJML's own SimpleOperations.
        if (useConcurrent(A) || useConcurrent(B)) {
            CommonOps_MT_DDRM.mult(A, B, output);
        } else {
            CommonOps_DDRM.mult(A, B, output);
        }
    }

    @Override
    public void multTransA(DMatrixRMaj A, DMatrixRMaj B, DMatrixRMaj output) {
        if (useConcurrent(A) || useConcurrent(B)) {
            CommonOps_MT_DDRM.multTransA(A, B, output);
        } else {
            CommonOps_DDRM.multTransA(A, B, output);
        }
    }

    @Override
    public boolean invert(DMatrixRMaj A, DMatrixRMaj output) {
        return CommonOps_DDRM.invert(A, output);
    }

    @Override
    public void pseudoInverse(DMatrixRMaj A, DMatrixRMaj output) {
        CommonOps_DDRM.pinv(A, output);
    }

    @Override
    public boolean solve(DMatrixRMaj A, DMatrixRMaj X, DMatrixRMaj B) {
        return CommonOps_DDRM.solve(A, B, X);
    }

    @Override
    public double determinant(DMatrixRMaj A) {
        return CommonOps_DDRM.det(A);
    }
}
