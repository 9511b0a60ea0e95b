package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.Layout;
import org.fusemath.api.SingularMatrixException;
import org.fusemath.blas.Uplo;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.solver.BatchedSolve;
import org.fusemath.solver.BatchedSolveTest;
import org.fusemath.solver.BatchedSolveTest.Stack;
import org.junit.jupiter.api.Test;

/** Batched solves on the GPU beside the host: both within the backward-error bound, the same failing member. */
@GpuTest(libraries = {CudaLibrary.CUBLAS, CudaLibrary.CUSOLVER})
class DeviceBatchedSolveGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @Test
    void batchedAndGenericRoutinesSolveLikeTheHost() {
        for (DType t : DType.values()) {
            for (int n : new int[] {8, 32, 64}) {
                int batch = 50;
                Stack a = BatchedSolveTest.stack(t, batch, n, n, Layout.ROW_MAJOR, n);
                Stack spd = BatchedSolveTest.positiveDefinite(t, batch, n, Layout.COLUMN_MAJOR, Uplo.LOWER, n);
                Stack b = BatchedSolveTest.stack(t, batch, n, 2, Layout.ROW_MAJOR, n + 1);
                Stack lu = new Stack(t, BatchedSolve.lu(DEVICE, a.view(), b.view()));
                Stack ch = new Stack(t, BatchedSolve.cholesky(DEVICE, Uplo.LOWER, spd.view(), b.view()));
                Stack full = spd.hermitianFrom(Uplo.LOWER);
                for (int m = 0; m < batch; m++) {
                    assertTrue(BatchedSolveTest.backwardError(a, b, lu, m) <= 4, t + " lu n=" + n + " member " + m);
                    assertTrue(BatchedSolveTest.backwardError(full, b, ch, m) <= 4, t + " chol n=" + n + " member " + m);
                }
            }
        }
    }

    @Test
    void aSingularMemberIsNamedAsOnTheHost() {
        Stack a = BatchedSolveTest.stack(DType.F64, 20, 8, 8, Layout.COLUMN_MAJOR, 1);
        Stack b = BatchedSolveTest.stack(DType.F64, 20, 8, 1, Layout.COLUMN_MAJOR, 2);
        for (int i = 0; i < 8; i++) {
            a.put(11, i, 0, i == 0 ? 1 : 0, 0);
            a.put(11, i, 1, i == 0 ? 2 : 0, 0);
        }
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> BatchedSolve.lu(DEVICE, a.view(), b.view()));
        assertEquals(11, e.batchIndex());
        assertEquals(2, e.info());
    }
}
