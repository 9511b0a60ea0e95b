package org.fusemath.cuda.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.PresetInvoker;

/**
 * Compares the device code's own description of vendor calls and ABI numbers with the CUDA headers' (as
 * {@link PresetDeclarations} reads them) and collects every difference, so that one test reports them all:
 * a call's entry point and its parameters by C name in our order ({@link #call}), an enumerator's value
 * ({@link #constant}), an attribute's documented C type ({@link #documentedType}). A domain's ABI test feeds
 * it each call its planning records describe and each number they hand to a library, then calls
 * {@link #assertClean}; its own test builds a deliberately wrong description and asserts that
 * {@link #mismatches} names it. Not thread-safe: one check per test.
 */
public final class AbiCheck {
    private final List<String> mismatches = new ArrayList<>();
    private int checks;

    /**
     * Checks that {@code library} declares {@code function} with exactly the parameters {@code ours} names, in
     * that order (our description of the call, translated to the header's parameter names).
     */
    public AbiCheck call(PresetDeclarations library, String function, List<String> ours) {
        checks++;
        if (!library.declares(function)) {
            mismatches.add(library.library() + " declares no " + function + " (we call it with " + ours + ")");
            return this;
        }
        List<String> header;
        try {
            header = library.parameters(function);
        } catch (IllegalArgumentException e) {
            mismatches.add(e.getMessage());
            return this;
        }
        if (!header.equals(ours)) {
            mismatches.add(function + ": the header declares " + header + ", we pass " + ours + differences(header, ours));
        }
        return this;
    }

    /**
     * Checks a described call: that its preset library declares its function with exactly its parameter names
     * in its order, and that the preset has an overload of exactly its Java parameter types (so that the
     * invoker finds the method the description means).
     */
    public AbiCheck call(NativeCall call) {
        call(PresetDeclarations.of(call.libraryName()), call.function(), call.parameters());
        checks++;
        try {
            PresetInvoker.resolve(call);
        } catch (IllegalStateException e) {
            mismatches.add(e.getMessage());
        }
        return this;
    }

    /**
     * Checks that the code of {@code bindingClass} calls no preset function ({@code org.bytedeco.cuda.global.*})
     * directly, i.e. that each of its vendor calls goes through a {@link NativeCall} this check can see.
     * {@code allowed} names functions it may still call by hand (the test says why beside it).
     */
    public AbiCheck noDirectPresetCalls(Class<?> bindingClass, String... allowed) {
        checks++;
        directCalls(bindingClass.getName(), List.of(allowed));
        return this;
    }

    /**
     * {@link #noDirectPresetCalls} for every class of {@code anchor}'s package (nested and anonymous classes
     * included), so that a binding class added later is held to it too; returns how many classes were read.
     */
    public int noDirectPresetCallsInPackageOf(Class<?> anchor) {
        checks++;
        List<String> classes = ClassFileConstants.classesInPackageOf(anchor);
        for (String c : classes) {
            directCalls(c, List.of());
        }
        return classes.size();
    }

    private void directCalls(String className, List<String> exempt) {
        for (String method : ClassFileConstants.calledMethods(className)) {
            if (method.startsWith("org.bytedeco.cuda.global.") && !exempt.contains(method.substring(method.lastIndexOf('.') + 1))) {
                mismatches.add(className.substring(className.lastIndexOf('.') + 1) + " calls " + method
                        + " directly, not through a NativeCall");
            }
        }
    }

    /** Checks every described call of {@code calls} ({@link #call(NativeCall)}). */
    public AbiCheck calls(List<NativeCall> calls) {
        calls.forEach(this::call);
        return this;
    }

    /** Checks that {@code library}'s enumerator {@code name} has the value {@code ours}; {@code where} says whose number it is. */
    public AbiCheck constant(PresetDeclarations library, String name, int ours, String where) {
        checks++;
        Optional<Integer> header = library.constant(name);
        if (header.isEmpty()) {
            mismatches.add(where + " = " + ours + ": " + library.library() + " has no constant " + name);
        } else if (header.get() != ours) {
            mismatches.add(where + " = " + ours + ", but " + name + " = " + header.get() + " in " + library.library());
        }
        return this;
    }

    /** Checks that the header documents enumerator {@code name}'s value as of C type {@code ours} (e.g. "int64_t", "void *"). */
    public AbiCheck documentedType(PresetDeclarations library, String name, String ours, String where) {
        checks++;
        Optional<String> header = library.documentedType(name);
        if (header.isEmpty()) {
            mismatches.add(where + ": " + library.library() + " documents no type for " + name);
        } else if (!header.get().equals(ours)) {
            mismatches.add(where + " is set as " + ours + ", but " + name + " is documented as " + header.get());
        }
        return this;
    }

    /** Every difference found so far, one line each. */
    public List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** How many declarations and constants were compared. */
    public int checks() {
        return checks;
    }

    /**
     * Fails listing every difference; also fails when fewer than {@code atLeast} comparisons ran, so that a
     * check whose table went empty cannot pass.
     */
    public void assertClean(int atLeast) {
        if (checks < atLeast) {
            throw new AssertionError("only " + checks + " declarations compared, expected at least " + atLeast);
        }
        if (!mismatches.isEmpty()) {
            throw new AssertionError(mismatches.size() + " of " + checks + " differ from the CUDA headers:\n  "
                    + String.join("\n  ", mismatches));
        }
    }

    private static String differences(List<String> header, List<String> ours) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.max(header.size(), ours.size()); i++) {
            String h = i < header.size() ? header.get(i) : "(none)";
            String o = i < ours.size() ? ours.get(i) : "(none)";
            if (!h.equals(o)) {
                s.append(s.length() == 0 ? " (" : ", ").append("position ").append(i).append(": ").append(o)
                        .append(" where the header has ").append(h);
            }
        }
        return s.length() == 0 ? "" : s.append(')').toString();
    }
}
