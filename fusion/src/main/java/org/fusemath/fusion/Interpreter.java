package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.Arguments;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fusion.ir.Node;

import org.fusemath.fusion.ir.ScalarSemantics;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * Evaluates an expression node by node, without fusion or libraries, with {@link ScalarSemantics}: each node
 * becomes a whole array (values rounded to its type), a matmul a plain triple loop accumulated in double. The
 * oracle the planned executions are checked against; slow by design. Thread-safe (no state).
 */
public final class Interpreter {
    private Interpreter() {
    }

    /** The values of {@code roots}, each a C-order tensor of its node's dtype and shape. */
    public static List<HostTensor> evaluate(Expr... roots) {
        Arguments.requireNonNull(roots, "roots");
        Map<Node, double[]> memo = new IdentityHashMap<>();
        List<HostTensor> out = new ArrayList<>();
        for (Expr r : roots) {
            Node n = Arguments.requireNonNull(r, "root").node();
            if (n.type() == ScalarType.BOOL) {
                throw new InvalidArgumentException("root", n.describe(), "a numeric expression (a comparison is a where() condition)");
            }
            double[] v = value(n, memo);
            Object data;
            if (n.type() == ScalarType.F32) {
                float[] f = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    f[i] = (float) v[i];
                }
                data = f;
            } else {
                data = v.clone();
            }
            out.add(HostTensor.of(n.type().dtype(), n.shape().dims(), data));
        }
        return out;
    }

    /** The node's value, its operands evaluated first (iteratively: a long chain does not deepen the stack). */
    private static double[] value(Node root, Map<Node, double[]> memo) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
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
            double[] v = switch (n.kind()) {
                case INPUT -> input(n);
                case CONSTANT -> new double[] {n.constant()};
                case MATMUL -> matmul(n, memo.get(n.arg(0)), memo.get(n.arg(1)));
                case REDUCE_SUM, REDUCE_MAX, REDUCE_MIN -> reduce(n, memo.get(n.arg(0)));
                default -> elementwise(n, memo);
            };
            memo.put(n, v);
        }
        return memo.get(root);
    }

    private static double[] input(Node n) {
        if (n.operand() == null) {
            throw new InvalidArgumentException("input '" + n.name() + "'", "unbound", "an operand");
        }
        OperandArrays.check(n.name(), n.type(), n.shape(), n.operand());
        Object dense = OperandArrays.dense(n.operand(), n.type(), n.shape());
        double[] v = new double[(int) n.shape().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = OperandArrays.get(dense, i);
        }
        return v;
    }

    private static double[] elementwise(Node n, Map<Node, double[]> memo) {
        Shape shape = n.shape();
        int size = (int) shape.size();
        int k = n.args().size();
        double[][] args = new double[k][];
        long[][] strides = new long[k][];
        for (int a = 0; a < k; a++) {
            args[a] = memo.get(n.arg(a));
            strides[a] = n.arg(a).shape().stridesIn(shape);
        }
        double[] out = new double[size];
        long[] idx = new long[shape.rank()];
        double[] x = new double[k];
        for (int e = 0; e < size; e++) {
            for (int a = 0; a < k; a++) {
                long off = 0;
                for (int d = 0; d < idx.length; d++) {
                    off += idx[d] * strides[a][d];
                }
                x[a] = args[a][(int) off];
            }
            out[e] = switch (n.kind()) {
                case WHERE -> x[0] != 0 ? x[1] : x[2];
                case CAST -> ScalarSemantics.round(n.type(), x[0]);
                default -> k == 1 ? ScalarSemantics.unary(n.kind(), n.type(), x[0])
                        : ScalarSemantics.binary(n.kind(), n.type(), x[0], x[1]);
            };
            for (int d = idx.length - 1; d >= 0; d--) {
                if (++idx[d] < shape.dim(d)) {
                    break;
                }
                idx[d] = 0;
            }
        }
        return out;
    }

    private static double[] reduce(Node n, double[] in) {
        Shape src = n.arg(0).shape();
        Shape dst = n.shape();
        double[] acc = new double[(int) dst.size()];
        java.util.Arrays.fill(acc, ScalarSemantics.identity(n.kind()));
        long[] dstStrides = dst.stridesIn(src);
        long[] idx = new long[src.rank()];
        for (int e = 0; e < in.length; e++) {
            long off = 0;
            for (int d = 0; d < idx.length; d++) {
                off += idx[d] * dstStrides[d];
            }
            acc[(int) off] = ScalarSemantics.accumulate(n.kind(), acc[(int) off], in[e]);
            for (int d = idx.length - 1; d >= 0; d--) {
                if (++idx[d] < src.dim(d)) {
                    break;
                }
                idx[d] = 0;
            }
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] = ScalarSemantics.round(n.type(), acc[i]);
        }
        return acc;
    }

    private static double[] matmul(Node n, double[] a, double[] b) {
        Shape sa = n.arg(0).shape();
        Shape sb = n.arg(1).shape();
        Shape sc = n.shape();
        int ra = sa.rank();
        int rb = sb.rank();
        int rc = sc.rank();
        long m = sc.dim(rc - 2);
        long cols = sc.dim(rc - 1);
        long k = sa.dim(ra - (n.transA() ? 2 : 1));
        long aRows = sa.dim(ra - 2);
        long aCols = sa.dim(ra - 1);
        long bRows = sb.dim(rb - 2);
        long bCols = sb.dim(rb - 1);
        long batch = sc.size() / Math.max(1, m * cols);
        if (m * cols == 0) {
            return new double[0];
        }
        Shape batchShape = Shape.of(java.util.Arrays.copyOf(sc.dims(), rc - 2));
        long[] strideA = Shape.of(java.util.Arrays.copyOf(sa.dims(), ra - 2)).stridesIn(batchShape);
        long[] strideB = Shape.of(java.util.Arrays.copyOf(sb.dims(), rb - 2)).stridesIn(batchShape);
        double[] c = new double[(int) sc.size()];
        long[] bidx = new long[rc - 2];
        for (long p = 0; p < batch; p++) {
            long offA = 0;
            long offB = 0;
            for (int d = 0; d < bidx.length; d++) {
                offA += bidx[d] * strideA[d] * aRows * aCols;
                offB += bidx[d] * strideB[d] * bRows * bCols;
            }
            for (long i = 0; i < m; i++) {
                for (long j = 0; j < cols; j++) {
                    double s = 0;
                    for (long q = 0; q < k; q++) {
                        double x = a[(int) (offA + (n.transA() ? q * aCols + i : i * aCols + q))];
                        double y = b[(int) (offB + (n.transB() ? j * bCols + q : q * bCols + j))];
                        s += x * y;
                    }
                    c[(int) (p * m * cols + i * cols + j)] = ScalarSemantics.round(n.type(), s);
                }
            }
            for (int d = bidx.length - 1; d >= 0; d--) {
                if (++bidx[d] < batchShape.dim(d)) {
                    break;
                }
                bidx[d] = 0;
            }
        }
        return c;
    }

}
