package org.fusemath.fusion.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.fusemath.cuda.KernelSource;
import org.fusemath.cuda.LaunchConfig;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;

/**
 * CUDA C for one {@link FusedGroup}, from the same IR the host generator and the interpreter read.
 *
 * <p>Element-wise groups become a grid-stride loop over the flat index, with float4 / double2 loads and stores
 * when every array is dense and of one type and the pointers are 16-byte aligned (checked in the kernel; the
 * scalar loop covers the rest). Groups with reductions get one block per outer index (grid-stride over outer
 * indices): each stage is a block-stride loop over the reduced elements that accumulates per thread, then a
 * warp-shuffle and shared-memory block reduction whose result every thread reads in the next stage (softmax:
 * max, then sum of exp, then the divide). Shapes and strides are compiled in (they are part of the group's key,
 * and the constant divisors become multiplies); indices are 32-bit when every offset fits and 64-bit otherwise.
 * Arithmetic follows {@link org.fusemath.fusion.ir.ScalarSemantics}: NaN-propagating min/max/relu and no FMA
 * contraction ({@link CudaKernel#OPTIONS}). Thread-safe (stateless).
 */
public final class CudaSourceGenerator {
    /** Threads per block of every generated kernel. */
    public static final int BLOCK = 256;
    private static final int MAX_GRID = 1 << 20;

    private static final String PRELUDE = """
            // fusemath fused kernel (generated)
            __device__ __forceinline__ float fm_max(float a, float b) { return (a != a || b != b) ? __int_as_float(0x7fc00000) : fmaxf(a, b); }
            __device__ __forceinline__ float fm_min(float a, float b) { return (a != a || b != b) ? __int_as_float(0x7fc00000) : fminf(a, b); }
            __device__ __forceinline__ double fm_max(double a, double b) { return (a != a || b != b) ? __longlong_as_double(0x7ff8000000000000LL) : fmax(a, b); }
            __device__ __forceinline__ double fm_min(double a, double b) { return (a != a || b != b) ? __longlong_as_double(0x7ff8000000000000LL) : fmin(a, b); }
            __device__ __forceinline__ float fm_relu(float x) { return (x > 0.0f || x != x) ? x : 0.0f; }
            __device__ __forceinline__ double fm_relu(double x) { return (x > 0.0 || x != x) ? x : 0.0; }
            __device__ __forceinline__ float fm_sigmoid(float x) { if (x >= 0.0f) return 1.0f / (1.0f + expf(-x)); float e = expf(x); return e / (1.0f + e); }
            __device__ __forceinline__ double fm_sigmoid(double x) { if (x >= 0.0) return 1.0 / (1.0 + exp(-x)); double e = exp(x); return e / (1.0 + e); }
            __device__ __forceinline__ float fm_gelu(float x) { return 0.5f * x * erfcf(-x * 0.70710678118654752f); }
            __device__ __forceinline__ double fm_gelu(double x) { return 0.5 * x * erfc(-x * 0.70710678118654752); }
            __device__ __forceinline__ float fm_gelu_tanh(float x) { return x * fm_sigmoid(1.5957691216057308f * (x + 0.044715f * x * x * x)); }
            __device__ __forceinline__ double fm_gelu_tanh(double x) { return x * fm_sigmoid(1.5957691216057308 * (x + 0.044715 * x * x * x)); }
            """;

    private CudaSourceGenerator() {
    }

    /** The kernel for {@code group}. */
    public static CudaKernel generate(FusedGroup group) {
        String entry = "fused_" + sha256(group.key()).substring(0, 16);
        return group.hasReduction() ? new ReductionWriter(group, entry).kernel() : new ElementwiseWriter(group, entry).kernel();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    static String cType(ScalarType t) {
        return switch (t) {
            case F32 -> "float";
            case F64 -> "double";
            case BOOL -> "bool";
        };
    }

    /** Shared parts of both kernel forms: parameters, index arithmetic and the expression of each op. */
    private abstract static class Writer {
        final FusedGroup g;
        final String entry;
        final String idx;
        final List<String> params = new ArrayList<>();

        Writer(FusedGroup g, String entry) {
            this.g = g;
            this.entry = entry;
            this.idx = fits32(g) ? "int" : "long long";
            for (int k = 0; k < g.inputs().size(); k++) {
                params.add("const " + cType(g.inputs().get(k).type()) + "* __restrict__ in" + k);
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                params.add(cType(g.outputs().get(k).type()) + "* __restrict__ out" + k);
            }
        }

        /**
         * Whether every index a thread forms fits a 32-bit signed int: the element count plus one grid-stride step
         * (a thread's last increment goes past the end before the loop test).
         */
        private static boolean fits32(FusedGroup g) {
            return g.shape().size() + (long) MAX_GRID * BLOCK * 4 < Integer.MAX_VALUE;
        }

        String signature() {
            return "extern \"C\" __global__ void __launch_bounds__(" + BLOCK + ") " + entry + "(" + String.join(", ", params) + ")";
        }

        /** Offset expression of an array with {@code strides} at coordinates c0..c(rank-1). */
        String offset(long[] strides) {
            StringBuilder sb = new StringBuilder();
            for (int a = 0; a < strides.length; a++) {
                if (strides[a] != 0) {
                    sb.append(sb.length() == 0 ? "" : " + ").append("c").append(a).append(" * (").append(idx).append(") ")
                            .append(strides[a]);
                }
            }
            return sb.length() == 0 ? "0" : sb.toString();
        }

        String expr(FusedGroup.Op op) {
            String[] a = new String[op.args().length];
            for (int i = 0; i < a.length; i++) {
                a[i] = ref(op.arg(i));
            }
            boolean f = op.type() == ScalarType.F32;
            String sfx = f ? "f" : "";
            return switch (op.kind()) {
                case INPUT -> "in" + op.input() + "[" + offset(g.inputs().get(op.input()).strides()) + "]";
                case CONSTANT -> literal(op.type(), op.constant());
                case NEG -> "-" + a[0];
                case ABS -> "fabs" + sfx + "(" + a[0] + ")";
                case SQRT -> "sqrt" + sfx + "(" + a[0] + ")";
                case RSQRT -> (f ? "1.0f / sqrtf(" : "1.0 / sqrt(") + a[0] + ")";
                case EXP -> "exp" + sfx + "(" + a[0] + ")";
                case LOG -> "log" + sfx + "(" + a[0] + ")";
                case TANH -> "tanh" + sfx + "(" + a[0] + ")";
                case SIGMOID -> "fm_sigmoid(" + a[0] + ")";
                case RELU -> "fm_relu(" + a[0] + ")";
                case GELU_ERF -> "fm_gelu(" + a[0] + ")";
                case GELU_TANH -> "fm_gelu_tanh(" + a[0] + ")";
                case SQUARE -> a[0] + " * " + a[0];
                case CAST -> "(" + cType(op.type()) + ") " + a[0];
                case ADD -> a[0] + " + " + a[1];
                case SUB -> a[0] + " - " + a[1];
                case MUL -> a[0] + " * " + a[1];
                case DIV -> a[0] + " / " + a[1];
                case POW -> "pow" + sfx + "(" + a[0] + ", " + a[1] + ")";
                case MIN -> "fm_min(" + a[0] + ", " + a[1] + ")";
                case MAX -> "fm_max(" + a[0] + ", " + a[1] + ")";
                case LT -> a[0] + " < " + a[1];
                case LE -> a[0] + " <= " + a[1];
                case GT -> a[0] + " > " + a[1];
                case GE -> a[0] + " >= " + a[1];
                case EQ -> a[0] + " == " + a[1];
                case NE -> a[0] + " != " + a[1];
                case WHERE -> a[0] + " ? " + a[1] + " : " + a[2];
                default -> throw new IllegalStateException(op.kind() + " is not an element-wise op");
            };
        }

        String ref(int op) {
            return "v" + op;
        }

        /** c0..c(rank-1) from a flat C-order index over {@code axes} of the group's shape. */
        void coordinates(StringBuilder sb, String indent, String flat, int[] axes) {
            Shape s = g.shape();
            sb.append(indent).append(idx).append(" r_ = ").append(flat).append(";\n");
            for (int k = axes.length - 1; k >= 0; k--) {
                int a = axes[k];
                sb.append(indent).append(idx).append(" c").append(a).append(" = r_ % ").append(s.dim(a)).append(";");
                sb.append(" r_ /= ").append(s.dim(a)).append(";\n");
            }
            sb.append(indent).append("(void) r_;\n");
        }
    }

    private static String literal(ScalarType t, double v) {
        return switch (t) {
            case F32 -> "__int_as_float(" + Float.floatToRawIntBits((float) v) + ")";
            case F64 -> "__longlong_as_double(" + Double.doubleToRawLongBits(v) + "LL)";
            case BOOL -> v != 0 ? "true" : "false";
        };
    }

    /** Element-wise groups: one grid-stride loop, with a vector path for aligned dense arrays of one type. */
    private static final class ElementwiseWriter extends Writer {
        ElementwiseWriter(FusedGroup g, String entry) {
            super(g, entry);
            params.add("long long n");
        }

        CudaKernel kernel() {
            Shape s = g.shape();
            int[] all = new int[s.rank()];
            for (int a = 0; a < all.length; a++) {
                all[a] = a;
            }
            long[] dense = s.stridesIn(s);
            boolean allDense = true;
            ScalarType common = null;
            for (FusedGroup.Input in : g.inputs()) {
                boolean scalar = Arrays.stream(in.strides()).allMatch(v -> v == 0);
                allDense &= scalar || Arrays.equals(in.strides(), dense);
                if (!scalar) {
                    common = common == null || common == in.type() ? in.type() : ScalarType.BOOL;
                }
            }
            for (FusedGroup.Output o : g.outputs()) {
                allDense &= Arrays.equals(o.strides(), dense);
                common = common == null || common == o.type() ? o.type() : ScalarType.BOOL;
            }
            boolean vector = allDense && (common == ScalarType.F32 || common == ScalarType.F64);
            StringBuilder sb = new StringBuilder(PRELUDE);
            // The body as a device function of the flat index: dense arrays need no coordinates.
            sb.append("\nstatic __device__ __forceinline__ void body(");
            List<String> bodyParams = new ArrayList<>(params.subList(0, params.size() - 1));
            bodyParams.add(idx + " i");
            sb.append(String.join(", ", bodyParams)).append(") {\n");
            if (!allDense) {
                coordinates(sb, "    ", "i", all);
            }
            for (FusedGroup.Op op : g.ops()) {
                String e = op.kind() == OpKind.INPUT && allDense
                        ? "in" + op.input() + "[" + (Arrays.stream(g.inputs().get(op.input()).strides()).allMatch(v -> v == 0) ? "0" : "i") + "]"
                        : expr(op);
                sb.append("    const ").append(cType(op.type())).append(" v").append(op.index()).append(" = ").append(e).append(";\n");
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                FusedGroup.Output o = g.outputs().get(k);
                sb.append("    out").append(k).append("[").append(allDense ? "i" : offset(o.strides())).append("] = v").append(o.op()).append(";\n");
            }
            sb.append("}\n\n");
            StringBuilder call = new StringBuilder("body(");
            for (int k = 0; k < g.inputs().size(); k++) {
                call.append("in").append(k).append(", ");
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                call.append("out").append(k).append(", ");
            }
            sb.append(signature()).append(" {\n");
            sb.append("    const ").append(idx).append(" count = (").append(idx).append(") n;\n");
            sb.append("    const ").append(idx).append(" stride = (").append(idx).append(") blockDim.x * gridDim.x;\n");
            sb.append("    const ").append(idx).append(" first = (").append(idx).append(") blockIdx.x * blockDim.x + threadIdx.x;\n");
            if (vector) {
                int width = common == ScalarType.F32 ? 4 : 2;
                StringBuilder or = new StringBuilder("(unsigned long long) 0");
                for (int k = 0; k < g.inputs().size(); k++) {
                    or.append(" | (unsigned long long) in").append(k);
                }
                for (int k = 0; k < g.outputs().size(); k++) {
                    or.append(" | (unsigned long long) out").append(k);
                }
                String vt = cType(common) + width;
                sb.append("    if (((").append(or).append(") & 15) == 0) {\n");
                sb.append("        // aligned: ").append(width).append(" elements per thread and step, through ").append(vt).append(" loads and stores\n");
                sb.append("        const ").append(idx).append(" vectors = count / ").append(width).append(";\n");
                sb.append("        for (").append(idx).append(" v = first; v < vectors; v += stride) {\n");
                sb.append(vectorBody(width, vt));
                sb.append("        }\n");
                sb.append("        for (").append(idx).append(" i = vectors * ").append(width).append(" + first; i < count; i += stride) {\n");
                sb.append("            ").append(call).append("i);\n        }\n        return;\n    }\n");
            }
            sb.append("    for (").append(idx).append(" i = first; i < count; i += stride) {\n");
            sb.append("        ").append(call).append("i);\n    }\n}\n");
            long size = s.size();
            long per = vector ? (common == ScalarType.F32 ? 4 : 2) : 1;
            long blocks = Math.max(1, Math.min(MAX_GRID, (size / per + BLOCK - 1) / BLOCK));
            return new CudaKernel(new KernelSource(entry + ".cu", sb.toString()), entry, params,
                    new LaunchConfig((int) blocks, 1, 1, BLOCK, 1, 1, 0), false);
        }

        /** Loads each dense input as one vector, evaluates the ops per lane, stores each output as one vector. */
        private String vectorBody(int width, String vt) {
            String[] lanes = {"x", "y", "z", "w"};
            StringBuilder sb = new StringBuilder();
            String ind = "            ";
            for (int k = 0; k < g.inputs().size(); k++) {
                boolean scalar = Arrays.stream(g.inputs().get(k).strides()).allMatch(v -> v == 0);
                if (!scalar) {
                    sb.append(ind).append("const ").append(vt).append(" a").append(k).append(" = reinterpret_cast<const ")
                            .append(vt).append("*>(in").append(k).append(")[v];\n");
                }
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                sb.append(ind).append(vt).append(" b").append(k).append(";\n");
            }
            for (int l = 0; l < width; l++) {
                sb.append(ind).append("{\n");
                for (FusedGroup.Op op : g.ops()) {
                    String e;
                    if (op.kind() == OpKind.INPUT) {
                        boolean scalar = Arrays.stream(g.inputs().get(op.input()).strides()).allMatch(v -> v == 0);
                        e = scalar ? "in" + op.input() + "[0]" : "a" + op.input() + "." + lanes[l];
                    } else {
                        e = expr(op);
                    }
                    sb.append(ind).append("    const ").append(cType(op.type())).append(" v").append(op.index()).append(" = ").append(e).append(";\n");
                }
                for (int k = 0; k < g.outputs().size(); k++) {
                    sb.append(ind).append("    b").append(k).append(".").append(lanes[l]).append(" = v").append(g.outputs().get(k).op()).append(";\n");
                }
                sb.append(ind).append("}\n");
            }
            for (int k = 0; k < g.outputs().size(); k++) {
                sb.append(ind).append("reinterpret_cast<").append(vt).append("*>(out").append(k).append(")[v] = b").append(k).append(";\n");
            }
            return sb.toString();
        }
    }

    /** Groups with reductions: one block per outer index, one block-stride loop per stage, block reductions. */
    private static final class ReductionWriter extends Writer {
        private final int[] outer;
        private final int[] inner;
        private final long outerCount;
        private final long innerCount;

        ReductionWriter(FusedGroup g, String entry) {
            super(g, entry);
            params.add("long long rows");
            Shape s = g.shape();
            inner = g.reducedAxes();
            List<Integer> o = new ArrayList<>();
            for (int a = 0; a < s.rank(); a++) {
                final int axis = a;
                if (Arrays.stream(inner).noneMatch(x -> x == axis)) {
                    o.add(a);
                }
            }
            outer = o.stream().mapToInt(Integer::intValue).toArray();
            long oc = 1;
            for (int a : outer) {
                oc *= s.dim(a);
            }
            long ic = 1;
            for (int a : inner) {
                ic *= s.dim(a);
            }
            outerCount = oc;
            innerCount = ic;
        }

        @Override
        String ref(int op) {
            FusedGroup.Op o = g.ops().get(op);
            return o.kind().isReduction() ? "red" + op : "v" + op;
        }

        private static String identity(OpKind k, ScalarType t) {
            boolean f = t == ScalarType.F32;
            return switch (k) {
                case REDUCE_SUM -> f ? "0.0f" : "0.0";
                case REDUCE_MAX -> f ? "__int_as_float(0xff800000)" : "__longlong_as_double(0xfff0000000000000LL)";
                case REDUCE_MIN -> f ? "__int_as_float(0x7f800000)" : "__longlong_as_double(0x7ff0000000000000LL)";
                default -> throw new IllegalStateException(k + " is not a reduction");
            };
        }

        private static String combine(OpKind k, String a, String b) {
            return switch (k) {
                case REDUCE_SUM -> a + " + " + b;
                case REDUCE_MAX -> "fm_max(" + a + ", " + b + ")";
                case REDUCE_MIN -> "fm_min(" + a + ", " + b + ")";
                default -> throw new IllegalStateException(k + " is not a reduction");
            };
        }

        CudaKernel kernel() {
            StringBuilder sb = new StringBuilder(PRELUDE);
            sb.append("""

                    // Block reduction: warp shuffles, then one value per warp through shared memory; every thread
                    // returns the block's result (the caller's next stage reads it).
                    template <typename T, int KIND>
                    static __device__ __forceinline__ T combine(T a, T b) { return KIND == 0 ? a + b : (KIND == 1 ? fm_max(a, b) : fm_min(a, b)); }
                    template <typename T, int KIND>
                    static __device__ T block_reduce(T v, T* shared) {
                        for (int off = 16; off > 0; off >>= 1) v = combine<T, KIND>(v, __shfl_down_sync(0xffffffffu, v, off));
                        const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
                        __syncthreads();
                        if (lane == 0) shared[warp] = v;
                        __syncthreads();
                        if (warp == 0) {
                            v = shared[0];
                            for (int w = 1; w < (int) (blockDim.x >> 5); w++) v = combine<T, KIND>(v, shared[w]);
                            if (lane == 0) shared[32] = v;
                        }
                        __syncthreads();
                        return shared[32];
                    }

                    """);
            sb.append(signature()).append(" {\n");
            sb.append("    __shared__ float shf[33];\n    __shared__ double shd[33];\n");
            sb.append("    for (").append(idx).append(" row = blockIdx.x; row < (").append(idx).append(") rows; row += gridDim.x) {\n");
            for (int st = 0; st < g.stages(); st++) {
                List<FusedGroup.Op> body = g.loopBody(st);
                sb.append("        // stage ").append(st).append("\n");
                List<FusedGroup.Op> reds = new ArrayList<>();
                for (FusedGroup.Op op : body) {
                    if (op.kind().isReduction()) {
                        reds.add(op);
                        sb.append("        ").append(cType(op.type())).append(" acc").append(op.index()).append(" = ")
                                .append(identity(op.kind(), op.type())).append(";\n");
                    }
                }
                sb.append("        for (").append(idx).append(" j = threadIdx.x; j < (").append(idx).append(") ").append(innerCount)
                        .append("; j += blockDim.x) {\n");
                coordinatesOf(sb, "            ");
                for (FusedGroup.Op op : body) {
                    if (op.kind().isReduction()) {
                        sb.append("            acc").append(op.index()).append(" = ").append(combine(op.kind(), "acc" + op.index(), ref(op.arg(0)))).append(";\n");
                    } else {
                        sb.append("            const ").append(cType(op.type())).append(" v").append(op.index()).append(" = ").append(expr(op)).append(";\n");
                    }
                }
                for (FusedGroup.Output o : g.outputsAt(st)) {
                    if (!g.ops().get(o.op()).kind().isReduction()) {
                        sb.append("            out").append(g.outputs().indexOf(o)).append("[").append(offset(o.strides())).append("] = v").append(o.op()).append(";\n");
                    }
                }
                sb.append("        }\n");
                for (FusedGroup.Op r : reds) {
                    int kind = r.kind() == OpKind.REDUCE_SUM ? 0 : r.kind() == OpKind.REDUCE_MAX ? 1 : 2;
                    String sh = r.type() == ScalarType.F32 ? "shf" : "shd";
                    sb.append("        const ").append(cType(r.type())).append(" red").append(r.index()).append(" = block_reduce<")
                            .append(cType(r.type())).append(", ").append(kind).append(">(acc").append(r.index()).append(", ").append(sh).append(");\n");
                }
                for (FusedGroup.Output o : g.outputsAt(st)) {
                    if (g.ops().get(o.op()).kind().isReduction()) {
                        sb.append("        if (threadIdx.x == 0) {\n");
                        coordinatesOfRow(sb, "            ");
                        sb.append("            out").append(g.outputs().indexOf(o)).append("[").append(offset(o.strides())).append("] = red").append(o.op()).append(";\n");
                        sb.append("        }\n");
                    }
                }
            }
            sb.append("    }\n}\n");
            long blocks = Math.max(1, Math.min(MAX_GRID, outerCount));
            return new CudaKernel(new KernelSource(entry + ".cu", sb.toString()), entry, params,
                    new LaunchConfig((int) blocks, 1, 1, BLOCK, 1, 1, 0), true);
        }

        /** Coordinates of every axis: outer ones from {@code row}, reduced ones from {@code j}. */
        private void coordinatesOf(StringBuilder sb, String ind) {
            decompose(sb, ind, "row", outer, "ro_");
            decompose(sb, ind, "j", inner, "ri_");
        }

        private void coordinatesOfRow(StringBuilder sb, String ind) {
            decompose(sb, ind, "row", outer, "ro_");
        }

        private void decompose(StringBuilder sb, String ind, String flat, int[] axes, String tmp) {
            sb.append(ind).append(idx).append(' ').append(tmp).append(" = ").append(flat).append(";\n");
            for (int k = axes.length - 1; k >= 0; k--) {
                int a = axes[k];
                sb.append(ind).append("const ").append(idx).append(" c").append(a).append(" = ").append(tmp).append(" % ")
                        .append(g.shape().dim(a)).append("; ").append(tmp).append(" /= ").append(g.shape().dim(a)).append(";\n");
            }
            sb.append(ind).append("(void) ").append(tmp).append(";\n");
        }
    }
}
