package org.fusemath.blas;

import java.util.Objects;
import org.fusemath.api.Arguments;
import org.fusemath.api.DType;

/**
 * Compute options of a matmul, as nvmath-python's {@code MatmulOptions}: compute mode, result type, device
 * workspace limit, and two host tuning knobs. Immutable; {@code with*} methods return modified copies.
 */
public final class MatmulOptions {
    /** How much precision the implementation may trade for speed. */
    public enum ComputeMode {
        /** The operand type's own precision, the vendor's default algorithms. */
        DEFAULT,
        /** No reduced-precision shortcuts anywhere (cuBLAS pedantic math); the host always works this way. */
        PEDANTIC,
        /** F32/C64 products may use TF32 tensor cores on the device; the host computes in full F32. */
        FAST_TF32
    }

    /** Which host kernel runs the product. */
    public enum HostKernel {
        /** OpenBLAS, or the Java kernel for products too small to pay for a native call. */
        AUTO,
        /** Always OpenBLAS. */
        NATIVE,
        /** Always the Java kernel (slow beyond tiny sizes, meant for tests). */
        JAVA
    }

    /** The default workspace limit: 32 MiB, what cuBLASLt recommends for current GPUs. */
    public static final long DEFAULT_WORKSPACE_BYTES = 32L << 20;

    private static final MatmulOptions DEFAULTS =
            new MatmulOptions(ComputeMode.DEFAULT, null, DEFAULT_WORKSPACE_BYTES, HostKernel.AUTO, 0);

    private final ComputeMode computeMode;
    private final DType resultType;
    private final long workspaceLimitBytes;
    private final HostKernel hostKernel;
    private final int hostPanelRows;

    private MatmulOptions(ComputeMode computeMode, DType resultType, long workspaceLimitBytes, HostKernel hostKernel,
                          int hostPanelRows) {
        this.computeMode = computeMode;
        this.resultType = resultType;
        this.workspaceLimitBytes = workspaceLimitBytes;
        this.hostKernel = hostKernel;
        this.hostPanelRows = hostPanelRows;
    }

    /** DEFAULT compute mode, result type of the operands, 32 MiB workspace, AUTO host kernel and panels. */
    public static MatmulOptions defaults() {
        return DEFAULTS;
    }

    /** The compute mode. */
    public ComputeMode computeMode() {
        return computeMode;
    }

    /** The requested result type, or null for the operands' type. */
    public DType resultType() {
        return resultType;
    }

    /** The most device workspace a plan may use, in bytes. */
    public long workspaceLimitBytes() {
        return workspaceLimitBytes;
    }

    /** The host kernel choice. */
    public HostKernel hostKernel() {
        return hostKernel;
    }

    /** Rows per host epilogue panel, or 0 to let the plan choose. */
    public int hostPanelRows() {
        return hostPanelRows;
    }

    /** A copy with another compute mode. */
    public MatmulOptions withComputeMode(ComputeMode mode) {
        return new MatmulOptions(Arguments.requireNonNull(mode, "computeMode"), resultType, workspaceLimitBytes,
                hostKernel, hostPanelRows);
    }

    /** A copy with a result type (null: the operands' type). */
    public MatmulOptions withResultType(DType type) {
        return new MatmulOptions(computeMode, type, workspaceLimitBytes, hostKernel, hostPanelRows);
    }

    /** A copy with another workspace limit (bytes, &gt;= 0). */
    public MatmulOptions withWorkspaceLimitBytes(long bytes) {
        return new MatmulOptions(computeMode, resultType, Arguments.requireNonNegative("workspaceLimitBytes", bytes),
                hostKernel, hostPanelRows);
    }

    /** A copy with another host kernel choice. */
    public MatmulOptions withHostKernel(HostKernel kernel) {
        return new MatmulOptions(computeMode, resultType, workspaceLimitBytes,
                Arguments.requireNonNull(kernel, "hostKernel"), hostPanelRows);
    }

    /** A copy with a fixed epilogue panel height (rows &gt;= 1), or 0 for the plan's choice. */
    public MatmulOptions withHostPanelRows(int rows) {
        return new MatmulOptions(computeMode, resultType, workspaceLimitBytes, hostKernel,
                Arguments.requireNonNegative("hostPanelRows", rows));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatmulOptions m && m.computeMode == computeMode && m.resultType == resultType
                && m.workspaceLimitBytes == workspaceLimitBytes && m.hostKernel == hostKernel
                && m.hostPanelRows == hostPanelRows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(computeMode, resultType, workspaceLimitBytes, hostKernel, hostPanelRows);
    }

    @Override
    public String toString() {
        return "MatmulOptions[compute=" + computeMode + ", result=" + (resultType == null ? "operands" : resultType)
                + ", workspace=" + workspaceLimitBytes + "B, hostKernel=" + hostKernel
                + (hostPanelRows == 0 ? "" : ", panelRows=" + hostPanelRows) + "]";
    }
}
