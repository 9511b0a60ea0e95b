package org.fusemath.fusion;

import java.util.List;

/**
 * What a plan does, as data: each launch in order (a library call or a fused kernel), the expression nodes it
 * covers, the bytes it reads and writes, what runs it; and every node left outside a fusion with the reason.
 * {@link #toString()} is the same as readable text. Immutable.
 *
 * @param launches the launches in execution order
 * @param notFused nodes a launch could have absorbed but did not, with why
 * @param space where the plan runs ({@code host}, {@code device:0})
 * @param mergedSubexpressions how many repeated sub-expressions were merged (computed once)
 */
public record Explanation(List<Launch> launches, List<NotFused> notFused, String space, int mergedSubexpressions) {
    /** Copies the lists. */
    public Explanation {
        launches = List.copyOf(launches);
        notFused = List.copyOf(notFused);
    }

    /** Kinds of launch. */
    public enum LaunchKind {
        /** A library matmul (OpenBLAS on the host, cuBLASLt on the device) with the epilogue named in its detail. */
        LIBRARY_MATMUL,
        /** One fused kernel over a {@link org.fusemath.fusion.ir.FusedGroup}. */
        FUSED_KERNEL,
        /** A copy of an input or constant into a result (an expression that computes nothing). */
        COPY
    }

    /**
     * One launch.
     *
     * @param kind what it is
     * @param executor what runs it ({@code OpenBLAS RELU_BIAS alpha=0.5}, {@code interpreter}, a generator's name)
     * @param nodes the expression nodes it covers ({@code #id kind text})
     * @param bytesRead bytes it reads from memory (each input array once)
     * @param bytesWritten bytes it writes
     * @param detail further facts (the fused group's ops, the epilogue's operands)
     */
    public record Launch(LaunchKind kind, String executor, List<String> nodes, long bytesRead, long bytesWritten,
                         String detail) {
        /** Copies the list. */
        public Launch {
            nodes = List.copyOf(nodes);
        }
    }

    /**
     * A node that stays outside a launch that could have absorbed it.
     *
     * @param node the node ({@code #id kind text})
     * @param reason why
     */
    public record NotFused(String node, String reason) {
    }

    /** Counts launches of one kind. */
    public long count(LaunchKind kind) {
        return launches.stream().filter(l -> l.kind() == kind).count();
    }

    /** The plan as text: one paragraph per launch, then the nodes not fused. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("plan on ").append(space).append(": ").append(launches.size()).append(launches.size() == 1 ? " launch" : " launches");
        if (mergedSubexpressions > 0) {
            sb.append(", ").append(mergedSubexpressions).append(" repeated sub-expression(s) computed once");
        }
        sb.append('\n');
        for (int i = 0; i < launches.size(); i++) {
            Launch l = launches.get(i);
            sb.append("  [").append(i).append("] ").append(l.kind()).append(" by ").append(l.executor())
                    .append(": reads ").append(l.bytesRead()).append(" B, writes ").append(l.bytesWritten()).append(" B\n");
            for (String n : l.nodes()) {
                sb.append("      ").append(n).append('\n');
            }
            if (!l.detail().isEmpty()) {
                for (String line : l.detail().split("\n")) {
                    sb.append("      | ").append(line).append('\n');
                }
            }
        }
        for (NotFused nf : notFused) {
            sb.append("  not fused: ").append(nf.node()).append(": ").append(nf.reason()).append('\n');
        }
        return sb.toString();
    }
}
