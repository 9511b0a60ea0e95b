package org.fusemath.cuda;

import java.util.function.Supplier;

/** A value computed once, on first use, by whichever thread asks first; later callers get the same value. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> compute;
    private volatile T value;

    Lazy(Supplier<? extends T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = compute.get();
                    if (v == null) {
                        throw new IllegalStateException("lazy value computed to null");
                    }
                    value = v;
                }
            }
        }
        return v;
    }
}
