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
     * @param hostThreads the most host threads the launch splits its own work over (rows of axis 0 of a fused
     *                    kernel, in parts of at least {@link org.fusemath.fusion.spi.RowParts#MIN_ELEMENTS_PER_PART}
     *                    elements, up to the plan's context threads); 1 for a launch that runs on one thread (a
     *                    reduction over axis 0, too little work, the interpreter) and for a library call, whose
     *                    library has its own threads
     */
    public record Launch(LaunchKind kind, String executor, List<String> nodes, long bytesRead, long bytesWritten,
                         String detail, int hostThreads) {
        /** Copies the list. */
        public Launch {
            nodes = List.copyOf(nodes);
            if (hostThreads < 1) {
                throw new org.fusemath.api.InvalidArgumentException("hostThreads", hostThreads, "at least 1");
            }
        }

        /** A launch of one host thread (or none: a library or device launch). */
        public Launch(LaunchKind kind, String executor, List<String> nodes, long bytesRead, long bytesWritten,
                      String detail) {
            this(kind, executor, nodes, bytesRead, bytesWritten, detail, 1);
        }

        /** This launch with at most {@code threads} host threads. */
        public Launch withThreadLimit(int threads) {
            int t = Math.max(1, Math.min(hostThreads, threads));
            return t == hostThreads ? this : new Launch(kind, executor, nodes, bytesRead, bytesWritten, detail, t);
        }
    }

    /** This plan's launches with at most {@code threads} host threads each (a context's limit). */
    public Explanation withThreadLimit(int threads) {
        List<Launch> limited = new java.util.ArrayList<>();
        for (Launch l : launches) {
            limited.add(l.withThreadLimit(threads));
        }
        return new Explanation(limited, notFused, space, mergedSubexpressions);
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
                    .append(": reads ").append(l.bytesRead()).append(" B, writes ").append(l.bytesWritten()).append(" B")
                    .append(l.hostThreads() > 1 ? ", rows of axis 0 split over up to " + l.hostThreads() + " host threads" : "")
                    .append('\n');
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
