package org.fusemath.ejml;

import org.ejml.data.Complex_F64;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.simple.ops.SimpleOperations_ZDRM;

/**
 * EJML's {@code SimpleOperations_ZDRM} with its products, solve, inverse and determinant routed through
 * {@link CommonOps_ZDRM}, so that a complex {@link FusemathSimpleMatrix} reaches the accelerated path; every other
 * operation is EJML's. EJML's own class picks its concurrent complex product for large matrices; there is no
 * concurrent complex facade, so products always go through {@link CommonOps_ZDRM} (EJML's concurrent and sequential
 * complex products compute each entry the same way, so results agree). Stateless and safe to share across threads.
 */
public class FacadeSimpleOperations_ZDRM extends SimpleOperations_ZDRM {
    @Override
    public void mult(ZMatrixRMaj A, ZMatrixRMaj B, ZMatrixRMaj output) {
        CommonOps_ZDRM.mult(A, B, output);
    }

    @Override
    public void multTransA(ZMatrixRMaj A, ZMatrixRMaj B, ZMatrixRMaj output) {
        CommonOps_ZDRM.multTransA(A, B, output);
    }

    @Override
    public boolean invert(ZMatrixRMaj A, ZMatrixRMaj output) {
        return CommonOps_ZDRM.invert(A, output);
    }

    @Override
    public boolean solve(ZMatrixRMaj A, ZMatrixRMaj X, ZMatrixRMaj B) {
        return CommonOps_ZDRM.solve(A, B, X);
    }

    @Override
    public Complex_F64 determinantComplex(ZMatrixRMaj A) {
        // SimpleMatrix reports determinants as Complex_F64 whatever the element type.
        /*det*/Complex_F64 d = CommonOps_ZDRM.det(A);
        return new Complex_F64(d.real, d.imaginary);
    }
}
