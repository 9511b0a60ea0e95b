package org.fusemath.fft.device;

import static org.bytedeco.fftw.global.fftw3.FFTW_ESTIMATE;
import static org.bytedeco.fftw.global.fftw3.fftw_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftw_execute;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_many_dft;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_many_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_many_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftwf_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftwf_execute;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_many_dft;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_many_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_many_dft_r2c;

import java.util.List;
import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.fftw.global.fftw3.fftwf_plan;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.cuda.device.NativeCall;

/**
 * Runs a cuFFT planner description and its execute description on the CPU through FFTW's advanced interface
 * ({@code fftw_plan_many_dft*}, whose rank/n/howmany/embed/stride/distance are cuFFT's PlanMany numbers), reading
 * every argument by the position cufft.h gives its name (not by the description's own names: a swapped pair
 * then computes a wrong result). Device addresses are offsets into one of two host arrays: {@code 0x100000} plus
 * bytes for the input array, {@code 0x900000} plus bytes for the output array (the same base for in place).
 */
final class CpuCufft {
    static final long IN_BASE = 0x100000;
    static final long OUT_BASE = 0x900000;
    private static final PresetDeclarations CUFFT = PresetDeclarations.of("cufft");

    private CpuCufft() {
    }

    private static Object arg(NativeCall call, String name) {
        List<String> header = CUFFT.parameters(call.function());
        return call.values().get(header.indexOf(name));
    }

    private static long number(NativeCall call, String name) {
        return ((Number) arg(call, name)).longValue();
    }

    private static int[] ints(NativeCall call, String name) {
        Object v = arg(call, name);
        if (v instanceof int[] i) {
            return i;
        }
        long[] l = (long[]) v;
        int[] out = new int[l.length];
        for (int k = 0; k < l.length; k++) {
            out[k] = Math.toIntExact(l[k]);
        }
        return out;
    }

    /**
     * Plans and runs: {@code in} and {@code out} are the arrays behind {@link #IN_BASE} and {@link #OUT_BASE}
     * ({@code double[]} or {@code float[]}; the same array for in place), modified as the device memory would be.
     */
    static void run(NativeCall plan, NativeCall exec, Object in, Object out) {
        run(plan, exec, in, IN_BASE, out, in == out ? IN_BASE : OUT_BASE);
    }

    /** {@link #run(NativeCall, NativeCall, Object, Object)} with the arrays at device addresses {@code inBase} and {@code outBase}. */
    static void run(NativeCall plan, NativeCall exec, Object in, long inBase, Object out, long outBase) {
        int rank = (int) number(plan, "rank");
        int[] n = ints(plan, "n");
        int[] inembed = ints(plan, "inembed");
        int[] onembed = ints(plan, "onembed");
        int istride = Math.toIntExact(number(plan, "istride"));
        int idist = Math.toIntExact(number(plan, "idist"));
        int ostride = Math.toIntExact(number(plan, "ostride"));
        int odist = Math.toIntExact(number(plan, "odist"));
        int batch = Math.toIntExact(number(plan, "batch"));
        CufftType type = null;
        for (CufftType t : CufftType.values()) {
            type = t.value() == number(plan, "type") ? t : type;
        }
        if (type == null || !type.execFunction().equals(exec.function())) {
            throw new AssertionError("type " + number(plan, "type") + " executed by " + exec.function());
        }
        long idata = number(exec, "idata");
        long odata = number(exec, "odata");
        boolean single = !type.isDouble();
        int component = single ? 4 : 8;
        boolean inPlace = in == out;
        long inSlot = (idata - inBase) / component;
        long outSlot = (odata - outBase) / component;
        int sign = type.takesDirection() ? (int) number(exec, "direction") : 0;
        try (IntPointer pn = new IntPointer(n); IntPointer pin = new IntPointer(inembed); IntPointer pon = new IntPointer(onembed)) {
            if (single) {
                float[] fin = (float[]) in;
                float[] fout = (float[]) out;
                try (FloatPointer a = new FloatPointer(fin); FloatPointer b = inPlace ? a : new FloatPointer(fout)) {
                    FloatPointer ia = new FloatPointer(a).position(inSlot);
                    FloatPointer ob = new FloatPointer(b).position(outSlot);
                    fftwf_plan p = switch (type.kind()) {
                        case C2C -> fftwf_plan_many_dft(rank, pn, batch, ia, pin, istride, idist, ob, pon, ostride, odist, sign,
                                FFTW_ESTIMATE);
                        case R2C -> fftwf_plan_many_dft_r2c(rank, pn, batch, ia, pin, istride, idist, ob, pon, ostride, odist,
                                FFTW_ESTIMATE);
                        case C2R -> fftwf_plan_many_dft_c2r(rank, pn, batch, ia, pin, istride, idist, ob, pon, ostride, odist,
                                FFTW_ESTIMATE);
                    };
                    if (p == null) {
                        throw new AssertionError("FFTW has no plan_many for " + plan);
                    }
                    fftwf_execute(p);
                    fftwf_destroy_plan(p);
                    b.get(fout);
                }
                return;
            }
            double[] din = (double[]) in;
            double[] dout = (double[]) out;
            try (DoublePointer a = new DoublePointer(din); DoublePointer b = inPlace ? a : new DoublePointer(dout)) {
                DoublePointer ia = new DoublePointer(a).position(inSlot);
                DoublePointer ob = new DoublePointer(b).position(outSlot);
                fftw_plan p = switch (type.kind()) {
                    case C2C -> fftw_plan_many_dft(rank, pn, batch, ia, pin, istride, idist, ob, pon, ostride, odist, sign,
                            FFTW_ESTIMATE);
                    case R2C -> fftw_plan_many_dft_r2c(rank, pn, batch, ia, pin, istride, idist, ob, pon, ostride, odist,
                            FFTW_ESTIMATE);
                    case C2R -> fftw_plan_many_dft_c2r(rank, pn, batch, ia, pin, istride, idist, ob, pon, ostride, odist,
                            FFTW_ESTIMATE);
                };
                if (p == null) {
                    throw new AssertionError("FFTW has no plan_many for " + plan);
                }
                fftw_execute(p);
                fftw_destroy_plan(p);
                b.get(dout);
            }
        }
    }
}
