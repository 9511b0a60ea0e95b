package org.fusemath.fusion;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fusemath.api.FusemathException;
import org.fusemath.api.InvalidArgumentException;

/** Whatever text is given, parsing and planning fail only with fusemath's own exceptions, never a JVM one. */
class MalformedExpressionPropertyTest {
    private static final String[] PIECES = {"A", "B", "x", "bias", "s", "q", "1", "0.5", "2e3", "1e", ".", "..", "+", "-",
        "*", "/", "**", "@", "(", ")", ",", "<", "<=", "==", "!=", ">", "relu(", "where(", "sum(", "axis=", "axis=1",
        "axis=-1", "axis=(0,1)", "keepdims=True", "np.", ".T", "clamp(", "maximum(", "mean(", "max(", "gelu(", " ",
        "=", "$", "inf", "nan", "axis=None", "None", "T"};

    @Provide
    Arbitrary<String> expressions() {
        return Arbitraries.of(PIECES).list().ofMinSize(0).ofMaxSize(14).map(l -> String.join("", l));
    }

    @Property(tries = 1500)
    void onlyFusemathExceptions(@ForAll("expressions") String text) {
        Map<String, Expr> in = new LinkedHashMap<>();
        in.put("A", Expr.input("A", new double[6], 2, 3));
        in.put("B", Expr.input("B", new double[12], 3, 4));
        in.put("x", Expr.input("x", new float[8], 2, 4));
        in.put("bias", Expr.input("bias", new double[4]));
        in.put("s", Expr.input("s", new double[] {2}, new long[0]));
        in.put("q", Expr.input("q", new double[2], 2, 1));
        try {
            Expr e = ExpressionParser.parse(text, in);
            if (e.node().type() != org.fusemath.fusion.ir.ScalarType.BOOL) {
                Fusion.evaluate(e);
            } else {
                Fusion.plan(e);
            }
        } catch (InvalidArgumentException | FusemathException expected) {
            // the contract: a specific, fusemath-defined failure
        }
    }
}
