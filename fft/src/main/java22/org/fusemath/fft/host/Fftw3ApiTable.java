package org.fusemath.fft.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;
import org.fusemath.api.FusemathException;
import org.fusemath.fft.FftDim;

/**
 * {@link NativeFftw} over any library that exports FFTW 3's C API (libfftw3/libfftw3f, or Intel MKL's FFTW3 interface
 * in {@code libmkl_rt}), every call an FFM downcall found by name: {@code fftw_plan_guru64_dft}, {@code _r2c},
 * {@code _c2r} and their {@code fftwf_} twins, the new-array execute calls, {@code fftw_destroy_plan}, and the
 * optional threads, wisdom and version symbols (MKL's wrappers lack some: a missing optional symbol makes its call a
 * documented no-op). No JavaCPP: the table binds what the library exports, which is why MKL can be reached although
 * JavaCPP's MKL preset does not map fftw3.h. Plans are made {@code FFTW_UNALIGNED} (the planner adds it, see
 * {@link #executesOnHeap}) and executed as critical downcalls on the caller's heap arrays. Planning, destruction and
 * wisdom are made under {@link FftwPlanner}'s lock by the callers; execute is thread-safe.
 */
@SuppressWarnings("restricted") // linking native code is this class's purpose
final class Fftw3ApiTable implements NativeFftw {
    private static final Linker LINKER = Linker.nativeLinker();
    /** {@code fftw_iodim64}: {@code ptrdiff_t n, is, os}. */
    private static final MemoryLayout IODIM64 = MemoryLayout.structLayout(ValueLayout.JAVA_LONG.withName("n"),
            ValueLayout.JAVA_LONG.withName("is"), ValueLayout.JAVA_LONG.withName("os"));

    private final String name;
    private final SymbolLookup doubles;
    private final Precision d;
    private final Precision f;
    private final MethodHandle free;

    /** The calls of one precision ({@code fftw_} or {@code fftwf_}). */
    private record Precision(MethodHandle dft, MethodHandle r2c, MethodHandle c2r, MethodHandle execDft,
            MethodHandle execR2c, MethodHandle execC2r, MethodHandle destroy, MethodHandle threads,
            MethodHandle exportWisdom, MethodHandle importWisdom, MethodHandle forgetWisdom) {
    }

    /**
     * A table over {@code doubles} (the {@code fftw_} symbols) and {@code singles} ({@code fftwf_}; the same lookup
     * for MKL); {@code name} says which library, for logs. Throws naming the first required symbol that is missing.
     */
    Fftw3ApiTable(String name, SymbolLookup doubles, SymbolLookup singles) {
        this.name = name;
        this.doubles = doubles;
        this.d = precision(doubles, "fftw_");
        this.f = precision(singles, "fftwf_");
        // Wisdom text is the library's allocation: fftw_free where exported, else the C library's free.
        FunctionDescriptor freeing = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS);
        this.free = optional(doubles, "fftw_free", freeing, false)
                .or(() -> optional(LINKER.defaultLookup(), "free", freeing, false))
                .orElse(null);
    }

    private static Precision precision(SymbolLookup lib, String p) {
        FunctionDescriptor guruDft = FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT);
        FunctionDescriptor guruReal = FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
        FunctionDescriptor exec = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
        return new Precision(
                required(lib, p + "plan_guru64_dft", guruDft, false),
                required(lib, p + "plan_guru64_dft_r2c", guruReal, false),
                required(lib, p + "plan_guru64_dft_c2r", guruReal, false),
                required(lib, p + "execute_dft", exec, true),
                required(lib, p + "execute_dft_r2c", exec, true),
                required(lib, p + "execute_dft_c2r", exec, true),
                required(lib, p + "destroy_plan", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), false),
                optional(lib, p + "plan_with_nthreads", FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT), false).orElse(null),
                optional(lib, p + "export_wisdom_to_string", FunctionDescriptor.of(ValueLayout.ADDRESS), false).orElse(null),
                optional(lib, p + "import_wisdom_from_string", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                        false).orElse(null),
                optional(lib, p + "forget_wisdom", FunctionDescriptor.ofVoid(), false).orElse(null));
    }

    private static MethodHandle required(SymbolLookup lib, String symbol, FunctionDescriptor fd, boolean critical) {
        return optional(lib, symbol, fd, critical)
                .orElseThrow(() -> new FusemathException("the FFTW3 API library has no symbol " + symbol));
    }

    private static Optional<MethodHandle> optional(SymbolLookup lib, String symbol, FunctionDescriptor fd, boolean critical) {
        return lib.find(symbol).map(s -> critical ? LINKER.downcallHandle(s, fd, Linker.Option.critical(true))
                : LINKER.downcallHandle(s, fd));
    }

    private Precision of(boolean single) {
        return single ? f : d;
    }

    @Override
    public String callPath() {
        return "ffm (" + name + ")";
    }

    @Override
    public boolean executesOnHeap(FftwGuru guru) {
        return true;
    }

    @Override
    public long plan(FftwGuru guru, int flags) {
        Precision p = of(guru.single());
        int bytes = guru.single() ? 4 : 8;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dims = iodims(arena, guru.dims());
            MemorySegment loops = iodims(arena, guru.howmany());
            long inSlots = Math.max(1, guru.inputSlots());
            long outSlots = Math.max(1, guru.outputSlots());
            // Scratch of the guru's spans, so FFTW_MEASURE overwrites no caller data.
            MemorySegment in = arena.allocate((guru.inPlace() ? Math.max(inSlots, outSlots) : inSlots) * bytes, 64);
            MemorySegment out = guru.inPlace() ? in : arena.allocate(outSlots * bytes, 64);
            int rank = guru.dims().size();
            int loopRank = guru.howmany().size();
            MemorySegment plan = switch (guru.kind()) {
                case C2C -> (MemorySegment) p.dft().invokeExact(rank, dims, loopRank, loops, in, out, guru.sign(), flags);
                case R2C -> (MemorySegment) p.r2c().invokeExact(rank, dims, loopRank, loops, in, out, flags);
                case C2R -> (MemorySegment) p.c2r().invokeExact(rank, dims, loopRank, loops, in, out, flags);
            };
            return plan.address();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall " + (guru.single() ? "fftwf" : "fftw") + "_plan_guru64 failed", e);
        }
    }

    private static MemorySegment iodims(Arena arena, List<FftDim> dims) {
        if (dims.isEmpty()) {
            return MemorySegment.NULL;
        }
        MemorySegment s = arena.allocate(IODIM64, dims.size());
        for (int i = 0; i < dims.size(); i++) {
            FftDim dim = dims.get(i);
            long at = i * IODIM64.byteSize();
            s.set(ValueLayout.JAVA_LONG, at, dim.n());
            s.set(ValueLayout.JAVA_LONG, at + 8, dim.is());
            s.set(ValueLayout.JAVA_LONG, at + 16, dim.os());
        }
        return s;
    }

    @Override
    public void execute(FftwGuru guru, long plan, boolean onHeap, Object in, int inOffset, Object out, int outOffset) {
        Precision p = of(guru.single());
        MethodHandle h = switch (guru.kind()) {
            case C2C -> p.execDft();
            case R2C -> p.execR2c();
            case C2R -> p.execC2r();
        };
        try {
            h.invokeExact(MemorySegment.ofAddress(plan), segment(in, inOffset), segment(out, outOffset));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_execute failed", e);
        }
    }

    private static MemorySegment segment(Object array, int offset) {
        if (array instanceof double[] a) {
            MemorySegment s = MemorySegment.ofArray(a);
            return offset == 0 ? s : s.asSlice(offset * 8L);
        }
        MemorySegment s = MemorySegment.ofArray((float[]) array);
        return offset == 0 ? s : s.asSlice(offset * 4L);
    }

    @Override
    public void destroy(boolean single, long plan) {
        try {
            of(single).destroy().invokeExact(MemorySegment.ofAddress(plan));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_destroy_plan failed", e);
        }
    }

    /** No-op where the library has no {@code plan_with_nthreads} (plans then use its default). */
    @Override
    public void planWithThreads(boolean single, int threads) {
        MethodHandle h = of(single).threads();
        if (h == null) {
            return;
        }
        try {
            h.invokeExact(threads);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_plan_with_nthreads failed", e);
        }
    }

    /** The empty string where the library keeps no wisdom (MKL's wrappers). */
    @Override
    public String exportWisdom(boolean single) {
        MethodHandle h = of(single).exportWisdom();
        if (h == null) {
            return "";
        }
        try {
            MemorySegment text = (MemorySegment) h.invokeExact();
            if (text.address() == 0) {
                return "";
            }
            try {
                return text.reinterpret(Long.MAX_VALUE).getString(0);
            } finally {
                // FFTW returns malloc'ed text that the caller frees.
                if (free != null) {
                    free.invokeExact(text);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_export_wisdom_to_string failed", e);
        }
    }

    /** False where the library keeps no wisdom. */
    @Override
    public boolean importWisdom(boolean single, String wisdom) {
        MethodHandle h = of(single).importWisdom();
        if (h == null) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            return (int) h.invokeExact(arena.allocateFrom(wisdom)) != 0;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_import_wisdom_from_string failed", e);
        }
    }

    @Override
    public void forgetWisdom(boolean single) {
        MethodHandle h = of(single).forgetWisdom();
        if (h == null) {
            return;
        }
        try {
            h.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new FusemathException("downcall fftw_forget_wisdom failed", e);
        }
    }

    /** {@code fftw_version} (a {@code const char[]}), or the table's name where the library has none (MKL). */
    @Override
    public String version() {
        return doubles.find("fftw_version").map(s -> s.reinterpret(256).getString(0)).orElse(name);
    }
}
