package org.fusemath.blas.device;

import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulSpec;

/**
 * A host matmul as the device provider runs it, decided in plain Java before any native call: the device
 * images of the operands ({@link DeviceLayout}) and the one library call the problem becomes.
 *
 * <ul>
 * <li>{@link Kind#NOTHING}: an empty result (m, n or the batch is 0) without a bias gradient; nothing is read
 *     or written, as on the host.</li>
 * <li>{@link Kind#SCALE_C}: k = 0 or alpha = 0 without an epilogue: D = beta·C through cuBLAS gemm
 *     ({@link CublasGemmCall#scaleByBeta}), which documents BLAS semantics (A and B are not read, C not when
 *     beta = 0); cuBLASLt documents none for these.</li>
 * <li>{@link Kind#CUBLASLT}: everything else, one strided {@code cublasLtMatmul} ({@link CublasLtCall}).</li>
 * </ul>
 *
 * <p>Rejected with an {@link InvalidArgumentException} naming the argument, although the host computes them:
 * a bias-gradient epilogue on an empty result (m = 0 or n = 0: the host writes the gradient of an empty
 * product, cuBLASLt cannot be called); k = 0 with an epilogue; more than 2³¹−1 batch entries (cuBLASLt's
 * batch count is 32-bit); and what {@link CublasLtCall#plan} rejects (aux leading dimensions and batch strides
 * off cuBLASLt's alignment, DRELU with k = 1). With alpha = 0 and an epilogue cuBLASLt runs the product and
 * reads A and B, so a NaN or infinity there reaches the result, unlike on the host.
 */
final class DeviceProblem {
    /** Which call the problem becomes. */
    enum Kind {
        /** No call: nothing to compute. */
        NOTHING,
        /** cuBLAS gemm with k = 0: D = beta·C. */
        SCALE_C,
        /** One cuBLASLt matmul. */
        CUBLASLT
    }

    private final MatmulSpec spec;
    private final Kind kind;
    private final DeviceLayout layout;
    private final CublasLtCall lt;
    private final CublasGemmCall gemm;

    private DeviceProblem(MatmulSpec spec) {
        this.spec = spec;
        this.kind = kind(spec);
        this.layout = DeviceLayout.of(spec);
        this.lt = kind == Kind.NOTHING ? null : CublasLtCall.plan(layout.spec());
        this.gemm = kind == Kind.SCALE_C ? CublasGemmCall.scaleByBeta(lt) : null;
    }

    /** Decides how {@code spec} runs on the device; throws for what it cannot run (see the class description). */
    static DeviceProblem of(MatmulSpec spec) {
        return new DeviceProblem(Arguments.requireNonNull(spec, "spec"));
    }

    private static Kind kind(MatmulSpec spec) {
        Epilogue e = spec.epilogue();
        if (spec.batchCount() == 0) {
            return Kind.NOTHING;
        }
        if (spec.m() == 0 || spec.n() == 0) {
            if (e.biasGradient() != Epilogue.BiasGradient.NONE) {
                throw new InvalidArgumentException(spec.m() == 0 ? "m" : "n", 0, "m >= 1 and n >= 1 for epilogue " + e
                        + " on the device (cuBLASLt cannot be called on an empty result to write its bias gradient;"
                        + " the host can)");
            }
            return Kind.NOTHING;
        }
        if (spec.batchCount() > Integer.MAX_VALUE) {
            throw new InvalidArgumentException("batchCount", spec.batchCount(),
                    "at most 2147483647 entries on the device (CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT is a 32-bit int)");
        }
        if (spec.k() == 0 || spec.alpha().isZero()) {
            if (e == Epilogue.DEFAULT) {
                return Kind.SCALE_C;
            }
            if (spec.k() == 0) {
                throw new InvalidArgumentException("k", 0, "k >= 1 for epilogue " + e
                        + " on the device (cuBLASLt defines no product with an empty inner dimension; the host does)");
            }
        }
        return Kind.CUBLASLT;
    }

    /** The host problem. */
    MatmulSpec spec() {
        return spec;
    }

    /** Which call it becomes. */
    Kind kind() {
        return kind;
    }

    /** The device images of its operands. */
    DeviceLayout layout() {
        return layout;
    }

    /** The cuBLASLt call (for SCALE_C, the call the scaling is derived from); null for NOTHING. */
    CublasLtCall lt() {
        return lt;
    }

    /** The cuBLAS gemm for SCALE_C; null otherwise. */
    CublasGemmCall gemm() {
        return gemm;
    }

    /** Whether A and B are read, and so copied to the device. */
    boolean readsAB() {
        return kind == Kind.CUBLASLT;
    }
}
