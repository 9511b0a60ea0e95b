package org.fusemath.fusion.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.fusion.Expr;
import org.fusemath.fusion.ExpressionParser;
import org.fusemath.fusion.Fusion;
import org.fusemath.fusion.FusionPlan;

/**
 * {@code fusemath exec fuse --expr "relu(A @ B + bias) * 0.5" --in A=a.npy --in B=b.npy --in bias=bias.npy
 * --out y.npy [--explain]}: evaluates a NumPy expression over named inputs as one fused plan (see
 * {@link ExpressionParser} for the syntax) and, with {@code --explain}, prints the plan. Inputs keep their own
 * dtypes: NumPy's promotion applies per operation, as in NumPy.
 */
public final class FuseExecOperation implements ExecOperation {
    static final ExecParameter EXPR = ExecParameter.text("expr", null,
            "the expression, in NumPy syntax over the input names", v -> {
                if (v == null || v.isBlank()) {
                    throw new InvalidArgumentException("--expr", "'" + v + "'", "a non-empty expression");
                }
            });
    static final ExecParameter EXPLAIN = ExecParameter.flag("explain", "print the plan: each launch, what it covers, its bytes");

    @Override
    public String name() {
        return "fuse";
    }

    @Override
    public String summary() {
        return "a NumPy expression over named inputs (--in NAME=FILE), planned into fused launches: names, numbers,"
                + " + - * / ** @, .T in a matmul, comparisons in where(), relu sigmoid tanh exp log sqrt rsqrt abs square"
                + " gelu gelu_tanh clamp maximum minimum where, sum/max/min/mean(x, axis=k) keeping the axis";
    }

    @Override
    public List<ExecParameter> parameters() {
        return List.of(EXPR, EXPLAIN);
    }

    @Override
    public boolean promotesInputs() {
        return false;
    }

    @Override
    public List<HostTensor> execute(ExecRequest request) {
        String text = request.option(EXPR);
        if (text == null) {
            throw new InvalidArgumentException("--expr", "missing", "an expression such as \"relu(A @ B + bias) * 0.5\"");
        }
        Map<String, Expr> inputs = new LinkedHashMap<>();
        for (int i = 0; i < request.inputs().size(); i++) {
            String name = request.inputNames().get(i);
            if (name.isEmpty()) {
                throw new InvalidArgumentException("--in #" + (i + 1), "an unnamed file",
                        "NAME=FILE (fuse reads its inputs by the names the expression uses)");
            }
            if (inputs.containsKey(name)) {
                throw new InvalidArgumentException("--in " + name, "given twice", "one file per name");
            }
            inputs.put(name, Expr.input(name, request.inputs().get(i)));
        }
        Expr e = ExpressionParser.parse(text, inputs);
        request.requireAllocatable("the result of fuse", e.dtype(), e.shape());
        FuseContext context = FuseContext.builder().execution(request.execution()).build();
        try (FusionPlan plan = Fusion.plan(context, e)) {
            if ("true".equalsIgnoreCase(request.option(EXPLAIN))) {
                for (String line : plan.explain().split("\n")) {
                    request.messages().accept(line);
                }
            }
            return List.of(plan.execute());
        } finally {
            context.close();
        }
    }
}
