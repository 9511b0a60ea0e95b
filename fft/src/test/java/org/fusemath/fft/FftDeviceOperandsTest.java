package org.fusemath.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.fusemath.api.DType;
import org.fusemath.api.DeviceTensor;
import org.fusemath.api.Execution;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.fft.device.CpuCufftSession;
import org.fusemath.fft.device.CufftSession;
import org.junit.jupiter.api.Test;

/**
 * numpy.fft calls and the stateful {@link Fft} on device tensors, on a CPU fake of the device ({@link CpuCufftSession}:
 * the cuFFT calls recorded through the binding's call descriptions and executed by FFTW's plan_many on the arrays the
 * recorded addresses fall in): the exec calls carry the callers' device addresses, nothing crosses to the host, the
 * input is preserved, and the results equal the host path's within the FFT error bound.
 */
class FftDeviceOperandsTest {
    private final CpuCufftSession.Device device = new CpuCufftSession.Device();
    private final Function<FuseContext, CufftSession> sessions = device::session;

    private DeviceTensor upload(HostTensor t) {
        return DeviceTensor.of(device.buffer(0, t.dtype(), t.array()), t.shape(), t.isFortranOrder());
    }

    private static double[] values(DeviceTensor t) {
        Object data = ((CpuCufftSession.Buffer) t.buffer()).data();
        return data instanceof double[] d ? d.clone() : FftTesting.widen((float[]) data);
    }

    private static double[] values(HostTensor t) {
        return t.array() instanceof double[] d ? d : FftTesting.widen((float[]) t.array());
    }

    /** One call on both sides: kind, direction, s, axes, norm, and what the host's FftOps answers. */
    private record Case(String name, HostTensor x, FftKind kind, FftDirection direction, long[] s, int[] axes, FftNorm norm) {
    }

    private static HostTensor tensor(SplittableRandom rng, DType t, boolean fortran, long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        double[] v = FftTesting.random(rng, (int) count * t.slotsPerElement());
        return HostTensor.of(t, shape, fortran, t.isSinglePrecision() ? FftTesting.narrow(v) : v);
    }

    private static List<Case> cases() {
        SplittableRandom rng = new SplittableRandom(5);
        return List.of(
                new Case("fft", tensor(rng, DType.C128, false, 3, 12), FftKind.C2C, FftDirection.FORWARD, null, new int[] {-1}, FftNorm.BACKWARD),
                new Case("ifft F-order axis 0", tensor(rng, DType.C128, true, 10, 3), FftKind.C2C, FftDirection.INVERSE, null, new int[] {0}, FftNorm.BACKWARD),
                new Case("fft cropped", tensor(rng, DType.C128, false, 2, 9), FftKind.C2C, FftDirection.FORWARD, new long[] {7}, new int[] {1}, FftNorm.ORTHO),
                new Case("rfft", tensor(rng, DType.F64, false, 4, 11), FftKind.R2C, FftDirection.FORWARD, null, new int[] {-1}, FftNorm.FORWARD),
                new Case("irfft odd n", tensor(rng, DType.C128, false, 3, 6), FftKind.C2R, FftDirection.INVERSE, new long[] {11}, new int[] {-1}, FftNorm.BACKWARD),
                new Case("fft2 C64", tensor(rng, DType.C64, false, 2, 6, 5), FftKind.C2C, FftDirection.FORWARD, null, new int[] {-2, -1}, FftNorm.BACKWARD),
                new Case("rfftn F32", tensor(rng, DType.F32, false, 4, 6), FftKind.R2C, FftDirection.FORWARD, null, null, FftNorm.ORTHO),
                new Case("irfftn", tensor(rng, DType.C128, false, 4, 5), FftKind.C2R, FftDirection.INVERSE, null, null, FftNorm.BACKWARD),
                new Case("ifftn 3-D", tensor(rng, DType.C128, false, 3, 4, 5), FftKind.C2C, FftDirection.INVERSE, null, null, FftNorm.ORTHO));
    }

    /** One case's call through {@link DeviceCall}: the host's answer, the device input and result, cuFFT's last exec. */
    private record Run(HostTensor host, DeviceTensor a, DeviceTensor result, NativeCall exec, List<String> log) {
    }

    /**
     * Runs {@code c} on the host and on the fake device (its log cleared first) and checks what every case shares:
     * the result's type and shape are the host's and the input is preserved.
     */
    private Run run(Case c) {
        HostTensor host = NumpyCall.run(c.x(), c.kind(), c.direction(), c.s(), c.axes(), c.norm(), FftOptions.defaults());
        DeviceTensor a = upload(c.x());
        double[] before = values(a);
        int callsBefore = device.calls().size();
        device.log().clear();
        DeviceTensor result = DeviceCall.run(null, a, c.kind(), c.direction(), c.s(), c.axes(), c.norm(), null, sessions);
        assertEquals(host.dtype(), result.dtype(), c.name());
        assertArrayEquals(host.shape(), result.shape(), c.name());
        assertArrayEquals(before, values(a), c.name() + ": the input is preserved");
        NativeCall exec = device.calls().stream().skip(callsBefore)
                .filter(m -> m.function().startsWith("cufftExec")).reduce((p, q) -> q).orElseThrow();
        return new Run(host, a, result, exec, device.log());
    }

    @Test
    void functionFormsRunOnTheCallersDeviceAddressesAndMatchTheHost() {
        for (Case c : cases()) {
            Run run = run(c);
            DeviceTensor a = run.a();
            DeviceTensor result = run.result();
            NativeCall exec = run.exec();
            assertEquals(0, result.deviceId());
            assertWithinBound(c, run.host(), result, c.x().elementCount());
            assertEquals(result.address(), ((Number) exec.value("odata")).longValue(), c.name() + ": output address");
            List<String> log = run.log();
            assertFalse(log.stream().anyMatch(l -> l.contains("host")), c.name());
            if (c.kind() == FftKind.C2R) {
                // cuFFT overwrites a C2R input: the transform reads a device copy of the caller's tensor.
                assertEquals(1, log.stream().filter(l -> l.startsWith("copy ")
                        && l.endsWith(" bytes from 0x" + Long.toHexString(a.address()))).count(), c.name() + " " + log);
                assertTrue(((Number) exec.value("idata")).longValue() != a.address(), c.name() + ": cuFFT reads the copy");
            } else {
                assertEquals(a.address(), ((Number) exec.value("idata")).longValue(), c.name() + ": input address");
                assertFalse(log.stream().anyMatch(l -> l.startsWith("copy")), c.name() + ": no copy at all " + log);
            }
            assertEquals(c.norm() == FftNorm.BACKWARD && c.direction() == FftDirection.FORWARD
                    || c.norm() == FftNorm.FORWARD && c.direction() == FftDirection.INVERSE ? 0 : 1,
                    log.stream().filter(l -> l.startsWith("scale")).count(), c.name() + ": scaled on the device only when the norm asks " + log);
            assertEquals("close", log.get(log.size() - 1));
        }
        assertEquals(0, device.openSessions());
    }

    /** Calls NumPy answers by copying: zero-padding by n/s (with cropping on other axes) and real-to-complex promotion. */
    private static List<Case> stagedCases() {
        SplittableRandom rng = new SplittableRandom(21);
        return List.of(
                new Case("fft of a real array", tensor(rng, DType.F64, false, 3, 7), FftKind.C2C, FftDirection.FORWARD, null, new int[] {-1}, FftNorm.BACKWARD),
                new Case("ifft zero-padded", tensor(rng, DType.C128, false, 2, 5), FftKind.C2C, FftDirection.INVERSE, new long[] {9}, new int[] {-1}, FftNorm.BACKWARD),
                new Case("fft2 of a real F32 array, axis 0 cropped, axis 1 padded", tensor(rng, DType.F32, false, 6, 5), FftKind.C2C, FftDirection.FORWARD, new long[] {4, 8}, new int[] {0, 1}, FftNorm.ORTHO),
                new Case("rfft zero-padded", tensor(rng, DType.F64, false, 3, 6), FftKind.R2C, FftDirection.FORWARD, new long[] {11}, new int[] {-1}, FftNorm.BACKWARD),
                new Case("rfft2 F32, axis 0 padded, axis 1 cropped", tensor(rng, DType.F32, false, 3, 10), FftKind.R2C, FftDirection.FORWARD, new long[] {5, 7}, null, FftNorm.FORWARD),
                // irfft(X, n=13) reads 13 // 2 + 1 = 7 points of X: the 4 given and 3 zeros.
                new Case("irfft n > 2(m-1) pads the half spectrum", tensor(rng, DType.C128, false, 2, 4), FftKind.C2R, FftDirection.INVERSE, new long[] {13}, new int[] {-1}, FftNorm.BACKWARD),
                new Case("irfft of a real array", tensor(rng, DType.F64, false, 5), FftKind.C2R, FftDirection.INVERSE, new long[] {8}, new int[] {-1}, FftNorm.ORTHO),
                new Case("irfftn C64, axis 0 cropped, half spectrum padded", tensor(rng, DType.C64, false, 5, 3), FftKind.C2R, FftDirection.INVERSE, new long[] {3, 9}, null, FftNorm.BACKWARD),
                new Case("fftn of a Fortran-order real 3-D array, padded", tensor(rng, DType.F64, true, 3, 2, 4), FftKind.C2C, FftDirection.FORWARD, new long[] {4, 3, 5}, null, FftNorm.BACKWARD),
                new Case("ifftn over axes (0, 2), a unit axis padded", tensor(rng, DType.C128, false, 1, 3, 4), FftKind.C2C, FftDirection.INVERSE, new long[] {2, 6}, new int[] {0, 2}, FftNorm.FORWARD),
                new Case("fft of a (5, 1) C64 array along axis 0, padded", tensor(rng, DType.C64, false, 5, 1), FftKind.C2C, FftDirection.FORWARD, new long[] {8}, new int[] {0}, FftNorm.BACKWARD),
                new Case("ifft2 of a real Fortran-order array, padded and cropped", tensor(rng, DType.F32, true, 4, 6), FftKind.C2C, FftDirection.INVERSE, new long[] {7, 3}, null, FftNorm.ORTHO));
    }

    @Test
    void zeroPaddingAndPromotionStageTheInputOnTheDeviceAndMatchTheHost() {
        for (Case c : stagedCases()) {
            Run run = run(c);
            DeviceTensor a = run.a();
            assertWithinBound(c, run.host(), run.result(), Math.max(c.x().elementCount(), run.host().elementCount()));
            List<String> log = run.log();
            boolean promoted = c.kind() != FftKind.R2C && !c.x().dtype().isComplex();
            String mode = promoted ? "_r2c_" : c.x().dtype().isComplex() ? "_c2c_" : "_r2r_";
            List<String> pads = log.stream().filter(l -> l.startsWith("pad ")).toList();
            assertEquals(1, pads.size(), c.name() + " " + log);
            assertTrue(pads.get(0).contains(mode) && pads.get(0).endsWith(" from 0x" + Long.toHexString(a.address())),
                    c.name() + ": one " + mode + " staging launch from the input's first element " + log);
            // The staged copy is fusemath's own: cuFFT may overwrite it, so even a C2R makes no second copy.
            assertFalse(log.stream().anyMatch(l -> l.startsWith("copy")), c.name() + " " + log);
            assertTrue(log.indexOf(pads.get(0)) < log.indexOf(log.stream().filter(l -> l.startsWith("transform")).findFirst()
                    .orElseThrow()), c.name() + ": staged before the transform " + log);
            NativeCall exec = run.exec();
            assertTrue(((Number) exec.value("idata")).longValue() != a.address(), c.name() + ": cuFFT reads the staged copy");
            assertEquals(run.result().address(), ((Number) exec.value("odata")).longValue(), c.name() + ": output address");
            assertEquals("close", log.get(log.size() - 1));
        }
        assertEquals(0, device.openSessions());
    }

    @Test
    void aStagedOffsetViewIsReadFromItsFirstElementIntoOut() {
        SplittableRandom rng = new SplittableRandom(22);
        HostTensor x = tensor(rng, DType.F64, false, 2, 6);
        double[] storage = new double[5 + 12 + 4];
        System.arraycopy(x.array(), 0, storage, 5, 12);
        java.util.Arrays.fill(storage, 0, 5, 1e3); // values outside the view must not leak into the padding
        java.util.Arrays.fill(storage, 17, 21, -1e3);
        DeviceTensor a = DeviceTensor.of(device.buffer(0, DType.F64, storage), new long[] {2, 6}, false, 5);
        HostTensor host = FftOps.fft(x, 10L, -1, FftNorm.ORTHO);
        DeviceTensor out = DeviceTensor.of(device.buffer(0, DType.C128, new double[40]), 2, 10);
        assertSame(out, DeviceCall.run(null, a, FftKind.C2C, FftDirection.FORWARD, new long[] {10}, new int[] {-1},
                FftNorm.ORTHO, out, sessions));
        double error = FftTesting.distance((double[]) host.array(), values(out));
        double bound = 2 * FftTesting.C * DType.F64.unitRoundoff() * Math.log(20) / Math.log(2) * FftTesting.norm2(values(x));
        assertTrue(error <= bound, "device - host " + error + " > " + bound);
        assertEquals(0, device.openSessions());
    }

    @Test
    void theStagedCopyAndTheResultAreFreedWhenTheTransformFails() {
        List<Long> scratch = new java.util.ArrayList<>();
        List<DeviceTensor> results = new java.util.ArrayList<>();
        Function<FuseContext, CufftSession> failing = context -> new CufftSession() {
            private final CufftSession inner = device.session(context);

            @Override
            public int deviceId() {
                return inner.deviceId();
            }

            @Override
            public long scratch(long bytes) {
                long at = inner.scratch(bytes);
                scratch.add(at);
                return at;
            }

            @Override
            public void copy(long destination, org.fusemath.api.DeviceBuffer source, long offset, long bytes) {
                inner.copy(destination, source, offset, bytes);
            }

            @Override
            public void pad(org.fusemath.fft.device.PadKernel kernel, long destination, long source) {
                inner.pad(kernel, destination, source);
            }

            @Override
            public void transform(org.fusemath.fft.device.CufftCall call, long input, long output) {
                throw new IllegalStateException("the transform failed");
            }

            @Override
            public void scale(long address, long count, DType component, double factor) {
                inner.scale(address, count, component, factor);
            }

            @Override
            public DeviceTensor allocate(DType dtype, long[] shape) {
                DeviceTensor t = inner.allocate(dtype, shape);
                results.add(t);
                return t;
            }

            @Override
            public void finish() {
                inner.finish();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        DeviceTensor real = upload(tensor(new SplittableRandom(23), DType.F32, false, 3, 5));
        assertThrows(IllegalStateException.class, () -> DeviceCall.run(null, real, FftKind.C2C, FftDirection.FORWARD,
                new long[] {4, 8}, null, FftNorm.BACKWARD, null, failing));
        assertEquals(1, scratch.size(), device.log().toString());
        assertTrue(device.at(scratch.get(0)).closed(), "the staged copy is freed");
        assertEquals(1, results.size());
        assertTrue(((CpuCufftSession.Buffer) results.get(0).buffer()).closed(), "the unreturned result is freed");
        assertEquals(0, device.openSessions());
    }

    /** The FFT error bound over {@code points} points (the larger of input and output where a call pads). */
    private static void assertWithinBound(Case c, HostTensor host, DeviceTensor result, long points) {
        double[] x = values(c.x());
        double error = FftTesting.distance(values(host), values(result));
        double bound = 2 * FftTesting.C * c.x().dtype().unitRoundoff() * Math.log(Math.max(2, points)) / Math.log(2)
                * FftTesting.norm2(x) * Math.max(1, Math.sqrt(points));
        assertTrue(error <= bound, c.name() + ": device - host " + error + " > " + bound);
    }

    @Test
    void outIsWrittenAndAnOffsetViewIsAddressedFromItsFirstElement() {
        SplittableRandom rng = new SplittableRandom(8);
        HostTensor x = tensor(rng, DType.C128, false, 16);
        HostTensor host = FftOps.ifft(x, null, -1, null);
        double[] padded = new double[2 * 20];
        System.arraycopy(x.array(), 0, padded, 6, 32);
        DeviceTensor a = DeviceTensor.of(device.buffer(0, DType.C128, padded), new long[] {16}, false, 3);
        DeviceTensor out = DeviceTensor.of(device.buffer(0, DType.C128, new double[2 * 18]), new long[] {16}, false, 2);
        assertSame(out, DeviceCall.run(FuseContext.builder().execution(Execution.AUTO).build(), a, FftKind.C2C,
                FftDirection.INVERSE, null, new int[] {-1}, FftNorm.BACKWARD, out, sessions));
        NativeCall exec = device.calls().stream().filter(m -> m.function().equals("cufftExecZ2Z")).reduce((p, q) -> q).orElseThrow();
        assertEquals(a.address(), ((Number) exec.value("idata")).longValue());
        assertEquals(out.address(), ((Number) exec.value("odata")).longValue());
        double[] got = java.util.Arrays.copyOfRange(values(out), 4, 36);
        assertTrue(FftTesting.distance((double[]) host.array(), got) <= 1e-14 * FftTesting.norm2((double[]) x.array()));
        assertEquals(0.0, values(out)[0], "elements before the view are untouched");
        // In place: out is the input itself.
        DeviceTensor b = upload(x);
        DeviceCall.run(null, b, FftKind.C2C, FftDirection.INVERSE, null, new int[] {-1}, FftNorm.BACKWARD, b, sessions);
        assertTrue(FftTesting.distance((double[]) host.array(), values(b)) <= 1e-14 * FftTesting.norm2((double[]) x.array()));
    }

    @Test
    void wrongPlacesAndShapesAreRejectedByNameBeforeAnySessionOpens() {
        DeviceTensor a = upload(HostTensor.of(DType.C128, new long[] {8}, new double[16]));
        DeviceTensor onOne = DeviceTensor.of(device.buffer(1, DType.C128, new double[16]), 8);
        FuseContext host = FuseContext.builder().execution(Execution.HOST).build();
        assertEquals("context", reject(() -> DeviceCall.run(host, a, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, null, sessions)));
        FuseContext deviceOne = FuseContext.builder().execution(Execution.device(1)).build();
        assertEquals("a", reject(() -> DeviceCall.run(deviceOne, a, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, null, sessions)));
        assertEquals("out", reject(() -> DeviceCall.run(null, a, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, onOne, sessions)));
        assertEquals("n", reject(() -> DeviceCall.run(null, a, FftKind.C2C, FftDirection.FORWARD, new long[] {0}, null,
                FftNorm.BACKWARD, null, sessions)));
        assertEquals("n", reject(() -> DeviceCall.run(null, a, FftKind.C2C, FftDirection.FORWARD, new long[] {-3}, null,
                FftNorm.BACKWARD, null, sessions)));
        DeviceTensor square = upload(HostTensor.of(DType.C128, new long[] {2, 4}, new double[16]));
        assertEquals("s[1]", reject(() -> DeviceCall.run(null, square, FftKind.C2C, FftDirection.FORWARD,
                new long[] {4, -1}, null, FftNorm.BACKWARD, null, sessions)));
        assertEquals("s", reject(() -> DeviceCall.run(null, square, FftKind.C2C, FftDirection.FORWARD,
                new long[] {4, 8}, new int[] {1}, FftNorm.BACKWARD, null, sessions)));
        assertEquals("s", reject(() -> DeviceCall.run(null, square, FftKind.C2C, FftDirection.FORWARD,
                new long[] {4, 8, 2}, null, FftNorm.BACKWARD, null, sessions)));
        assertEquals("axes", reject(() -> DeviceCall.run(null, square, FftKind.C2C, FftDirection.FORWARD,
                new long[] {4, 8}, new int[] {1, -1}, FftNorm.BACKWARD, null, sessions)));
        assertEquals("axes[0]", reject(() -> DeviceCall.run(null, square, FftKind.C2C, FftDirection.FORWARD,
                new long[] {16}, new int[] {2}, FftNorm.BACKWARD, null, sessions)));
        DeviceTensor one = upload(HostTensor.of(DType.C128, new long[] {1}, new double[2]));
        assertEquals("n", reject(() -> DeviceCall.run(null, one, FftKind.C2R, FftDirection.INVERSE, null, null,
                FftNorm.BACKWARD, null, sessions)));
        DeviceTensor real = upload(HostTensor.of(DType.F64, new long[] {8}, new double[8]));
        // A real tensor promoted to complex is a new array: it cannot be its own complex result.
        assertEquals("out", reject(() -> DeviceCall.run(null, real, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, real, sessions)));
        // Padding changes the shape: no in-place transform either.
        assertEquals("out", reject(() -> DeviceCall.run(null, a, FftKind.C2C, FftDirection.FORWARD, new long[] {9}, null,
                FftNorm.BACKWARD, a, sessions)));
        DeviceTensor paddedOut = DeviceTensor.of(device.buffer(0, DType.C128, new double[16]), 8);
        assertEquals("out", assertThrows(ShapeMismatchException.class, () -> DeviceCall.run(null, a, FftKind.C2C,
                FftDirection.FORWARD, new long[] {9}, null, FftNorm.BACKWARD, paddedOut, sessions)).argument());
        assertEquals("a", reject(() -> DeviceCall.run(null, a, FftKind.R2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, null, sessions)));
        DeviceTensor shortOut = DeviceTensor.of(device.buffer(0, DType.C128, new double[14]), 7);
        assertEquals("out", assertThrows(ShapeMismatchException.class, () -> DeviceCall.run(null, a, FftKind.C2C,
                FftDirection.FORWARD, null, null, FftNorm.BACKWARD, shortOut, sessions)).argument());
        DeviceTensor wrongType = DeviceTensor.of(device.buffer(0, DType.C64, new float[16]), 8);
        assertEquals("out", reject(() -> DeviceCall.run(null, a, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, wrongType, sessions)));
        DeviceTensor fortranOut = DeviceTensor.of(device.buffer(0, DType.C128, new double[16]), new long[] {2, 4}, true);
        DeviceTensor twoD = upload(HostTensor.of(DType.C128, new long[] {2, 4}, new double[16]));
        assertEquals("out", reject(() -> DeviceCall.run(null, twoD, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, fortranOut, sessions)));
        DeviceTensor wide = DeviceTensor.of(device.buffer(0, DType.C128, new double[18]), 9);
        DeviceTensor overlapping = DeviceTensor.of(wide.buffer(), new long[] {8}, false, 1);
        DeviceTensor head = DeviceTensor.of(wide.buffer(), new long[] {8}, false, 0);
        assertEquals("out", reject(() -> DeviceCall.run(null, head, FftKind.C2C, FftDirection.FORWARD, null, null,
                FftNorm.BACKWARD, overlapping, sessions)));
        assertEquals(0, device.calls().size(), "nothing reached cuFFT");
        assertTrue(device.log().isEmpty(), "no session opened: " + device.log());
    }

    private static String reject(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(InvalidArgumentException.class, call).argument();
    }

    @Test
    void aStatefulFftOnADeviceTensorRunsThereAndKeepsToOneMemorySpace() {
        SplittableRandom rng = new SplittableRandom(9);
        HostTensor x = tensor(rng, DType.C128, false, 4, 10);
        HostTensor y = tensor(rng, DType.C128, false, 4, 10);
        FftOptions options = FftOptions.defaults().withNorm(FftNorm.ORTHO);
        try (Fft fft = Fft.create(null, upload(x), new int[] {1}, options, sessions);
             Fft hostFft = Fft.create(x, new int[] {1}, options)) {
            DeviceTensor first = fft.execute(FftDirection.FORWARD, null);
            HostTensor expected = hostFft.execute(FftDirection.FORWARD);
            double tol = 1e-14 * FftTesting.norm2((double[]) x.array());
            assertTrue(FftTesting.distance((double[]) expected.array(), values(first)) <= tol);
            fft.resetOperands(upload(y));
            hostFft.resetOperands(y);
            DeviceTensor out = DeviceTensor.of(device.buffer(0, DType.C128, new double[80]), 4, 10);
            assertSame(out, fft.execute(FftDirection.INVERSE, out));
            assertTrue(FftTesting.distance((double[]) hostFft.execute(FftDirection.INVERSE).array(), values(out)) <= tol);

            assertEquals("operand", reject(() -> fft.execute(FftDirection.FORWARD)));
            assertEquals("operand", reject(() -> fft.resetOperands(x)));
            assertEquals("operand", reject(() -> hostFft.execute(FftDirection.FORWARD, out)));
            assertEquals("operand", reject(() -> hostFft.resetOperands(out)));
            DeviceTensor onOne = DeviceTensor.of(device.buffer(1, DType.C128, new double[80]), 4, 10);
            assertEquals("operand", reject(() -> fft.resetOperands(onOne)));
            assertEquals("out", reject(() -> fft.execute(FftDirection.FORWARD, onOne)));
            assertThrows(ShapeMismatchException.class, () -> fft.resetOperands(upload(tensor(rng, DType.C128, false, 4, 9))));
        }
        assertEquals("operand", reject(() -> Fft.create(null, DeviceTensor.of(device.buffer(1, DType.C128, new double[8]), 4),
                null, FftOptions.defaults().withExecution(Execution.device(0)), sessions)));
        assertEquals("context", reject(() -> Fft.create(FuseContext.defaults(), upload(x), null, FftOptions.defaults(),
                sessions)));
        assertEquals(0, device.openSessions());
    }
}
