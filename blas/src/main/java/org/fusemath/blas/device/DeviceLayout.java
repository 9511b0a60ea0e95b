package org.fusemath.blas.device;

import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulSpec;

/**
 * Where the operands of a host problem live on the device. Each operand is copied as the span of its array
 * from its offset to its last element (gaps of padded leading dimensions and batch strides included), so the
 * spec's geometry holds on the device with offset 0; the entries of a list-batched problem are packed one span
 * after another into a strided batch, so that one strided cuBLASLt call covers the whole list. Immutable.
 */
final class DeviceLayout {
    /** The operands of a matmul. */
    enum Role {
        /** A. */
        A,
        /** B. */
        B,
        /** C, overwritten by D. */
        C,
        /** The bias vector (bias input or bias gradient output). */
        BIAS,
        /** The GELU aux matrix or the ReLU mask (counted in bits). */
        AUX
    }

    private final MatmulSpec spec;
    private final long entries;
    private final long[] entrySpan = new long[Role.values().length];

    private DeviceLayout(MatmulSpec host) {
        boolean list = host.batchMode() == MatmulSpec.BatchMode.LIST;
        entries = list ? host.batchCount() : 1;
        MatrixShape a = image(Role.A, host.a(), list);
        MatrixShape b = image(Role.B, host.b(), list);
        MatrixShape c = image(Role.C, host.c(), list);
        // A list-batched bias is one vector broadcast to every entry, and a list takes no aux operand.
        MatrixShape bias = host.bias() == null ? null : image(Role.BIAS, host.bias(), false);
        MatrixShape aux = host.aux() == null ? null : image(Role.AUX, host.aux(), false);
        spec = MatmulSpec.builder(host.dtype()).a(a, host.opA()).b(b, host.opB()).c(c).alpha(host.alpha())
                .beta(host.beta()).epilogue(host.epilogue()).bias(bias).aux(aux).options(host.options()).build();
    }

    /** The device images of {@code host}'s operands. */
    static DeviceLayout of(MatmulSpec host) {
        return new DeviceLayout(host);
    }

    private MatrixShape image(Role role, MatrixShape s, boolean pack) {
        MatrixShape based = s.withOffset(0);
        long span = based.requiredElements();
        entrySpan[role.ordinal()] = span;
        return pack ? based.batched(entries, span) : based;
    }

    /** The problem as it stands on the device: strided, every offset 0 (the geometry cuBLASLt is planned for). */
    MatmulSpec spec() {
        return spec;
    }

    /** Host list entries copied into one device image: the list length, or 1 for a strided problem. */
    long entries() {
        return entries;
    }

    /** Elements one host view of {@code role} spans from its offset (bits for a ReLU mask). */
    long entrySpan(Role role) {
        return entrySpan[role.ordinal()];
    }

    /** Elements (bits for a ReLU mask) of the device image of {@code role}; 0 when the spec has no such operand. */
    long elements(Role role) {
        long perEntry = entrySpan(role);
        return role == Role.BIAS || role == Role.AUX ? perEntry : Math.multiplyExact(perEntry, entries);
    }

    /** Bytes of the device image of {@code role}: elements of the type, or whole 32-bit words of mask bits. */
    long bytes(Role role) {
        long n = elements(role);
        if (role == Role.AUX && spec.epilogue().auxKind() == Epilogue.AuxKind.RELU_MASK) {
            return ((n + 31) >>> 5) * Integer.BYTES;
        }
        return Math.multiplyExact(n, spec.dtype().elementBytes());
    }
}
