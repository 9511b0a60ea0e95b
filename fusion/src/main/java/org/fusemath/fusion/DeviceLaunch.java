package org.fusemath.fusion;

/**
 * One launch of a device plan ({@link DeviceProgram}): a generated kernel or a library matmul over the program's
 * device buffers (named by index; the session maps them to handles). Immutable; per-plan state lives in the session.
 */
interface DeviceLaunch {
    /** Makes what the launch keeps between executions (a planned library matmul), or null. */
    AutoCloseable prepare(DeviceProgram.Session session);

    /** Queues the launch; {@code prepared} is what {@link #prepare} made. */
    void run(DeviceProgram.Session session, AutoCloseable prepared);

    /** The buffers it reads. */
    int[] reads();

    /** The buffers it writes. */
    int[] writes();

    /** The launch as the explanation shows it, {@code transfers} (the host copies around it) appended to its detail. */
    Explanation.Launch describe(String transfers);
}
