package org.fusemath.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceBuffer;

/**
 * The arguments of one kernel launch, in the order of the kernel's parameters: device pointers and
 * scalars of the exact C types the kernel declares ({@code int}, {@code long long}, {@code float},
 * {@code double}). Pointers are read when the launch is queued. Not thread-safe while being built.
 */
public final class KernelArguments {
    /** The C type of one argument. */
    enum Kind {
        /** A device pointer (8 bytes). */
        POINTER,
        /** {@code int}. */
        INT,
        /** {@code long long}. */
        LONG,
        /** {@code float}. */
        FLOAT,
        /** {@code double}. */
        DOUBLE
    }

    /** One argument: its kind, its value bits (for scalars) or where to read its address and device (for pointers). */
    record Argument(Kind kind, long bits, LongSupplier address, int deviceId) {
    }

    private final List<Argument> arguments = new ArrayList<>();

    /** Appends a pointer to the start of {@code memory}. */
    public KernelArguments add(CudaMemory memory) {
        Arguments.requireNonNull(memory, "memory");
        arguments.add(new Argument(Kind.POINTER, 0, memory::address, memory.deviceId()));
        return this;
    }

    /** Appends a pointer to the start of {@code buffer}. */
    public KernelArguments add(DeviceBuffer buffer) {
        Arguments.requireNonNull(buffer, "buffer");
        arguments.add(new Argument(Kind.POINTER, 0, buffer::address, buffer.deviceId()));
        return this;
    }

    /** Appends an {@code int}. */
    public KernelArguments add(int value) {
        arguments.add(new Argument(Kind.INT, value, null, -1));
        return this;
    }

    /** Appends a {@code long long}. */
    public KernelArguments add(long value) {
        arguments.add(new Argument(Kind.LONG, value, null, -1));
        return this;
    }

    /** Appends a {@code float}. */
    public KernelArguments add(float value) {
        arguments.add(new Argument(Kind.FLOAT, Float.floatToRawIntBits(value), null, -1));
        return this;
    }

    /** Appends a {@code double}. */
    public KernelArguments add(double value) {
        arguments.add(new Argument(Kind.DOUBLE, Double.doubleToRawLongBits(value), null, -1));
        return this;
    }

    /** The number of arguments. */
    public int size() {
        return arguments.size();
    }

    List<Argument> arguments() {
        return List.copyOf(arguments);
    }

    /** The value of each argument, pointers read now; fails on closed memory before anything is queued. */
    List<Value> resolve() {
        return arguments.stream()
                .map(a -> new Value(a.kind(), a.kind() == Kind.POINTER ? a.address().getAsLong() : a.bits()))
                .collect(Collectors.toUnmodifiableList());
    }

    /** One argument ready to be passed: its C type and its bits (a pointer's address, a float's raw bits). */
    record Value(Kind kind, long bits) {
    }
}
