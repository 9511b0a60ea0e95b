package org.fusemath.fusion.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.Space;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.fusemath.fusion.Expr;
import org.fusemath.fusion.Fusion;
import org.fusemath.fusion.FusionPlan;
import org.fusemath.fusion.Interpreter;
import org.fusemath.fusion.Unfused;

/**
 * The fusion {@code fusemath validate} cases: each fused plan on the host against the unfused sequence of library
 * calls ({@link Unfused}: bare matmuls, one pass per node) and against the {@link Interpreter} (double
 * accumulation), per dtype; and each on the device (the context the harness passes, where a device is usable)
 * against the interpreter. The error is max |fused − reference| / (u · scaleᵢ): scaleᵢ is the magnitude the
 * rounding errors of element i are proportional to (for a product, (|A|·|B|)ᵢⱼ + |bias|ⱼ, times the largest slope
 * of what follows; for element-wise chains the sizes of the chain's terms), and the bound counts the roundings:
 * 2(k + 2) for a GEMM of depth k and its epilogue (each reference is itself within (k + 2)·u·scale of the exact
 * value), 8 per transcendental op (the host's functions are within 1 ulp of the double result, the generated ones
 * state theirs), n + 8 for a reduction over n elements (softmax along columns: 2(m + 12) for m rows, both sides
 * summing m positive terms).
 */
public final class FusionValidationSuite implements ValidationSuite {
    @Override
    public String domain() {
        return "fusion";
    }

    @Override
    public List<ValidationCase> cases() {
        List<ValidationCase> cases = new ArrayList<>();
        for (Problem p : Problem.values()) {
            for (DType t : new DType[] {DType.F32, DType.F64}) {
                for (String ref : new String[] {"unfused", "interpreter"}) {
                    cases.add(new Case(p, t, ref, t == DType.F64 && ref.equals("unfused"), Space.HOST));
                }
            }
        }
        // The same plans on the device (cuBLASLt and generated CUDA kernels), against the interpreter on the host.
        for (Problem p : Problem.values()) {
            for (DType t : new DType[] {DType.F32, DType.F64}) {
                cases.add(new Case(p, t, "interpreter", t == DType.F64, Space.DEVICE));
            }
        }
        return cases;
    }

    /** The validated expressions. */
    enum Problem {
        RELU_BIAS_HALF("relu(A@B+bias)*0.5", 64, 48, 32),
        GELU_TANH_BIAS("gelu_tanh(A@B+bias)", 64, 48, 32),
        SOFTMAX_ROWS("softmax(A@B, rows)", 32, 24, 40),
        CHAIN("maximum(a*x+b, 0)*y-c", 100_000, 1, 1),
        SIGMOID_TANH("sigmoid(x)*y-0.25*tanh(x)", 100_000, 1, 1),
        LAYER_NORM("layer_norm(x, rows)", 64, 1, 256),
        BROADCAST_AFFINE("(x-mu)/sd*g+bias, keepdims columns and row vectors", 64, 1, 256),
        SOFTMAX_COLUMNS("softmax(x, axis=0)", 256, 1, 64);

        final String text;
        final int m;
        final int k;
        final int n;

        Problem(String text, int m, int k, int n) {
            this.text = text;
            this.m = m;
            this.k = k;
            this.n = n;
        }
    }

    private record Case(Problem p, DType dtype, String reference, boolean quick, Space space) implements ValidationCase {
        @Override
        public String op() {
            return "fuse[" + p.text + "]";
        }

        @Override
        public String shape() {
            String dims = p.k > 1 ? p.m + "x" + p.k + "x" + p.n : p.n > 1 ? p.m + "x" + p.n : Integer.toString(p.m);
            return dims + " vs " + reference;
        }

        @Override
        public ValidationResult run(FuseContext context) {
            SplittableRandom r = new SplittableRandom(31L * p.ordinal() + dtype.ordinal());
            Problems.Built b = Problems.build(p, dtype, r);
            HostTensor fused;
            try (FusionPlan plan = Fusion.plan(context, b.expr())) {
                fused = plan.execute();
            }
            HostTensor ref = reference.equals("unfused") ? Unfused.evaluate(b.expr()).get(0)
                    : Interpreter.evaluate(b.expr()).get(0);
            double u = dtype.unitRoundoff();
            double worst = 0;
            for (int i = 0; i < b.scale().length; i++) {
                double f = get(fused.array(), i);
                double w = get(ref.array(), i);
                double e = f == w ? 0 : Math.abs(f - w) / (u * b.scale()[i]);
                if (Double.isNaN(e)) {
                    return new ValidationResult(Double.NaN, b.bound(), "|fused-ref|/(u*scale)");
                }
                worst = Math.max(worst, e);
            }
            return new ValidationResult(worst, b.bound(), "|fused-" + reference + "|/(u*scale)");
        }
    }

    static double get(Object a, int i) {
        return a instanceof float[] f ? f[i] : ((double[]) a)[i];
    }
}
