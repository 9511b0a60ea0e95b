package org.fusemath.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.solver.spi.SpectralSamples;
import org.junit.jupiter.api.Test;

/**
 * The Jacobi SVD routes on the GPU beside the host, judged as {@link JacobiSvdRouteTest} judges them on the CPU fakes
 * (SpectralMetrics' reconstruction and orthogonality ≤ 16, Σ within 16·max(m, n)·u·σ₁ of the host's): Linalg.svd
 * of small matrices (gesvdj) and of one past the threshold (Xgesvd), BatchedSvd of a stack of 32×32 and 5×7 members
 * (gesvdjBatched) and of 40×6 members (gesvdj per member), every type, layout and mode.
 */
@GpuTest(libraries = {CudaLibrary.CUSOLVER})
class JacobiSvdGpuTest {
    private static final FuseContext DEVICE = FuseContext.builder().execution(Execution.device(0)).build();

    @Test
    void singleMatricesOnTheDeviceMeetTheHostsBounds() {
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                for (int[] shape : new int[][] {{12, 7}, {7, 12}, {64, 64}, {300, 20}}) {
                    HostMatrix a = SpectralSamples.random(t, shape[0], shape[1], layout, 5L * shape[0] + shape[1]);
                    for (SvdMode mode : SvdMode.values()) {
                        String where = t + " " + layout + " " + shape[0] + "x" + shape[1] + " " + mode;
                        judge(a, mode, Linalg.svd(DEVICE, a, mode), where);
                    }
                }
            }
        }
    }

    @Test
    void stacksOnTheDeviceMeetTheHostsBounds() {
        for (DType t : DType.values()) {
            for (Layout layout : Layout.values()) {
                for (int[] shape : new int[][] {{32, 32}, {5, 7}, {40, 6}}) {
                    HostMatrix a = JacobiSvdRouteTest.stack(t, 9, shape[0], shape[1], layout, 3L * shape[0] + shape[1]);
                    for (SvdMode mode : SvdMode.values()) {
                        List<Svd> out = BatchedSvd.compute(DEVICE, a, mode);
                        assertEquals(9, out.size());
                        for (int b = 0; b < 9; b++) {
                            judge(JacobiSvdRouteTest.member(a, b), mode, out.get(b),
                                    t + " " + layout + " " + shape[0] + "x" + shape[1] + " " + mode + " member " + b);
                        }
                    }
                }
            }
        }
    }

    private static void judge(HostMatrix a, SvdMode mode, Svd svd, String where) {
        JacobiSvdRouteTest.judge(a, mode, svd, where);
    }
}
