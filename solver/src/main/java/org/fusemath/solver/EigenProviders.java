package org.fusemath.solver;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.NoConvergenceException;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.device.DecompositionCall;
import org.fusemath.solver.device.DeviceDecomposition;

/**
 * The one place a symmetric/Hermitian eigen decomposition learns where it runs: DEVICE on the context's device
 * (cuSOLVER {@code Xsyevd}, A copied in as its column-major image, values and vectors back); HOST and AUTO on the
 * host ({@link HermitianEigenPlan}), because A is a heap array and no crossover at which copying it pays has been
 * measured yet. Stateless.
 */
final class EigenProviders {
    private EigenProviders() {
    }

    static HermitianEigen eigh(FuseContext context, HostMatrix a, Uplo uplo, boolean vectors) {
        if (context.execution().kind() != Execution.Kind.DEVICE) {
            return HermitianEigenPlan.create(context, a.dtype(), a.shape().rows(), a.shape().layout(), uplo, vectors)
                    .execute(a);
        }
        DType t = a.dtype();
        int n = Math.toIntExact(a.shape().rows());
        Object image = Dense.copy(a, Layout.COLUMN_MAJOR);
        DecompositionCall syevd = DecompositionCall.of(DecompositionCall.Routine.X_SYEVD, t, n, n, 0, Math.max(1, n), 1, 1,
                vectors ? 'V' : 'N', 'N', uplo);
        DeviceDecomposition.Result r = DeviceDecomposition.run(context, List.of(syevd), image);
        if (r.info() != 0) {
            throw new NoConvergenceException("cusolverDnXsyevd", r.info());
        }
        DType real = t.isSinglePrecision() ? DType.F32 : DType.F64;
        return new HermitianEigen(HostMatrix.of(real, r.values(), MatrixShape.columnMajor(n, 1)),
                vectors ? HostMatrix.of(t, r.a(), MatrixShape.columnMajor(n, n)) : null);
    }
}
