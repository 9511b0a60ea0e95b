package org.fusemath.blas.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceUnavailableException;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.api.Space;
import org.fusemath.api.spi.Backend;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaProbe;
import org.junit.jupiter.api.Test;

/** The blas registrations as the CLI and the validate harness find them through ServiceLoader. */
class BlasSpiTest {
    private static <T> List<T> load(Class<T> type) {
        List<T> all = new ArrayList<>();
        ServiceLoader.load(type).forEach(all::add);
        return all;
    }

    @Test
    void openBlasBackendIsListedWithItsCallPath() {
        Backend b = load(Backend.class).stream().filter(x -> x.name().equals("openblas")).findFirst().orElseThrow();
        assertEquals("blas", b.domain());
        assertEquals(Space.HOST, b.space());
        assertTrue(b.availability().usable(), b.availability().toString());
        Map<String, String> d = b.details();
        assertEquals(NativeCalls.callPath(), d.get("call path"));
        assertTrue(d.get("version").startsWith("0.3.31"), d.toString());
        // The library's version and the JavaCPP preset's are labelled apart.
        assertTrue(d.get("JavaCPP preset").startsWith("org.bytedeco:openblas 0.3.31-1.5.13 (JavaCPP 1.5.13)"), d.toString());
        assertFalse(d.get("version").contains("1.5.13"), d.toString());
        assertTrue(d.get("threads").startsWith("OpenBLAS ") && d.get("threads").contains("; context default ")
                && d.get("threads").contains("; available processors " + Runtime.getRuntime().availableProcessors()), d.toString());
        // The critical-work limit is stated on every call path: a limit where calls pass heap arrays (ffm, netlib),
        // not applicable where they are staged (javacpp).
        assertTrue(d.get("critical calls up to").contains(NativeCalls.callPath().equals("javacpp") ? "not applicable" : "-D"),
                d.toString());
        assertFalse(d.containsKey("error"), d.toString());
        System.out.println("[fusemath] backend openblas: " + d);
    }

    @Test
    void theDeviceProviderIsListedWithTheProbeVerdict() {
        Backend b = load(Backend.class).stream().filter(x -> x.name().equals("cublaslt")).findFirst().orElseThrow();
        assertEquals("blas", b.domain());
        assertEquals(Space.DEVICE, b.space());
        assertEquals(CudaProbe.get().usableFor(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT), b.availability().usable(),
                b.availability().toString());
        assertTrue(b.details().get("status").contains("not yet run on a GPU"), b.details().toString());
    }

    private static ExecOperation matmul() {
        return load(ExecOperation.class).stream().filter(x -> x.name().equals("matmul")).findFirst().orElseThrow();
    }

    private static HostTensor tensor(long[] shape, double... values) {
        return HostTensor.of(DType.F64, shape, values);
    }

    private static double[] values(HostTensor t) {
        return (double[]) t.array();
    }

    @Test
    void execMatmulOfAnEmptyStackIsTheEmptyStack() {
        ExecOperation op = matmul();
        HostTensor none = HostTensor.zeros(DType.F64, 0, 2, 3);
        HostTensor b = tensor(new long[] {3, 4}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        List<HostTensor> out = op.execute(new ExecRequest(List.of(none, b), Map.of(), Map.of(), Execution.HOST));
        assertArrayEquals(new long[] {0, 2, 4}, out.get(0).shape());
        // NumPy: zeros((0, 3e9)) @ zeros((3e9, 0)) is a 0x0 result.
        HostTensor wide = HostTensor.zeros(DType.F32, 0, 3_000_000_000L);
        HostTensor tall = HostTensor.zeros(DType.F32, 3_000_000_000L, 0);
        out = op.execute(new ExecRequest(List.of(wide, tall), Map.of(), Map.of(), Execution.HOST));
        assertArrayEquals(new long[] {0, 0}, out.get(0).shape());
        assertThrows(ShapeMismatchException.class, () -> op.execute(new ExecRequest(List.of(none,
                HostTensor.zeros(DType.F64, 2, 3, 4)), Map.of(), Map.of(), Execution.HOST)));
    }

    @Test
    void execMatmulFollowsNumpy() {
        ExecOperation op = matmul();
        assertEquals(Set.of("bias", "aux"), op.parameters().stream().filter(p -> p.kind() == ExecParameter.Kind.ARRAY)
                .map(ExecParameter::name).collect(java.util.stream.Collectors.toSet()));
        assertTrue(op.parameters().stream().noneMatch(p -> p.kind() == ExecParameter.Kind.UNCHECKED_OTHERS),
                "matmul declares every option");
        HostTensor a = tensor(new long[] {2, 3}, 1, 2, 3, 4, 5, 6);
        HostTensor b = tensor(new long[] {3, 2}, 1, 0, 0, 1, 1, -1);
        List<HostTensor> out = op.execute(new ExecRequest(List.of(a, b), Map.of(), Map.of(), Execution.HOST));
        assertEquals(1, out.size());
        assertEquals(List.of(2L, 2L), List.of(out.get(0).dim(0), out.get(0).dim(1)));
        DMatrixRMaj want = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.mult(new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6), new DMatrixRMaj(3, 2, true, 1, 0, 0, 1, 1, -1), want);
        for (int i = 0; i < 4; i++) {
            assertEquals(want.data[i], values(out.get(0))[i], 1e-15);
        }
        // Fortran-ordered input, --trans-a t, alpha and beta with C, relu_bias spelled in lower case.
        HostTensor af = HostTensor.of(DType.F64, new long[] {3, 2}, true, new double[] {1, 2, 3, 4, 5, 6});
        HostTensor c = tensor(new long[] {2, 2}, 1, 1, 1, 1);
        HostTensor bias = tensor(new long[] {2}, 10, -100);
        List<HostTensor> r = op.execute(new ExecRequest(List.of(af, b, c),
                Map.of("trans-a", "t", "alpha", "2", "beta", "-1", "epilog", "relu_bias"), Map.of("bias", bias), Execution.HOST));
        // af is [[1,4],[2,5],[3,6]] so afᵀ = [[1,2,3],[4,5,6]]; 2·(afᵀ@b) − 1 + bias = [[17,-103],[29,-103]] → ReLU.
        assertEquals(17, values(r.get(0))[0], 1e-13);
        assertEquals(0, values(r.get(0))[1], 0.0);
        assertEquals(29, values(r.get(0))[2], 1e-13);
        assertEquals(0, values(r.get(0))[3], 0.0);
    }

    @Test
    void execMatmulBatchesBroadcastsAndReturnsEpilogueOutputs() {
        ExecOperation op = matmul();
        double[] stack = new double[3 * 2 * 4];
        for (int i = 0; i < stack.length; i++) {
            stack[i] = i % 7 - 3;
        }
        HostTensor a = tensor(new long[] {3, 2, 4}, stack);
        HostTensor b = tensor(new long[] {4, 5}, new double[20]);
        for (int i = 0; i < 20; i++) {
            values(b)[i] = (i * 3) % 5 - 2;
        }
        List<HostTensor> out = op.execute(new ExecRequest(List.of(a, b), Map.of("epilog", "GELU_AUX"), Map.of(), Execution.HOST));
        assertEquals(2, out.size(), "D and the GELU input");
        assertEquals(3, out.get(0).rank());
        assertEquals(5, out.get(1).dim(2));
        for (int e = 0; e < 3; e++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 5; j++) {
                    double x = 0;
                    for (int p = 0; p < 4; p++) {
                        x += stack[e * 8 + i * 4 + p] * values(b)[p * 5 + j];
                    }
                    int at = e * 10 + i * 5 + j;
                    assertEquals(x, values(out.get(1))[at], 1e-13, "aux holds the GELU input");
                    assertEquals(MatmulReference.gelu(x), values(out.get(0))[at], 1e-12);
                }
            }
        }
        List<HostTensor> grad = op.execute(new ExecRequest(List.of(a, b), Map.of("epilog", "bgradb"), Map.of(), Execution.HOST));
        assertEquals(2, grad.size());
        assertEquals(List.of(3L, 5L), List.of(grad.get(1).dim(0), grad.get(1).dim(1)));
        List<HostTensor> mask = op.execute(new ExecRequest(List.of(a, b), Map.of("epilog", "relu_aux"), Map.of(), Execution.HOST));
        for (int i = 0; i < 30; i++) {
            double d = values(mask.get(0))[i];
            assertEquals(d > 0 ? 1.0 : 0.0, values(mask.get(1))[i], 0.0, "mask flag " + i);
        }
        List<HostTensor> back = op.execute(new ExecRequest(List.of(a, b), Map.of("epilog", "drelu"),
                Map.of("aux", mask.get(1)), Execution.HOST));
        assertEquals(values(mask.get(0))[7], values(back.get(0))[7], 1e-12, "DRELU of the same product with its own mask");
    }

    @Test
    void execMatmulTakesComplexAlphaAndBetaInPythonNotation() {
        ExecOperation op = matmul();
        // 1×1 complex operands keep the expected value a short hand computation.
        HostTensor a = HostTensor.of(DType.C128, new long[] {1, 1}, new double[] {1, 2});
        HostTensor b = HostTensor.of(DType.C128, new long[] {1, 1}, new double[] {3, -1});
        HostTensor c = HostTensor.of(DType.C128, new long[] {1, 1}, new double[] {2, 0});
        List<HostTensor> r = op.execute(new ExecRequest(List.of(a, b, c), Map.of("alpha", "1+2j", "beta", "(0.5-1j)"),
                Map.of(), Execution.HOST));
        // a·b = 5+5i; (1+2i)(5+5i) = -5+15i; (0.5-i)·2 = 1-2i; sum -4+13i (all exact in binary).
        assertEquals(-4, values(r.get(0))[0], 0.0);
        assertEquals(13, values(r.get(0))[1], 0.0);
        HostTensor real = tensor(new long[] {1, 1}, 2);
        assertEquals("--alpha", assertThrows(InvalidArgumentException.class, () -> op.execute(new ExecRequest(
                List.of(real, real), Map.of("alpha", "1+2j"), Map.of(), Execution.HOST))).argument(), "complex alpha on F64");
        assertEquals("--alpha", assertThrows(InvalidArgumentException.class, () -> op.execute(new ExecRequest(
                List.of(real, real), Map.of("alpha", "two"), Map.of(), Execution.HOST))).argument());
    }

    @Test
    void execMatmulRejectsBadRequests() {
        ExecOperation op = matmul();
        HostTensor a = tensor(new long[] {2, 2}, 1, 2, 3, 4);
        assertEquals("--beta", assertThrows(InvalidArgumentException.class, () -> op.execute(new ExecRequest(List.of(a, a),
                Map.of("beta", "2"), Map.of(), Execution.HOST))).argument());
        assertEquals("epilogue", assertThrows(InvalidArgumentException.class, () -> op.execute(new ExecRequest(List.of(a, a),
                Map.of("epilog", "swish"), Map.of(), Execution.HOST))).argument());
        assertEquals("--bias", assertThrows(InvalidArgumentException.class, () -> op.execute(new ExecRequest(List.of(a, a),
                Map.of("epilog", "bias"), Map.of(), Execution.HOST))).argument());
        assertEquals("--in", assertThrows(InvalidArgumentException.class, () -> op.execute(new ExecRequest(List.of(a),
                Map.of(), Map.of(), Execution.HOST))).argument());
    }

    @Test
    void execMatmulOnAnUnusableDeviceSaysWhy() {
        assumeFalse(CudaProbe.get().usableFor(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT), "cuBLAS and cuBLASLt are usable here");
        HostTensor a = tensor(new long[] {2, 2}, 1, 2, 3, 4);
        assertThrows(DeviceUnavailableException.class, () -> matmul().execute(new ExecRequest(List.of(a, a), Map.of(), Map.of(),
                Execution.device(0))));
    }

    @Test
    void validationSuitePassesAndCoversEveryTypeAndEpilogue() throws Exception {
        ValidationSuite suite = load(ValidationSuite.class).stream().filter(s -> s.domain().equals("blas")).findFirst().orElseThrow();
        List<ValidationCase> cases = suite.cases();
        EnumSet<DType> quickTypes = EnumSet.noneOf(DType.class);
        Set<String> ops = new java.util.HashSet<>();
        Set<String> hostRows = new java.util.HashSet<>();
        Set<String> deviceRows = new java.util.HashSet<>();
        boolean deviceUsable = CudaProbe.get().usableFor(0, CudaLibrary.CUBLAS, CudaLibrary.CUBLAS_LT);
        for (ValidationCase c : cases) {
            String row = c.op() + " " + c.dtype() + " " + c.shape() + " " + c.quick();
            if (c.space() == Space.DEVICE) {
                deviceRows.add(row);
                if (!deviceUsable) {
                    // A device case insists on the device: it never passes by running on the host.
                    assertThrows(DeviceUnavailableException.class, () -> c.run(FuseContext.defaults()), c.toString());
                    continue;
                }
            } else {
                hostRows.add(row);
            }
            ValidationResult r = c.run(FuseContext.defaults());
            assertTrue(r.passed(), c + ": " + r);
            if (c.quick()) {
                quickTypes.add(c.dtype());
            }
            ops.add(c.op().replaceAll(" beta=0", ""));
        }
        assertEquals(hostRows, deviceRows, "every host case has its device twin");
        assertEquals(cases.size(), hostRows.size() + deviceRows.size());
        for (BlasRoutine routine : BlasRoutines.routines()) {
            assertTrue(ops.contains(routine.name()), routine.name() + " has validate cases");
        }
        assertEquals(EnumSet.allOf(DType.class), quickTypes);
        for (Epilogue e : Epilogue.values()) {
            if (e != Epilogue.DEFAULT) {
                assertTrue(ops.contains("matmul[TN]+" + e.name().toLowerCase(java.util.Locale.ROOT)), e.toString());
            }
        }
        assertTrue(cases.stream().anyMatch(c -> c.shape().equals("257x3x2")), "tall-skinny");
        assertTrue(cases.stream().anyMatch(c -> c.shape().startsWith("0x")), "empty");
    }

    @Test
    void theReferenceRejectsAWrongResult() {
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 3, 4}, 2, 2);
        HostMatrix c = HostMatrix.of(new double[4], 2, 2);
        MatmulOperands ops = MatmulOperands.of(a, a, c);
        MatmulSpec spec = ops.specBuilder().opB(Op.TRANSPOSE).build();
        MatmulReference.Inputs in = MatmulReference.snapshot(ops);
        c.doubles()[0] = 5;
        c.doubles()[1] = 11;
        c.doubles()[2] = 11;
        c.doubles()[3] = 25;
        assertTrue(MatmulReference.worstRatio(spec, in, ops) <= 1, "A·Aᵀ exactly");
        c.doubles()[3] = Math.nextUp(25.0) + 1e-13;
        assertTrue(MatmulReference.worstRatio(spec, in, ops) > 1, "an error beyond the bound is caught");
        c.doubles()[3] = Double.NaN;
        assertEquals(Double.POSITIVE_INFINITY, MatmulReference.worstRatio(spec, in, ops));
        assertEquals(MatrixShape.rowMajor(2, 2), c.shape());
    }
}
