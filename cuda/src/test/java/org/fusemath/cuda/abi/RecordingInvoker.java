package org.fusemath.cuda.abi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.cuda.device.NativeInvoker;

/**
 * A {@link NativeInvoker} that makes nothing: it keeps every description it is given, so that a test can drive a
 * JavaCPP binding class on a machine without CUDA and check each call it would make against the headers
 * ({@link AbiCheck#calls}) and each value against what the binding was asked. Every out-parameter receives a
 * distinct fake handle ({@code 0x1000}, {@code 0x2000}, ...); the status is 0 unless {@link #answer} sets one.
 * Synchronized: a binding may call from several threads.
 */
public final class RecordingInvoker implements NativeInvoker {
    private final List<NativeCall> calls = new ArrayList<>();
    private final Map<String, Integer> statuses = new HashMap<>();
    private final Map<String, Consumer<NativeCall>> effects = new HashMap<>();
    private long nextHandle = 0x1000;

    /** Answers every later call of {@code function} with {@code status}. */
    public synchronized RecordingInvoker answer(String function, int status) {
        statuses.put(function, status);
        return this;
    }

    /** Runs {@code effect} on every later call of {@code function}, as the library would write its out-arrays. */
    public synchronized RecordingInvoker onCall(String function, Consumer<NativeCall> effect) {
        effects.put(function, effect);
        return this;
    }

    @Override
    public synchronized Made make(NativeCall call) {
        calls.add(call);
        effects.getOrDefault(call.function(), c -> { }).accept(call);
        int n = call.parameters().size();
        long[] outs = new long[n];
        for (int i = 0; i < n; i++) {
            if (call.isOut(i)) {
                outs[i] = nextHandle;
                nextHandle += 0x1000;
            }
        }
        return new Made(statuses.getOrDefault(call.function(), 0), outs, new Object[n]);
    }

    /** Every call made so far, in order. */
    public synchronized List<NativeCall> calls() {
        return List.copyOf(calls);
    }

    /** The last call of {@code function}. */
    public synchronized NativeCall last(String function) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).function().equals(function)) {
                return calls.get(i);
            }
        }
        throw new AssertionError("no call of " + function + " among " + calls.stream().map(NativeCall::function).toList());
    }

    /** Forgets the calls made so far. */
    public synchronized void clear() {
        calls.clear();
    }
}
