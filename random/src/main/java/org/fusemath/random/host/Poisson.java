package org.fusemath.random.host;

import org.fusemath.random.host.libm.GlibcDouble;

/**
 * cuRAND's one-word Poisson sampler {@code _curand_poisson(x, lambda)} ({@code curand_poisson.h}): Fishman's
 * inversion (ITR) in chunks of {@code exp(-500)} for lambda &lt; 1000, and the rounded normal
 * approximation {@code lambda + sqrt(lambda) * z + 0.5} above, where z is the inverse normal CDF of the
 * word. Thread-safe (stateless).
 *
 * <p>cuRAND's host API does not document which Poisson method {@code curandGeneratePoisson} uses, so these
 * samples are not claimed to equal cuRAND's bit for bit; they are checked statistically.
 */
final class Poisson {
    private static final double MAGIC = 500.0;

    private Poisson() {
    }

    /** The Poisson sample cuRAND's {@code _curand_poisson} draws from the unsigned word {@code x}. */
    static int sample(int x, double lambda) {
        if (lambda < 1000) {
            return inversion(x, lambda);
        }
        double z = inverseNormalCdfOfWord(x);
        double value = (Math.sqrt(lambda) * z) + lambda + 0.5;
        // Distribution caps lambda at 400,000 as cuRAND does, so value < 2^31: the conversion never wraps.
        return value <= 0 ? 0 : (int) value;
    }

    private static int inversion(int x, double lambda) {
        double u = Transforms.toDouble(x) * 0x1p-32 + 0x1p-33;
        double p = 1.0;
        double q = 1.0;
        int k = 0;
        int pow = 0;
        do {
            double l = lambda > pow + MAGIC ? GlibcDouble.exp(-MAGIC) : GlibcDouble.exp(pow - lambda);
            p *= l;
            q *= l;
            pow += (int) MAGIC;
            while (u > q) {
                k++;
                p *= lambda / k;
                q += p;
            }
        } while (pow < lambda);
        return k;
    }

    /** {@code _curand_normal_icdf_double(x)}: the lower half directly, the upper half mirrored. */
    static double inverseNormalCdfOfWord(int x) {
        long w = x & 0xffffffffL;
        boolean upper = w > 0x80000000L;
        if (upper) {
            w = 0xffffffffL - w;
        }
        double p = Transforms.toDouble((int) w) * 0x1p-32 + 0x1p-33;
        double z = inverseNormalCdf(p);
        return upper ? -z : z;
    }

    /** The standard normal quantile for 0 &lt; p &lt; 1 (Wichura's AS 241, PPND16, relative error about 1e-16). */
    static double inverseNormalCdf(double p) {
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        double z;
        if (r <= 5) {
            r -= 1.6;
            z = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            z = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -z : z;
    }
}
