package org.fusemath.api;

/**
 * Where an operation on device operands runs, by the rule NumPy-on-GPU libraries (CuPy, cuPyNumeric, nvmath-python)
 * follow: on the device the operands live on. A context may say which stream to use and must not contradict that
 * placement. Stateless.
 */
public final class DevicePlacement {
    private DevicePlacement() {
    }

    /**
     * The context for operands on device {@code deviceId}: a fresh one on that device (a stream of the operation's
     * own) when {@code context} is null; {@code context} itself when it executes DEVICE on that ordinal; for AUTO, a
     * DEVICE copy of it on that ordinal (same stream, threads and logger).
     *
     * @throws InvalidArgumentException naming {@code context} when it asks for the host (copy the operands to the
     *     host for a host operation), or naming {@code operand} when it asks for another device
     */
    public static FuseContext contextFor(FuseContext context, String operand, int deviceId) {
        Arguments.requireNonNegative("deviceId", deviceId);
        if (context == null) {
            return FuseContext.builder().execution(Execution.device(deviceId)).build();
        }
        Execution e = context.execution();
        if (e.kind() == Execution.Kind.HOST) {
            throw new InvalidArgumentException("context", "host execution", "device:" + deviceId + " or auto: device"
                    + " operands run on the device they live on (copy them to the host for a host operation)");
        }
        if (e.kind() == Execution.Kind.DEVICE) {
            if (e.deviceId() != deviceId) {
                throw new InvalidArgumentException(operand, "a tensor on device " + deviceId, "a tensor on device "
                        + e.deviceId() + ", where the context executes");
            }
            return context;
        }
        FuseContext.Builder b = FuseContext.builder().execution(Execution.device(deviceId)).threads(context.threads())
                .logger(context.logger());
        if (context.stream() != null) {
            b.stream(context.stream());
        }
        return b.build();
    }
}
