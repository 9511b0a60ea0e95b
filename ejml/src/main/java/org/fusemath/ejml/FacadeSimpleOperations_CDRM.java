package org.fusemath.ejml;

import org.ejml.data.Complex_F32;
import org.ejml.data.Complex_F64;
import org.ejml.data.CMatrixRMaj;
import org.ejml.simple.ops.SimpleOperations_CDRM;

// Generated from FacadeSimpleOperations_ZDRM.java by FacadeSimpleOperationsVariantsTest (-Dfusemath.regenerate=true); do not edit.
/**
 * EJML's {@code SimpleOperations_CDRM} with its products, solve, inverse and determinant routed through
 * {@link CommonOps_CDRM}, so that a complex {@link FusemathSimpleMatrix} reaches the accelerated path; every other
 * operation is EJML's. EJML's own class picks its concurrent complex product for large matrices; there is no
 * concurrent complex facade, so products always go through {@link CommonOps_CDRM} (EJML's concurrent and sequential
 * complex products compute each entry the same way, so results agree). Stateless and safe to share across threads.
 */
public class FacadeSimpleOperations_CDRM extends SimpleOperations_CDRM {
    @Override
    public void mult(CMatrixRMaj A, CMatrixRMaj B, CMatrixRMaj output) {
        CommonOps_CDRM.mult(A, B, output);
    }

    @Override
    public void multTransA(CMatrixRMaj A, CMatrixRMaj B, CMatrixRMaj output) {
        CommonOps_CDRM.multTransA(A, B, output);
    }

    @Override
    public boolean invert(CMatrixRMaj A, CMatrixRMaj output) {
        return CommonOps_CDRM.invert(A, output);
    }

    @Override
    public boolean solve(CMatrixRMaj A, CMatrixRMaj X, CMatrixRMaj B) {
        return CommonOps_CDRM.solve(A, B, X);
    }

    @Override
    public Complex_F64 determinantComplex(CMatrixRMaj A) {
        // SimpleMatrix reports determinants as Complex_F64 whatever the element type.
        /*det*/Complex_F32 d = CommonOps_CDRM.det(A);
        return new Complex_F64(d.real, d.imaginary);
    }
}
