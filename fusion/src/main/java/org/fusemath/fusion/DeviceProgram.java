package org.fusemath.fusion;

import java.util.List;
import org.fusemath.api.FuseContext;
import org.fusemath.fusion.ir.ScalarType;

/**
 * A whole device plan as one step of its template: copies the plan's inputs to device buffers, queues every launch
 * (library matmuls and generated kernels, in order, all on one stream: each reads the buffers earlier ones wrote, so
 * intermediates never leave the device), copies back only the plan's results, and makes the roots that compute
 * nothing on the host. The buffers and the planned matmuls are made on the first execution ({@link Session}, kept
 * in the plan's state) and reused. Immutable.
 */
final class DeviceProgram implements Step {
    /** A device buffer: its element type and count. */
    record Buffer(ScalarType type, long elements) {
    }

    /** Copy input slot {@code slot}'s dense array (times {@code scale}, a power of two) into {@code buffer}. */
    record Upload(int slot, int buffer, double scale) {
    }

    /** Copy {@code buffer} into result slot {@code slot}'s array. */
    record Download(int buffer, int slot) {
    }

    final List<Buffer> buffers;
    final List<Upload> uploads;
    final List<DeviceLaunch> launches;
    final List<Download> downloads;
    final List<CopyStep> hostCopies;
    private final DeviceCalls.Factory factory;

    DeviceProgram(List<Buffer> buffers, List<Upload> uploads, List<DeviceLaunch> launches, List<Download> downloads,
                  List<CopyStep> hostCopies, DeviceCalls.Factory factory) {
        this.buffers = List.copyOf(buffers);
        this.uploads = List.copyOf(uploads);
        this.launches = List.copyOf(launches);
        this.downloads = List.copyOf(downloads);
        this.hostCopies = List.copyOf(hostCopies);
        this.factory = factory;
    }

    /** What one plan keeps on the device between executions: the calls, a handle per buffer, each launch's state. */
    static final class Session implements AutoCloseable {
        final DeviceCalls calls;
        private final long[] handles;
        private final AutoCloseable[] prepared;

        private Session(DeviceProgram p, FuseContext context) {
            this.calls = p.factory.open(context);
            this.handles = new long[p.buffers.size()];
            this.prepared = new AutoCloseable[p.launches.size()];
            try {
                for (int i = 0; i < handles.length; i++) {
                    Buffer b = p.buffers.get(i);
                    handles[i] = calls.allocate(b.type(), b.elements());
                }
                for (int i = 0; i < prepared.length; i++) {
                    prepared[i] = p.launches.get(i).prepare(this);
                }
            } catch (RuntimeException | Error e) {
                try {
                    close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        /** The handle of buffer {@code index}. */
        long handle(int index) {
            return handles[index];
        }

        /** The handles of {@code indices}. */
        long[] handles(int[] indices) {
            long[] h = new long[indices.length];
            for (int i = 0; i < h.length; i++) {
                h[i] = handles[indices[i]];
            }
            return h;
        }

        /** Releases the launches' state, newest first, then the buffers and the stream. */
        @Override
        public void close() {
            RuntimeException failure = null;
            for (int i = prepared.length - 1; i >= 0; i--) {
                if (prepared[i] != null) {
                    try {
                        prepared[i].close();
                    } catch (Exception e) {
                        if (failure == null) {
                            failure = new IllegalStateException("releasing a device plan's library state failed", e);
                        }
                    }
                    prepared[i] = null;
                }
            }
            calls.close();
            if (failure != null) {
                throw failure;
            }
        }
    }

    @Override
    public void run(PlanState state, int index) {
        Session s = (Session) state.perStep[index];
        if (s == null) {
            s = new Session(this, state.context);
            state.perStep[index] = s;
        }
        for (Upload u : uploads) {
            Object values = state.values[u.slot()];
            s.calls.upload(u.scale() == 1 ? values : MatmulStep.scaled(values, u.scale()), s.handle(u.buffer()));
        }
        for (int i = 0; i < launches.size(); i++) {
            launches.get(i).run(s, s.prepared[i]);
        }
        for (Download d : downloads) {
            s.calls.download(s.handle(d.buffer()), state.values[d.slot()]);
        }
        for (CopyStep c : hostCopies) {
            c.run(state, index);
        }
    }

    @Override
    public Explanation.Launch describe() {
        throw new UnsupportedOperationException("a device program is explained launch by launch (DevicePlanner)");
    }
}
