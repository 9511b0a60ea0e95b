package org.fusemath.fusion.ir;

/**
 * The planner's label of a node (TVM's op patterns): what it may be fused with.
 */
public enum Pattern {
    /** An input or a literal: read, never computed. */
    LEAF,
    /** One output element from the same element of each operand (all of the result's shape). */
    ELEMENTWISE,
    /** Element-wise, with at least one operand broadcast (a row or column vector, a scalar array). */
    BROADCAST,
    /** Combines the elements along some axes into one (sum, max, min), keeping those axes with extent 1. */
    REDUCTION,
    /** A library call (matmul): a fusion barrier, fused only with what the library's epilogue absorbs. */
    OPAQUE
}
