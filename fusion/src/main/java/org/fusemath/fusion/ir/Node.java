package org.fusemath.fusion.ir;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;

/**
 * One immutable node of the expression graph: its kind, result type and shape (all checked when it is made,
 * with errors naming the node), its operands and its attributes. Nodes are shared freely across threads.
 *
 * <p>Every operand of an arithmetic node already has the node's type: the factories insert {@link OpKind#CAST}
 * nodes where NumPy promotes (float32 with float64 gives float64) and retype literals, which are weakly typed
 * as Python scalars are (float32 array · 0.5 stays float32; NEP 50). A generator therefore never converts
 * implicitly: only CAST changes a type, comparisons make BOOL, and WHERE takes a BOOL condition.
 */
public final class Node {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final OpKind kind;
    private final ScalarType type;
    private final Shape shape;
    private final List<Node> args;
    private final boolean weak;
    private final double constant;
    private final String name;
    private final Object operand;
    private final int[] axes;
    private final boolean transA;
    private final boolean transB;

    private Node(OpKind kind, ScalarType type, Shape shape, List<Node> args, boolean weak, double constant,
                 String name, Object operand, int[] axes, boolean transA, boolean transB) {
        this.id = IDS.incrementAndGet();
        this.kind = kind;
        this.type = type;
        this.shape = shape;
        this.args = List.copyOf(args);
        this.weak = weak;
        this.constant = constant;
        this.name = name;
        this.operand = operand;
        this.axes = axes;
        this.transA = transA;
        this.transB = transB;
    }

    private static Node make(OpKind kind, ScalarType type, Shape shape, List<Node> args, boolean weak) {
        return new Node(kind, type, shape, args, weak, 0, null, null, new int[0], false, false);
    }

    // ---------------------------------------------------------------- factories

    /**
     * A named operand of {@code type} and {@code shape}; {@code operand} is whatever the caller binds to it
     * (a host array, a tensor), carried for the planner and ignored by structure, keys and equality.
     */
    public static Node input(String name, ScalarType type, Shape shape, Object operand) {
        Arguments.requireNonNull(name, "name");
        Arguments.requireNonNull(type, "type");
        Arguments.requireNonNull(shape, "shape");
        if (name.isBlank()) {
            throw new InvalidArgumentException("name", "'" + name + "'", "a non-blank input name");
        }
        if (type == ScalarType.BOOL) {
            throw new UnsupportedTypeException("input '" + name + "'", "BOOL (inputs are F32 or F64)");
        }
        return new Node(OpKind.INPUT, type, shape, List.of(), false, 0, name, operand, new int[0], false, false);
    }

    /** A literal written as a Python scalar: rank 0, weakly typed (it takes the type of the array it meets). */
    public static Node literal(double value) {
        return new Node(OpKind.CONSTANT, ScalarType.F64, Shape.scalar(), List.of(), true, value, null, null,
                new int[0], false, false);
    }

    /** A rank-0 constant of {@code type} (its value rounded to float for F32). */
    public static Node constant(double value, ScalarType type) {
        Arguments.requireNonNull(type, "type");
        if (type == ScalarType.BOOL) {
            throw new UnsupportedTypeException("constant", "BOOL");
        }
        double v = type == ScalarType.F32 ? (double) (float) value : value;
        return new Node(OpKind.CONSTANT, type, Shape.scalar(), List.of(), false, v, null, null, new int[0], false,
                false);
    }

    /** A one-operand element-wise function ({@link OpKind#isUnary()}, not CAST: see {@link #cast}). */
    public static Node unary(OpKind kind, Node x) {
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(x, "x");
        if (!kind.isUnary() || kind == OpKind.CAST) {
            throw new InvalidArgumentException("kind", kind, "a unary element-wise kind other than CAST");
        }
        requireNumeric(kind.numpyName() + "(" + x.text() + ")", x);
        return make(kind, x.type, x.shape, List.of(x), x.weak);
    }

    /** {@code x} converted to {@code to} (itself when it already has that type). */
    public static Node cast(Node x, ScalarType to) {
        Arguments.requireNonNull(x, "x");
        Arguments.requireNonNull(to, "to");
        requireNumeric("astype(" + x.text() + ", " + to.numpyName() + ")", x);
        if (to == ScalarType.BOOL) {
            throw new UnsupportedTypeException("astype(" + x.text() + ")", "a cast to BOOL");
        }
        if (x.kind == OpKind.CONSTANT && (x.weak || x.type != to)) {
            return constant(x.constant, to);
        }
        if (x.type == to) {
            return x;
        }
        return make(OpKind.CAST, to, x.shape, List.of(x), false);
    }

    /**
     * A two-operand element-wise operation with NumPy's broadcasting and result type (comparisons give BOOL);
     * operands of different types are cast to the result type first.
     */
    public static Node binary(OpKind kind, Node a, Node b) {
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        if (!kind.isBinary()) {
            throw new InvalidArgumentException("kind", kind, "a binary element-wise kind");
        }
        String where = kind.numpyName() + "(" + a.text() + ", " + b.text() + ")";
        requireNumeric(where, a);
        requireNumeric(where, b);
        Shape shape = Shape.broadcast(where, a.shape, b.shape);
        ScalarType common = resultType(a, b);
        boolean weak = a.weak && b.weak;
        Node ca = weak ? a : coerce(a, common);
        Node cb = weak ? b : coerce(b, common);
        ScalarType type = kind.isComparison() ? ScalarType.BOOL : common;
        return make(kind, type, shape, List.of(ca, cb), weak);
    }

    /** {@code cond ? a : b} element-wise (NumPy's where), cond a comparison, a and b promoted to one type. */
    public static Node where(Node cond, Node a, Node b) {
        Arguments.requireNonNull(cond, "cond");
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        String where = "where(" + cond.text() + ", " + a.text() + ", " + b.text() + ")";
        if (cond.type != ScalarType.BOOL) {
            throw new UnsupportedTypeException(where, "condition of type " + cond.type.numpyName()
                    + " (expected a comparison such as x > 0)");
        }
        requireNumeric(where, a);
        requireNumeric(where, b);
        Shape shape = Shape.broadcast(where, Shape.broadcast(where, cond.shape, a.shape), b.shape);
        ScalarType common = resultType(a, b);
        boolean weak = a.weak && b.weak;
        return make(OpKind.WHERE, common, shape,
                List.of(cond, weak ? a : coerce(a, common), weak ? b : coerce(b, common)), weak && cond.weak);
    }

    /**
     * A reduction along {@code axes} (negative counts from the end; an empty array means every axis), keeping
     * them with extent 1 (NumPy's keepdims=True) so that the result broadcasts back against {@code x}.
     */
    public static Node reduce(OpKind kind, Node x, int... axes) {
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(x, "x");
        Arguments.requireNonNull(axes, "axes");
        if (!kind.isReduction()) {
            throw new InvalidArgumentException("kind", kind, "REDUCE_SUM, REDUCE_MAX or REDUCE_MIN");
        }
        String where = kind.numpyName() + "(" + x.text() + ", axis=" + Arrays.toString(axes) + ")";
        requireNumeric(where, x);
        int rank = x.shape.rank();
        boolean[] seen = new boolean[rank];
        int[] norm;
        if (axes.length == 0) {
            norm = new int[rank];
            for (int i = 0; i < rank; i++) {
                norm[i] = i;
            }
        } else {
            norm = new int[axes.length];
            for (int i = 0; i < axes.length; i++) {
                int a = axes[i] < 0 ? axes[i] + rank : axes[i];
                if (a < 0 || a >= rank) {
                    throw new InvalidArgumentException(where, "axis " + axes[i],
                            "an axis in [" + (-rank) + ", " + rank + ") for an operand of shape " + x.shape);
                }
                if (seen[a]) {
                    throw new InvalidArgumentException(where, "axis " + axes[i], "each axis at most once");
                }
                seen[a] = true;
                norm[i] = a;
            }
            Arrays.sort(norm);
        }
        if (kind != OpKind.REDUCE_SUM) {
            for (int a : norm) {
                if (x.shape.dim(a) == 0) {
                    throw new ShapeMismatchException(where, "an operand of shape " + x.shape,
                            "a non-empty axis " + a + " (" + kind.numpyName() + " of nothing has no identity)");
                }
            }
        }
        return new Node(kind, x.type, x.shape.reduced(norm), List.of(x), x.weak, 0, null, null, norm, false, false);
    }

    /**
     * NumPy's {@code op(a) @ op(b)} with op the transpose of the last two axes when asked: both of rank ≥ 2,
     * inner extents equal, batch axes (all but the last two) broadcast; operands promoted to one type.
     */
    public static Node matmul(Node a, Node b, boolean transA, boolean transB) {
        Arguments.requireNonNull(a, "a");
        Arguments.requireNonNull(b, "b");
        String where = "matmul(" + (transA ? a.text() + ".T" : a.text()) + ", "
                + (transB ? b.text() + ".T" : b.text()) + ")";
        requireNumeric(where, a);
        requireNumeric(where, b);
        if (a.shape.rank() < 2 || b.shape.rank() < 2) {
            throw new ShapeMismatchException(where, "operands of shapes " + a.shape + " and " + b.shape,
                    "operands of rank 2 or more (a vector must be reshaped to a matrix first)");
        }
        long m = a.shape.dim(a.shape.rank() - (transA ? 1 : 2));
        long ka = a.shape.dim(a.shape.rank() - (transA ? 2 : 1));
        long kb = b.shape.dim(b.shape.rank() - (transB ? 1 : 2));
        long n = b.shape.dim(b.shape.rank() - (transB ? 2 : 1));
        if (ka != kb) {
            throw new ShapeMismatchException(where, "inner extents " + ka + " and " + kb + " (shapes " + a.shape
                    + " and " + b.shape + ")", "equal inner extents");
        }
        Shape batch = Shape.broadcast(where, batchOf(a.shape), batchOf(b.shape));
        long[] dims = Arrays.copyOf(batch.dims(), batch.rank() + 2);
        dims[batch.rank()] = m;
        dims[batch.rank() + 1] = n;
        ScalarType common = resultType(a, b);
        return new Node(OpKind.MATMUL, common, Shape.of(dims), List.of(coerce(a, common), coerce(b, common)),
                false, 0, null, null, new int[0], transA, transB);
    }

    private static Shape batchOf(Shape s) {
        return Shape.of(Arrays.copyOf(s.dims(), s.rank() - 2));
    }

    private static void requireNumeric(String where, Node x) {
        if (x.type == ScalarType.BOOL) {
            throw new UnsupportedTypeException(where, "the comparison " + x.text()
                    + " as a number (a comparison is only a where() condition)");
        }
    }

    private static ScalarType resultType(Node a, Node b) {
        if (a.weak && !b.weak) {
            return b.type;
        }
        if (b.weak && !a.weak) {
            return a.type;
        }
        return ScalarType.promote(a.type, b.type);
    }

    private static Node coerce(Node x, ScalarType to) {
        return x.type == to && !x.weak ? x : cast(x, to);   // a weak literal becomes a strong constant
    }

    // ---------------------------------------------------------------- accessors

    /** A process-unique number (creation order), shown in explanations as {@code #id}. */
    public long id() {
        return id;
    }

    /** The kind. */
    public OpKind kind() {
        return kind;
    }

    /** The result type. */
    public ScalarType type() {
        return type;
    }

    /** The result shape. */
    public Shape shape() {
        return shape;
    }

    /** The operands, in order. */
    public List<Node> args() {
        return args;
    }

    /** The operand {@code i}. */
    public Node arg(int i) {
        return args.get(i);
    }

    /** Whether this node is built from literals only (typed as a Python scalar: it adopts its partner's type). */
    public boolean isWeak() {
        return weak;
    }

    /** A CONSTANT's value (already rounded to its type). */
    public double constant() {
        return constant;
    }

    /** An INPUT's name. */
    public String name() {
        return name;
    }

    /** The operand bound to an INPUT (opaque to the IR), or null. */
    public Object operand() {
        return operand;
    }

    /** A reduction's axes, ascending, of its operand's shape. */
    public int[] axes() {
        return axes.clone();
    }

    /** Whether a MATMUL transposes its first operand. */
    public boolean transA() {
        return transA;
    }

    /** Whether a MATMUL transposes its second operand. */
    public boolean transB() {
        return transB;
    }

    /**
     * The planner's label: the kind's pattern, with ELEMENTWISE refined to BROADCAST when an operand's shape
     * differs from the result's.
     */
    public Pattern pattern() {
        if (kind.pattern() != Pattern.ELEMENTWISE) {
            return kind.pattern();
        }
        for (Node a : args) {
            if (!a.shape.equals(shape)) {
                return Pattern.BROADCAST;
            }
        }
        return Pattern.ELEMENTWISE;
    }

    /** {@code #id kind} followed by the expression text, the way errors and explanations name this node. */
    public String describe() {
        return "#" + id + " " + kind.numpyName() + " " + text();
    }

    /** The expression in NumPy syntax, cut at 120 characters. */
    public String text() {
        String t = render(this, 0);
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    private static String render(Node n, int depth) {
        if (depth > 12) {
            return "…";
        }
        return switch (n.kind) {
            case INPUT -> n.name;
            case CONSTANT -> literalText(n.constant);
            case ADD -> infix(n, " + ", depth);
            case SUB -> infix(n, " - ", depth);
            case MUL -> infix(n, " * ", depth);
            case DIV -> infix(n, " / ", depth);
            case POW -> infix(n, " ** ", depth);
            case LT -> infix(n, " < ", depth);
            case LE -> infix(n, " <= ", depth);
            case GT -> infix(n, " > ", depth);
            case GE -> infix(n, " >= ", depth);
            case EQ -> infix(n, " == ", depth);
            case NE -> infix(n, " != ", depth);
            case MATMUL -> "(" + render(n.arg(0), depth + 1) + (n.transA ? ".T" : "") + " @ "
                    + render(n.arg(1), depth + 1) + (n.transB ? ".T" : "") + ")";
            case NEG -> "-" + render(n.arg(0), depth + 1);
            case CAST -> render(n.arg(0), depth + 1) + ".astype(" + n.type.numpyName() + ")";
            case REDUCE_SUM, REDUCE_MAX, REDUCE_MIN -> n.kind.numpyName() + "(" + render(n.arg(0), depth + 1)
                    + (n.axes.length == n.arg(0).shape.rank() ? "" : ", axis=" + axesText(n.axes)) + ")";
            default -> {
                StringBuilder sb = new StringBuilder(n.kind.numpyName()).append('(');
                for (int i = 0; i < n.args.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(render(n.args.get(i), depth + 1));
                }
                yield sb.append(')').toString();
            }
        };
    }

    private static String axesText(int[] axes) {
        if (axes.length == 1) {
            return Integer.toString(axes[0]);
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < axes.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(axes[i]);
        }
        return sb.append(')').toString();
    }

    private static String infix(Node n, String op, int depth) {
        return "(" + render(n.arg(0), depth + 1) + op + render(n.arg(1), depth + 1) + ")";
    }

    static String literalText(double v) {
        if (v == 0 && 1 / v < 0) {
            return "-0.0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** {@link #describe()}. */
    @Override
    public String toString() {
        return describe();
    }
}
