package org.fusemath.blas.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The level 1–3 exec operations: registered, NumPy's answers on hand-checked inputs, and checks that can fail. */
class BlasRoutinesTest {
    private static ExecOperation op(String name) {
        List<ExecOperation> all = new ArrayList<>();
        ServiceLoader.load(ExecOperationGroup.class).forEach(g -> all.addAll(g.operations()));
        return all.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static HostTensor f64(long[] shape, double... v) {
        return HostTensor.of(DType.F64, shape, v);
    }

    private static double[] run(String name, Map<String, String> options, HostTensor... inputs) {
        List<HostTensor> out = op(name).execute(new ExecRequest(List.of(inputs), options, Map.of(), Execution.HOST));
        return (double[]) out.get(0).array();
    }

    @Test
    void everyRoutineIsRegisteredThroughServiceLoader() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(ExecOperationGroup.class).forEach(g -> g.operations().forEach(o -> names.add(o.name())));
        assertEquals(List.of("dot", "dotc", "axpy", "scal", "nrm2", "asum", "iamax", "gemv", "ger", "gerc", "trsv", "trsm",
                "trmm", "syrk", "herk", "symm"), names);
    }

    @Test
    void numpyAnswersOnSmallInputs() {
        HostTensor x = f64(new long[] {3}, 1, -2, 3);
        HostTensor y = f64(new long[] {3}, 4, 5, -6);
        assertEquals(-24, run("dot", Map.of(), x, y)[0], 0.0);                       // np.dot
        assertEquals(List.of(6.0, 1.0, 0.0), box(run("axpy", Map.of("alpha", "2"), x, y)));
        assertEquals(Math.sqrt(14), run("nrm2", Map.of(), x)[0], 1e-15);
        assertEquals(6, run("asum", Map.of(), x)[0], 0.0);
        assertEquals(2, run("iamax", Map.of(), x)[0], 0.0);
        HostTensor a = f64(new long[] {2, 3}, 1, 2, 3, 4, 5, 6);
        assertEquals(List.of(6.0, 12.0), box(run("gemv", Map.of(), a, x)));          // a @ x
        assertEquals(List.of(7.0, 8.0, 9.0), box(run("gemv", Map.of("trans", "t"), a, f64(new long[] {2}, -1, 2)))); // a.T @ v
        HostTensor tri = f64(new long[] {2, 2}, 2, 0, 1, 4);                          // lower triangle [[2,0],[1,4]]
        assertEquals(List.of(1.0, 0.5), box(run("trsv", Map.of("uplo", "l"), tri, f64(new long[] {2}, 2, 3))));
        // syrk without C: the lower triangle of a @ a.T = [[14, 32], [32, 77]], the upper one zeros.
        assertEquals(List.of(14.0, 0.0, 32.0, 77.0), box(run("syrk", Map.of("uplo", "l"), a)));
        HostTensor z = HostTensor.of(DType.C128, new long[] {2}, new double[] {1, 1, 0, 2});
        double[] vdot = run("dotc", Map.of(), z, z);                                   // np.vdot(z, z) = |z|² = 6
        assertEquals(List.of(6.0, 0.0), box(vdot));
    }

    private static List<Double> box(double[] v) {
        return java.util.Arrays.stream(v).boxed().collect(Collectors.toList());
    }

    @Test
    void badRequestsNameTheOption() {
        HostTensor x = f64(new long[] {2}, 1, 2);
        HostTensor m = f64(new long[] {2, 2}, 1, 2, 3, 4);
        assertEquals("--uplo", assertThrows(InvalidArgumentException.class, () -> run("trsv", Map.of("uplo", "x"), m, x)).argument());
        assertEquals("--side", assertThrows(InvalidArgumentException.class, () -> run("trsm", Map.of("side", "up"), m, m)).argument());
        assertEquals("--beta", assertThrows(InvalidArgumentException.class, () -> run("gemv", Map.of("beta", "2"), m, x)).argument());
        assertEquals("--in #2", assertThrows(InvalidArgumentException.class, () -> run("gemv", Map.of(), m, m)).argument());
        assertEquals("--alpha", assertThrows(InvalidArgumentException.class, () -> run("herk", Map.of("alpha", "1+1j"),
                HostTensor.of(DType.C64, new long[] {2, 2}, new float[8]))).argument());
        if (!CudaProbe.get().usableFor(0, CudaLibrary.CUBLAS)) {
            // --space device goes to cuBLAS; without a device that is the probe's exception, never a host result.
            assertThrows(DeviceUnavailableException.class, () -> op("dot").execute(new ExecRequest(List.of(x, x),
                    Map.of(), Map.of(), Execution.device(0))));
        }
    }

    /** Every sample passes its check, and the same output with one value moved fails it: the checks can fail. */
    @ParameterizedTest
    @EnumSource(DType.class)
    void checksPassTheRoutinesAndRejectAWrongValue(DType t) {
        for (BlasRoutine routine : BlasRoutines.routines()) {
            if (routine.name().equals("herk") && !t.isComplex()) {
                continue;
            }
            RoutineReferences.Reference reference = RoutineReferences.of(routine.name());
            ExecRequest request = reference.sample().of(t, 6, new SplittableRandom(5));
            List<HostTensor> out = routine.execute(request);
            double ratio = reference.check().worstRatio(request, out);
            assertTrue(ratio <= 1, routine.name() + " " + t + ": " + ratio);
            Object data = out.get(0).array();
            if (routine.name().equals("iamax")) {
                double at = ((double[]) data)[0];
                ((double[]) data)[0] = (at + 1) % 6;
            } else if (data instanceof double[] d) {
                d[0] += 0.5;
            } else {
                ((float[]) data)[0] += 0.5f;
            }
            assertTrue(reference.check().worstRatio(request, out) > 1, routine.name() + " " + t + " catches a moved value");
        }
    }
}
