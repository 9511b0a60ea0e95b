package org.fusemath.fusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * Reads an expression written as NumPy would: input names, numeric literals (Python scalars: weakly typed),
 * {@code + - * / ** @}, unary {@code -}, parentheses, {@code X.T} as a matmul operand, comparisons
 * {@code < <= > >= == !=} (as where()'s condition), the functions {@code relu sigmoid tanh exp log sqrt rsqrt abs
 * square gelu gelu_tanh clamp(x, lo, hi) maximum(x, y) minimum(x, y) where(c, a, b)} (an optional {@code np.} prefix
 * is accepted) and the reductions {@code sum max min mean} as {@code sum(x)} or {@code sum(x, axis=1)}, which keep
 * the reduced axis (keepdims=True) so that they broadcast back. Precedence is Python's: comparisons, then
 * {@code + -}, then {@code * / @}, then unary minus, then {@code **} (right-associative, so {@code -x**2} is
 * {@code -(x**2)}). Errors are {@link ExpressionSyntaxException}s with the position; shape and dtype errors name the
 * node as the expression API does. Stateless and thread-safe.
 */
public final class ExpressionParser {
    private static final int MAX_DEPTH = 200;

    private ExpressionParser() {
    }

    /** The expression {@code text} over the inputs {@code inputs} (by name). */
    public static Expr parse(String text, Map<String, Expr> inputs) {
        Arguments.requireNonNull(text, "text");
        Arguments.requireNonNull(inputs, "inputs");
        Lexer lexer = new Lexer(text);
        Parser p = new Parser(text, lexer.tokens(), inputs);
        Value v = p.comparison(0);
        if (p.peek().kind != Tok.END) {
            throw p.error(p.peek(), "unexpected " + p.peek().describe());
        }
        return p.plain(v, "the expression");
    }

    private enum Tok {
        NUMBER, NAME, OP, LPAREN, RPAREN, COMMA, DOT, EQUALS, END
    }

    private record Token(Tok kind, String text, int pos) {
        String describe() {
            return kind == Tok.END ? "end of expression" : "'" + text + "'";
        }
    }

    /** A parsed operand: an expression, or a transposed one (only a matmul takes it). */
    private record Value(Expr expr, boolean transposed, int pos) {
    }

    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> tokens() {
            List<Token> out = new ArrayList<>();
            while (true) {
                while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= s.length()) {
                    out.add(new Token(Tok.END, "", s.length()));
                    return out;
                }
                int start = i;
                char c = s.charAt(i);
                if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                    out.add(new Token(Tok.NUMBER, number(), start));
                } else if (Character.isLetter(c) || c == '_') {
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    out.add(new Token(Tok.NAME, s.substring(start, i), start));
                } else if (s.startsWith("**", i) || s.startsWith("<=", i) || s.startsWith(">=", i)
                        || s.startsWith("==", i) || s.startsWith("!=", i)) {
                    i += 2;
                    out.add(new Token(Tok.OP, s.substring(start, i), start));
                } else if ("+-*/@<>".indexOf(c) >= 0) {
                    i++;
                    out.add(new Token(Tok.OP, String.valueOf(c), start));
                } else if (c == '(' || c == ')' || c == ',' || c == '.' || c == '=') {
                    i++;
                    Tok k = switch (c) {
                        case '(' -> Tok.LPAREN;
                        case ')' -> Tok.RPAREN;
                        case ',' -> Tok.COMMA;
                        case '.' -> Tok.DOT;
                        default -> Tok.EQUALS;
                    };
                    out.add(new Token(k, String.valueOf(c), start));
                } else {
                    throw new ExpressionSyntaxException(s, start, "unexpected character '" + c + "'");
                }
            }
        }

        private String number() {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int mark = i;
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                if (i >= s.length() || !Character.isDigit(s.charAt(i))) {
                    throw new ExpressionSyntaxException(s, mark, "malformed exponent in a number");
                }
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            }
            if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                throw new ExpressionSyntaxException(s, i, "a number followed by a letter");
            }
            return s.substring(start, i);
        }
    }

    private static final class Parser {
        private final String text;
        private final List<Token> toks;
        private final Map<String, Expr> inputs;
        private int at;

        Parser(String text, List<Token> toks, Map<String, Expr> inputs) {
            this.text = text;
            this.toks = toks;
            this.inputs = inputs;
        }

        Token peek() {
            return toks.get(at);
        }

        Token next() {
            Token t = toks.get(at);
            if (t.kind != Tok.END) {
                at++;
            }
            return t;
        }

        boolean isOp(String op) {
            return peek().kind == Tok.OP && peek().text.equals(op);
        }

        ExpressionSyntaxException error(Token t, String problem) {
            return new ExpressionSyntaxException(text, t.pos, problem);
        }

        Token expect(Tok kind, String what) {
            Token t = next();
            if (t.kind != kind) {
                throw error(t, "expected " + what + ", found " + t.describe());
            }
            return t;
        }

        private void depth(int d) {
            if (d > MAX_DEPTH) {
                throw error(peek(), "expression nested more than " + MAX_DEPTH + " levels deep");
            }
        }

        Expr plain(Value v, String where) {
            if (v.transposed) {
                throw new ExpressionSyntaxException(text, v.pos, "a transposed operand (.T) is only supported in a matmul (@), not in " + where);
            }
            return v.expr;
        }

        Value comparison(int d) {
            depth(d);
            Value left = arith(d);
            if (peek().kind == Tok.OP && List.of("<", "<=", ">", ">=", "==", "!=").contains(peek().text)) {
                Token op = next();
                Value right = arith(d);
                Expr a = plain(left, "a comparison");
                Expr b = plain(right, "a comparison");
                Expr r = build(op, () -> switch (op.text) {
                    case "<" -> a.lt(b);
                    case "<=" -> a.le(b);
                    case ">" -> a.gt(b);
                    case ">=" -> a.ge(b);
                    case "==" -> a.eq(b);
                    default -> a.ne(b);
                });
                if (peek().kind == Tok.OP && List.of("<", "<=", ">", ">=", "==", "!=").contains(peek().text)) {
                    throw error(peek(), "chained comparisons are not supported");
                }
                return new Value(r, false, op.pos);
            }
            return left;
        }

        Value arith(int d) {
            Value left = term(d);
            while (isOp("+") || isOp("-")) {
                Token op = next();
                Value right = term(d);
                Expr a = plain(left, "'" + op.text + "'");
                Expr b = plain(right, "'" + op.text + "'");
                left = new Value(build(op, () -> op.text.equals("+") ? a.add(b) : a.sub(b)), false, left.pos);
            }
            return left;
        }

        Value term(int d) {
            Value left = unary(d);
            while (isOp("*") || isOp("/") || isOp("@")) {
                Token op = next();
                Value right = unary(d);
                Value l = left;
                if (op.text.equals("@")) {
                    left = new Value(build(op, () -> l.expr.matmul(right.expr, l.transposed, right.transposed)), false, l.pos);
                } else {
                    Expr a = plain(l, "'" + op.text + "'");
                    Expr b = plain(right, "'" + op.text + "'");
                    left = new Value(build(op, () -> op.text.equals("*") ? a.mul(b) : a.div(b)), false, l.pos);
                }
            }
            return left;
        }

        Value unary(int d) {
            depth(d);
            if (isOp("-") || isOp("+")) {
                Token op = next();
                Value v = unary(d + 1);
                Expr e = plain(v, "unary '" + op.text + "'");
                return new Value(op.text.equals("-") ? build(op, e::neg) : e, false, op.pos);
            }
            return power(d);
        }

        Value power(int d) {
            Value base = postfix(d);
            if (isOp("**")) {
                Token op = next();
                Value exp = unary(d + 1);
                Expr a = plain(base, "'**'");
                Expr b = plain(exp, "'**'");
                return new Value(build(op, () -> a.pow(b)), false, base.pos);
            }
            return base;
        }

        Value postfix(int d) {
            Value v = primary(d);
            while (peek().kind == Tok.DOT) {
                Token dot = next();
                Token name = expect(Tok.NAME, "'T' after '.'");
                if (!name.text.equals("T")) {
                    throw error(name, "unknown attribute '." + name.text + "' (only .T is supported)");
                }
                if (v.transposed) {
                    throw error(dot, "a double transpose (.T.T)");
                }
                v = new Value(v.expr, true, v.pos);
            }
            return v;
        }

        Value primary(int d) {
            Token t = next();
            switch (t.kind) {
                case NUMBER -> {
                    return new Value(Expr.scalar(Double.parseDouble(t.text)), false, t.pos);
                }
                case LPAREN -> {
                    Value v = comparison(d + 1);
                    expect(Tok.RPAREN, "')'");
                    return v;
                }
                case NAME -> {
                    String name = t.text;
                    if ((name.equals("np") || name.equals("numpy")) && peek().kind == Tok.DOT) {
                        next();
                        Token fn = expect(Tok.NAME, "a function name after '" + name + ".'");
                        expect(Tok.LPAREN, "'(' after " + fn.text);
                        return call(fn, d);
                    }
                    if (peek().kind == Tok.LPAREN && !inputs.containsKey(name)) {
                        next();
                        return call(t, d);
                    }
                    Expr in = inputs.get(name);
                    if (in == null) {
                        if (name.equals("inf") || name.equals("nan")) {
                            return new Value(Expr.scalar(name.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN), false, t.pos);
                        }
                        throw error(t, "unknown name '" + name + "' (inputs: " + String.join(", ", new TreeSet<>(inputs.keySet())) + ")");
                    }
                    return new Value(in, false, t.pos);
                }
                default -> throw error(t, "expected a name, a number or '(', found " + t.describe());
            }
        }

        /** A function call; the '(' has been read. */
        Value call(Token fn, int d) {
            List<Value> args = new ArrayList<>();
            int[] axes = null;
            boolean axisGiven = false;
            if (peek().kind != Tok.RPAREN) {
                while (true) {
                    if (peek().kind == Tok.NAME && toks.get(at + 1).kind == Tok.EQUALS) {
                        Token kw = next();
                        next();
                        if (kw.text.equals("axis")) {
                            if (axisGiven) {
                                throw error(kw, "axis given twice");
                            }
                            axisGiven = true;
                            axes = axisValue();
                        } else if (kw.text.equals("keepdims")) {
                            Token v = expect(Tok.NAME, "True");
                            if (!v.text.equals("True")) {
                                throw error(v, "keepdims=" + v.text + " is not supported: reductions keep the reduced axes (keepdims=True)");
                            }
                        } else {
                            throw error(kw, "unknown keyword argument '" + kw.text + "'");
                        }
                    } else {
                        if (axisGiven) {
                            throw error(peek(), "a positional argument after a keyword argument");
                        }
                        args.add(comparison(d + 1));
                    }
                    if (peek().kind == Tok.COMMA) {
                        next();
                        continue;
                    }
                    break;
                }
            }
            expect(Tok.RPAREN, "')' or ','");
            String name = fn.text;
            boolean reduction = List.of("sum", "max", "min", "mean", "amax", "amin").contains(name);
            if (axisGiven && !reduction) {
                throw error(fn, name + "() takes no axis");
            }
            switch (name) {
                case "relu", "sigmoid", "tanh", "exp", "log", "sqrt", "rsqrt", "abs", "absolute", "square", "gelu",
                        "gelu_tanh", "negative" -> {
                    arity(fn, args, 1);
                    Expr x = plain(args.get(0), name + "()");
                    return new Value(build(fn, () -> switch (name) {
                        case "relu" -> x.relu();
                        case "sigmoid" -> x.sigmoid();
                        case "tanh" -> x.tanh();
                        case "exp" -> x.exp();
                        case "log" -> x.log();
                        case "sqrt" -> x.sqrt();
                        case "rsqrt" -> x.rsqrt();
                        case "abs", "absolute" -> x.abs();
                        case "square" -> x.square();
                        case "gelu" -> x.gelu();
                        case "negative" -> x.neg();
                        default -> x.geluTanh();
                    }), false, fn.pos);
                }
                case "maximum", "minimum" -> {
                    arity(fn, args, 2);
                    Expr a = plain(args.get(0), name + "()");
                    Expr b = plain(args.get(1), name + "()");
                    return new Value(build(fn, () -> name.equals("maximum") ? a.maximum(b) : a.minimum(b)), false, fn.pos);
                }
                case "clamp", "clip" -> {
                    arity(fn, args, 3);
                    Expr x = plain(args.get(0), name + "()");
                    Expr lo = plain(args.get(1), name + "()");
                    Expr hi = plain(args.get(2), name + "()");
                    return new Value(build(fn, () -> x.clamp(lo, hi)), false, fn.pos);
                }
                case "where" -> {
                    arity(fn, args, 3);
                    Expr c = plain(args.get(0), "where()");
                    Expr a = plain(args.get(1), "where()");
                    Expr b = plain(args.get(2), "where()");
                    return new Value(build(fn, () -> Expr.where(c, a, b)), false, fn.pos);
                }
                case "sum", "max", "min", "mean", "amax", "amin" -> {
                    arity(fn, args, 1);
                    Expr x = plain(args.get(0), name + "()");
                    int[] ax = axes == null ? new int[0] : axes;
                    return new Value(build(fn, () -> switch (name) {
                        case "sum" -> x.sum(ax);
                        case "max", "amax" -> x.max(ax);
                        case "min", "amin" -> x.min(ax);
                        default -> x.mean(ax);
                    }), false, fn.pos);
                }
                default -> throw error(fn, "unknown function '" + name + "' (known: relu sigmoid tanh exp log sqrt rsqrt"
                        + " abs square gelu gelu_tanh clamp maximum minimum where sum max min mean)");
            }
        }

        private int[] axisValue() {
            if (peek().kind == Tok.NAME && peek().text.equals("None")) {
                next();
                return null;
            }
            if (peek().kind == Tok.LPAREN) {
                next();
                List<Integer> list = new ArrayList<>();
                while (peek().kind != Tok.RPAREN) {
                    list.add(axisInteger());
                    if (peek().kind == Tok.COMMA) {
                        next();
                    } else {
                        break;
                    }
                }
                expect(Tok.RPAREN, "')'");
                if (list.isEmpty()) {
                    throw error(peek(), "an empty axis tuple");
                }
                return list.stream().mapToInt(Integer::intValue).toArray();
            }
            return new int[] {axisInteger()};
        }

        private int axisInteger() {
            boolean negative = false;
            if (isOp("-")) {
                next();
                negative = true;
            }
            Token t = expect(Tok.NUMBER, "an integer axis");
            if (!t.text.chars().allMatch(Character::isDigit) || t.text.length() > 6) {
                throw error(t, "axis must be a small integer, found '" + t.text + "'");
            }
            int v = Integer.parseInt(t.text);
            return negative ? -v : v;
        }

        private void arity(Token fn, List<Value> args, int n) {
            if (args.size() != n) {
                throw error(fn, fn.text + "() takes " + n + (n == 1 ? " argument" : " arguments") + ", given " + args.size());
            }
        }

        /** Runs a node factory; an error there is reported as it is (it names the node), a non-fusemath one never escapes. */
        private Expr build(Token at, java.util.function.Supplier<Expr> make) {
            try {
                return make.get();
            } catch (InvalidArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ExpressionSyntaxException(text, at.pos, "cannot build '" + at.text + "': " + e);
            }
        }
    }
}
