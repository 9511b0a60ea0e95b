package org.fusemath.fft.host;

import static org.bytedeco.fftw.global.fftw3.fftw_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_execute_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftw_export_wisdom_to_string;
import static org.bytedeco.fftw.global.fftw3.fftw_forget_wisdom;
import static org.bytedeco.fftw.global.fftw3.fftw_import_wisdom_from_string;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru64_dft;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru64_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_guru64_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftw_plan_with_nthreads;
import static org.bytedeco.fftw.global.fftw3.fftw_version;
import static org.bytedeco.fftw.global.fftw3.fftwf_destroy_plan;
import static org.bytedeco.fftw.global.fftw3.fftwf_execute_dft;
import static org.bytedeco.fftw.global.fftw3.fftwf_execute_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftwf_execute_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftwf_export_wisdom_to_string;
import static org.bytedeco.fftw.global.fftw3.fftwf_forget_wisdom;
import static org.bytedeco.fftw.global.fftw3.fftwf_import_wisdom_from_string;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_guru64_dft;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_guru64_dft_c2r;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_guru64_dft_r2c;
import static org.bytedeco.fftw.global.fftw3.fftwf_plan_with_nthreads;

import java.util.List;
import org.bytedeco.fftw.global.fftw3.fftw_iodim64;
import org.bytedeco.fftw.global.fftw3.fftw_plan;
import org.bytedeco.fftw.global.fftw3.fftwf_plan;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.fft.FftDim;

/**
 * {@link NativeFftw} through JavaCPP's FFTW preset: every execute copies the caller's span into a per-thread
 * off-heap buffer aligned to 64 bytes (reused and grown, never allocated per call) and the result back, so
 * plans may use FFTW's SIMD codelets (planned on 16-byte-aligned scratch, see {@link #planningDoubles}). JavaCPP's own
 * {@code double[]} overloads would instead copy the whole arrays in and out through JNI on every call. Planning,
 * destruction and wisdom calls are made under {@link FftwPlanner}'s lock by the callers. Thread-safe for execute.
 */
final class JavacppFftw implements NativeFftw {
    private static final int ALIGNMENT = 64;

    /** Per-thread aligned staging: input and output buffers in both precisions, grown on demand. */
    private static final class Staging {
        DoublePointer dIn;
        DoublePointer dOut;
        FloatPointer fIn;
        FloatPointer fOut;

        DoublePointer doubles(boolean input, long slots) {
            DoublePointer p = input ? dIn : dOut;
            if (p == null || p.capacity() - p.position() < slots) {
                p = alignedDoubles(slots);
                if (input) {
                    dIn = p;
                } else {
                    dOut = p;
                }
            }
            return p;
        }

        FloatPointer floats(boolean input, long slots) {
            FloatPointer p = input ? fIn : fOut;
            if (p == null || p.capacity() - p.position() < slots) {
                p = alignedFloats(slots);
                if (input) {
                    fIn = p;
                } else {
                    fOut = p;
                }
            }
            return p;
        }
    }

    private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

    @Override
    public String callPath() {
        return "javacpp";
    }

    @Override
    public boolean executesOnHeap(FftwGuru guru) {
        return false;
    }

    @Override
    public long plan(FftwGuru guru, int flags) {
        // 16 bytes past a 64-byte boundary: see planningDoubles.
        return planAt(guru, flags, 16, 16);
    }

    @Override
    public boolean executesAddresses() {
        return true;
    }

    @Override
    public long planAt(FftwGuru guru, int flags, int inMisalignment, int outMisalignment) {
        try (fftw_iodim64 dims = iodims(guru.dims()); fftw_iodim64 loops = iodims(guru.howmany())) {
            int rank = guru.dims().size();
            int loopRank = guru.howmany().size();
            long inSlots = Math.max(1, guru.inputSlots());
            long outSlots = Math.max(1, guru.outputSlots());
            if (guru.single()) {
                FloatPointer in = planningFloats(guru.inPlace() ? Math.max(inSlots, outSlots) : inSlots, inMisalignment);
                FloatPointer out = guru.inPlace() ? in : planningFloats(outSlots, outMisalignment);
                try {
                    fftwf_plan p = switch (guru.kind()) {
                        case C2C -> fftwf_plan_guru64_dft(rank, dims, loopRank, loops, in, out, guru.sign(), flags);
                        case R2C -> fftwf_plan_guru64_dft_r2c(rank, dims, loopRank, loops, in, out, flags);
                        case C2R -> fftwf_plan_guru64_dft_c2r(rank, dims, loopRank, loops, in, out, flags);
                    };
                    return p == null ? 0 : p.address();
                } finally {
                    in.close();
                    out.close();
                }
            }
            DoublePointer in = planningDoubles(guru.inPlace() ? Math.max(inSlots, outSlots) : inSlots, inMisalignment);
            DoublePointer out = guru.inPlace() ? in : planningDoubles(outSlots, outMisalignment);
            try {
                fftw_plan p = switch (guru.kind()) {
                    case C2C -> fftw_plan_guru64_dft(rank, dims, loopRank, loops, in, out, guru.sign(), flags);
                    case R2C -> fftw_plan_guru64_dft_r2c(rank, dims, loopRank, loops, in, out, flags);
                    case C2R -> fftw_plan_guru64_dft_c2r(rank, dims, loopRank, loops, in, out, flags);
                };
                return p == null ? 0 : p.address();
            } finally {
                in.close();
                out.close();
            }
        }
    }

    @Override
    public void execute(FftwGuru guru, long plan, boolean onHeap, Object in, int inOffset, Object out, int outOffset) {
        Staging s = STAGING.get();
        int inSlots = (int) guru.inputSlots();
        int outSlots = (int) guru.outputSlots();
        // In place: one buffer holding the union of both spans; out of place, the output's holes (a strided
        // output) must come back unchanged, so a sparse output span is staged in before it is copied back.
        int inCopy = guru.inPlace() ? Math.max(inSlots, outSlots) : inSlots;
        boolean outPrefill = !guru.inPlace() && !FftwPlan.denseOutput(guru);
        if (guru.single()) {
            FloatPointer a = s.floats(true, inCopy).put((float[]) in, inOffset, inCopy);
            FloatPointer b = guru.inPlace() ? a : s.floats(false, outSlots);
            if (outPrefill) {
                b.put((float[]) out, outOffset, outSlots);
            }
            fftwf_plan p = new fftwf_plan(pointer(plan));
            switch (guru.kind()) {
                case C2C -> fftwf_execute_dft(p, a, b);
                case R2C -> fftwf_execute_dft_r2c(p, a, b);
                case C2R -> fftwf_execute_dft_c2r(p, a, b);
            }
            b.get((float[]) out, outOffset, guru.inPlace() ? inCopy : outSlots);
            return;
        }
        DoublePointer a = s.doubles(true, inCopy).put((double[]) in, inOffset, inCopy);
        DoublePointer b = guru.inPlace() ? a : s.doubles(false, outSlots);
        if (outPrefill) {
            b.put((double[]) out, outOffset, outSlots);
        }
        fftw_plan p = new fftw_plan(pointer(plan));
        switch (guru.kind()) {
            case C2C -> fftw_execute_dft(p, a, b);
            case R2C -> fftw_execute_dft_r2c(p, a, b);
            case C2R -> fftw_execute_dft_c2r(p, a, b);
        }
        b.get((double[]) out, outOffset, guru.inPlace() ? inCopy : outSlots);
    }

    @Override
    public void executeAt(FftwGuru guru, long plan, long in, long out) {
        // JNI through JavaCPP's typed pointers over the caller's addresses: no copies.
        if (guru.single()) {
            FloatPointer a = new FloatPointer(pointer(in));
            FloatPointer b = in == out ? a : new FloatPointer(pointer(out));
            fftwf_plan p = new fftwf_plan(pointer(plan));
            switch (guru.kind()) {
                case C2C -> fftwf_execute_dft(p, a, b);
                case R2C -> fftwf_execute_dft_r2c(p, a, b);
                case C2R -> fftwf_execute_dft_c2r(p, a, b);
            }
            return;
        }
        DoublePointer a = new DoublePointer(pointer(in));
        DoublePointer b = in == out ? a : new DoublePointer(pointer(out));
        fftw_plan p = new fftw_plan(pointer(plan));
        switch (guru.kind()) {
            case C2C -> fftw_execute_dft(p, a, b);
            case R2C -> fftw_execute_dft_r2c(p, a, b);
            case C2R -> fftw_execute_dft_c2r(p, a, b);
        }
    }

    @Override
    public void destroy(boolean single, long plan) {
        if (single) {
            fftwf_destroy_plan(new fftwf_plan(pointer(plan)));
        } else {
            fftw_destroy_plan(new fftw_plan(pointer(plan)));
        }
    }

    @Override
    public void planWithThreads(boolean single, int threads) {
        if (single) {
            fftwf_plan_with_nthreads(threads);
        } else {
            fftw_plan_with_nthreads(threads);
        }
    }

    @Override
    public String exportWisdom(boolean single) {
        BytePointer text = single ? fftwf_export_wisdom_to_string() : fftw_export_wisdom_to_string();
        if (text == null) {
            return "";
        }
        try {
            return text.getString();
        } finally {
            // FFTW returns malloc'ed text that the caller frees.
            org.bytedeco.fftw.presets.fftw3.free(text);
        }
    }

    @Override
    public boolean importWisdom(boolean single, String wisdom) {
        return (single ? fftwf_import_wisdom_from_string(wisdom) : fftw_import_wisdom_from_string(wisdom)) != 0;
    }

    @Override
    public void forgetWisdom(boolean single) {
        if (single) {
            fftwf_forget_wisdom();
        } else {
            fftw_forget_wisdom();
        }
    }

    @Override
    public String version() {
        BytePointer v = fftw_version();
        return v == null ? "unknown" : v.getString();
    }

    private static fftw_iodim64 iodims(List<FftDim> dims) {
        fftw_iodim64 array = new fftw_iodim64(Math.max(1, dims.size()));
        for (int i = 0; i < dims.size(); i++) {
            FftDim d = dims.get(i);
            array.position(i).n(d.n()).is(d.is()).os(d.os());
        }
        return array.position(0);
    }

    /**
     * Planning scratch {@code misalignment} bytes past a 64-byte boundary. For heap and staged executions 16: FFTW
     * then picks only codelets that need 16-byte alignment (its SIMD alignment), never 32 or 64, so the plan is valid
     * on any 16-byte-aligned arrays: the 64-byte-aligned staging buffers, and on JDK 22+ heap arrays where the JVM
     * aligns them so ({@code FfmFftw}). For native operands their own address modulo 64 (a multiple of 8 for doubles).
     */
    static DoublePointer planningDoubles(long slots, int misalignment) {
        int shift = misalignment / Double.BYTES;
        DoublePointer p = alignedDoubles(slots + shift);
        return p.position(p.position() + shift);
    }

    /** {@link #planningDoubles} in floats ({@code misalignment} a multiple of 4). */
    static FloatPointer planningFloats(long slots, int misalignment) {
        int shift = misalignment / Float.BYTES;
        FloatPointer p = alignedFloats(slots + shift);
        return p.position(p.position() + shift);
    }

    /** {@code slots} doubles from a 64-byte boundary inside a slightly larger allocation (freed when unreachable). */
    static DoublePointer alignedDoubles(long slots) {
        DoublePointer raw = new DoublePointer(slots + ALIGNMENT / Double.BYTES);
        long shift = (ALIGNMENT - raw.address() % ALIGNMENT) % ALIGNMENT;
        return raw.position(shift / Double.BYTES);
    }

    /** {@code slots} floats from a 64-byte boundary. */
    static FloatPointer alignedFloats(long slots) {
        FloatPointer raw = new FloatPointer(slots + ALIGNMENT / Float.BYTES);
        long shift = (ALIGNMENT - raw.address() % ALIGNMENT) % ALIGNMENT;
        return raw.position(shift / Float.BYTES);
    }

    private static Pointer pointer(long raw) {
        // Pointer's address field is protected: an anonymous subclass is JavaCPP's way to wrap a raw address.
        return new Pointer() {
            {
                address = raw;
            }
        };
    }
}
