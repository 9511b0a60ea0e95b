package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.Space;
import org.junit.jupiter.api.Test;

/**
 * The one dispatch point: where each execution request sends a routine, and the DEBUG line every call leaves,
 * the small-product shortcut's included ({@code ROUTINE on SPACE via PROVIDER: WHY}).
 */
class DispatchTest {
    private static FuseContext context(Execution e, TraceLog log) {
        return FuseContext.builder().execution(e).logger(log).build();
    }

    /** A routine that records which kernel ran. */
    private record Probe(List<String> ran) implements RoutineCall<String> {
        @Override
        public String routine() {
            return "probe";
        }

        @Override
        public String onHost(FuseContext context) {
            ran.add("host");
            return "h";
        }

        @Override
        public String onDevice(FuseContext context) {
            ran.add("device");
            return "d";
        }
    }

    @Test
    void eachRequestRunsOneKernelAndSaysWhich() {
        TraceLog log = new TraceLog();
        List<String> ran = new ArrayList<>();
        assertEquals("h", Dispatch.run(context(Execution.HOST, log), new Probe(ran)));
        assertEquals("h", Dispatch.run(context(Execution.AUTO, log), new Probe(ran)));
        assertEquals("d", Dispatch.run(context(Execution.device(1), log), new Probe(ran)));
        assertEquals(List.of("host", "host", "device"), ran);
        assertEquals(List.of("probe on HOST via OpenBLAS: execution host",
                "probe on HOST via OpenBLAS: execution auto keeps host operands on the host (no measured crossover"
                        + " pays for the copies)",
                "probe on DEVICE via cuBLAS: execution device:1"), log.lines());
        assertEquals(Space.DEVICE, Dispatch.space(context(Execution.device(0), log)));
    }

    @Test
    void levelRoutinesTraceTheirNames() {
        TraceLog log = new TraceLog();
        FuseContext host = context(Execution.HOST, log);
        HostVector x = HostVector.of(new double[] {3, 4});
        assertEquals(5, Blas.nrm2(host, x));
        Blas.scal(host, Scalar.of(2), x);
        HostMatrix a = HostMatrix.of(new double[] {1, 0, 0, 1}, 2, 2);
        Blas.trsv(host, Uplo.LOWER, Op.NONE, Diag.NON_UNIT, a, x);
        assertArrayEquals(new double[] {6, 8}, (double[]) x.array());
        assertEquals(List.of("nrm2 on HOST via OpenBLAS: execution host", "scal on HOST via OpenBLAS: execution host",
                "trsv on HOST via OpenBLAS: execution host"), log.lines());
    }

    @Test
    void theSmallProductShortcutLeavesTheSameTraceAsPlannedProducts() {
        TraceLog log = new TraceLog();
        FuseContext host = context(Execution.HOST, log);
        HostMatrix a = Ref.random(DType.F64, MatrixShape.rowMajor(2, 3), 1);
        HostMatrix b = Ref.random(DType.F64, MatrixShape.rowMajor(3, 2), 2);
        HostMatrix small = HostMatrix.of(new double[4], 2, 2);
        assertTrue(MatmulProviders.tryShortcut("gemm", host, Op.NONE, Op.NONE, 1, 0, a, b, 0, 0, small));
        HostMatrix planned = HostMatrix.of(new double[4], 2, 2);
        MatmulOperands ops = MatmulOperands.of(a, b, planned);
        Blas.matmul(ops.specBuilder().build(), ops, host);
        assertArrayEquals((double[]) planned.array(), (double[]) small.array());
        List<String> lines = log.lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("gemm on HOST via Java kernel: execution host; small F64 product 2x2x3"
                + " (m·n·k within the crossover " + org.fusemath.blas.host.SmallGemm.crossover(DType.F64) + ")"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("matmul on HOST via Java kernel: execution host; F64 2x2x3"), lines.get(1));

        HostMatrix big = Ref.random(DType.F64, MatrixShape.rowMajor(64, 64), 3);
        HostMatrix out = HostMatrix.of(new double[64 * 64], 64, 64);
        log.clear();
        assertFalse(MatmulProviders.tryShortcut("gemm", host, Op.NONE, Op.NONE, 1, 0, big, big, 0, 0, out),
                "above the crossover");
        ops = MatmulOperands.of(big, big, out);
        Blas.matmul(ops.specBuilder().build(), ops, host);
        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).startsWith("matmul on HOST via OpenBLAS: execution host; F64 64x64x64"),
                log.lines().get(0));
    }

    @Test
    void theShortcutNeverTakesADeviceCall() {
        TraceLog log = new TraceLog();
        HostMatrix a = Ref.random(DType.F64, MatrixShape.rowMajor(2, 2), 1);
        HostMatrix c = HostMatrix.of(new double[4], 2, 2);
        assertFalse(MatmulProviders.tryShortcut("gemm", context(Execution.device(0), log), Op.NONE, Op.NONE, 1, 0,
                a, a, 0, 0, c));
        assertArrayEquals(new double[4], (double[]) c.array());
        assertEquals(List.of(), log.lines());
    }
}
