package org.fusemath.api;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries where and how operations run: the execution request, the device stream, the host thread
 * count and the logger each phase reports its decisions to. Closing it closes every resource it
 * owns (streams, pools, plans registered with {@link #own}).
 *
 * <p>The settings are immutable and a context may be shared across threads; work submitted through
 * one device stream is ordered, so threads that must not serialise should use separate contexts.
 */
public final class FuseContext implements AutoCloseable {
    private static final FuseContext DEFAULTS = builder().build();

    private final Execution execution;
    private final DeviceStream stream;
    private final int threads;
    private final Logger logger;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private boolean closed;

    private FuseContext(Builder b) {
        this.execution = b.execution;
        this.stream = b.stream;
        this.threads = b.threads;
        this.logger = b.logger;
    }

    /** The shared default: host execution for heap operands, all available processors, logger {@code org.fusemath}. */
    public static FuseContext defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The execution request. */
    public Execution execution() {
        return execution;
    }

    /** The device ordinal: the requested one, or 0 when the request names none. */
    public int deviceId() {
        return Math.max(0, execution.deviceId());
    }

    /** The device stream to order work on; null means the device's default stream. */
    public DeviceStream stream() {
        return stream;
    }

    /**
     * Host threads an operation may use: an upper bound, not a number of tasks. An operation splits into no more
     * parts than its work has (a host random fill into parts of at least 65,536 values, each XORWOW or MRG32k3a
     * part owning at least one generator thread), so a count far above the machine's processors costs no memory
     * or tasks but does not help either. Host BLAS and LAPACK calls set OpenBLAS's thread count to at most the
     * available processors.
     */
    public int threads() {
        return threads;
    }

    /** Where specification, planning and execution decisions are logged. */
    public Logger logger() {
        return logger;
    }

    /** Hands {@code resource} to this context, which closes it (last in, first closed) on {@link #close()}. */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        Arguments.requireNonNull(resource, "resource");
        if (closed) {
            throw new IllegalStateException("context is closed");
        }
        owned.push(resource);
        return resource;
    }

    /** Closes every owned resource; the shared {@link #defaults()} context ignores this. */
    @Override
    public void close() {
        if (this == DEFAULTS) {
            return;
        }
        FusemathException failure = null;
        synchronized (this) {
            closed = true;
            while (!owned.isEmpty()) {
                try {
                    owned.pop().close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new FusemathException("closing a context resource failed", e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Builds a {@link FuseContext}; not thread-safe. */
    public static final class Builder {
        private Execution execution = Execution.HOST;
        private DeviceStream stream;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Logger logger = LoggerFactory.getLogger("org.fusemath");

        private Builder() {
        }

        /** Where to run. */
        public Builder execution(Execution value) {
            this.execution = Arguments.requireNonNull(value, "execution");
            return this;
        }

        /** The device stream to order work on (the context does not own it unless passed to {@link #own}). */
        public Builder stream(DeviceStream value) {
            this.stream = value;
            return this;
        }

        /** Host threads an operation may use (>= 1; an upper bound, see {@link FuseContext#threads()}). */
        public Builder threads(int value) {
            this.threads = Arguments.requirePositive("threads", value);
            return this;
        }

        /** The logger phase decisions go to. */
        public Builder logger(Logger value) {
            this.logger = Arguments.requireNonNull(value, "logger");
            return this;
        }

        /** The context. */
        public FuseContext build() {
            if (stream != null && execution.kind() == Execution.Kind.DEVICE && stream.deviceId() != execution.deviceId()) {
                throw new InvalidArgumentException("stream", "a stream on device " + stream.deviceId(),
                        "a stream on device " + execution.deviceId() + " as the execution requests");
            }
            return new FuseContext(this);
        }
    }
}
