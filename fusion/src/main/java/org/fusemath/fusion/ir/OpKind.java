package org.fusemath.fusion.ir;

/**
 * Every node kind of the expression graph and every scalar operation of a {@link FusedGroup}, with its arity,
 * its pattern and the NumPy spelling used in explanations. The arithmetic of each kind is defined once, in
 * {@link ScalarSemantics}: generated code must agree with it (bit for bit for the basic operations, within the
 * stated ulps for the transcendental ones).
 */
public enum OpKind {
    /** A named operand (graph) or a load of {@link FusedGroup.Input} #{@code input} (group). */
    INPUT(0, Pattern.LEAF, "input"),
    /** A literal of the node's type. */
    CONSTANT(0, Pattern.LEAF, "const"),

    /** -x. */
    NEG(1, Pattern.ELEMENTWISE, "negative"),
    /** |x|. */
    ABS(1, Pattern.ELEMENTWISE, "abs"),
    /** √x (NaN below 0). */
    SQRT(1, Pattern.ELEMENTWISE, "sqrt"),
    /** 1/√x. */
    RSQRT(1, Pattern.ELEMENTWISE, "rsqrt"),
    /** eˣ. */
    EXP(1, Pattern.ELEMENTWISE, "exp"),
    /** ln x. */
    LOG(1, Pattern.ELEMENTWISE, "log"),
    /** tanh x. */
    TANH(1, Pattern.ELEMENTWISE, "tanh"),
    /** 1/(1 + e⁻ˣ). */
    SIGMOID(1, Pattern.ELEMENTWISE, "sigmoid"),
    /** max(x, 0) with NaN kept (NumPy's maximum(x, 0)). */
    RELU(1, Pattern.ELEMENTWISE, "relu"),
    /** x·Φ(x) = 0.5·x·(1 + erf(x/√2)). */
    GELU_ERF(1, Pattern.ELEMENTWISE, "gelu"),
    /** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), cuBLASLt's GELU. */
    GELU_TANH(1, Pattern.ELEMENTWISE, "gelu_tanh"),
    /** x·x. */
    SQUARE(1, Pattern.ELEMENTWISE, "square"),
    /** Conversion to the node's type (round to nearest even when narrowing). */
    CAST(1, Pattern.ELEMENTWISE, "astype"),

    /** a + b. */
    ADD(2, Pattern.ELEMENTWISE, "add"),
    /** a - b. */
    SUB(2, Pattern.ELEMENTWISE, "subtract"),
    /** a · b. */
    MUL(2, Pattern.ELEMENTWISE, "multiply"),
    /** a / b. */
    DIV(2, Pattern.ELEMENTWISE, "divide"),
    /** aᵇ (Java's Math.pow, C's pow). */
    POW(2, Pattern.ELEMENTWISE, "power"),
    /** NumPy's minimum: NaN if either is NaN. */
    MIN(2, Pattern.ELEMENTWISE, "minimum"),
    /** NumPy's maximum: NaN if either is NaN. */
    MAX(2, Pattern.ELEMENTWISE, "maximum"),
    /** a &lt; b (BOOL). */
    LT(2, Pattern.ELEMENTWISE, "less"),
    /** a ≤ b (BOOL). */
    LE(2, Pattern.ELEMENTWISE, "less_equal"),
    /** a &gt; b (BOOL). */
    GT(2, Pattern.ELEMENTWISE, "greater"),
    /** a ≥ b (BOOL). */
    GE(2, Pattern.ELEMENTWISE, "greater_equal"),
    /** a == b (BOOL; false for NaN). */
    EQ(2, Pattern.ELEMENTWISE, "equal"),
    /** a != b (BOOL; true for NaN). */
    NE(2, Pattern.ELEMENTWISE, "not_equal"),

    /** cond ? a : b, cond BOOL. */
    WHERE(3, Pattern.ELEMENTWISE, "where"),

    /** Σ along the node's axes (keepdims). */
    REDUCE_SUM(1, Pattern.REDUCTION, "sum"),
    /** max along the node's axes (keepdims; NaN if any is NaN). */
    REDUCE_MAX(1, Pattern.REDUCTION, "max"),
    /** min along the node's axes (keepdims; NaN if any is NaN). */
    REDUCE_MIN(1, Pattern.REDUCTION, "min"),

    /** op(A) @ op(B) over the last two axes, batch axes broadcast (NumPy's matmul); graph only, never in a group. */
    MATMUL(2, Pattern.OPAQUE, "matmul");

    private final int arity;
    private final Pattern pattern;
    private final String numpyName;

    OpKind(int arity, Pattern pattern, String numpyName) {
        this.arity = arity;
        this.pattern = pattern;
        this.numpyName = numpyName;
    }

    /** Number of operands. */
    public int arity() {
        return arity;
    }

    /** The label before broadcasting is considered ({@link Node#pattern()} refines ELEMENTWISE to BROADCAST). */
    public Pattern pattern() {
        return pattern;
    }

    /** The NumPy function name. */
    public String numpyName() {
        return numpyName;
    }

    /** Whether this is a comparison (result BOOL). */
    public boolean isComparison() {
        return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
    }

    /** Whether this is a reduction. */
    public boolean isReduction() {
        return pattern == Pattern.REDUCTION;
    }

    /** Whether this is a one-operand element-wise function. */
    public boolean isUnary() {
        return arity == 1 && pattern == Pattern.ELEMENTWISE;
    }

    /** Whether this is a two-operand element-wise operation (arithmetic or comparison). */
    public boolean isBinary() {
        return arity == 2 && pattern == Pattern.ELEMENTWISE;
    }
}
