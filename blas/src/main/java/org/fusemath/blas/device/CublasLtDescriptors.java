package org.fusemath.blas.device;

/**
 * The cuBLASLt descriptors of one {@link CublasLtCall}, with exactly the attributes the call describes: the
 * matmul descriptor (compute and scale type, TRANSA, TRANSB, EPILOGUE, and the bias and aux pointers with
 * their batch stride and leading dimension when the epilogue has them), one layout per operand (type, rows,
 * columns, leading dimension, ORDER, BATCH_COUNT, STRIDED_BATCH_OFFSET; C's serves D, which is computed in
 * place) and the heuristic preference (the workspace limit, and the alignment of the A, B and C/D pointers:
 * cuBLASLt's heuristic otherwise assumes 256 bytes, which the stream-ordered pool does not promise). Each is pushed onto the plan's
 * {@link ReleaseStack} the moment it exists, so a failure halfway leaks nothing. Immutable.
 *
 * @param desc       the cublasLtMatmulDesc_t
 * @param a          the layout of cuBLASLt's A
 * @param b          the layout of cuBLASLt's B
 * @param c          the layout of C and D
 * @param preference the cublasLtMatmulPreference_t
 */
record CublasLtDescriptors(long desc, long a, long b, long c, long preference) {

    /** Creates the descriptors of {@code call} for the device images in {@code operands}. */
    static CublasLtDescriptors create(CublasCalls calls, CublasLtCall call, DeviceOperands operands, ReleaseStack owner) {
        long bias = operands.address(DeviceLayout.Role.BIAS);
        long aux = operands.address(DeviceLayout.Role.AUX);
        long desc = calls.matmulDescCreate(CublasEnums.computeType(call.computeType()), CublasEnums.dataType(call.dtype()));
        owner.push("cuBLASLt matmul descriptor", () -> calls.matmulDescDestroy(desc));
        calls.matmulDescSet(desc, MatmulDescAttribute.TRANSA, CublasEnums.op(call.a().op()));
        calls.matmulDescSet(desc, MatmulDescAttribute.TRANSB, CublasEnums.op(call.b().op()));
        calls.matmulDescSet(desc, MatmulDescAttribute.EPILOGUE, call.epilogue());
        if (call.bias() != null) {
            calls.matmulDescSet(desc, MatmulDescAttribute.BIAS_POINTER, bias);
            calls.matmulDescSet(desc, MatmulDescAttribute.BIAS_BATCH_STRIDE, call.bias().batchStride());
        }
        if (call.aux() != null) {
            calls.matmulDescSet(desc, MatmulDescAttribute.EPILOGUE_AUX_POINTER, aux);
            calls.matmulDescSet(desc, MatmulDescAttribute.EPILOGUE_AUX_LD, call.aux().ld());
            calls.matmulDescSet(desc, MatmulDescAttribute.EPILOGUE_AUX_BATCH_STRIDE, call.aux().batchStride());
        }
        long a = layout(calls, call, call.a().layout(), "A", owner);
        long b = layout(calls, call, call.b().layout(), "B", owner);
        long cd = layout(calls, call, call.c(), "C and D", owner);
        long preference = calls.preferenceCreate();
        owner.push("cuBLASLt matmul preference", () -> calls.preferenceDestroy(preference));
        calls.preferenceSet(preference, PreferenceAttribute.MAX_WORKSPACE_BYTES, call.workspaceBytes());
        long c = operands.address(DeviceLayout.Role.C);
        calls.preferenceSet(preference, PreferenceAttribute.MIN_ALIGNMENT_A_BYTES,
                PreferenceAttribute.alignmentOf(operands.address(role(call.a().source()))));
        calls.preferenceSet(preference, PreferenceAttribute.MIN_ALIGNMENT_B_BYTES,
                PreferenceAttribute.alignmentOf(operands.address(role(call.b().source()))));
        calls.preferenceSet(preference, PreferenceAttribute.MIN_ALIGNMENT_C_BYTES, PreferenceAttribute.alignmentOf(c));
        calls.preferenceSet(preference, PreferenceAttribute.MIN_ALIGNMENT_D_BYTES, PreferenceAttribute.alignmentOf(c));
        return new CublasLtDescriptors(desc, a, b, cd, preference);
    }

    /** The device image cuBLASLt's operand reads: the user's A or B. */
    static DeviceLayout.Role role(CublasLtCall.Source source) {
        return source == CublasLtCall.Source.A ? DeviceLayout.Role.A : DeviceLayout.Role.B;
    }

    private static long layout(CublasCalls calls, CublasLtCall call, CublasLtCall.MatrixLayout l, String role, ReleaseStack owner) {
        long layout = calls.layoutCreate(CublasEnums.dataType(call.dtype()), l.rows(), l.cols(), l.ld());
        owner.push("cuBLASLt layout of " + role, () -> calls.layoutDestroy(layout));
        calls.layoutSet(layout, LayoutAttribute.ORDER, CublasEnums.order(l.order()));
        calls.layoutSet(layout, LayoutAttribute.BATCH_COUNT, call.batchCount());
        calls.layoutSet(layout, LayoutAttribute.STRIDED_BATCH_OFFSET, l.batchStride());
        return layout;
    }
}
