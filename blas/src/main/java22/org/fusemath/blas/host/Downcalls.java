package org.fusemath.blas.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import org.fusemath.api.DType;
import org.fusemath.api.FusemathException;

/**
 * Builds the FFM downcall handles of the host call table from one generic description per routine: a
 * signature string whose letters stand for C parameter kinds, turned into a per-type descriptor
 * ({@code s}: the type's scalar, passed by value for real types and by pointer for complex ones).
 *
 * <p>BLAS and LAPACK handles are linked with {@code Linker.Option.critical(true)}: heap arrays are passed
 * as {@code MemorySegment.ofArray(...)} with no copy, and no thread-state transition is made. The price: while
 * such a call runs, its thread cannot reach a safepoint, so a JVM-wide pause (a GC) waits for the call to
 * return; a long GEMM delays other threads' collections by its duration.
 */
@SuppressWarnings("restricted") // linking native code is this class's purpose
final class Downcalls {
    private static final Linker LINKER = Linker.nativeLinker();
    static final SymbolLookup OPENBLAS = SymbolLookup.libraryLookup(Path.of(OpenBlasLibrary.loadForSymbols()), Arena.global());

    private Downcalls() {
    }

    /** One routine's handle per type (null where the type has none), e.g. cblas_sgemm, cblas_dgemm, cblas_cgemm, cblas_zgemm. */
    record Handles(MethodHandle f32, MethodHandle f64, MethodHandle c64, MethodHandle c128) {
        MethodHandle of(DType t) {
            return switch (t) {
                case F32 -> f32;
                case F64 -> f64;
                case C64 -> c64;
                case C128 -> c128;
            };
        }
    }

    /**
     * Handles for the four types from a signature: {@code ret} is {@code v} (void), {@code i} (int),
     * {@code l} (a size_t index) or {@code r} (the type's real component); {@code params} letters are
     * {@code i} int, {@code b} char, {@code p} pointer, {@code s} the type's scalar, {@code r} its real component.
     * A null name skips that type.
     */
    static Handles bind(String ret, String params, String f32, String f64, String c64, String c128) {
        return new Handles(handle(f32, DType.F32, ret, params), handle(f64, DType.F64, ret, params),
                handle(c64, DType.C64, ret, params), handle(c128, DType.C128, ret, params));
    }

    /** Handles named {@code prefix + s|d|c|z + routine}. */
    static Handles bind(String ret, String params, String prefix, String routine) {
        return bind(ret, params, prefix + "s" + routine, prefix + "d" + routine, prefix + "c" + routine,
                prefix + "z" + routine);
    }

    private static MethodHandle handle(String name, DType t, String ret, String params) {
        if (name == null) {
            return null;
        }
        MemoryLayout[] args = new MemoryLayout[params.length()];
        for (int i = 0; i < args.length; i++) {
            args[i] = layout(params.charAt(i), t);
        }
        FunctionDescriptor d = ret.equals("v") ? FunctionDescriptor.ofVoid(args)
                : FunctionDescriptor.of((ValueLayout) layout(ret.charAt(0), t), args);
        MemorySegment symbol = OPENBLAS.find(name).orElseThrow(
                () -> new FusemathException("OpenBLAS has no symbol " + name));
        return LINKER.downcallHandle(symbol, d, Linker.Option.critical(true));
    }

    private static MemoryLayout layout(char kind, DType t) {
        return switch (kind) {
            case 'i' -> ValueLayout.JAVA_INT;
            case 'b' -> ValueLayout.JAVA_BYTE;
            case 'l' -> ValueLayout.JAVA_LONG;
            case 'p' -> ValueLayout.ADDRESS;
            case 's' -> t.isComplex() ? ValueLayout.ADDRESS : real(t);
            case 'r' -> real(t);
            default -> throw new IllegalArgumentException("signature letter " + kind);
        };
    }

    private static ValueLayout real(DType t) {
        return t.isSinglePrecision() ? ValueLayout.JAVA_FLOAT : ValueLayout.JAVA_DOUBLE;
    }

    /** A plain (non-critical) handle, for the informational entry points. */
    static MethodHandle plain(String name, FunctionDescriptor d) {
        return LINKER.downcallHandle(OPENBLAS.find(name).orElseThrow(
                () -> new FusemathException("OpenBLAS has no symbol " + name)), d);
    }

    /** The heap array from slot {@code from} on, as a segment a critical downcall may receive. */
    static MemorySegment seg(Object array, int from) {
        if (array instanceof double[] d) {
            MemorySegment s = MemorySegment.ofArray(d);
            return from == 0 ? s : s.asSlice(from * 8L);
        }
        MemorySegment s = MemorySegment.ofArray((float[]) array);
        return from == 0 ? s : s.asSlice(from * 4L);
    }

    /** An int array from {@code from} on. */
    static MemorySegment seg(int[] array, int from) {
        MemorySegment s = MemorySegment.ofArray(array);
        return from == 0 ? s : s.asSlice(from * 4L);
    }

    /** A complex scalar of t's component type, on the heap. */
    static MemorySegment complex(DType t, double re, double im) {
        return t.isSinglePrecision() ? MemorySegment.ofArray(new float[] {(float) re, (float) im})
                : MemorySegment.ofArray(new double[] {re, im});
    }

    /** Rethrows what a downcall threw: unchecked as is, anything else wrapped. */
    static RuntimeException rethrow(String routine, Throwable e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new FusemathException("downcall " + routine + " failed", e);
    }
}
