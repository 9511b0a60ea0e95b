package org.fusemath.ejml;

import static org.ejml.concurrency.EjmlConcurrency.useConcurrent;

import org.ejml.data.FMatrixRMaj;
import org.ejml.simple.ops.SimpleOperations_FDRM;

// Generated from FacadeSimpleOperations_DDRM.java by FacadeSimpleOperationsVariantsTest (-Dfusemath.regenerate=true); do not edit.
/**
 * EJML's {@code SimpleOperations_FDRM} with its products, solve, inverse, pseudo-inverse and determinant routed
 * through fusemath's facades ({@link CommonOps_FDRM}, and {@link CommonOps_MT_FDRM} where EJML would pick its concurrent
 * class), so that a {@link FusemathSimpleMatrix} reaches the accelerated path; every other operation is EJML's.
 * Results are the facade method's: bit-identical to EJML's below the acceleration threshold, within the bound the
 * facade method states above it. Stateless and safe to share across threads.
 */
public class FacadeSimpleOperations_FDRM extends SimpleOperations_FDRM {
    @Override
    public void mult(FMatrixRMaj A, FMatrixRMaj B, FMatrixRMaj output) {
        // The same choice between the concurrent and the sequential class as EJML's own SimpleOperations.
        if (useConcurrent(A) || useConcurrent(B)) {
            CommonOps_MT_FDRM.mult(A, B, output);
        } else {
            CommonOps_FDRM.mult(A, B, output);
        }
    }

    @Override
    public void multTransA(FMatrixRMaj A, FMatrixRMaj B, FMatrixRMaj output) {
        if (useConcurrent(A) || useConcurrent(B)) {
            CommonOps_MT_FDRM.multTransA(A, B, output);
        } else {
            CommonOps_FDRM.multTransA(A, B, output);
        }
    }

    @Override
    public boolean invert(FMatrixRMaj A, FMatrixRMaj output) {
        return CommonOps_FDRM.invert(A, output);
    }

    @Override
    public void pseudoInverse(FMatrixRMaj A, FMatrixRMaj output) {
        CommonOps_FDRM.pinv(A, output);
    }

    @Override
    public boolean solve(FMatrixRMaj A, FMatrixRMaj X, FMatrixRMaj B) {
        return CommonOps_FDRM.solve(A, B, X);
    }

    @Override
    public double determinant(FMatrixRMaj A) {
        return CommonOps_FDRM.det(A);
    }
}
