package org.fusemath.fusion.spi;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.fusion.Expr;

/** Seeded inputs, the expression, the per-element error scale and the bound of each validated problem. */
final class Problems {
    private Problems() {
    }

    /** A problem ready to run. */
    record Built(Expr expr, double[] scale, double bound) {
    }

    static Built build(FusionValidationSuite.Problem p, DType t, SplittableRandom r) {
        return switch (p) {
            case RELU_BIAS_HALF, GELU_TANH_BIAS, SOFTMAX_ROWS -> product(p, t, r);
            case CHAIN -> {
                double[] x = values(p.m, r);
                double[] y = values(p.m, r);
                Expr ex = input("x", t, x, p.m);
                Expr ey = input("y", t, y, p.m);
                Expr e = ex.mul(1.5).add(0.25).maximum(0).mul(ey).sub(0.125);
                double[] scale = new double[p.m];
                for (int i = 0; i < p.m; i++) {
                    scale[i] = (Math.abs(1.5 * x[i]) + 0.25) * Math.abs(y[i]) + 0.125;
                }
                yield new Built(e, scale, 8);
            }
            case SIGMOID_TANH -> {
                double[] x = values(p.m, r);
                double[] y = values(p.m, r);
                Expr ex = input("x", t, x, p.m);
                Expr e = ex.sigmoid().mul(input("y", t, y, p.m)).sub(ex.tanh().mul(0.25));
                double[] scale = new double[p.m];
                for (int i = 0; i < p.m; i++) {
                    scale[i] = Math.abs(y[i]) + 0.25 + Double.MIN_NORMAL;
                }
                yield new Built(e, scale, 3 * 8);
            }
            case LAYER_NORM -> {
                double[] x = values(p.m * p.n, r);
                Expr ex = input("x", t, x, p.m, p.n);
                Expr c = ex.sub(ex.mean(1));
                Expr e = c.mul(c.square().mean(1).add(1e-5).rsqrt());
                double[] scale = new double[p.m * p.n];
                java.util.Arrays.fill(scale, 4.0);   // inputs of order 1: |x − mean| / σ stays below 4 here
                yield new Built(e, scale, 4 * p.n + 16);
            }
            case BROADCAST_AFFINE -> {
                // (x - mu) / sd * g + bias: mu, sd of shape (m, 1) (keepdims statistics), g and bias rows of (n,);
                // four roundings on each side, each within u of the exact value of its operands
                double[] x = values(p.m * p.n, r);
                double[] mu = values(p.m, r);
                double[] sd = values(p.m, r);
                for (int i = 0; i < p.m; i++) {
                    sd[i] = 1 + sd[i] / 2;
                }
                double[] gain = values(p.n, r);
                double[] bias = values(p.n, r);
                Expr e = input("x", t, x, p.m, p.n).sub(input("mu", t, mu, p.m, 1)).div(input("sd", t, sd, p.m, 1))
                        .mul(input("g", t, gain, p.n)).add(input("bias", t, bias, p.n));
                double[] scale = new double[p.m * p.n];
                for (int i = 0; i < p.m; i++) {
                    for (int j = 0; j < p.n; j++) {
                        scale[i * p.n + j] = (Math.abs(x[i * p.n + j]) + Math.abs(mu[i])) / sd[i] * Math.abs(gain[j])
                                + Math.abs(bias[j]) + Double.MIN_NORMAL;
                    }
                }
                yield new Built(e, scale, 8);
            }
            case SOFTMAX_COLUMNS -> {
                // each side: x - max within u·|x - max| ≤ 2u, exp within 8 units, a sum of m positive terms within
                // (m - 1)u and the divide u, all relative to y
                double[] x = values(p.m * p.n, r);
                Expr e = input("x", t, x, p.m, p.n).softmax(0);
                double[] y = (double[]) org.fusemath.fusion.Interpreter.evaluate(
                        input("x", DType.F64, x, p.m, p.n).softmax(0)).get(0).array();
                double[] scale = new double[y.length];
                for (int i = 0; i < y.length; i++) {
                    scale[i] = Math.abs(y[i]) + Double.MIN_NORMAL;
                }
                yield new Built(e, scale, 2 * (p.m + 12));
            }
        };
    }

    private static Built product(FusionValidationSuite.Problem p, DType t, SplittableRandom r) {
        int m = p.m, k = p.k, n = p.n;
        double[] a = values(m * k, r);
        double[] b = values(k * n, r);
        double[] bias = values(n, r);
        Expr ea = input("A", t, a, m, k);
        Expr eb = input("B", t, b, k, n);
        Expr eb2 = input("bias", t, bias, n);
        double[] scale = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = Math.abs(bias[j]);
                for (int q = 0; q < k; q++) {
                    s += Math.abs(a[i * k + q] * b[q * n + j]);
                }
                scale[i * n + j] = s;
            }
        }
        return switch (p) {
            case RELU_BIAS_HALF -> new Built(ea.matmul(eb).add(eb2).relu().mul(0.5), half(scale), 2 * (k + 2));
            case GELU_TANH_BIAS -> new Built(ea.matmul(eb).add(eb2).geluTanh(), times(scale, 1.13), 2 * (k + 2) + 16);
            default -> {
                // softmax: dy = y·(dx − Σ y dx): |dy| ≤ 2·y·max|dx|; the row's largest product error sets max|dx|
                Expr s = ea.matmul(eb).softmax(1);
                double[] y = (double[]) org.fusemath.fusion.Interpreter.evaluate(s.astype(DType.F64)).get(0).array();
                double[] sc = new double[m * n];
                for (int i = 0; i < m; i++) {
                    double rowMax = 0;
                    for (int j = 0; j < n; j++) {
                        rowMax = Math.max(rowMax, scale[i * n + j]);
                    }
                    for (int j = 0; j < n; j++) {
                        sc[i * n + j] = 2 * y[i * n + j] * rowMax + Math.abs(y[i * n + j]) + Double.MIN_NORMAL;
                    }
                }
                yield new Built(s, sc, 2 * (k + 2) + 3 * 8 + n);
            }
        };
    }

    private static double[] half(double[] s) {
        return times(s, 0.5);
    }

    private static double[] times(double[] s, double f) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i] * f + Double.MIN_NORMAL;
        }
        return out;
    }

    private static double[] values(int n, SplittableRandom r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * r.nextDouble() - 1;
        }
        return x;
    }

    /** An input of dtype {@code t} (F32 rounds the values; the scales use the unrounded ones, within u of them). */
    private static Expr input(String name, DType t, double[] v, long... shape) {
        if (t == DType.F64) {
            return Expr.input(name, HostTensor.of(t, shape, v.clone()));
        }
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return Expr.input(name, HostTensor.of(t, shape, f));
    }
}
