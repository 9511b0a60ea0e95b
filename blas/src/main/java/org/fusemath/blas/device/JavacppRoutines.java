package org.fusemath.blas.device;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.cudart.double2;
import org.bytedeco.cuda.cudart.float2;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.fusemath.api.DType;
import org.fusemath.blas.Scalar;
import org.fusemath.blas.device.CublasRoutine.Param;
import org.fusemath.cuda.CudaLibrary;
import org.fusemath.cuda.CudaStatus;
import org.fusemath.cuda.device.JavacppHandles;
import org.fusemath.cuda.device.NativeCall;

/**
 * Makes a {@link CublasRoutineCall} through the JavaCPP preset. The preset binds every cuBLAS function
 * separately, with Java parameter types that follow from the C types ({@code float*} as {@code FloatPointer},
 * {@code cuComplex*} as {@code float2}, {@code int64_t} as {@code long}); so instead of one hand-written call per
 * routine and type, the entry point is looked up by its C name ({@link CublasRoutineCall#entryPoint()}) with the
 * method type derived from the routine's parameter list ({@link #methodType}), and invoked on the call's
 * {@link CublasRoutineCall#arguments} converted to those types. Looking a method up does not load the native
 * library, so tests prove on the CPU that every routine, type and width resolves in the preset. Host scalars and
 * the result live in short-lived native cells (pointer mode host). Thread-safe: the lookup cache is concurrent.
 */
final class JavacppRoutines {
    private static final ConcurrentHashMap<String, MethodHandle> HANDLES = new ConcurrentHashMap<>();

    private JavacppRoutines() {
    }

    /** The preset's class for a device array or scalar of {@code t}. */
    static Class<? extends Pointer> elementClass(DType t) {
        return switch (t) {
            case F32 -> FloatPointer.class;
            case F64 -> DoublePointer.class;
            case C64 -> float2.class;
            case C128 -> double2.class;
        };
    }

    /** The preset's class for a host value of {@code t}'s real type (herk's scalars, nrm2's and asum's result). */
    static Class<? extends Pointer> realClass(DType t) {
        return t.isSinglePrecision() ? FloatPointer.class : DoublePointer.class;
    }

    /** The Java type of one parameter in the preset. */
    static Class<?> parameterClass(CublasRoutine routine, DType t, boolean wide, Param p) {
        if (p.isSize()) {
            return wide ? long.class : int.class;
        }
        return switch (p) {
            case HANDLE -> cublasContext.class;
            case SIDE, FILL, TRANS, DIAG -> int.class;
            case ALPHA, BETA -> routine.realScalars() ? realClass(t) : elementClass(t);
            case RESULT -> switch (routine) {
                case NRM2, ASUM -> realClass(t);
                case IAMAX -> wide ? LongPointer.class : IntPointer.class;
                default -> elementClass(t);
            };
            default -> elementClass(t);
        };
    }

    /** The method type of the routine's entry point for {@code t} in the preset (all return the int status). */
    static MethodType methodType(CublasRoutine routine, DType t, boolean wide) {
        List<Class<?>> types = new ArrayList<>();
        for (Param p : routine.params()) {
            types.add(parameterClass(routine, t, wide, p));
        }
        return MethodType.methodType(int.class, types);
    }

    /** The preset's method for the routine, type and width; throws when the preset has none of that name and type. */
    static MethodHandle find(CublasRoutine routine, DType t, boolean wide) {
        String name = routine.entryPoint(t, wide);
        return HANDLES.computeIfAbsent(name + methodType(routine, t, wide), key -> {
            try {
                return MethodHandles.publicLookup().findStatic(cublas.class, name, methodType(routine, t, wide));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("the JavaCPP cuBLAS preset has no " + name + methodType(routine, t, wide), e);
            }
        });
    }

    /** {@code cublasSetStream_v2(handle, streamId)}: the handle's work goes to {@code stream}. */
    static NativeCall setStream(long handle, long stream) {
        return NativeCall.of(cublas.class, "cublasSetStream_v2").handle("handle", cublasContext.class, handle)
                .handle("streamId", CUstream_st.class, stream);
    }

    /** {@code cublasSetPointerMode_v2(handle, CUBLAS_POINTER_MODE_HOST)}: scalars and results are host cells. */
    static NativeCall setHostPointerMode(long handle) {
        return NativeCall.of(cublas.class, "cublasSetPointerMode_v2").handle("handle", cublasContext.class, handle)
                .value("mode", CublasEnums.POINTER_MODE_HOST);
    }

    /**
     * Makes the call with host scalars on {@code handle}, whose stream and pointer mode the caller set
     * ({@link #setStream}, {@link #setHostPointerMode}); returns the host result of a reduction, or null.
     */
    static Scalar invoke(long handle, CublasRoutineCall call, long[] addresses) {
        cublasContext h = new cublasContext(JavacppHandles.pointer(handle));
        CublasRoutine routine = call.routine();
        DType t = call.dtype();
        boolean wide = call.wide();
        List<Object> plain = call.arguments(handle, addresses);
        List<Pointer> cells = new ArrayList<>();
        try {
            Object[] args = new Object[plain.size()];
            Pointer result = null;
            for (int i = 0; i < args.length; i++) {
                Param p = routine.params().get(i);
                Class<?> type = parameterClass(routine, t, wide, p);
                Object v = plain.get(i);
                if (p == Param.HANDLE) {
                    args[i] = h;
                } else if (p.isSize()) {
                    args[i] = wide ? (Object) (Long) v : (Object) Math.toIntExact((Long) v);
                } else if (type == int.class) {
                    args[i] = v;
                } else if (p == Param.ALPHA || p == Param.BETA) {
                    Pointer cell = scalarCell(type, t, (Scalar) v);
                    cells.add(cell);
                    args[i] = view(type, cell);
                } else if (p == Param.RESULT) {
                    result = resultCell(type, t);
                    cells.add(result);
                    args[i] = view(type, result);
                } else {
                    args[i] = view(type, JavacppHandles.pointer((Long) v));
                }
            }
            int status = call(find(routine, t, wide), args);
            CudaStatus.check(CudaLibrary.CUBLAS, call.entryPoint(), status);
            return result == null ? null : read(result, routine, t);
        } finally {
            for (Pointer c : cells) {
                c.close();
            }
        }
    }

    private static int call(MethodHandle method, Object[] args) {
        try {
            return (int) method.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling " + method + " failed", e);
        }
    }

    /** A native cell with alpha or beta as {@code type} wants it: the real part, or (re, im) for a complex type. */
    private static Pointer scalarCell(Class<?> type, DType t, Scalar s) {
        boolean pair = type == float2.class || type == double2.class;
        if (t.isSinglePrecision()) {
            return pair ? new FloatPointer((float) s.re(), (float) s.im()) : new FloatPointer((float) s.re());
        }
        return pair ? new DoublePointer(s.re(), s.im()) : new DoublePointer(s.re());
    }

    /** A zeroed native cell the result of {@code type} is written into. */
    private static Pointer resultCell(Class<?> type, DType t) {
        if (type == IntPointer.class) {
            return new IntPointer(1L);
        }
        if (type == LongPointer.class) {
            return new LongPointer(1L);
        }
        long values = type == float2.class || type == double2.class ? 2 : 1;
        return t.isSinglePrecision() ? new FloatPointer(values) : new DoublePointer(values);
    }

    private static Scalar read(Pointer cell, CublasRoutine routine, DType t) {
        if (cell instanceof IntPointer i) {
            return Scalar.of(i.get(0));
        }
        if (cell instanceof LongPointer l) {
            return Scalar.of(l.get(0));
        }
        boolean pair = (routine == CublasRoutine.DOT || routine == CublasRoutine.DOTC) && t.isComplex();
        if (cell instanceof FloatPointer f) {
            return pair ? Scalar.of(f.get(0), f.get(1)) : Scalar.of(f.get(0));
        }
        DoublePointer d = (DoublePointer) cell;
        return pair ? Scalar.of(d.get(0), d.get(1)) : Scalar.of(d.get(0));
    }

    /** A non-owning {@code type} view of {@code p}'s address. */
    private static Object view(Class<?> type, Pointer p) {
        if (type == p.getClass()) {
            return p;
        }
        try {
            return type.getConstructor(Pointer.class).newInstance(p);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot view a pointer as " + type.getName(), e);
        }
    }
}
