package org.fusemath.random.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fusemath.random.RandomNumbers;
import org.fusemath.random.RngType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statistical checks of every distribution, at significance 0.001 (KS, chi-square) and |z| <= 4.5 for
 * moments, on fixed seeds; and the checks' power: they reject a wrong distribution.
 */
class SampleStatisticsTest {
    private static final int N = 200_000;

    @Test
    void normalCdfAndErfcAreAccurate() {
        assertEquals(0.5, SampleStatistics.normalCdf(0), 1e-15);
        assertEquals(0.8413447460685429, SampleStatistics.normalCdf(1), 1e-13);
        assertEquals(0.0013498980316301, SampleStatistics.normalCdf(-3), 1e-15);
        assertEquals(1.5374597944280349e-12, SampleStatistics.erfc(5), 1e-24);
        assertEquals(0.15729920705028513, SampleStatistics.erfc(1), 1e-14);
    }

    @ParameterizedTest
    @EnumSource(RngType.class)
    void uniformAndNormalKindsPassKolmogorovSmirnov(RngType type) {
        double bound = SampleStatistics.kolmogorovSmirnovBound(N);
        double[] uf = toDouble(RandomNumbers.uniformFloat(type, 11, 0, N));
        assertTrue(SampleStatistics.kolmogorovSmirnov(uf, x -> Math.min(1, Math.max(0, x))) < bound);
        double[] ud = RandomNumbers.uniformDouble(type, 12, 0, N);
        assertTrue(SampleStatistics.kolmogorovSmirnov(ud, x -> Math.min(1, Math.max(0, x))) < bound);
        double[] nf = toDouble(RandomNumbers.normalFloat(type, 13, 0, N, 2f, 3f));
        assertTrue(SampleStatistics.kolmogorovSmirnov(nf, x -> SampleStatistics.normalCdf((x - 2) / 3)) < bound);
        double[] nd = RandomNumbers.normalDouble(type, 14, 0, N, -1, 0.5);
        assertTrue(SampleStatistics.kolmogorovSmirnov(nd, x -> SampleStatistics.normalCdf((x + 1) / 0.5)) < bound);
        assertTrue(Math.abs(SampleStatistics.mean(nd) + 1) / (0.5 / Math.sqrt(N)) < SampleStatistics.Z_BOUND);
        assertTrue(Math.abs(SampleStatistics.variance(nd) - 0.25) / Math.sqrt(2 * 0.0625 / N) < SampleStatistics.Z_BOUND);
    }

    @ParameterizedTest
    @EnumSource(RngType.class)
    void logNormalIsExpOfTheMatchingNormal(RngType type) {
        float[] ln = RandomNumbers.logNormalFloat(type, 21, 5, 1000, 0.25f, 1.5f);
        float[] n = RandomNumbers.normalFloat(type, 21, 5, 1000, 0.25f, 1.5f);
        for (int i = 0; i < ln.length; i++) {
            assertEquals(org.fusemath.random.host.libm.GlibcFloat.expf(n[i]), ln[i], "value " + i);
        }
        double[] lnd = RandomNumbers.logNormalDouble(type, 22, 0, N, 0.25, 1.5);
        double[] logs = new double[N];
        for (int i = 0; i < N; i++) {
            logs[i] = Math.log(lnd[i]);
        }
        assertTrue(SampleStatistics.kolmogorovSmirnov(logs, x -> SampleStatistics.normalCdf((x - 0.25) / 1.5))
                < SampleStatistics.kolmogorovSmirnovBound(N));
    }

    @ParameterizedTest
    @EnumSource(RngType.class)
    void poissonMatchesItsDistribution(RngType type) {
        for (double lambda : new double[] {0.3, 4, 30, 250, 1500}) {
            int[] v = RandomNumbers.poisson(type, 31, 0, N, lambda);
            double[] chi = SampleStatistics.chiSquare(v, k -> SampleStatistics.poissonPmf(k, lambda));
            assertTrue(chi[0] < SampleStatistics.chiSquareBound(chi[1]), "lambda " + lambda + " chi2 " + chi[0] + " dof " + chi[1]);
            double[] x = new double[N];
            for (int i = 0; i < N; i++) {
                x[i] = v[i];
            }
            assertTrue(Math.abs(SampleStatistics.mean(x) - lambda) / Math.sqrt(lambda / N) < SampleStatistics.Z_BOUND, "mean");
        }
    }

    @Test
    void theChecksRejectAWrongDistribution() {
        double[] uniform = RandomNumbers.uniformDouble(RngType.PHILOX4_32_10, 1, 0, N);
        assertTrue(SampleStatistics.kolmogorovSmirnov(uniform, SampleStatistics::normalCdf) > SampleStatistics.kolmogorovSmirnovBound(N));
        int[] p = RandomNumbers.poisson(RngType.XORWOW, 1, 0, N, 4);
        double[] chi = SampleStatistics.chiSquare(p, k -> SampleStatistics.poissonPmf(k, 4.2));
        assertTrue(chi[0] > SampleStatistics.chiSquareBound(chi[1]), "lambda 4 samples against Poisson(4.2): " + chi[0]);
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
