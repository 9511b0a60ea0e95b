package org.fusemath.cuda;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One native CUDA handle (stream, event, allocation, module) and how to release it, shared by its owner
 * and the owner's {@link Cleaner} action. Uses hold the read lock so that a concurrent close waits for
 * them instead of releasing a handle a call is still passing to CUDA; release happens once.
 */
final class NativeHandle implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHandle.class);

    private final String what;
    private final CudaRuntime runtime;
    private final int deviceId;
    private final long handle;
    private final LongConsumer release;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean released;
    private volatile boolean closedByOwner;

    /** {@code release} is called once, with the device current, and must not refer to the handle's owner. */
    NativeHandle(String what, CudaRuntime runtime, int deviceId, long handle, LongConsumer release) {
        this.what = what;
        this.runtime = runtime;
        this.deviceId = deviceId;
        this.handle = handle;
        this.release = release;
    }

    /** Registers this handle's release with the cleaner for {@code owner}. */
    Cleaner.Cleanable register(Object owner) {
        return Cleaners.CLEANER.register(owner, this);
    }

    /** Runs {@code op} with the raw handle and the device current; fails if already released. */
    <T> T use(LongFunction<T> op) {
        lock.readLock().lock();
        try {
            if (released) {
                throw new IllegalStateException(what + " is closed");
            }
            runtime.calls().setDevice(deviceId);
            return op.apply(handle);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code op} with the raw handle and the device current, or {@code ifReleased} when it is gone. */
    void useOr(LongConsumer op, Runnable ifReleased) {
        lock.readLock().lock();
        try {
            if (released) {
                ifReleased.run();
            } else {
                runtime.calls().setDevice(deviceId);
                op.accept(handle);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The raw handle, when not released; makes no CUDA call. */
    long handle() {
        lock.readLock().lock();
        try {
            if (released) {
                throw new IllegalStateException(what + " is closed");
            }
            return handle;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether the handle has been released. */
    boolean isReleased() {
        lock.readLock().lock();
        try {
            return released;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Marks the coming release as the owner's explicit close, so the cleaner does not report a leak. */
    void closingByOwner() {
        closedByOwner = true;
    }

    /** Releases the handle once; failures are logged, because the cleaner thread has nobody to report to. */
    @Override
    public void run() {
        lock.writeLock().lock();
        try {
            if (released) {
                return;
            }
            released = true;
            if (!closedByOwner) {
                LOG.debug("{} was not closed; releasing it from the cleaner", what);
            }
            try {
                if (handle != 0) {
                    runtime.calls().setDevice(deviceId);
                    release.accept(handle);
                }
            } catch (RuntimeException e) {
                LOG.warn("releasing {} failed", what, e);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public String toString() {
        return what;
    }
}
