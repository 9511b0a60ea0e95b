package org.fusemath.fusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;

/**
 * The expression DAG the planner works on: every structurally equal sub-expression merged into one node (common
 * sub-expressions are computed once), nodes in topological order with their users, the inputs in order of first
 * appearance (the plan's operand slots) and a structural key (inputs by slot, not by name; operand geometry
 * included) under which plans are cached.
 */
final class Graph {
    final List<Node> order = new ArrayList<>();
    final Map<Node, Integer> index = new IdentityHashMap<>();
    final List<List<Node>> users = new ArrayList<>();
    /** Each node's operands, canonical (a node's own args() may name merged duplicates). */
    private final List<List<Node>> args = new ArrayList<>();
    final List<Node> roots = new ArrayList<>();
    final List<Node> inputs = new ArrayList<>();
    /** How many nodes CSE merged away. */
    int merged;
    final String key;

    Graph(List<Node> rootNodes) {
        Map<Node, Node> canonical = new IdentityHashMap<>();
        Map<String, Node> byStructure = new HashMap<>();
        Map<String, Node> inputsByName = new HashMap<>();
        StringBuilder keyText = new StringBuilder();
        for (Node root : rootNodes) {
            Deque<Node> stack = new ArrayDeque<>();
            Deque<Boolean> expanded = new ArrayDeque<>();
            stack.push(root);
            expanded.push(false);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                boolean done = expanded.pop();
                if (canonical.containsKey(n)) {
                    continue;
                }
                if (!done) {
                    stack.push(n);
                    expanded.push(true);
                    for (int i = n.args().size() - 1; i >= 0; i--) {
                        if (!canonical.containsKey(n.arg(i))) {
                            stack.push(n.arg(i));
                            expanded.push(false);
                        }
                    }
                    continue;
                }
                String structure = structure(n, canonical);
                Node existing = byStructure.get(structure);
                if (existing == null && n.kind() == OpKind.INPUT) {
                    Node named = inputsByName.get(n.name());
                    if (named != null) {
                        throw new InvalidArgumentException("input '" + n.name() + "'", n.type() + n.shape().toString()
                                + (named.operand() != n.operand() ? " bound to another operand" : ""),
                                "one input per name (another is " + named.type() + named.shape() + ")");
                    }
                }
                if (existing != null && n.kind() == OpKind.INPUT && !sameOperand(existing.operand(), n.operand())) {
                    throw new InvalidArgumentException("input '" + n.name() + "'", n.type() + n.shape().toString()
                            + " bound to another operand", "one operand per input name");
                }
                if (existing != null) {
                    canonical.put(n, existing);
                    merged++;
                    continue;
                }
                canonical.put(n, n);
                byStructure.put(structure, n);
                index.put(n, order.size());
                order.add(n);
                users.add(new ArrayList<>());
                List<Node> canonArgs = new ArrayList<>();
                for (Node a : n.args()) {
                    Node ca = canonical.get(a);
                    canonArgs.add(ca);
                    users.get(index.get(ca)).add(n);
                }
                args.add(canonArgs);
                if (n.kind() == OpKind.INPUT) {
                    inputsByName.put(n.name(), n);
                    keyText.append("in").append(inputs.size()).append(':').append(n.type()).append(n.shape())
                            .append(geometry(n.operand())).append(';');
                    inputs.add(n);
                } else {
                    keyText.append(structure(n, canonical)).append(';');
                }
            }
            roots.add(canonical.get(root));
        }
        keyText.append("roots");
        for (Node r : roots) {
            keyText.append(' ').append(index.get(r));
        }
        this.key = keyText.toString();
    }

    /** The canonical operands of {@code n}. */
    List<Node> args(Node n) {
        return args.get(indexOf(n));
    }

    /** Operand {@code i} of {@code n}, canonical. */
    Node arg(Node n, int i) {
        return args(n).get(i);
    }

    /** The users of {@code n} (each once per use). */
    List<Node> usersOf(Node n) {
        return users.get(indexOf(n));
    }

    /** The canonical node for an argument of a node in the graph (arguments are canonical already). */
    int indexOf(Node n) {
        Integer i = index.get(n);
        if (i == null) {
            throw new IllegalStateException("node not in graph: " + n.describe());
        }
        return i;
    }

    private String structure(Node n, Map<Node, Node> canonical) {
        if (n.kind() == OpKind.INPUT) {
            return "in|" + n.name() + "|" + n.type() + n.shape();
        }
        StringBuilder sb = new StringBuilder(attributes(n));
        for (Node a : n.args()) {
            sb.append(',').append(index.get(canonical.get(a)));
        }
        return sb.toString();
    }

    private static String attributes(Node n) {
        return n.kind() + "|" + n.type() + n.shape() + "|" + Double.doubleToLongBits(n.constant()) + "|"
                + Arrays.toString(n.axes()) + "|" + n.transA() + n.transB() + "|" + n.isWeak();
    }

    /** Whether two bindings of one name are the same data in the same storage. */
    private static boolean sameOperand(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return OperandArrays.data(a) == OperandArrays.data(b) && geometry(a).equals(geometry(b));
    }

    /** What of an operand's storage a plan depends on (a matrix's layout and strides; a tensor's order). */
    static String geometry(Object operand) {
        if (operand instanceof HostMatrix m) {
            return "m" + m.shape().layout() + m.shape().ld() + "," + m.shape().batchStride() + (OperandArrays.isDense(m) ? "d" : "");
        }
        if (operand instanceof HostTensor t) {
            return t.isFortranOrder() && t.rank() > 1 ? "F" : "C";
        }
        return operand == null ? "?" : "C";
    }
}
