package org.fusemath.fft.spi;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.fft.FftSpec;
import org.fusemath.fft.NativeArray;

/**
 * Runs a heap-array plan on native operands by copying: the spec's spans into fresh heap arrays (the output too, so
 * that a strided output's holes come back unchanged), the heap execution, the output span back. What providers
 * without a native path do; the FFTW provider passes addresses instead. Stateless and thread-safe.
 */
final class NativeStaging {
    private NativeStaging() {
    }

    static void run(FftPlan plan, NativeArray input, NativeArray output) {
        FftSpec spec = plan.spec();
        boolean f64 = spec.precision() == DType.F64;
        if (spec.inPlace()) {
            int slots = Arguments.toInt("in-place slots", spec.inPlaceSlots());
            Object a = copyOut(input, slots, f64);
            if (f64) {
                plan.execute((double[]) a, (double[]) a);
            } else {
                plan.execute((float[]) a, (float[]) a);
            }
            copyIn(input, a, slots, f64);
            return;
        }
        int inSlots = Arguments.toInt("input slots", spec.inputSlots());
        int outSlots = Arguments.toInt("output slots", spec.outputSlots());
        Object a = copyOut(input, inSlots, f64);
        Object b = copyOut(output, outSlots, f64);
        if (f64) {
            plan.execute((double[]) a, (double[]) b);
        } else {
            plan.execute((float[]) a, (float[]) b);
        }
        copyIn(output, b, outSlots, f64);
    }

    private static Object copyOut(NativeArray from, int slots, boolean f64) {
        if (f64) {
            double[] d = new double[slots];
            if (slots > 0) {
                from.get(0, d, 0, slots);
            }
            return d;
        }
        float[] f = new float[slots];
        if (slots > 0) {
            from.get(0, f, 0, slots);
        }
        return f;
    }

    private static void copyIn(NativeArray to, Object data, int slots, boolean f64) {
        if (slots == 0) {
            return;
        }
        if (f64) {
            to.put(0, (double[]) data, 0, slots);
        } else {
            to.put(0, (float[]) data, 0, slots);
        }
    }
}
