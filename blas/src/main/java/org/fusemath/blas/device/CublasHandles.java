package org.fusemath.blas.device;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The cuBLASLt and cuBLAS handles of one device, pooled. A plan takes a handle for its whole life and gives it
 * back when closed, so no handle is ever used by two plans (or threads) at once, and creating one (cuBLAS
 * allocates device memory for it) happens once per concurrently open plan rather than per plan. At most
 * {@link #MAX_IDLE} idle handles of each kind are kept; the rest are destroyed on return. Thread-safe.
 */
final class CublasHandles {
    /** Idle handles kept per kind. */
    static final int MAX_IDLE = 4;

    private static final ConcurrentHashMap<Integer, CublasHandles> DEVICES = new ConcurrentHashMap<>();

    private final CublasCalls calls;
    private final int deviceId;
    private final Pool lt;
    private final Pool blas;

    CublasHandles(CublasCalls calls, int deviceId) {
        this.calls = calls;
        this.deviceId = deviceId;
        this.lt = new Pool(calls::ltCreate, calls::ltDestroy);
        this.blas = new Pool(calls::blasCreate, calls::blasDestroy);
    }

    /** The JavaCPP-backed pool of {@code deviceId}; call only once the probe found cuBLAS usable there. */
    static CublasHandles forDevice(int deviceId) {
        return DEVICES.computeIfAbsent(deviceId, d -> new CublasHandles(new JavacppCublas(d), d));
    }

    /** The calls the handles belong to. */
    CublasCalls calls() {
        return calls;
    }

    /** The device of the handles. */
    int deviceId() {
        return deviceId;
    }

    /** An idle cuBLASLt handle, or a new one. */
    long takeLt() {
        return lt.take();
    }

    /** Gives a cuBLASLt handle back. */
    void giveBackLt(long handle) {
        lt.giveBack(handle);
    }

    /** An idle cuBLAS handle, or a new one. */
    long takeBlas() {
        return blas.take();
    }

    /** Gives a cuBLAS handle back. */
    void giveBackBlas(long handle) {
        blas.giveBack(handle);
    }

    /** Idle handles: cuBLASLt ones plus cuBLAS ones. */
    int idle() {
        return lt.idle() + blas.idle();
    }

    /** Destroys every idle handle (the shared pools live as long as the JVM; tests drain theirs). */
    void drain() {
        lt.drain();
        blas.drain();
    }

    /** One kind of handle. */
    private static final class Pool {
        private final LongSupplier create;
        private final LongConsumer destroy;
        private final ArrayDeque<Long> idle = new ArrayDeque<>();

        Pool(LongSupplier create, LongConsumer destroy) {
            this.create = create;
            this.destroy = destroy;
        }

        long take() {
            synchronized (idle) {
                Long h = idle.pollFirst();
                if (h != null) {
                    return h;
                }
            }
            return create.getAsLong();
        }

        void giveBack(long handle) {
            synchronized (idle) {
                if (idle.size() < MAX_IDLE) {
                    idle.addFirst(handle);
                    return;
                }
            }
            destroy.accept(handle);
        }

        int idle() {
            synchronized (idle) {
                return idle.size();
            }
        }

        void drain() {
            while (true) {
                Long h;
                synchronized (idle) {
                    h = idle.pollFirst();
                }
                if (h == null) {
                    return;
                }
                destroy.accept(h);
            }
        }
    }
}
