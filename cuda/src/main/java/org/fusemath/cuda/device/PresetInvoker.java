package org.fusemath.cuda.device;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Makes {@link NativeCall}s through the JavaCPP preset: the function is looked up once by its C name and the
 * description's parameter types ({@link #resolve}, cached; looking up loads nothing native, so tests resolve
 * every description on machines without CUDA), then invoked on the description's values in the description's
 * order: a {@code Long} address as a view of the parameter's pointer type (0 as {@code null}), a JavaCPP
 * pointer as itself or viewed as the parameter's type, an out-parameter as a fresh object whose address is
 * returned. Use only once the device probe found the library. Thread-safe: the caches are concurrent.
 */
public final class PresetInvoker implements NativeInvoker {
    /** The one instance. */
    public static final PresetInvoker INSTANCE = new PresetInvoker();

    private static final ConcurrentHashMap<String, MethodHandle> METHODS = new ConcurrentHashMap<>();
    private static final ClassValue<MethodHandle> VIEWS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                return MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class, Pointer.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException(type.getName() + " has no public constructor from a Pointer", e);
            }
        }
    };

    private PresetInvoker() {
    }

    /**
     * The preset's static method for {@code call}: its function name with its parameter types.
     *
     * @throws IllegalStateException when the preset has no such overload
     */
    public static MethodHandle resolve(NativeCall call) {
        MethodType type = call.methodType();
        return METHODS.computeIfAbsent(call.library().getName() + '.' + call.function() + type, key -> {
            try {
                return MethodHandles.publicLookup().findStatic(call.library(), call.function(), type);
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalStateException("the JavaCPP preset " + call.libraryName() + " has no " + call.function() + type, e);
            }
        });
    }

    @Override
    public Made make(NativeCall call) {
        MethodHandle method = resolve(call);
        int n = call.parameters().size();
        Object[] args = new Object[n];
        long[] outs = new long[n];
        Object[] created = new Object[n];
        for (int i = 0; i < n; i++) {
            Class<?> type = call.types().get(i);
            Object v = call.values().get(i);
            if (call.isOut(i)) {
                args[i] = type == PointerPointer.class ? new PointerPointer<Pointer>(1) : newInstance(type);
            } else if (v instanceof NativeCall.OutArray array) {
                args[i] = newArray(type, array.count());
                created[i] = args[i];
            } else if (v instanceof Long address && !type.isPrimitive()) {
                Pointer at = address == 0 ? null : JavacppHandles.pointer(address);
                args[i] = at == null || type.isInstance(at) ? at : view(type, at);
            } else if (v instanceof Pointer p && !type.isInstance(p)) {
                args[i] = view(type, p);
            } else {
                args[i] = v;
            }
        }
        int status;
        try {
            status = (int) method.invokeWithArguments(args);
            for (int i = 0; i < n; i++) {
                if (call.isOut(i)) {
                    outs[i] = args[i] instanceof PointerPointer<?> pp ? addressOf(pp.get(0)) : ((Pointer) args[i]).address();
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("calling " + call.function() + " failed", e);
        } finally {
            for (int i = 0; i < n; i++) {
                if (call.isOut(i) && args[i] instanceof PointerPointer<?> pp) {
                    pp.close();
                }
            }
        }
        return new Made(status, outs, created);
    }

    private static long addressOf(Pointer p) {
        return p == null ? 0 : p.address();
    }

    private static Object view(Class<?> type, Pointer p) {
        try {
            return VIEWS.get(type).invoke(p);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot view a pointer as " + type.getName(), e);
        }
    }

    private static Object newArray(Class<?> type, long count) {
        try {
            return type.getConstructor(long.class).newInstance(count);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no public constructor for an array", e);
        }
    }

    private static Object newInstance(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no public no-argument constructor", e);
        }
    }
}
