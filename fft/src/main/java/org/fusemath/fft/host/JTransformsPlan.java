package org.fusemath.fft.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.fusemath.api.DType;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.host.LinePass.Buffer;
import org.fusemath.fft.host.LinePass.Type;
import org.fusemath.fft.spi.CheckedFftPlan;

/**
 * A spec executed as successive 1-D JTransforms passes, one per transformed axis, each batched over every other
 * axis and spread over the plan's threads. C2C: the first pass reads the input and writes the output, the others
 * work on the output in place. R2C: the real axis first (input to output), then C2C on the output. C2R: C2C inverse
 * passes first (into a scratch copy, so the caller's input is never modified, or in place when the spec is), the real
 * axis last. The normalisation is applied in the last pass. F32 data is transformed in double precision and rounded once.
 *
 * <p>Thread-safe: concurrent executions borrow distinct {@link LineKernels} and scratch arrays.
 */
final class JTransformsPlan extends CheckedFftPlan {
    private final List<LinePass> passes;
    private final int maxLength;
    private final long scratchSlots;
    private final ConcurrentLinkedQueue<LineKernels> kernels = new ConcurrentLinkedQueue<>();
    /**
     * One idle kernel set outside the queue: the common case (one call at a time, one part) borrows and returns it
     * with one atomic swap each, where the queue's offer allocates a node per call.
     */
    private final AtomicReference<LineKernels> spare = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Object> scratch = new ConcurrentLinkedQueue<>();

    JTransformsPlan(FftSpec spec, int threads) {
        super(spec, threads);
        JTransformsGlobals.ensure();
        passes = passes(spec);
        int max = 1;
        for (LinePass p : passes) {
            max = Math.max(max, p.n());
        }
        maxLength = max;
        boolean usesScratch = passes.stream().anyMatch(p -> p.target() == Buffer.SCRATCH);
        scratchSlots = usesScratch ? 2 * count(spec.inputShape()) : 0;
        // One kernel set made now, so the first execution pays no table computation (JTransforms builds its
        // twiddle tables in its constructors).
        LineKernels first = new LineKernels(maxLength);
        for (LinePass p : passes) {
            first.fft(p.n());
        }
        spare.set(first);
    }

    private LineKernels borrowKernels() {
        LineKernels k = spare.getAndSet(null);
        if (k == null) {
            k = kernels.poll();
        }
        return k != null ? k : new LineKernels(maxLength);
    }

    private void returnKernels(LineKernels k) {
        if (!spare.compareAndSet(null, k)) {
            kernels.add(k);
        }
    }

    /** The passes, for tests and logs. */
    List<LinePass> passes() {
        return passes;
    }

    @Override
    protected void executeF64(double[] input, double[] output) {
        run(input, output);
    }

    @Override
    protected void executeF32(float[] input, float[] output) {
        run(input, output);
    }

    @Override
    protected void release() {
        spare.set(null);
        kernels.clear();
        scratch.clear();
    }

    private void run(Object input, Object output) {
        Object scr = scratchSlots == 0 ? null : borrowScratch();
        try {
            for (LinePass p : passes) {
                Object src = pick(p.source(), input, output, scr);
                Object dst = pick(p.target(), input, output, scr);
                FftThreads.forEach(p.lineCount(), p.n(), threads(), (from, to) -> {
                    LineKernels k = borrowKernels();
                    try {
                        long[] offsets = new long[2];
                        for (long line = from; line < to; line++) {
                            p.lineOffsets(line, offsets);
                            k.run(p, src, offsets[0], dst, offsets[1]);
                        }
                    } finally {
                        returnKernels(k);
                    }
                });
            }
        } finally {
            if (scr != null) {
                scratch.add(scr);
            }
        }
    }

    private Object borrowScratch() {
        Object s = scratch.poll();
        if (s != null) {
            return s;
        }
        return spec().precision() == DType.F32 ? new float[(int) scratchSlots] : new double[(int) scratchSlots];
    }

    private static Object pick(Buffer b, Object input, Object output, Object scratch) {
        return switch (b) {
            case INPUT -> input;
            case OUTPUT -> output;
            case SCRATCH -> scratch;
        };
    }

    private static long count(long[] shape) {
        long c = 1;
        for (long d : shape) {
            c *= d;
        }
        return c;
    }

    /** The passes that compute {@code spec}: one per axis, the real axis first (R2C) or last (C2R). */
    static List<LinePass> passes(FftSpec spec) {
        int[] axes = spec.axes();
        int k = axes.length;
        long[] lengths = spec.lengths();
        List<LinePass> out = new ArrayList<>(k);
        double scale = spec.scale();
        int sign = spec.sign();
        long[] inShape = spec.inputShape();
        long[] outShape = spec.outputShape();
        long[] is = spec.inputStrides();
        long[] os = spec.outputStrides();
        switch (spec.kind()) {
            case C2C -> {
                for (int i = 0; i < k; i++) {
                    boolean first = i == 0;
                    out.add(pass(Type.C2C, sign, (int) lengths[i], axes[i], outShape,
                            first ? Buffer.INPUT : Buffer.OUTPUT, first ? spec.inputOffset() : spec.outputOffset(),
                            first ? is : os, Buffer.OUTPUT, spec.outputOffset(), os, i == k - 1 ? scale : 1.0));
                }
            }
            case R2C -> {
                out.add(pass(Type.R2C, sign, (int) lengths[k - 1], axes[k - 1], inShape, Buffer.INPUT,
                        spec.inputOffset(), is, Buffer.OUTPUT, spec.outputOffset(), os, k == 1 ? scale : 1.0));
                for (int i = 0; i < k - 1; i++) {
                    out.add(pass(Type.C2C, sign, (int) lengths[i], axes[i], outShape, Buffer.OUTPUT,
                            spec.outputOffset(), os, Buffer.OUTPUT, spec.outputOffset(), os, i == k - 2 ? scale : 1.0));
                }
            }
            case C2R -> {
                // Out of place, the complex passes go through a C-ordered scratch copy of the input's shape.
                Buffer work = spec.inPlace() ? Buffer.INPUT : Buffer.SCRATCH;
                long[] ws = spec.inPlace() ? is : FftSpec.contiguous(inShape);
                long wo = spec.inPlace() ? spec.inputOffset() : 0;
                for (int i = 0; i < k - 1; i++) {
                    boolean first = i == 0;
                    out.add(pass(Type.C2C, sign, (int) lengths[i], axes[i], inShape, first ? Buffer.INPUT : work,
                            first ? spec.inputOffset() : wo, first ? is : ws, work, wo, ws, 1.0));
                }
                boolean direct = k == 1;
                out.add(pass(Type.C2R, sign, (int) lengths[k - 1], axes[k - 1], outShape,
                        direct ? Buffer.INPUT : work, direct ? spec.inputOffset() : wo, direct ? is : ws,
                        Buffer.OUTPUT, spec.outputOffset(), os, scale));
            }
        }
        return out;
    }

    private static LinePass pass(Type type, int sign, int n, int axis, long[] shape, Buffer src, long srcOffset,
            long[] srcStrides, Buffer dst, long dstOffset, long[] dstStrides, double scale) {
        int r = shape.length;
        long[] lineShape = new long[r - 1];
        long[] srcLine = new long[r - 1];
        long[] dstLine = new long[r - 1];
        for (int d = 0, j = 0; d < r; d++) {
            if (d != axis) {
                lineShape[j] = shape[d];
                srcLine[j] = srcStrides[d];
                dstLine[j] = dstStrides[d];
                j++;
            }
        }
        return new LinePass(type, sign, n, src, srcOffset, srcStrides[axis], srcLine, dst, dstOffset, dstStrides[axis],
                dstLine, lineShape, scale);
    }

    @Override
    public String toString() {
        return "JTransformsPlan[" + spec() + ", " + passes.size() + " passes, " + threads() + " threads]";
    }

}
