package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import org.fusemath.blas.Epilogue;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;

/**
 * What one library matmul launch computes: epilogue(alpha·op(A)·op(B) + beta·C + biasScale·bias), the nodes of
 * the expression it absorbs, the node whose value it produces and, for the AUX epilogues, the node stored as aux.
 * Found by {@link #match}, which walks up from the matmul while each next node is its value's only use and one of
 * the forms an epilogue absorbs exactly.
 *
 * <p>On the host, when an element-wise group finishes the result per GEMM panel anyway, the planner matches again
 * with the bias and the ReLU left to that group ({@link #match(Graph, Node, boolean)}): the group then computes
 * them in its one pass over each panel, where the epilogue would be a second pass over the same rows.
 */
final class MatmulFusion {
    final Node matmul;
    double alpha = 1;
    double beta = 0;
    Node c;
    Node bias;
    double biasScale = 1;
    Epilogue.Activation activation = Epilogue.Activation.NONE;
    Node aux;
    Node result;
    final List<Node> covered = new ArrayList<>();
    /** Nodes next to the launch that it did not absorb, with the reason. */
    final List<String[]> declined = new ArrayList<>();

    private MatmulFusion(Node matmul) {
        this.matmul = matmul;
        this.result = matmul;
        covered.add(matmul);
    }

    /** The epilogue for what was absorbed. */
    Epilogue epilogue() {
        boolean b = bias != null;
        return switch (activation) {
            case NONE -> b ? Epilogue.BIAS : Epilogue.DEFAULT;
            case RELU -> b ? Epilogue.RELU_BIAS : Epilogue.RELU;
            case GELU -> aux != null ? (b ? Epilogue.GELU_AUX_BIAS : Epilogue.GELU_AUX) : (b ? Epilogue.GELU_BIAS : Epilogue.GELU);
        };
    }

    /** The launch for {@code m}, absorbing what follows it in {@code g} as far as an epilogue can. */
    static MatmulFusion match(Graph g, Node m) {
        return match(g, m, false);
    }

    /**
     * Whether the group finishing this launch's result per panel could compute its epilogue instead: a bias or a ReLU
     * (with what follows them) and nothing the group could not (GELU, an aux output).
     */
    boolean epilogueFoldsIntoGroup() {
        return aux == null && activation != Epilogue.Activation.GELU
                && (bias != null || activation == Epilogue.Activation.RELU) && matmul.shape().rank() == 2;
    }

    /**
     * The launch for {@code m}; with {@code leaveEpilogue} it absorbs only the scales into alpha and {@code + beta·C}
     * and stops at the bias or the activation, which the group finishing C per panel then computes.
     */
    static MatmulFusion match(Graph g, Node m, boolean leaveEpilogue) {
        MatmulFusion f = new MatmulFusion(m);
        if (m.shape().rank() != 2) {
            Node next = soleUser(g, m);
            if (next != null) {
                f.declined.add(new String[] {next.describe(), "a batched matmul takes no epilogue here"});
            }
            return f;
        }
        Node cur = m;
        // alpha: a scale by a power of two (or a negation) commutes exactly with the product's rounding.
        for (Node next = soleUser(g, cur); next != null; next = soleUser(g, cur)) {
            Double s = scaleOf(g, next, cur);
            if (s == null) {
                break;
            }
            f.alpha *= s;
            cur = f.absorb(next);
        }
        // + beta·C and + bias, in either order (an epilogue adds bias after beta·C: both sums are within the GEMM's bound).
        for (int round = 0; round < 2; round++) {
            Node next = soleUser(g, cur);
            if (next == null || (next.kind() != OpKind.ADD && next.kind() != OpKind.SUB) || !next.shape().equals(m.shape())) {
                break;
            }
            Node other = g.arg(next, 0) == cur ? g.arg(next, 1) : g.arg(next, 0);
            boolean curFirst = g.arg(next, 0) == cur;
            if (other == cur) {
                break;
            }
            if (f.bias == null && isRowVector(other, m) && next.kind() == OpKind.ADD) {
                if (leaveEpilogue) {
                    f.declined.add(new String[] {next.describe(), LEFT_TO_GROUP});
                    return f;
                }
                f.bias = other;
                cur = f.absorb(next);
                continue;
            }
            if (f.c == null && other.shape().equals(m.shape()) && other.type() == m.type()) {
                double sign = next.kind() == OpKind.SUB && curFirst ? -1 : 1;
                if (next.kind() == OpKind.SUB && !curFirst) {
                    f.alpha = -f.alpha;   // C − AB = −AB + C
                }
                Node cNode = other;
                double beta = 1;
                if (other.kind() == OpKind.MUL && g.usersOf(other).size() == 1 && !g.roots.contains(other)) {
                    Double s = scaleOf(g, other, null);
                    if (s != null) {
                        Node inner = constantOf(g.arg(other, 0)) != null ? g.arg(other, 1) : g.arg(other, 0);
                        if (inner.shape().equals(m.shape())) {
                            beta = s;
                            cNode = inner;
                            f.covered.add(other);
                        }
                    }
                }
                f.c = cNode;
                f.beta = sign * beta;
                cur = f.absorb(next);
                continue;
            }
            if (isColumnVector(other, m)) {
                f.declined.add(new String[] {next.describe(), "a column vector (one value per row) is not an epilogue's bias"});
            }
            break;
        }
        // the activation
        Node next = soleUserOrAny(g, cur);
        if (leaveEpilogue && next != null && isRelu(g, next, cur)) {
            f.declined.add(new String[] {next.describe(), LEFT_TO_GROUP});
            return f;
        }
        if (next != null && isRelu(g, next, cur)) {
            if (g.usersOf(cur).size() == 1 && !g.roots.contains(cur)) {
                f.activation = Epilogue.Activation.RELU;
                cur = f.absorb(next);
            } else {
                f.declined.add(new String[] {next.describe(), "the value before the ReLU is used elsewhere (RELU_AUX keeps only a bit mask)"});
            }
        } else if (next != null && next.kind() == OpKind.GELU_TANH) {
            if (g.usersOf(cur).size() > 1 || g.roots.contains(cur)) {
                f.aux = cur;      // GELU_AUX stores the pre-activation value for its other uses
            }
            f.activation = Epilogue.Activation.GELU;
            cur = f.absorb(next);
        } else if (next != null && next.kind() == OpKind.GELU_ERF) {
            f.declined.add(new String[] {next.describe(), "GELU in its erf form differs from the epilogue's tanh form"});
        }
        // a positive power-of-two scale after ReLU or without activation folds into alpha, beta and the bias
        if (f.activation != Epilogue.Activation.GELU) {
            for (Node n2 = soleUser(g, cur); n2 != null; n2 = soleUser(g, cur)) {
                Double s = scaleOf(g, n2, cur);
                if (s == null || (f.activation == Epilogue.Activation.RELU && !(s > 0))) {
                    break;
                }
                f.alpha *= s;
                f.beta *= s;
                f.biasScale *= s;
                cur = f.absorb(n2);
            }
        }
        Node after = soleUser(g, cur);
        if (after != null && f.declined.isEmpty() && after.kind() != OpKind.MATMUL) {
            f.declined.add(new String[] {after.describe(), "no epilogue computes it: it runs in a kernel after the matmul"});
        }
        return f;
    }

    /** Why a bias or ReLU that an epilogue could compute was left to the group after the matmul. */
    static final String LEFT_TO_GROUP = "computed by the fused group over each GEMM panel of C, in its one pass over "
            + "the panel (an epilogue would be a second pass)";

    private Node absorb(Node n) {
        covered.add(n);
        result = n;
        return n;
    }

    /** The only user of {@code n} when it has one and is no root. */
    private static Node soleUser(Graph g, Node n) {
        List<Node> users = g.usersOf(n);
        return users.size() == 1 && !g.roots.contains(n) ? users.get(0) : null;
    }

    /** The first user that is an activation of {@code n} (GELU_AUX serves the pre-activation's other users). */
    private static Node soleUserOrAny(Graph g, Node n) {
        for (Node u : g.usersOf(n)) {
            if (u.kind() == OpKind.GELU_TANH || u.kind() == OpKind.RELU || u.kind() == OpKind.MAX || u.kind() == OpKind.GELU_ERF) {
                return u;
            }
        }
        return null;
    }

    private static boolean isRelu(Graph g, Node n, Node x) {
        if (n.kind() == OpKind.RELU) {
            return true;
        }
        if (n.kind() == OpKind.MAX) {
            Node other = g.arg(n, 0) == x ? g.arg(n, 1) : g.arg(n, 0);
            Double c = constantOf(other);
            return c != null && c == 0.0;
        }
        return false;
    }

    /**
     * The factor when {@code n} is x·c, c·x, x/c (c a power of two, so exact) or −x of {@code x} (any operand when
     * x is null); else null.
     */
    private static Double scaleOf(Graph g, Node n, Node x) {
        if (n.kind() == OpKind.NEG && (x == null || g.arg(n, 0) == x)) {
            return -1.0;
        }
        if (n.kind() != OpKind.MUL && n.kind() != OpKind.DIV) {
            return null;
        }
        Node a0 = g.arg(n, 0);
        Node a1 = g.arg(n, 1);
        Double c;
        if (n.kind() == OpKind.DIV) {
            c = (x == null || a0 == x) ? constantOf(a1) : null;
            c = c == null ? null : 1.0 / c;
        } else {
            c = (x == null || a0 == x) ? constantOf(a1) : null;
            if (c == null && (x == null || a1 == x)) {
                c = constantOf(a0);
            }
        }
        return c != null && isPowerOfTwo(c) ? c : null;
    }

    private static boolean isPowerOfTwo(double c) {
        if (c == 0 || Double.isNaN(c) || Double.isInfinite(c)) {
            return false;
        }
        double a = Math.abs(c);
        return a == Math.scalb(1.0, Math.getExponent(a)) && Math.getExponent(a) > -100 && Math.getExponent(a) < 100;
    }

    private static Double constantOf(Node n) {
        return n.kind() == OpKind.CONSTANT ? n.constant() : null;
    }

    private static boolean isRowVector(Node v, Node m) {
        long n = m.shape().dim(1);
        return v.type() == m.type() && ((v.shape().rank() == 1 && v.shape().dim(0) == n)
                || (v.shape().rank() == 2 && v.shape().dim(0) == 1 && v.shape().dim(1) == n));
    }

    private static boolean isColumnVector(Node v, Node m) {
        return v.shape().rank() == 2 && v.shape().dim(1) == 1 && v.shape().dim(0) == m.shape().dim(0);
    }
}
