package org.fusemath.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {
    private static final int M = 3, K = 4, N = 5;

    private static Map<String, Expr> inputs() {
        Map<String, Expr> in = new LinkedHashMap<>();
        in.put("A", Expr.input("A", Data.doubles(M * K, 1), M, K));
        in.put("B", Expr.input("B", Data.doubles(K * N, 2), K, N));
        in.put("bias", Expr.input("bias", Data.doubles(N, 3)));
        in.put("x", Expr.input("x", Data.floats(M * N, 4), M, N));
        return in;
    }

    private static double[] eval(String text) {
        HostTensorView v = new HostTensorView(Interpreter.evaluate(ExpressionParser.parse(text, inputs())).get(0));
        return v.values;
    }

    /** The values of a tensor as doubles. */
    private record HostTensorView(double[] values) {
        HostTensorView(org.fusemath.api.HostTensor t) {
            this(toDoubles(t.array()));
        }

        static double[] toDoubles(Object a) {
            if (a instanceof double[] d) {
                return d;
            }
            float[] f = (float[]) a;
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
    }

    private static void assertSame(String text, Expr built) {
        Expr parsed = ExpressionParser.parse(text, inputs());
        assertEquals(built.toString(), parsed.toString(), text);
        assertArrayEquals(HostTensorView.toDoubles(Interpreter.evaluate(built).get(0).array()),
                HostTensorView.toDoubles(Interpreter.evaluate(parsed).get(0).array()), text);
    }

    @Test
    void readsTheIssueExampleAndPrecedenceAsPython() {
        Map<String, Expr> in = inputs();
        Expr a = in.get("A"), b = in.get("B"), bias = in.get("bias"), x = in.get("x");
        assertSame("relu(A @ B + bias) * 0.5", a.matmul(b).add(bias).relu().mul(0.5));
        assertSame("-x**2", x.pow(2).neg());
        assertSame("2 ** -1 * x", Expr.scalar(2).pow(Expr.scalar(1).neg()).mul(x));
        assertSame("x - 1 - 2", x.sub(1).sub(2));
        assertSame("x / 2 * 3", x.div(2).mul(3));
        assertSame("A.T.T" .substring(0, 0) + "(A.T @ A) + 1", a.matmul(a, true, false).add(1));
        assertSame("where(x > 0, x, 0.1 * x)", Expr.where(x.gt(0), x, Expr.scalar(0.1).mul(x)));
        assertSame("clamp(x, -1, 1)", x.clamp(Expr.scalar(1).neg(), Expr.scalar(1)));
        assertSame("np.maximum(x, bias)", x.maximum(bias));
        assertSame("x - max(x, axis=1)", x.sub(x.max(1)));
        assertSame("exp(x - max(x, axis=-1)) / sum(exp(x - max(x, axis=-1)), axis=-1)", x.softmax(-1));
        assertSame("mean(x)", x.mean());
        assertSame("sum(x, axis=(0, 1), keepdims=True)", x.sum(0, 1));
        assertSame("gelu_tanh(x) + gelu(x) + rsqrt(abs(x) + 1e-3) + square(sigmoid(x)) - tanh(log(sqrt(x * x + 1.5)))",
                x.geluTanh().add(x.gelu()).add(x.abs().add(1e-3).rsqrt()).add(x.sigmoid().square())
                        .sub(x.mul(x).add(1.5).sqrt().log().tanh()));
    }

    @Test
    void tupleAxesReadAsNumPyWithPositionsForTheirErrors() {
        Map<String, Expr> in = new LinkedHashMap<>();
        Expr t = Expr.input("t", Data.doubles(2 * 3 * 4, 5), 2, 3, 4);
        in.put("t", t);
        assertEquals(t.sub(t.max(0, 2)).toString(), ExpressionParser.parse("t - max(t, axis=(0, 2))", in).toString());
        assertEquals(t.sum(0, 2).toString(), ExpressionParser.parse("sum(t, axis=(-1, 0))", in).toString());
        assertEquals(t.min(1).toString(), ExpressionParser.parse("np.min(t, axis=(1,))", in).toString());
        assertArrayEquals(new long[] {1, 3, 1}, ExpressionParser.parse("mean(t, axis=(2, 0))", in).shape());
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("sum(t, axis=(0 2))", in));
        assertEquals(15, e.position());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("sum(t, axis=())", in));
        assertTrue(e.getMessage().contains("empty axis tuple"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("sum(t, axis=(0, x))", in));
        assertEquals(16, e.position());
        InvalidArgumentException twice = assertThrows(InvalidArgumentException.class, () -> ExpressionParser.parse("sum(t, axis=(0, -3))", in));
        assertTrue(twice.getMessage().contains("each axis at most once"), twice.getMessage());
        InvalidArgumentException range = assertThrows(InvalidArgumentException.class, () -> ExpressionParser.parse("max(t, axis=(0, 3))", in));
        assertTrue(range.getMessage().contains("axis 3"), range.getMessage());
    }

    @Test
    void numpyDtypesOfParsedExpressions() {
        assertEquals(DType.F32, ExpressionParser.parse("x * 2.5 + 1", inputs()).dtype());
        assertEquals(DType.F64, ExpressionParser.parse("x + bias", inputs()).dtype());
        assertEquals(DType.F64, ExpressionParser.parse("2 * 3", inputs()).dtype());
        assertEquals(6.0, eval("2 * 3")[0]);
        assertArrayEquals(new long[] {M, 1}, ExpressionParser.parse("sum(x, axis=1)", inputs()).shape());
    }

    @Test
    void syntaxErrorsAndUnknownNamesGiveThePosition() {
        Map<String, Expr> in = inputs();
        ExpressionSyntaxException e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("relu(A @ C)", in));
        assertEquals(9, e.position());
        assertTrue(e.getMessage().contains("unknown name 'C'") && e.getMessage().contains("A, B, bias, x"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("x + * 2", in));
        assertEquals(4, e.position());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("(x + 2", in));
        assertEquals(6, e.position());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("foo(x)", in));
        assertTrue(e.getMessage().contains("unknown function 'foo'"), e.getMessage());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("x $ 2", in));
        assertEquals(2, e.position());
        e = assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("A.T + 1", in));
        assertTrue(e.getMessage().contains("only supported in a matmul"), e.getMessage());
        assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("sum(x, axis=1, keepdims=False)", in));
        assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("relu(x, x)", in));
        assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("0 < x < 1", in));
        assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("(".repeat(500) + "x" + ")".repeat(500), in));
        assertThrows(ExpressionSyntaxException.class, () -> ExpressionParser.parse("", in));
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class, () -> ExpressionParser.parse("A + B", in));
        assertTrue(s.getMessage().contains("add(A, B)"), s.getMessage());
        InvalidArgumentException cmp = assertThrows(InvalidArgumentException.class, () -> ExpressionParser.parse("(x > 0) * 2", in));
        assertTrue(cmp.getMessage().contains("where() condition"), cmp.getMessage());
        assertThrows(InvalidArgumentException.class, () -> ExpressionParser.parse("sum(x, axis=2)", in));
    }
}
