package org.fusemath.fusion.host;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * Java source of one element-wise {@link FusedGroup}: a {@code HostKernel} whose loop walks the flat index in
 * chunks of {@link F32Lanes#CHUNK}; within a chunk, the arithmetic between two transcendentals is one plain loop
 * (C2 vectorises it), each transcendental one call of the {@link F32Lanes}/{@link F64Lanes} kernels, and values
 * that cross from one loop to a later one go through chunk-sized scratch arrays that stay in L1.
 *
 * <p>Handled: every element-wise kind and cast of F32/F64 operands, inputs that are dense over the group's shape
 * or one broadcast scalar. Declined (the interpreter runs the group, and {@link #declineReason} says why):
 * reductions, other broadcasts, and comparison results used across a transcendental.
 */
final class HostSourceGenerator {
    static final String PACKAGE = "org.fusemath.fusion.host";
    private static final int DENSE = 0;
    private static final int SCALAR = 1;

    private HostSourceGenerator() {
    }

    /** Why {@code group} cannot be generated, or empty when it can. */
    static Optional<String> declineReason(FusedGroup group) {
        if (group.hasReduction()) {
            return Optional.of("reductions are not generated on the host yet");
        }
        for (int k = 0; k < group.inputs().size(); k++) {
            if (layout(group, group.inputs().get(k)) < 0) {
                return Optional.of("input " + k + " is broadcast along some axes only " + group.inputs().get(k));
            }
        }
        long[] dense = group.shape().stridesIn(group.shape());
        for (FusedGroup.Output o : group.outputs()) {
            if (!Arrays.equals(o.strides(), dense)) {
                return Optional.of("an output is not dense over the group's shape: " + o);
            }
        }
        if (group.shape().size() > Integer.MAX_VALUE) {
            return Optional.of("more than 2^31 - 1 elements do not fit a Java array");
        }
        Plan p = new Plan(group);
        for (FusedGroup.Op op : group.ops()) {
            if (op.type() == ScalarType.BOOL && p.stored[op.index()]) {
                return Optional.of("comparison v" + op.index() + " is used across a transcendental");
            }
        }
        return Optional.empty();
    }

    private static int layout(FusedGroup group, FusedGroup.Input in) {
        long[] s = in.strides();
        if (Arrays.equals(s, group.shape().stridesIn(group.shape()))) {
            return DENSE;
        }
        for (long v : s) {
            if (v != 0) {
                return -1;
            }
        }
        return SCALAR;
    }

    private static boolean transcendental(OpKind k) {
        return switch (k) {
            case EXP, LOG, TANH, SIGMOID, GELU_ERF, GELU_TANH -> true;
            default -> false;
        };
    }

    /** Which loop computes each op, and which values must be stored for a later loop or a lanes call. */
    private static final class Plan {
        final int[] loop;          // the loop computing an element-wise op; -1 for inputs, constants, transcendentals
        final boolean[] stored;    // written to scratch in its loop (or produced in scratch by a call)
        final int loops;

        Plan(FusedGroup g) {
            int n = g.ops().size();
            loop = new int[n];
            stored = new boolean[n];
            int current = 0;
            for (FusedGroup.Op op : g.ops()) {
                if (op.kind() == OpKind.INPUT || op.kind() == OpKind.CONSTANT) {
                    loop[op.index()] = -1;
                } else if (transcendental(op.kind())) {
                    loop[op.index()] = -1;
                    stored[op.index()] = true;
                    int a = op.arg(0);
                    if (!(g.ops().get(a).kind() == OpKind.INPUT && layout(g, g.inputs().get(g.ops().get(a).input())) == DENSE)) {
                        stored[a] = true;     // a computed value, a constant or a broadcast scalar: the call reads an array
                    }
                    current++;
                } else {
                    loop[op.index()] = current;
                    for (int a : op.args()) {
                        if (loop[a] >= 0 && loop[a] != current) {
                            stored[a] = true;
                        }
                    }
                }
            }
            for (FusedGroup.Output o : g.outputs()) {
                if (loop[o.op()] >= 0 && loop[o.op()] != current) {
                    stored[o.op()] = true;
                }
            }
            loops = current + 1;
        }
    }

    /** The source of class {@code simpleName} in {@link #PACKAGE}. */
    static String generate(FusedGroup g, String simpleName) {
        Plan p = new Plan(g);
        List<FusedGroup.Op> ops = g.ops();
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("/* ").append(g.key().replace("*/", "* /")).append(" */\n");
        sb.append("public final class ").append(simpleName).append(" implements org.fusemath.fusion.spi.HostKernel {\n");
        Shape shape = g.shape();
        long size = shape.size();
        long row = shape.rank() == 0 ? 1 : size / Math.max(1, shape.dim(0));
        if (shape.rank() > 0 && shape.dim(0) == 0) {
            row = 0;
        }
        for (FusedGroup.Op op : ops) {
            if (op.kind() == OpKind.CONSTANT) {
                sb.append("    private static final ").append(javaType(op.type())).append(" K").append(op.index())
                        .append(" = ").append(literal(op.type(), op.constant())).append(";\n");
            }
        }
        sb.append("    public void run(Object[] in, Object[] out) { range(in, out, 0, ").append(size).append(");}\n");
        sb.append("    public void run(Object[] in, Object[] out, int from, int to) { range(in, out, (long) from * ")
                .append(row).append("L, (long) to * ").append(row).append("L); }\n");
        sb.append("    private static void range(Object[] in, Object[] out, long start, long end) {\n");
        sb.append("        KernelScratch s = KernelScratch.get();\n");
        sb.append("        F32Lanes l32 = s.f32;\n        F64Lanes l64 = s.f64;\n");
        for (int k = 0; k < g.inputs().size(); k++) {
            String t = javaType(g.inputs().get(k).type());
            sb.append("        ").append(t).append("[] in").append(k).append(" = (").append(t).append("[]) in[").append(k).append("];\n");
        }
        for (int k = 0; k < g.outputs().size(); k++) {
            String t = javaType(g.outputs().get(k).type());
            sb.append("        ").append(t).append("[] out").append(k).append(" = (").append(t).append("[]) out[").append(k).append("];\n");
        }
        int nf = 0;
        int nd = 0;
        for (FusedGroup.Op op : ops) {
            if (p.stored[op.index()]) {
                boolean f = op.type() == ScalarType.F32;
                sb.append("        ").append(javaType(op.type())).append("[] m").append(op.index()).append(" = s.")
                        .append(f ? "f(" + nf++ : "d(" + nd++).append(");\n");
            }
            if (op.kind() == OpKind.INPUT && layout(g, g.inputs().get(op.input())) == SCALAR) {
                sb.append("        ").append(javaType(op.type())).append(" c").append(op.index()).append(" = in")
                        .append(op.input()).append("[0];\n");
            }
        }
        sb.append("        for (long base = start; base < end; base += ").append(F32Lanes.CHUNK).append(") {\n");
        sb.append("            int n = (int) Math.min(").append(F32Lanes.CHUNK).append("L, end - base);\n");
        sb.append("            int b = (int) base;\n");
        for (int l = 0; l < p.loops; l++) {
            StringBuilder body = new StringBuilder();
            for (FusedGroup.Op op : ops) {
                if (p.loop[op.index()] == l) {
                    body.append("                ").append(javaType(op.type())).append(" v").append(op.index())
                            .append(" = ").append(expr(g, p, op, l)).append(";\n");
                    if (p.stored[op.index()]) {
                        body.append("                m").append(op.index()).append("[i] = v").append(op.index()).append(";\n");
                    }
                }
            }
            for (FusedGroup.Op op : ops) {
                // a transcendental's argument that is an input or constant but not a dense input: copy it in
                if (transcendental(op.kind()) && loopAt(ops, p, op) == l) {
                    int a = op.arg(0);
                    if (p.stored[a] && p.loop[a] < 0 && !transcendental(ops.get(a).kind())) {
                        body.append("                m").append(a).append("[i] = ").append(ref(g, p, a, l)).append(";\n");
                    }
                }
            }
            if (l == p.loops - 1) {
                for (int k = 0; k < g.outputs().size(); k++) {
                    FusedGroup.Output o = g.outputs().get(k);
                    body.append("                out").append(k).append("[b + i] = ").append(ref(g, p, o.op(), l)).append(";\n");
                }
            }
            if (body.length() > 0) {
                sb.append("            for (int i = 0; i < n; i++) {\n").append(body).append("            }\n");
            }
            for (FusedGroup.Op op : ops) {
                if (transcendental(op.kind()) && loopAt(ops, p, op) == l) {
                    int a = op.arg(0);
                    String src = p.stored[a] ? "m" + a + ", 0" : "in" + ops.get(a).input() + ", b";
                    sb.append("            ").append(op.type() == ScalarType.F32 ? "l32." : "l64.").append(lanesName(op.kind()))
                            .append("(").append(src).append(", m").append(op.index()).append(", 0, n);\n");
                }
            }
        }
        sb.append("        }\n    }\n}\n");
        return sb.toString();
    }

    /** The loop after which a transcendental's call runs: the count of transcendentals before it. */
    private static int loopAt(List<FusedGroup.Op> ops, Plan p, FusedGroup.Op t) {
        int c = 0;
        for (FusedGroup.Op op : ops) {
            if (op.index() == t.index()) {
                return c;
            }
            if (transcendental(op.kind())) {
                c++;
            }
        }
        throw new IllegalStateException("op " + t + " not in its group");
    }

    private static String ref(FusedGroup g, Plan p, int a, int loop) {
        FusedGroup.Op op = g.ops().get(a);
        if (op.kind() == OpKind.INPUT) {
            return layout(g, g.inputs().get(op.input())) == DENSE ? "in" + op.input() + "[b + i]" : "c" + a;
        }
        if (op.kind() == OpKind.CONSTANT) {
            return "K" + a;
        }
        if (p.loop[a] == loop) {
            return "v" + a;
        }
        return "m" + a + "[i]";
    }

    private static String expr(FusedGroup g, Plan p, FusedGroup.Op op, int loop) {
        String[] a = new String[op.args().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = ref(g, p, op.arg(i), loop);
        }
        boolean f = op.type() == ScalarType.F32;
        String zero = f ? "0f" : "0.0";
        return switch (op.kind()) {
            case NEG -> "-" + a[0];
            case ABS -> "Math.abs(" + a[0] + ")";
            case SQRT -> f ? "(float) Math.sqrt(" + a[0] + ")" : "Math.sqrt(" + a[0] + ")";
            case RSQRT -> (f ? "(float) " : "") + "(1.0 / Math.sqrt(" + a[0] + "))";
            case RELU -> "Math.max(" + a[0] + ", " + zero + ")";
            case SQUARE -> a[0] + " * " + a[0];
            case CAST -> "(" + javaType(op.type()) + ") " + a[0];
            case ADD -> a[0] + " + " + a[1];
            case SUB -> a[0] + " - " + a[1];
            case MUL -> a[0] + " * " + a[1];
            case DIV -> a[0] + " / " + a[1];
            case POW -> (f ? "(float) " : "") + "Math.pow(" + a[0] + ", " + a[1] + ")";
            case MIN -> "Math.min(" + a[0] + ", " + a[1] + ")";
            case MAX -> "Math.max(" + a[0] + ", " + a[1] + ")";
            case LT -> a[0] + " < " + a[1];
            case LE -> a[0] + " <= " + a[1];
            case GT -> a[0] + " > " + a[1];
            case GE -> a[0] + " >= " + a[1];
            case EQ -> a[0] + " == " + a[1];
            case NE -> a[0] + " != " + a[1];
            case WHERE -> a[0] + " ? " + a[1] + " : " + a[2];
            default -> throw new IllegalStateException(op.kind() + " is not generated inline");
        };
    }

    private static String lanesName(OpKind k) {
        return switch (k) {
            case EXP -> "exp";
            case LOG -> "log";
            case TANH -> "tanh";
            case SIGMOID -> "sigmoid";
            case GELU_ERF -> "gelu";
            case GELU_TANH -> "geluTanh";
            default -> throw new IllegalStateException(k + " has no lanes kernel");
        };
    }

    static String javaType(ScalarType t) {
        return switch (t) {
            case F32 -> "float";
            case F64 -> "double";
            case BOOL -> "boolean";
        };
    }

    private static String literal(ScalarType t, double v) {
        return switch (t) {
            case F32 -> "Float.intBitsToFloat(" + Float.floatToRawIntBits((float) v) + ")";
            case F64 -> "Double.longBitsToDouble(" + Double.doubleToRawLongBits(v) + "L)";
            case BOOL -> v != 0 ? "true" : "false";
        };
    }
}
