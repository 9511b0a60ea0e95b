package org.fusemath.cuda.device;

import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * One call of a JavaCPP CUDA preset function described as plain data before it is made: the preset class
 * ({@code org.bytedeco.cuda.global.cublas}, {@code cudart}, {@code nvrtc}, ...), the C function's name, and each
 * argument under the header's parameter name, in the header's order, with the Java type of the preset's
 * overload. A call site names every value it passes ({@code .value("rows", rows).value("cols", cols)}), so
 * a swapped pair reads wrong at the site, and the description's name list is what tests compare with the
 * header (the {@code org.fusemath.cuda.abi} test package). A {@link NativeInvoker} makes the call from the
 * description in that order; no call site passes arguments to a preset method by hand.
 *
 * <p>Values are plain where they can be, so that descriptions are built on machines without CUDA: device
 * addresses and handles are {@code Long}s viewed as the parameter's pointer type when the call is made
 * (0 as {@code null}); out-parameters that create a handle are {@link #out}; host cells are JavaCPP
 * pointers of JavaCPP's own types. Built and made by one thread.
 */
public final class NativeCall {
    /** Marks an out-parameter: the invoker creates the object the callee writes the handle into. */
    private static final Object OUT = new Object() {
        @Override
        public String toString() {
            return "(out)";
        }
    };

    private final Class<?> library;
    private final String function;
    private final List<String> names = new ArrayList<>();
    private final List<Class<?>> types = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private NativeCall(Class<?> library, String function) {
        this.library = library;
        this.function = function;
    }

    /** A call of {@code function} of the preset class {@code library} (naming the class loads nothing native). */
    public static NativeCall of(Class<?> library, String function) {
        return new NativeCall(library, function);
    }

    /** The next parameter, {@code name} in the header, of the preset's Java {@code type}, passed {@code value}. */
    public NativeCall arg(String name, Class<?> type, Object value) {
        names.add(name);
        types.add(type);
        values.add(value);
        return this;
    }

    /** An {@code int} parameter (C enums, {@code int}, {@code unsigned}). */
    public NativeCall value(String name, int value) {
        return arg(name, int.class, value);
    }

    /** A {@code long} parameter ({@code int64_t}, {@code uint64_t}, {@code size_t}, {@code unsigned long long}). */
    public NativeCall value(String name, long value) {
        return arg(name, long.class, value);
    }

    /** A handle or device address of the preset's pointer type {@code type}. */
    public NativeCall handle(String name, Class<? extends Pointer> type, long address) {
        return arg(name, type, address);
    }

    /**
     * An out-parameter through which the callee returns a new handle ({@code cublasLtHandle_t*},
     * {@code cudaStream_t*}, {@code void**}); {@code type} is the preset's type for it: the handle's own class
     * ({@code @ByPtrPtr}) or {@link PointerPointer}.
     */
    public NativeCall out(String name, Class<? extends Pointer> type) {
        return arg(name, type, OUT);
    }

    /**
     * An out-parameter array of {@code count} structs of the preset's struct type {@code type} (e.g.
     * {@code cublasLtMatmulHeuristicResult_t}), created by the invoker and handed back in
     * {@link NativeInvoker.Made#created}; the caller closes it.
     */
    public NativeCall outArray(String name, Class<? extends Pointer> type, long count) {
        return arg(name, type, new OutArray(count));
    }

    /** The size of an {@link #outArray} parameter. */
    public record OutArray(long count) {
    }

    /** Whether the argument at {@code index} is an {@link #out} parameter. */
    public boolean isOut(int index) {
        return values.get(index) == OUT;
    }

    /** The preset class, e.g. {@code org.bytedeco.cuda.global.cublas}. */
    public Class<?> library() {
        return library;
    }

    /** The preset class's simple name, which names the library to the header reader ({@code "cublas"}, {@code "cudart"}). */
    public String libraryName() {
        return library.getSimpleName();
    }

    /** The C function's name. */
    public String function() {
        return function;
    }

    /** The header's parameter names, in the order the arguments are passed. */
    public List<String> parameters() {
        return Collections.unmodifiableList(names);
    }

    /** The preset's Java type of each parameter, in order. */
    public List<Class<?>> types() {
        return Collections.unmodifiableList(types);
    }

    /** The values as described (before the invoker views addresses as pointers), in order. */
    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    /** The value passed as the header's parameter {@code name}. */
    public Object value(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(function + " has no parameter " + name + " in this description: " + names);
        }
        return values.get(i);
    }

    /** The type of the preset's overload this call selects (every CUDA library function returns an int status). */
    public MethodType methodType() {
        return MethodType.methodType(int.class, types);
    }

    /** The call as text, for messages: {@code f(name=value, ...)}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(function).append('(');
        for (int i = 0; i < names.size(); i++) {
            Object v = values.get(i);
            s.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(v instanceof Long l && l > 0xFFFF
                    ? "0x" + Long.toHexString(l) : String.valueOf(v));
        }
        return s.append(')').toString();
    }
}
