package org.fusemath.solver.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.solver.BatchedProblem;
import org.fusemath.solver.BatchedProblem.Method;
import org.fusemath.solver.BatchedSolveTest;
import org.fusemath.solver.BatchedSolveTest.Stack;
import org.fusemath.solver.device.CusolverCall.Routine;
import org.fusemath.solver.host.HostBatchedSolve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The device provider's making code run against {@link CpuCusolver} (every description executed through LAPACK's
 * contract on the memory it addresses) and compared with the host provider: X within the same backward-error bound
 * (OpenBLAS's rounding depends on the alignment of the arrays, so even where both run LAPACK the bits may differ),
 * the same failing member and info; the batched routines up to n = 32, the generic API past it with one workspace query per call;
 * every allocation and handle released.
 */
class DeviceBatchedSolveTest {
    static Arguments[] cases() {
        List<Arguments> list = new ArrayList<>();
        for (Method method : Method.values()) {
            for (DType t : DType.values()) {
                for (int n : new int[] {1, 8, 32, 33}) {
                    for (Layout al : Layout.values()) {
                        for (Layout bl : Layout.values()) {
                            for (int k : new int[] {1, 3}) {
                                list.add(Arguments.of(method, t, n, al, bl, k));
                            }
                        }
                    }
                }
            }
        }
        return list.toArray(new Arguments[0]);
    }

    private static Stack members(Method method, DType t, int batch, int n, Layout layout, long seed) {
        return method == Method.LU ? BatchedSolveTest.stack(t, batch, n, n, layout, seed)
                : BatchedSolveTest.positiveDefinite(t, batch, n, layout, Uplo.LOWER, seed);
    }

    private static BatchedProblem problem(Method method, Stack a, Stack b) {
        Object x = b.data instanceof double[] d ? d.clone() : ((float[]) b.data).clone();
        return new BatchedProblem(method, Uplo.LOWER, a.dtype, a.data, a.shape, x, b.shape.layout(), (int) b.shape.cols());
    }

    @ParameterizedTest(name = "{0} {1} n={2} A {3} B {4} k={5}")
    @MethodSource("cases")
    void theDescriptionsRunThroughLapackGiveTheHostsSolution(Method method, DType t, int n, Layout al, Layout bl, int k) {
        int batch = 5;
        Stack a = members(method, t, batch, n, al, 3L * n + k);
        Stack b = BatchedSolveTest.stack(t, batch, n, k, bl, 5L * n + k);
        BatchedProblem device = problem(method, a, b);
        CpuDeviceMemory memory = new CpuDeviceMemory();
        CpuCusolver calls = new CpuCusolver(memory);
        assertNull(DeviceBatchedSolve.run(device, calls, memory));
        assertEquals(0, memory.outstanding(), "allocations left");
        assertEquals(0, calls.outstanding(), "handles left");
        List<Routine> routines = calls.made().stream().map(m -> m.call().routine()).distinct().toList();
        if (n <= DeviceBatchedSolve.BATCHED_MAX_N) {
            assertEquals(method == Method.LU ? List.of(Routine.GETRF_BATCHED, Routine.GETRS_BATCHED)
                    : List.of(Routine.POTRF_BATCHED, Routine.POTRS_BATCHED), routines);
            assertEquals(0, calls.queries());
        } else {
            assertEquals(method == Method.LU ? List.of(Routine.X_GETRF, Routine.X_GETRS)
                    : List.of(Routine.X_POTRF, Routine.X_POTRS), routines);
            assertEquals(2 * batch, calls.made().size());
            assertEquals(1, calls.queries(), "one workspace query per call, whatever the batch");
        }
        Stack xs = new Stack(t, HostMatrix.of(t, device.x(), MatrixShape.dense(n, k, bl).batched(batch)));
        Stack full = method == Method.LU ? a : a.hermitianFrom(Uplo.LOWER);
        for (int m = 0; m < batch; m++) {
            double e = BatchedSolveTest.backwardError(full, b, xs, m);
            assertTrue(e <= 4, "member " + m + ": backward error " + e);
        }
    }

    @Test
    void theLowestFailingMemberAndItsInfoAreTheHosts() {
        for (int n : new int[] {8, 40}) {
            Stack a = BatchedSolveTest.stack(DType.F64, 12, n, n, Layout.COLUMN_MAJOR, 1);
            Stack b = BatchedSolveTest.stack(DType.F64, 12, n, 1, Layout.COLUMN_MAJOR, 2);
            for (int m : new int[] {9, 7}) {
                for (int i = 0; i < n; i++) { // column 2 = column 0 + column 1 with e0, e1: the third pivot is zero
                    a.put(m, i, 0, i == 0 ? 1 : 0, 0);
                    a.put(m, i, 1, i == 1 ? 1 : 0, 0);
                    a.put(m, i, 2, i < 2 ? 1 : 0, 0);
                }
            }
            CpuDeviceMemory memory = new CpuDeviceMemory();
            BatchedProblem.Failure f = DeviceBatchedSolve.run(problem(Method.LU, a, b), new CpuCusolver(memory), memory);
            assertEquals(new BatchedProblem.Failure(7, 3), f);
            assertEquals(HostBatchedSolve.solve(2, problem(Method.LU, a, b)), f);
            assertEquals(0, memory.outstanding());

            Stack spd = BatchedSolveTest.positiveDefinite(DType.F64, 12, n, Layout.ROW_MAJOR, Uplo.LOWER, 3);
            spd.put(4, 5, 5, -1, 0);
            CpuDeviceMemory m2 = new CpuDeviceMemory();
            BatchedProblem.Failure g = DeviceBatchedSolve.run(problem(Method.CHOLESKY, spd, b), new CpuCusolver(m2), m2);
            assertEquals(new BatchedProblem.Failure(4, 6), g);
            assertEquals(HostBatchedSolve.solve(1, problem(Method.CHOLESKY, spd, b)), g);
        }
    }

    @Test
    void aBroadcastStackTooBigForOneImageIsRejectedBeforeTheDeviceIsAsked() {
        // One 64×64 A broadcast to 2^20 members: its device image would be 2^32 elements.
        BatchedProblem huge = new BatchedProblem(Method.LU, Uplo.LOWER, DType.F64, new double[64 * 64],
                MatrixShape.rowMajor(64, 64).batched(1 << 20, 0), new double[0], Layout.ROW_MAJOR, 0);
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
                () -> DeviceBatchedSolve.solve(org.fusemath.api.FuseContext.builder()
                        .execution(org.fusemath.api.Execution.device(0)).build(), huge));
        assertTrue(e.getMessage().contains("the device image of a"), e.getMessage());
    }

    @Test
    void whatARoutineCannotTakeIsRejectedByNameBeforeAnyCall() {
        InvalidArgumentException nrhs = assertThrows(InvalidArgumentException.class, () -> CusolverCall.of(
                Routine.POTRS_BATCHED, DType.F64, 4, 2, 4, 4, false, Uplo.LOWER, 10));
        assertTrue(nrhs.getMessage().contains("nrhs"), nrhs.getMessage());
        InvalidArgumentException wide = assertThrows(InvalidArgumentException.class, () -> CusolverCall.of(
                Routine.GETRF_BATCHED, DType.F64, 4, 0, 4, 4, false, Uplo.LOWER, 1L << 31));
        assertTrue(wide.getMessage().contains("2^31-1"), wide.getMessage());
        assertThrows(InvalidArgumentException.class, () -> CusolverCall.of(Routine.X_GETRF, DType.F64, 5, 0, 4, 5, false,
                Uplo.LOWER, 1));
        assertThrows(InvalidArgumentException.class, () -> CusolverCall.of(Routine.X_GETRS, DType.F64, 5, 1, 5, 5, false,
                Uplo.LOWER, 2));
        assertEquals("cublasZgetrfBatched", CusolverCall.of(Routine.GETRF_BATCHED, DType.C128, 4, 0, 4, 4, false,
                Uplo.LOWER, 3).function());
        assertEquals("cusolverDnSpotrsBatched", CusolverCall.of(Routine.POTRS_BATCHED, DType.F32, 4, 1, 4, 4, false,
                Uplo.LOWER, 3).function());
        assertEquals("cusolverDnXgetrs", CusolverCall.of(Routine.X_GETRS, DType.C64, 4, 2, 4, 4, true, Uplo.LOWER, 1)
                .function());
    }
}
