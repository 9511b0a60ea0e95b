package org.fusemath.fft.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.fusemath.api.FusemathException;

/**
 * {@link NativeFftw} on JDK 22+: the execute calls of large transforms go to {@code fftw_execute_dft*} as
 * critical FFM downcalls on the caller's heap arrays ({@code MemorySegment.ofArray}, no copies), planned with
 * {@code FFTW_UNALIGNED} because a heap array's address (and so its SIMD alignment) is unknown and may change
 * between calls. That costs FFTW its SIMD codelets (measured 2.5x at n = 1024, 1.4x at 2^16, nothing at 2^20
 * or prime sizes), which for small transforms costs more than two in-cache copies: transforms of fewer than
 * {@link #heapThreshold()} elements whose lengths factor into primes up to 64 therefore run through
 * {@link JavacppFftw}'s aligned staging with SIMD plans.
 * When the JVM aligns heap arrays to 16 bytes ({@code -XX:ObjectAlignmentInBytes=16}, {@link HeapAlignment}) every
 * transform instead uses a SIMD plan on the caller's arrays directly (except an out-of-place C2R, whose input FFTW
 * destroys). Native operands ({@link #executeAt}) go to the same downcalls by address, with plans made for their
 * alignment ({@link #planAt}). Planning, destruction and wisdom go through JavaCPP (the same loaded library). Thread-safe for execute.
 *
 * <p>While a critical downcall runs its thread cannot reach a safepoint, so a GC waits for it: a 2^20-point
 * transform holds collections for its duration (tens of milliseconds on one core).
 */
@SuppressWarnings("restricted") // linking native code is this class's purpose
final class FfmFftw implements NativeFftw {
    /** The system property setting {@link #heapThreshold()}. */
    static final String THRESHOLD_PROPERTY = "fusemath.fft.fftw.heapThreshold";

    private final JavacppFftw javacpp = new JavacppFftw();
    private final long threshold = Long.getLong(THRESHOLD_PROPERTY, 1L << 18);

    /**
     * The six execute downcalls as static finals: the JIT inlines an {@code invokeExact} only on a constant method
     * handle; one read from an instance field goes through the generic invoker (with the plan's former read-write
     * lock, measured 36-40 ns a call over JavaCPP's {@code fftw_execute}; 14-19 ns with both fixed, n = 16).
     */
    private static final class Handles {
        static final MethodHandle DFT;
        static final MethodHandle R2C;
        static final MethodHandle C2R;
        static final MethodHandle DFTF;
        static final MethodHandle R2CF;
        static final MethodHandle C2RF;

        static {
            Linker linker = Linker.nativeLinker();
            FunctionDescriptor d = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
            SymbolLookup fftw = SymbolLookup.libraryLookup(Path.of(FftwLibrary.libraryFile(false)), Arena.global());
            SymbolLookup fftwf = SymbolLookup.libraryLookup(Path.of(FftwLibrary.libraryFile(true)), Arena.global());
            DFT = handle(linker, fftw, "fftw_execute_dft", d);
            R2C = handle(linker, fftw, "fftw_execute_dft_r2c", d);
            C2R = handle(linker, fftw, "fftw_execute_dft_c2r", d);
            DFTF = handle(linker, fftwf, "fftwf_execute_dft", d);
            R2CF = handle(linker, fftwf, "fftwf_execute_dft_r2c", d);
            C2RF = handle(linker, fftwf, "fftwf_execute_dft_c2r", d);
        }

        private Handles() {
        }
    }

    FfmFftw() {
        // Initialises the handles now, so that a failure (ExceptionInInitializerError) reaches FftwCalls' fallback.
        if (Handles.DFT == null) {
            throw new FusemathException("FFTW's execute downcalls could not be linked");
        }
    }

    private static MethodHandle handle(Linker linker, SymbolLookup lookup, String name, FunctionDescriptor d) {
        MemorySegment symbol = lookup.find(name).orElseThrow(() -> new FusemathException("FFTW has no symbol " + name));
        return linker.downcallHandle(symbol, d, Linker.Option.critical(true));
    }

    /** Transforms of at least this many elements (points times batch) run on the caller's arrays. */
    long heapThreshold() {
        return threshold;
    }

    @Override
    public String callPath() {
        return "ffm";
    }

    @Override
    public boolean executesOnHeap(FftwGuru guru) {
        // With aligned heap arrays every SIMD plan runs on the heap already (see execute): no unaligned plans.
        return !HeapAlignment.GUARANTEED && ((double) guru.points() * guru.transforms() >= threshold || largePrime(guru));
    }

    /**
     * Whether a transform length has a prime factor above 64, FFTW's largest hard-coded codelet: such lengths run
     * FFTW's generic and Rader code, which gains nothing from SIMD alignment (measured at n = 9973: 365 µs aligned,
     * 370 µs unaligned), so the staging copies would be pure loss.
     */
    static boolean largePrime(FftwGuru guru) {
        for (org.fusemath.fft.FftDim d : guru.dims()) {
            long n = d.n();
            for (long p = 2; p * p <= n && p <= 64; p++) {
                while (n % p == 0) {
                    n /= p;
                }
            }
            if (n > 64) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long plan(FftwGuru guru, int flags) {
        return javacpp.plan(guru, flags);
    }

    @Override
    public boolean executesAddresses() {
        return true;
    }

    @Override
    public long planAt(FftwGuru guru, int flags, int inMisalignment, int outMisalignment) {
        return javacpp.planAt(guru, flags, inMisalignment, outMisalignment);
    }

    @Override
    public void executeAt(FftwGuru guru, long plan, long in, long out) {
        call(guru, MemorySegment.ofAddress(plan), MemorySegment.ofAddress(in), MemorySegment.ofAddress(out));
    }

    @Override
    public void execute(FftwGuru guru, long plan, boolean onHeap, Object in, int inOffset, Object out, int outOffset) {
        if (!onHeap && !alignedOnHeap(guru, inOffset, outOffset)) {
            javacpp.execute(guru, plan, false, in, inOffset, out, outOffset);
            return;
        }
        call(guru, MemorySegment.ofAddress(plan), segment(in, inOffset), segment(out, outOffset));
    }

    /** The execute downcall of {@code guru}'s kind and precision on plan {@code p} from {@code a} into {@code b}. */
    private static void call(FftwGuru guru, MemorySegment p, MemorySegment a, MemorySegment b) {
        try {
            // One invokeExact per constant handle (see Handles): never a handle picked into a local.
            if (guru.single()) {
                switch (guru.kind()) {
                    case C2C -> Handles.DFTF.invokeExact(p, a, b);
                    case R2C -> Handles.R2CF.invokeExact(p, a, b);
                    case C2R -> Handles.C2RF.invokeExact(p, a, b);
                }
            } else {
                switch (guru.kind()) {
                    case C2C -> Handles.DFT.invokeExact(p, a, b);
                    case R2C -> Handles.R2C.invokeExact(p, a, b);
                    case C2R -> Handles.C2R.invokeExact(p, a, b);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_execute failed", e);
        }
    }

    /**
     * Whether a SIMD plan may run on these heap arrays directly: the JVM aligns arrays to 16 bytes and both offsets
     * keep that; not for an out-of-place C2R, whose input FFTW destroys (staging keeps the caller's).
     */
    private static boolean alignedOnHeap(FftwGuru guru, int inOffset, int outOffset) {
        int bytes = guru.single() ? 4 : 8;
        return HeapAlignment.GUARANTEED && (inOffset * bytes) % 16 == 0 && (outOffset * bytes) % 16 == 0
                && (guru.kind() != org.fusemath.fft.FftKind.C2R || guru.inPlace());
    }

    private static MemorySegment segment(Object array, int offset) {
        if (array instanceof double[] d) {
            MemorySegment s = MemorySegment.ofArray(d);
            return offset == 0 ? s : s.asSlice(offset * 8L);
        }
        MemorySegment s = MemorySegment.ofArray((float[]) array);
        return offset == 0 ? s : s.asSlice(offset * 4L);
    }

    @Override
    public void destroy(boolean single, long plan) {
        javacpp.destroy(single, plan);
    }

    @Override
    public void planWithThreads(boolean single, int threads) {
        javacpp.planWithThreads(single, threads);
    }

    @Override
    public String exportWisdom(boolean single) {
        return javacpp.exportWisdom(single);
    }

    @Override
    public boolean importWisdom(boolean single, String wisdom) {
        return javacpp.importWisdom(single, wisdom);
    }

    @Override
    public void forgetWisdom(boolean single) {
        javacpp.forgetWisdom(single);
    }

    @Override
    public String version() {
        return javacpp.version();
    }
}
