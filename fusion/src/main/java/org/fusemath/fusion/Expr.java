package org.fusemath.fusion;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.MatrixShape;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * A lazy array expression with NumPy's semantics: building one checks shapes and dtypes (errors name the
 * offending node) and computes nothing; {@link Fusion#plan} turns it into the fewest launches and runs them.
 * Immutable and thread-safe; sub-expressions may be shared (the planner computes them once).
 *
 * <pre>{@code
 * Expr a = Expr.input("A", HostMatrix.of(aData, m, k)), b = Expr.input("B", HostMatrix.of(bData, k, n));
 * Expr bias = Expr.input("bias", biasData, n);                 // a row vector, broadcast over the rows
 * Expr y = a.matmul(b).add(bias).relu().mul(0.5);              // relu(A @ B + bias) * 0.5
 * try (FusionPlan plan = Fusion.plan(y)) { HostTensor out = plan.execute(); }
 * }</pre>
 */
public final class Expr {
    private final Node node;

    private Expr(Node node) {
        this.node = node;
    }

    /** The expression of an IR node. */
    public static Expr of(Node node) {
        return new Expr(Arguments.requireNonNull(node, "node"));
    }

    /** The IR node this expression is. */
    public Node node() {
        return node;
    }

    // ------------------------------------------------------------------ leaves

    /** An input bound to {@code tensor} (F32 or F64, any rank; a Fortran-order tensor is read in C order). */
    public static Expr input(String name, HostTensor tensor) {
        Arguments.requireNonNull(tensor, "tensor");
        ScalarType type = ScalarType.of(tensor.dtype(), "input '" + name + "'");
        return new Expr(Node.input(name, type, Shape.of(tensor.shape()), tensor));
    }

    /**
     * An input bound to {@code matrix}: a (rows, cols) array, or (batch, rows, cols) when batched; any layout,
     * leading dimension and batch stride (the planner hands library calls the view as it is and copies it into
     * C order only for generated kernels).
     */
    public static Expr input(String name, HostMatrix matrix) {
        Arguments.requireNonNull(matrix, "matrix");
        ScalarType type = ScalarType.of(matrix.dtype(), "input '" + name + "'");
        MatrixShape s = matrix.shape();
        Shape shape = s.batch() == 1 ? Shape.of(s.rows(), s.cols()) : Shape.of(s.batch(), s.rows(), s.cols());
        return new Expr(Node.input(name, type, shape, matrix));
    }

    /** An input over a heap array in C order of {@code shape} (no shape: a 1-D array of its length). */
    public static Expr input(String name, double[] data, long... shape) {
        Arguments.requireNonNull(data, "data");
        return input(name, HostTensor.of(DType.F64, shape.length == 0 ? new long[] {data.length} : shape, data));
    }

    /** An input over a heap array in C order of {@code shape} (no shape: a 1-D array of its length). */
    public static Expr input(String name, float[] data, long... shape) {
        Arguments.requireNonNull(data, "data");
        return input(name, HostTensor.of(DType.F32, shape.length == 0 ? new long[] {data.length} : shape, data));
    }

    /** An input with no operand yet: bind one with {@link FusionPlan#resetOperands} before executing. */
    public static Expr placeholder(String name, DType dtype, long... shape) {
        Arguments.requireNonNull(dtype, "dtype");
        return new Expr(Node.input(name, ScalarType.of(dtype, "input '" + name + "'"), Shape.of(shape), null));
    }

    /** A literal typed as a Python scalar (a float32 array times 0.5 stays float32). */
    public static Expr scalar(double value) {
        return new Expr(Node.literal(value));
    }

    /** A rank-0 constant of {@code dtype} (NumPy's {@code np.float32(value)}). */
    public static Expr constant(double value, DType dtype) {
        return new Expr(Node.constant(value, ScalarType.of(dtype, "constant")));
    }

    // ------------------------------------------------------------------ binary

    private Expr bin(OpKind kind, Expr other) {
        Arguments.requireNonNull(other, "other");
        return new Expr(Node.binary(kind, node, other.node));
    }

    private Expr bin(OpKind kind, double other) {
        return new Expr(Node.binary(kind, node, Node.literal(other)));
    }

    /** this + other. */
    public Expr add(Expr other) {
        return bin(OpKind.ADD, other);
    }

    /** this + value. */
    public Expr add(double value) {
        return bin(OpKind.ADD, value);
    }

    /** this − other. */
    public Expr sub(Expr other) {
        return bin(OpKind.SUB, other);
    }

    /** this − value. */
    public Expr sub(double value) {
        return bin(OpKind.SUB, value);
    }

    /** this · other. */
    public Expr mul(Expr other) {
        return bin(OpKind.MUL, other);
    }

    /** this · value. */
    public Expr mul(double value) {
        return bin(OpKind.MUL, value);
    }

    /** this / other. */
    public Expr div(Expr other) {
        return bin(OpKind.DIV, other);
    }

    /** this / value. */
    public Expr div(double value) {
        return bin(OpKind.DIV, value);
    }

    /** this ** other. */
    public Expr pow(Expr other) {
        return bin(OpKind.POW, other);
    }

    /** this ** value. */
    public Expr pow(double value) {
        return bin(OpKind.POW, value);
    }

    /** NumPy's minimum(this, other) (NaN if either is). */
    public Expr minimum(Expr other) {
        return bin(OpKind.MIN, other);
    }

    /** minimum(this, value). */
    public Expr minimum(double value) {
        return bin(OpKind.MIN, value);
    }

    /** NumPy's maximum(this, other) (NaN if either is). */
    public Expr maximum(Expr other) {
        return bin(OpKind.MAX, other);
    }

    /** maximum(this, value). */
    public Expr maximum(double value) {
        return bin(OpKind.MAX, value);
    }

    /** this &lt; other (a where() condition). */
    public Expr lt(Expr other) {
        return bin(OpKind.LT, other);
    }

    /** this &lt; value. */
    public Expr lt(double value) {
        return bin(OpKind.LT, value);
    }

    /** this ≤ other. */
    public Expr le(Expr other) {
        return bin(OpKind.LE, other);
    }

    /** this ≤ value. */
    public Expr le(double value) {
        return bin(OpKind.LE, value);
    }

    /** this &gt; other. */
    public Expr gt(Expr other) {
        return bin(OpKind.GT, other);
    }

    /** this &gt; value. */
    public Expr gt(double value) {
        return bin(OpKind.GT, value);
    }

    /** this ≥ other. */
    public Expr ge(Expr other) {
        return bin(OpKind.GE, other);
    }

    /** this ≥ value. */
    public Expr ge(double value) {
        return bin(OpKind.GE, value);
    }

    /** this == other. */
    public Expr eq(Expr other) {
        return bin(OpKind.EQ, other);
    }

    /** this == value. */
    public Expr eq(double value) {
        return bin(OpKind.EQ, value);
    }

    /** this != other. */
    public Expr ne(Expr other) {
        return bin(OpKind.NE, other);
    }

    /** this != value. */
    public Expr ne(double value) {
        return bin(OpKind.NE, value);
    }

    /** NumPy's where(cond, a, b). */
    public static Expr where(Expr cond, Expr a, Expr b) {
        Arguments.requireNonNull(cond, "cond");
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        return new Expr(Node.where(cond.node, a.node, b.node));
    }

    // ------------------------------------------------------------------ unary

    private Expr un(OpKind kind) {
        return new Expr(Node.unary(kind, node));
    }

    /** −this. */
    public Expr neg() {
        return un(OpKind.NEG);
    }

    /** |this|. */
    public Expr abs() {
        return un(OpKind.ABS);
    }

    /** √this. */
    public Expr sqrt() {
        return un(OpKind.SQRT);
    }

    /** 1/√this. */
    public Expr rsqrt() {
        return un(OpKind.RSQRT);
    }

    /** eᵗʰⁱˢ. */
    public Expr exp() {
        return un(OpKind.EXP);
    }

    /** ln this. */
    public Expr log() {
        return un(OpKind.LOG);
    }

    /** tanh this. */
    public Expr tanh() {
        return un(OpKind.TANH);
    }

    /** 1/(1 + e⁻ᵗʰⁱˢ). */
    public Expr sigmoid() {
        return un(OpKind.SIGMOID);
    }

    /** maximum(this, 0). */
    public Expr relu() {
        return un(OpKind.RELU);
    }

    /** GELU in its exact (erf) form, 0.5·x·(1 + erf(x/√2)). */
    public Expr gelu() {
        return un(OpKind.GELU_ERF);
    }

    /** GELU in its tanh form (cuBLASLt's epilogue). */
    public Expr geluTanh() {
        return un(OpKind.GELU_TANH);
    }

    /** this². */
    public Expr square() {
        return un(OpKind.SQUARE);
    }

    /** NumPy's clip(this, lo, hi) = minimum(maximum(this, lo), hi). */
    public Expr clamp(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new InvalidArgumentException("clamp(" + node.text() + ")", "lo = " + lo + ", hi = " + hi, "lo <= hi");
        }
        return maximum(lo).minimum(hi);
    }

    /** NumPy's clip(this, lo, hi) with array bounds. */
    public Expr clamp(Expr lo, Expr hi) {
        return maximum(lo).minimum(hi);
    }

    /** This converted to {@code dtype} (F32 or F64). */
    public Expr astype(DType dtype) {
        Arguments.requireNonNull(dtype, "dtype");
        return new Expr(Node.cast(node, ScalarType.of(dtype, "astype(" + node.text() + ")")));
    }

    // ------------------------------------------------------------------ library calls

    /** this @ other (NumPy's matmul over the last two axes, batch axes broadcast). */
    public Expr matmul(Expr other) {
        return matmul(other, false, false);
    }

    /** op(this) @ op(other), op the transpose of the last two axes where asked. */
    public Expr matmul(Expr other, boolean transposeThis, boolean transposeOther) {
        Arguments.requireNonNull(other, "other");
        return new Expr(Node.matmul(node, other.node, transposeThis, transposeOther));
    }

    // ------------------------------------------------------------------ reductions (keepdims)

    /** Σ along {@code axes} (none: every axis), keeping them with extent 1. */
    public Expr sum(int... axes) {
        return new Expr(Node.reduce(OpKind.REDUCE_SUM, node, axes));
    }

    /** max along {@code axes} (none: every axis), keepdims. */
    public Expr max(int... axes) {
        return new Expr(Node.reduce(OpKind.REDUCE_MAX, node, axes));
    }

    /** min along {@code axes} (none: every axis), keepdims. */
    public Expr min(int... axes) {
        return new Expr(Node.reduce(OpKind.REDUCE_MIN, node, axes));
    }

    /** The mean along {@code axes} (none: every axis), keepdims: the sum divided by the count, as NumPy divides. */
    public Expr mean(int... axes) {
        Node sum = Node.reduce(OpKind.REDUCE_SUM, node, axes);
        long count = 1;
        for (int a : sum.axes()) {
            count *= node.shape().dim(a);
        }
        return new Expr(Node.binary(OpKind.DIV, sum, Node.literal(count)));
    }

    /** softmax along {@code axis}: exp(x − max) / Σ exp(x − max), the max subtracted for range. */
    public Expr softmax(int axis) {
        Expr e = sub(max(axis)).exp();
        return e.div(e.sum(axis));
    }

    /** The result's shape. */
    public long[] shape() {
        return node.shape().dims();
    }

    /** The result's dtype (F32 or F64; a comparison has none and fails). */
    public DType dtype() {
        return node.type().dtype();
    }

    /** The expression in NumPy syntax. */
    @Override
    public String toString() {
        return node.text();
    }
}
