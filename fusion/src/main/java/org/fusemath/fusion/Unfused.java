package org.fusemath.fusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.blas.Blas;
import org.fusemath.blas.Op;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;

/**
 * Evaluates an expression as it runs without fusion: every matmul a bare library call (no epilogue, alpha 1,
 * beta 0), every other node one whole-array pass of its own (through the {@link Interpreter}'s arithmetic),
 * intermediates stored between them. The baseline that fused plans are validated against. Thread-safe.
 */
public final class Unfused {
    private Unfused() {
    }

    /** The value of each of {@code roots}. */
    public static List<HostTensor> evaluate(Expr... roots) {
        Arguments.requireNonNull(roots, "roots");
        Map<Node, HostTensor> memo = new IdentityHashMap<>();
        List<HostTensor> out = new ArrayList<>();
        for (Expr r : roots) {
            out.add(value(r.node(), memo));
        }
        return out;
    }

    private static HostTensor value(Node root, Map<Node, HostTensor> memo) {
        ArrayDeque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.peek();
            if (memo.containsKey(n)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (Node a : n.args()) {
                if (!memo.containsKey(a)) {
                    stack.push(a);
                    ready = false;
                }
            }
            if (!ready) {
                continue;
            }
            stack.pop();
            memo.put(n, pass(n, memo));
        }
        return memo.get(root);
    }

    /** One node as its own pass over its operands' stored values. */
    private static HostTensor pass(Node n, Map<Node, HostTensor> memo) {
        if (n.kind() == OpKind.INPUT || n.kind() == OpKind.CONSTANT) {
            return Interpreter.evaluate(Expr.of(n)).get(0);
        }
        List<Node> args = new ArrayList<>();
        for (int i = 0; i < n.args().size(); i++) {
            Node a = n.arg(i);
            if (a.kind() == OpKind.CONSTANT) {
                args.add(a);
            } else if (a.type() == ScalarType.BOOL) {
                HostTensor mask = memo.get(a);
                ScalarType t = ScalarType.of(mask.dtype(), "mask");
                args.add(Node.binary(OpKind.NE, Node.input("arg" + i, t, a.shape(), mask), Node.constant(0, t)));
            } else {
                args.add(Node.input("arg" + i, a.type(), a.shape(), memo.get(a)));
            }
        }
        if (n.kind() == OpKind.MATMUL) {
            HostTensor ta = memo.get(n.arg(0));
            HostTensor tb = memo.get(n.arg(1));
            HostMatrix a = OperandArrays.matrixOf(ta.array(), n.arg(0).type(), n.arg(0).shape());
            HostMatrix b = OperandArrays.matrixOf(tb.array(), n.arg(1).type(), n.arg(1).shape());
            Object c = OperandArrays.allocate(n.type(), n.shape());
            HostMatrix mc = OperandArrays.matrixOf(c, n.type(), n.shape());
            Blas.gemm(n.transA() ? Op.TRANSPOSE : Op.NONE, n.transB() ? Op.TRANSPOSE : Op.NONE, 1.0, a, b, 0.0, mc);
            return HostTensor.of(n.type().dtype(), n.shape().dims(), c);
        }
        Node one = switch (n.kind()) {
            case CAST -> Node.cast(args.get(0), n.type());
            case WHERE -> Node.where(args.get(0), args.get(1), args.get(2));
            case REDUCE_SUM, REDUCE_MAX, REDUCE_MIN -> Node.reduce(n.kind(), args.get(0), n.axes());
            default -> n.kind().arity() == 1 ? Node.unary(n.kind(), args.get(0)) : Node.binary(n.kind(), args.get(0), args.get(1));
        };
        if (n.type() == ScalarType.BOOL) {
            // a comparison's pass stores a mask; kept as 1.0/0.0 of the operands' type and compared with != 0 by where
            Node mask = Node.where(one, Node.constant(1, n.arg(0).type()), Node.constant(0, n.arg(0).type()));
            return Interpreter.evaluate(Expr.of(mask)).get(0);
        }
        return Interpreter.evaluate(Expr.of(one)).get(0);
    }
}
