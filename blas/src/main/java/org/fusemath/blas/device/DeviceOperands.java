package org.fusemath.blas.device;

import java.util.Locale;
import org.fusemath.api.Arguments;
import org.fusemath.api.DeviceBuffer;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.device.DeviceLayout.Role;

/**
 * The device memory a plan computes in, allocated once when planned and reused by every execute: one image per
 * operand the problem reads or writes ({@link DeviceLayout}), freed through the plan's {@link ReleaseStack}.
 * {@link #upload} copies what the library reads (A and B when read, C when beta ≠ 0, otherwise D is zeroed;
 * a bias input; an aux input), {@link #download} copies back what it writes (D; a bias gradient; an aux
 * output). Used by one plan, one thread at a time.
 */
final class DeviceOperands {
    private final DeviceProblem problem;
    private final DeviceStreamCalls device;
    private final long[] address = new long[Role.values().length];

    private DeviceOperands(DeviceProblem problem, DeviceStreamCalls device) {
        this.problem = problem;
        this.device = device;
    }

    /** Allocates the images {@code problem} needs on {@code device}, each pushed onto {@code owner}. */
    static DeviceOperands allocate(DeviceProblem problem, DeviceStreamCalls device, ReleaseStack owner) {
        DeviceOperands d = new DeviceOperands(problem, device);
        MatmulSpec spec = problem.spec();
        Epilogue e = spec.epilogue();
        for (Role role : Role.values()) {
            boolean needed = switch (role) {
                case A, B -> problem.readsAB();
                case C -> true;
                case BIAS -> e.usesBiasVector();
                case AUX -> e.auxKind() != Epilogue.AuxKind.NONE;
            };
            long bytes = problem.layout().bytes(role);
            if (needed && bytes > 0) {
                long at = device.allocate(bytes);
                d.address[role.ordinal()] = at;
                owner.push(bytes + " bytes of device memory for " + role, () -> device.free(at));
            }
        }
        return d;
    }

    /**
     * The caller's device images for {@code problem} (see {@link ResidentOperands}), checked before anything native:
     * each operand the problem reads or writes present (and no other), on {@code deviceId}, of the spec's type and at
     * least its image's bytes.
     */
    static DeviceOperands resident(DeviceProblem problem, ResidentOperands images, int deviceId) {
        Arguments.requireNonNull(images, "images");
        DeviceOperands d = new DeviceOperands(problem, null);
        Epilogue e = problem.spec().epilogue();
        if (e.auxKind() == Epilogue.AuxKind.RELU_MASK || e.biasGradient() != Epilogue.BiasGradient.NONE || e.readsAux()) {
            throw new InvalidArgumentException("epilogue", e,
                    "a forward epilogue without a ReLU mask for device-resident operands");
        }
        if (problem.spec().batchMode() == MatmulSpec.BatchMode.LIST) {
            throw new InvalidArgumentException("spec", "list-batched", "a strided spec for device-resident operands");
        }
        for (Role role : Role.values()) {
            DeviceBuffer buffer = switch (role) {
                case A -> images.a();
                case B -> images.b();
                case C -> images.c();
                case BIAS -> images.bias();
                case AUX -> images.aux();
            };
            boolean needed = switch (role) {
                case A, B, C -> true;
                case BIAS -> e.usesBiasVector();
                case AUX -> e.auxKind() != Epilogue.AuxKind.NONE;
            };
            String name = "images." + role.name().toLowerCase(Locale.ROOT);
            if (!needed) {
                if (buffer != null) {
                    throw new InvalidArgumentException(name, buffer, "null: epilogue " + e + " has no " + role);
                }
                continue;
            }
            long bytes = problem.layout().bytes(role);
            if (buffer == null || buffer.deviceId() != deviceId || buffer.dtype() != problem.spec().dtype()
                    || buffer.byteSize() < bytes) {
                throw new InvalidArgumentException(name, buffer == null ? null
                        : buffer.dtype() + " x " + buffer.elementCount() + " on device " + buffer.deviceId(),
                        "a " + problem.spec().dtype() + " buffer of at least " + bytes + " bytes on device " + deviceId);
            }
            d.address[role.ordinal()] = bytes == 0 ? 0 : buffer.address();
        }
        return d;
    }

    /** The device address of {@code role}'s image, or 0 when it has none. */
    long address(Role role) {
        return address[role.ordinal()];
    }

    /** Copies what the library reads from {@code ops} (which match the spec) to the device, on the stream. */
    void upload(MatmulOperands ops) {
        MatmulSpec spec = problem.spec();
        Epilogue e = spec.epilogue();
        if (problem.readsAB()) {
            uploadEntries(Role.A, ops, true);
            uploadEntries(Role.B, ops, false);
        }
        if (spec.beta().isZero()) {
            // cuBLAS does not read C when beta = 0; zeroing D keeps a stale NaN from ever reaching it regardless.
            if (address(Role.C) != 0) {
                device.zero(address(Role.C));
            }
        } else {
            uploadC(ops);
        }
        if (e.takesBias()) {
            HostImage.upload(device, ops.bias(), span(Role.BIAS), address(Role.BIAS), 0);
        }
        if (e.readsAux()) {
            if (e.auxKind() == Epilogue.AuxKind.RELU_MASK) {
                MaskImage.upload(device, ops.reluMask(), span(Role.AUX), address(Role.AUX));
            } else {
                HostImage.upload(device, ops.aux(), span(Role.AUX), address(Role.AUX), 0);
            }
        }
    }

    /** Copies what the library wrote back into {@code ops}' arrays, only their elements; waits for the stream. */
    void download(MatmulOperands ops) {
        Epilogue e = problem.spec().epilogue();
        long span = span(Role.C);
        for (int i = 0; i < ops.entries(); i++) {
            HostImage.download(device, address(Role.C), i * span, ops.c(i), span);
        }
        if (e.biasGradient() != Epilogue.BiasGradient.NONE) {
            HostImage.download(device, address(Role.BIAS), 0, ops.bias(), span(Role.BIAS));
        }
        if (e.writesAux()) {
            if (e.auxKind() == Epilogue.AuxKind.RELU_MASK) {
                MaskImage.download(device, address(Role.AUX), ops.reluMask(), span(Role.AUX));
            } else {
                HostImage.download(device, address(Role.AUX), 0, ops.aux(), span(Role.AUX));
            }
        }
    }

    private void uploadEntries(Role role, MatmulOperands ops, boolean isA) {
        long span = span(role);
        for (int i = 0; i < ops.entries(); i++) {
            HostMatrix view = isA ? ops.a(i) : ops.b(i);
            HostImage.upload(device, view, span, address(role), i * span);
        }
    }

    private void uploadC(MatmulOperands ops) {
        long span = span(Role.C);
        for (int i = 0; i < ops.entries(); i++) {
            HostImage.upload(device, ops.c(i), span, address(Role.C), i * span);
        }
    }

    private long span(Role role) {
        return problem.layout().entrySpan(role);
    }
}
