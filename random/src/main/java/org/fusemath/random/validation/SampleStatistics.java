package org.fusemath.random.validation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.fusemath.api.Arguments;

/**
 * The statistics the random-number checks use: sample moments, the Kolmogorov–Smirnov distance to a
 * continuous CDF, Pearson's chi-square against a discrete distribution, and the critical values that turn
 * them into pass/fail at a stated significance. Thread-safe (stateless).
 */
public final class SampleStatistics {
    /** The z-score beyond which a sample mean or variance is rejected (two-sided significance about 7e-6). */
    public static final double Z_BOUND = 4.5;

    private SampleStatistics() {
    }

    /** The sample mean. */
    public static double mean(double[] x) {
        Arguments.requireNonNull(x, "x");
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** The unbiased sample variance. */
    public static double variance(double[] x) {
        double m = mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }

    /** sup |F_n(x) - F(x)| over the sample. */
    public static double kolmogorovSmirnov(double[] x, DoubleUnaryOperator cdf) {
        Arguments.requireNonNull(cdf, "cdf");
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(s[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return d;
    }

    /** The asymptotic Kolmogorov–Smirnov critical value for {@code n} samples at significance 0.001. */
    public static double kolmogorovSmirnovBound(int n) {
        return 1.9495 / Math.sqrt(n);
    }

    /**
     * Pearson's chi-square of integer samples against the probability mass function {@code pmf}, pooling the
     * tails so that each cell expects at least 5; returns {statistic, degrees of freedom}.
     */
    public static double[] chiSquare(int[] samples, java.util.function.IntToDoubleFunction pmf) {
        int n = samples.length;
        int max = 0;
        for (int v : samples) {
            max = Math.max(max, v);
        }
        long[] observed = new long[max + 2];
        for (int v : samples) {
            observed[v]++;
        }
        double statistic = 0;
        int cells = 0;
        double pooledExpected = 0;
        long pooledObserved = 0;
        double cumulative = 0;
        for (int k = 0; k <= max; k++) {
            double p = pmf.applyAsDouble(k);
            cumulative += p;
            pooledExpected += n * p;
            pooledObserved += observed[k];
            if (pooledExpected >= 5 && n * (1 - cumulative) >= 5) {
                statistic += sq(pooledObserved - pooledExpected) / pooledExpected;
                cells++;
                pooledExpected = 0;
                pooledObserved = 0;
            }
        }
        // The last cell takes everything above, including the mass beyond the largest sample.
        pooledExpected += n * Math.max(0, 1 - cumulative);
        if (pooledExpected > 0) {
            statistic += sq(pooledObserved - pooledExpected) / pooledExpected;
            cells++;
        }
        return new double[] {statistic, cells - 1};
    }

    /** The chi-square critical value with {@code dof} degrees of freedom at significance 0.001 (Wilson–Hilferty). */
    public static double chiSquareBound(double dof) {
        double z = 3.0902; // upper 0.001 quantile of N(0, 1)
        double a = 2 / (9 * dof);
        return dof * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    /** The standard normal CDF (erfc-based, absolute error below 1e-12). */
    public static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** The Poisson probability mass at k. */
    public static double poissonPmf(int k, double lambda) {
        return Math.exp(k * Math.log(lambda) - lambda - logFactorial(k));
    }

    private static double logFactorial(int k) {
        double s = 0;
        for (int i = 2; i <= k; i++) {
            s += Math.log(i);
        }
        return s;
    }

    /** erfc by its continued fraction (|x| > 2) or Taylor series of erf, accurate to about 1e-13. */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 2) {
            double sum = x;
            double term = x;
            double x2 = x * x;
            for (int n = 1; n < 100 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        // Lentz's algorithm for erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))).
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 200; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    private static double sq(double v) {
        return v * v;
    }
}
