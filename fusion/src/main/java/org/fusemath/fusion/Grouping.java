package org.fusemath.fusion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusemath.fusion.ir.Node;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.Pattern;
import org.fusemath.fusion.ir.Shape;

/**
 * Partitions the element-wise, broadcast and reduction nodes that no library launch absorbed into fusible groups,
 * greedily in topological order: a node joins the group of an operand when it iterates over the same space (or is a
 * value of that space reduced, as {@code var + eps} in a layer norm), a reduction joins when it reduces the group's
 * axes (or gives a group without reductions its axes), and groups are merged through a node that reads several;
 * never when the merge would make a group depend on itself through a launch outside it.
 */
final class Grouping {
    /** One group under construction. */
    static final class Group {
        Shape shape;
        int[] axes = new int[0];
        final List<Node> members = new ArrayList<>();
    }

    final List<Group> groups = new ArrayList<>();
    final Map<Node, Group> groupOf = new IdentityHashMap<>();
    final List<String[]> notFused = new ArrayList<>();
    private final Graph g;

    Grouping(Graph g, Set<Node> libraryCovered) {
        this.g = g;
        for (Node n : g.order) {
            if (n.kind().pattern() == Pattern.LEAF || n.kind() == OpKind.MATMUL || libraryCovered.contains(n)) {
                continue;
            }
            place(n);
        }
        groups.removeIf(gr -> gr.members.isEmpty());
        for (Group gr : groups) {
            gr.members.sort((a, b) -> Integer.compare(g.indexOf(a), g.indexOf(b)));
        }
    }

    private void place(Node n) {
        boolean reduction = n.kind().isReduction();
        Shape space = reduction ? g.arg(n, 0).shape() : n.shape();
        List<Group> candidates = new ArrayList<>();
        for (Node a : g.args(n)) {
            Group ga = groupOf.get(a);
            if (ga != null && !candidates.contains(ga)) {
                candidates.add(ga);
            }
        }
        Group home = null;
        for (Group c : candidates) {
            String why = incompatibility(c, n, space);
            if (why == null && !cycles(c, n, List.of())) {
                home = c;
                break;
            }
            if (why == null) {
                why = "joining would make the group depend on itself through a launch outside it";
            }
            notFused.add(new String[] {n.describe(), why});
        }
        if (home == null) {
            home = new Group();
            home.shape = space;
            groups.add(home);
        }
        home.members.add(n);
        groupOf.put(n, home);
        if (reduction) {
            home.axes = n.axes();
        }
        for (Group c : candidates) {
            if (c == home || c.members.isEmpty()) {
                continue;
            }
            if (mergeable(home, c) && !cycles(home, null, c.members)) {
                for (Node m : c.members) {
                    groupOf.put(m, home);
                    home.members.add(m);
                }
                if (home.axes.length == 0) {
                    home.axes = c.axes;
                }
                c.members.clear();
            }
        }
    }

    /** Null when {@code n} (iterating over {@code space}) may join {@code c}; else why not. */
    private static String incompatibility(Group c, Node n, Shape space) {
        if (n.kind().isReduction()) {
            if (!space.equals(c.shape)) {
                return "its operand's shape " + space + " differs from the group's iteration space " + c.shape;
            }
            if (c.axes.length > 0 && !Arrays.equals(c.axes, n.axes())) {
                return "it reduces axes " + Arrays.toString(n.axes()) + ", the group " + Arrays.toString(c.axes)
                        + " (one set of reduced axes per kernel)";
            }
            return null;
        }
        if (space.equals(c.shape)) {
            return null;
        }
        if (c.axes.length > 0 && space.equals(c.shape.reduced(c.axes))) {
            return null;
        }
        return "its shape " + space + " differs from the group's iteration space " + c.shape
                + " (the value is stored and read back broadcast)";
    }

    private static boolean mergeable(Group a, Group b) {
        return a.shape.equals(b.shape) && (a.axes.length == 0 || b.axes.length == 0 || Arrays.equals(a.axes, b.axes));
    }

    /**
     * Whether the union of {@code c}, {@code extra} and {@code more} would reach itself through nodes outside it
     * (a path leaving the union and coming back makes it a cycle of launches).
     */
    private boolean cycles(Group c, Node extra, List<Node> more) {
        Set<Node> union = Collections.newSetFromMap(new IdentityHashMap<>());
        union.addAll(c.members);
        union.addAll(more);
        if (extra != null) {
            union.add(extra);
        }
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> work = new ArrayDeque<>();
        for (Node m : union) {
            for (Node u : g.usersOf(m)) {
                if (!union.contains(u) && seen.add(u)) {
                    work.add(u);
                }
            }
        }
        while (!work.isEmpty()) {
            Node x = work.poll();
            for (Node u : g.usersOf(x)) {
                if (union.contains(u)) {
                    return true;
                }
                if (seen.add(u)) {
                    work.add(u);
                }
            }
        }
        return false;
    }
}
