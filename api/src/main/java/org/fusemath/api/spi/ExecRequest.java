package org.fusemath.api.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;

/**
 * One {@code fusemath exec} invocation: the input arrays in command-line order, the named options
 * ({@code --alpha 2} becomes {@code alpha -> "2"}), the arrays named by file-valued options, and the
 * requested execution space.
 */
public record ExecRequest(List<HostTensor> inputs, Map<String, String> options, Map<String, HostTensor> arrays,
                          Execution execution, List<String> inputNames, Consumer<String> messages) {
    /**
     * Copies the collections. {@code inputNames} has one entry per input: the NAME of {@code --in NAME=FILE}, or
     * "" for an unnamed input; {@code messages} receives lines an operation prints (e.g. an explanation).
     */
    public ExecRequest {
        inputs = List.copyOf(inputs);
        options = Map.copyOf(options);
        arrays = Map.copyOf(arrays);
        inputNames = List.copyOf(inputNames);
        if (inputNames.size() != inputs.size()) {
            throw new InvalidArgumentException("inputNames", inputNames.size() + " names",
                    "one per input (" + inputs.size() + "), \"\" for an unnamed one");
        }
        java.util.Objects.requireNonNull(messages, "messages");
    }

    /** A request whose inputs are unnamed and whose messages are dropped. */
    public ExecRequest(List<HostTensor> inputs, Map<String, String> options, Map<String, HostTensor> arrays,
                       Execution execution) {
        this(inputs, options, arrays, execution, java.util.Collections.nCopies(inputs.size(), ""), line -> { });
    }

    /** The value of a declared option, or its default when absent (null when it has none). */
    public String option(ExecParameter parameter) {
        return options.getOrDefault(parameter.name(), parameter.defaultValue());
    }

    /** Whether the option was given on the command line. */
    public boolean has(ExecParameter parameter) {
        return options.containsKey(parameter.name());
    }

    /**
     * Throws a {@link org.fusemath.api.ResourceLimitException} unless a {@code dtype} array of {@code shape} fits one
     * Java array and what the JVM can still give (see {@link HostMemory}); {@code what} names it, e.g.
     * {@code "the result of syrk"}. Operations call it before allocating a result whose size the inputs decide.
     */
    public void requireAllocatable(String what, DType dtype, long... shape) {
        HostMemory.requireAllocatable(what, dtype, shape);
    }

    /** The option's value, or {@code fallback} when absent. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** The option as a double, or {@code fallback}; a value that is not a number is rejected by name. */
    public double doubleOption(String name, double fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("--" + name, "'" + v + "'", "a number");
        }
    }

    /** The option as a long, or {@code fallback}. */
    public long longOption(String name, long fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("--" + name, "'" + v + "'", "an integer");
        }
    }

    /** The option lower-cased, or {@code fallback}. */
    public String lowerOption(String name, String fallback) {
        return option(name, fallback).toLowerCase(Locale.ROOT);
    }

    /** Throws unless exactly {@code count} inputs were given. */
    public void requireInputs(String op, int min, int max) {
        if (inputs.size() < min || inputs.size() > max) {
            throw new InvalidArgumentException("--in", inputs.size() + " inputs",
                    (min == max ? String.valueOf(min) : min + " to " + max) + " inputs for " + op);
        }
    }
}
