package org.fusemath.fusion.device;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.cuda.CudaCopy;
import org.fusemath.cuda.CudaMemory;
import org.fusemath.cuda.CudaStream;
import org.fusemath.cuda.junit.GpuTest;
import org.fusemath.fusion.FusionGroups;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.ScalarType;
import org.junit.jupiter.api.Test;

/**
 * On a GPU: each generated kernel against the host interpreter of the same group. Bound per element: 16 ulps of
 * the result's type (CUDA's expf, tanhf, erfcf, powf are within 2-4 ulps; a chain adds a few roundings) plus, for
 * reductions, the float sum's n·u relative error. Skipped with the probe's reason where no device is usable.
 */
@GpuTest(libraries = org.fusemath.cuda.CudaLibrary.NVRTC)
class CudaFusedKernelsGpuTest {
    private static Object random(ScalarType t, long n, SplittableRandom r) {
        if (t == ScalarType.F32) {
            float[] a = new float[(int) n];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (r.nextDouble(-4, 4));
            }
            return a;
        }
        double[] a = new double[(int) n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble(-4, 4);
        }
        return a;
    }

    private static Object empty(ScalarType t, long n) {
        return t == ScalarType.F32 ? new float[(int) n] : new double[(int) n];
    }

    private static double at(Object a, int i) {
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }

    @Test
    void everyGroupMatchesTheInterpreter() {
        SplittableRandom r = new SplittableRandom(11);
        try (CudaStream stream = CudaStream.create(0)) {
            for (Map.Entry<String, FusedGroup> e : FusionGroups.all().entrySet()) {
                FusedGroup g = e.getValue();
                if (g.shape().size() > 1 << 24) {
                    continue;    // the 64-bit index case is compiled, not run (8 GB of operands)
                }
                Object[] in = new Object[g.inputs().size()];
                List<CudaMemory> din = new ArrayList<>();
                for (int k = 0; k < in.length; k++) {
                    FusedGroup.Input x = g.inputs().get(k);
                    in[k] = random(x.type(), x.shape().size(), r);
                    CudaMemory m = CudaMemory.allocate(stream, x.shape().size() * (x.type() == ScalarType.F32 ? 4 : 8));
                    if (in[k] instanceof float[] f) {
                        CudaCopy.toDevice(stream, f, m);
                    } else {
                        CudaCopy.toDevice(stream, (double[]) in[k], m);
                    }
                    din.add(m);
                }
                Object[] want = new Object[g.outputs().size()];
                Object[] got = new Object[g.outputs().size()];
                List<CudaMemory> dout = new ArrayList<>();
                for (int k = 0; k < want.length; k++) {
                    FusedGroup.Output o = g.outputs().get(k);
                    want[k] = empty(o.type(), o.shape().size());
                    got[k] = empty(o.type(), o.shape().size());
                    dout.add(CudaMemory.allocate(stream, o.shape().size() * (o.type() == ScalarType.F32 ? 4 : 8)));
                }
                new GroupInterpreter(g).run(in, want);
                CudaFusedKernels.launch(g, stream, din, dout);
                for (int k = 0; k < got.length; k++) {
                    if (got[k] instanceof float[] f) {
                        CudaCopy.toHost(stream, dout.get(k), f);
                    } else {
                        CudaCopy.toHost(stream, dout.get(k), (double[]) got[k]);
                    }
                }
                stream.synchronize();
                for (int k = 0; k < got.length; k++) {
                    double u = g.outputs().get(k).type() == ScalarType.F32 ? 0x1p-24 : 0x1p-53;
                    long inner = g.hasReduction() ? g.shape().size() / Math.max(1, g.shape().reduced(g.reducedAxes()).size()) : 1;
                    int n = want[k] instanceof float[] f ? f.length : ((double[]) want[k]).length;
                    for (int i = 0; i < n; i++) {
                        double w = at(want[k], i);
                        double d = at(got[k], i);
                        boolean ok = Double.isNaN(w) ? Double.isNaN(d)
                                : w == d || Math.abs(w - d) <= (16 + 2 * inner) * u * Math.max(Math.abs(w), 1e-30);
                        assertTrue(ok, e.getKey() + " output " + k + " element " + i + ": device " + d + ", host " + w);
                    }
                }
                din.forEach(CudaMemory::close);
                dout.forEach(CudaMemory::close);
            }
        }
    }

    @Test
    void wrongBufferSizesNeverReachTheKernel() {
        FusedGroup g = FusionGroups.chain(ScalarType.F32, 100);
        try (CudaStream stream = CudaStream.create(0);
                CudaMemory small = CudaMemory.allocate(stream, 396);
                CudaMemory ok = CudaMemory.allocate(stream, 400)) {
            assertThrows(InvalidArgumentException.class, () -> CudaFusedKernels.launch(g, stream, List.of(small, ok), List.of(ok)));
            assertThrows(InvalidArgumentException.class, () -> CudaFusedKernels.launch(g, stream, List.of(ok), List.of(ok)));
        }
    }
}
