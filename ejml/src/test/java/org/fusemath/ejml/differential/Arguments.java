package org.fusemath.ejml.differential;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.Complex_F32;
import org.ejml.data.Complex_F64;
import org.ejml.data.ElementLocation;
import org.ejml.data.Matrix;

/**
 * Builds the arguments of a method from its parameter types under a {@link Scenario}, and deep-copies them (so each
 * side gets its own, equal inputs, aliasing preserved).
 */
final class Arguments {

    private Arguments() {
    }

    /** Whether the method takes parameters whose values the scenario's variant selects. */
    static boolean hasVariantParameters(Method method) {
        for (Class<?> p : method.getParameterTypes()) {
            if (p.isPrimitive() || p.isArray() || p == Complex_F64.class || p == Complex_F32.class) {
                return true;
            }
        }
        return false;
    }

    /** The arguments of {@code method} under {@code s}; {@code seed} makes the values reproducible. */
    static Object[] build(Method method, Scenario s, long seed) {
        Class<?>[] types = method.getParameterTypes();
        Random rand = new Random(seed);
        int matrices = 0;
        for (Class<?> t : types) {
            if (Kind.forParameter(t) != null) {
                matrices++;
            }
        }
        Object[] args = new Object[types.length];
        Map<Kind, Matrix> aliased = new EnumMap<>(Kind.class);
        int matrixIndex = 0;
        int intIndex = 0;
        int scalarIndex = 0;
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            Kind kind = Kind.forParameter(t);
            if (kind != null) {
                if (s.pattern() == Scenario.Pattern.ALIASED) {
                    args[i] = aliased.computeIfAbsent(kind, kk -> matrix(kk, s.m(), s.m(), s.content(), rand));
                } else {
                    int[] shape = s.shape(matrixIndex, matrices);
                    args[i] = shape == null ? null : matrix(kind, shape[0], shape[1], s.content(), rand);
                }
                matrixIndex++;
            } else if (t == int.class) {
                args[i] = intValue(s, intIndex++);
            } else if (t == boolean.class) {
                args[i] = s.variant() % 2 == 0;
            } else if (t == double.class) {
                args[i] = scalar(s, scalarIndex++);
            } else if (t == float.class) {
                args[i] = (float) scalar(s, scalarIndex++);
            } else if (t == int[].class) {
                args[i] = permutation(s.m(), s.variant() % 2 == 1);
            } else if (t == double[].class || t == float[].class) {
                args[i] = scalars(t, s.m(), rand);
            } else if (t.isArray() && Kind.forParameter(t.getComponentType()) != null) {
                args[i] = matrixArray(t.getComponentType(), s, matrices, rand);
            } else if (t == Complex_F64.class) {
                args[i] = new Complex_F64(scalar(s, scalarIndex++), -0.75);
            } else if (t == Complex_F32.class) {
                args[i] = new Complex_F32((float) scalar(s, scalarIndex++), -0.75f);
            } else if (t == ElementLocation.class) {
                args[i] = new ElementLocation(7, 9);
            } else if (t.isInterface() && functional(t) != null) {
                args[i] = function(t);
            } else {
                throw new IllegalStateException("no argument generator for parameter " + i + " of type " + t.getName()
                        + " in " + method);
            }
        }
        return args;
    }

    /** Integers: v0 the sizes m, k, n in turn; v1 ascending 0, 1, 2...; v2 all 1; v3 ranges 0, m, 0, k (whole extents). */
    private static int intValue(Scenario s, int index) {
        return switch (s.variant()) {
            case 0 -> new int[] {s.m(), s.k(), s.n()}[index % 3];
            case 1 -> index;
            case 2 -> 1;
            default -> index % 2 == 0 ? 0 : (index / 2 % 2 == 0 ? s.m() : s.k());
        };
    }

    private static double scalar(Scenario s, int index) {
        double[] values = {1.5, -0.5, 0.0, 2.0};
        return values[(s.variant() + index) % values.length] + 0.25 * index;
    }

    /** A permutation of 0..n-1 moving every index: reversed, or rotated by one. */
    private static int[] permutation(int n, boolean reversed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = reversed ? n - 1 - i : (i + 1) % n;
        }
        return p;
    }

    private static Object scalars(Class<?> type, int n, Random rand) {
        Object a = Array.newInstance(type.getComponentType(), n);
        for (int i = 0; i < n; i++) {
            // Magnitudes in [0.5, 1.5] with random signs: divisors never vanish.
            double v = (0.5 + rand.nextDouble()) * (rand.nextBoolean() ? 1 : -1);
            if (type == double[].class) {
                Array.setDouble(a, i, v);
            } else {
                Array.setFloat(a, i, (float) v);
            }
        }
        return a;
    }

    /** Matrix arrays: v0 two m x k; v1 null; v2 empty; v3 the pattern's first three shapes. */
    private static Object matrixArray(Class<?> component, Scenario s, int matrices, Random rand) {
        return switch (s.variant()) {
            case 0 -> fill(component, rand, s, new int[][] {{s.m(), s.k()}, {s.m(), s.k()}});
            case 1 -> null;
            case 2 -> Array.newInstance(component, 0);
            default -> {
                int[][] shapes = new int[3][];
                for (int i = 0; i < 3; i++) {
                    int[] sh = s.shape(i, 3);
                    shapes[i] = sh == null ? new int[] {s.m(), s.n()} : sh;
                }
                yield fill(component, rand, s, shapes);
            }
        };
    }

    private static Object fill(Class<?> component, Random rand, Scenario s, int[][] shapes) {
        Kind kind = Kind.forParameter(component);
        Object a = Array.newInstance(component, shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            Array.set(a, i, matrix(kind, shapes[i][0], shapes[i][1], s.content(), rand));
        }
        return a;
    }

    /** A matrix of the kind and shape holding {@code content}. */
    static Matrix matrix(Kind kind, int rows, int cols, Scenario.Content content, Random rand) {
        Matrix m = kind.create(rows, cols);
        int stride = kind.stride;
        for (int i = 0; i < rows * cols * stride; i++) {
            Kind.setEntry(m, i, kind == Kind.B ? (rand.nextBoolean() ? 1 : 0) : 2 * rand.nextDouble() - 1);
        }
        if (rows != cols || kind == Kind.B) {
            return m;
        }
        switch (content) {
            case RANDOM -> {
                for (int i = 0; i < rows; i++) {
                    int d = (i * cols + i) * stride;
                    Kind.setEntry(m, d, Kind.entry(m, d) + rows);
                }
            }
            case SPD -> {
                // G*G^H + n*I: Hermitian positive definite for real and complex kinds.
                double[] g = new double[rows * cols * stride];
                for (int i = 0; i < g.length; i++) {
                    g[i] = Kind.entry(m, i);
                }
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < rows; j++) {
                        double re = i == j ? rows : 0;
                        double im = 0;
                        for (int p = 0; p < cols; p++) {
                            int a = (i * cols + p) * stride;
                            int b = (j * cols + p) * stride;
                            double ar = g[a];
                            double ai = stride == 2 ? g[a + 1] : 0;
                            double br = g[b];
                            double bi = stride == 2 ? -g[b + 1] : 0;
                            re += ar * br - ai * bi;
                            im += ar * bi + ai * br;
                        }
                        Kind.setEntry(m, (i * cols + j) * stride, re);
                        if (stride == 2) {
                            Kind.setEntry(m, (i * cols + j) * stride + 1, i == j ? 0 : im);
                        }
                    }
                }
            }
            case SINGULAR -> {
                if (rows == 1) {
                    for (int i = 0; i < stride; i++) {
                        Kind.setEntry(m, i, 0);
                    }
                } else if (rows > 1) {
                    for (int j = 0; j < cols * stride; j++) {
                        Kind.setEntry(m, cols * stride + j, Kind.entry(m, j));
                    }
                }
            }
        }
        return m;
    }

    private static Method functional(Class<?> type) {
        Method only = null;
        for (Method m : type.getMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                if (only != null) {
                    return null;
                }
                only = m;
            }
        }
        return only;
    }

    /** A deterministic implementation of a functional interface: x -> 2x + 1, or (i, j, x) -> x > 0. */
    private static Object function(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == a[0];
                    default -> "function " + type.getSimpleName();
                };
            }
            Class<?> r = m.getReturnType();
            double x = ((Number) a[a.length - 1]).doubleValue();
            if (r == double.class) {
                return 2 * x + 1;
            } else if (r == float.class) {
                return (float) (2 * x + 1);
            } else if (r == boolean.class) {
                return x > 0;
            }
            throw new IllegalStateException("no implementation for " + m);
        });
    }

    /** A deep copy of the arguments; objects passed twice stay one object in the copy. */
    static Object[] copy(Object[] args) {
        Map<Object, Object> seen = new IdentityHashMap<>();
        Object[] c = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            c[i] = copyValue(args[i], seen);
        }
        return c;
    }

    private static Object copyValue(Object v, Map<Object, Object> seen) {
        if (v == null || v instanceof Number || v instanceof Boolean || Proxy.isProxyClass(v.getClass())) {
            return v;
        }
        Object done = seen.get(v);
        if (done != null) {
            return done;
        }
        Object c;
        if (v instanceof Matrix) {
            c = Kind.copy(v);
        } else if (v instanceof Complex_F64 z) {
            c = new Complex_F64(z.real, z.imaginary);
        } else if (v instanceof Complex_F32 z) {
            c = new Complex_F32(z.real, z.imaginary);
        } else if (v instanceof ElementLocation e) {
            c = new ElementLocation(e.row, e.col);
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            c = Array.newInstance(v.getClass().getComponentType(), n);
            seen.put(v, c);
            for (int i = 0; i < n; i++) {
                Array.set(c, i, copyValue(Array.get(v, i), seen));
            }
            return c;
        } else {
            throw new IllegalStateException("cannot copy " + v.getClass());
        }
        seen.put(v, c);
        return c;
    }
}
