package org.fusemath.fft.host;

import java.util.List;
import org.fusemath.fft.FftDim;
import org.fusemath.fft.FftKind;

/**
 * The test oracle: the DFT defined by an FFTW guru layout, computed directly (O(N^2) per transform) in double
 * with compensated summation and twiddles from the exact index product reduced mod n, so its own error is a few
 * ulps of the result's scale. Reads the layout as FFTW documents it, independently of the code under test:
 * element (j_0..j_{r-1}) of loop index (b_0..) at {@code sum b_k*howmany[k].is + sum j_d*dims[d].is}.
 * C2R inputs must be Hermitian-consistent (made by R2C), so that the real part of the full sum is the result.
 */
final class GuruDft {
    private GuruDft() {
    }

    /** The unnormalized transform of {@code in} (offset {@code inOff}, in primitive slots) into a copy of {@code out}. */
    static double[] transform(FftKind kind, int sign, List<FftDim> dims, List<FftDim> howmany, double[] in, int inOff,
                              double[] out, int outOff) {
        double[] result = out.clone();
        int r = dims.size();
        long[] n = new long[r];
        long total = 1;
        for (int d = 0; d < r; d++) {
            n[d] = dims.get(d).n();
            total *= n[d];
        }
        long loops = 1;
        for (FftDim h : howmany) {
            loops *= h.n();
        }
        boolean cin = kind != FftKind.R2C;
        boolean cout = kind != FftKind.C2R;
        long lastOut = kind == FftKind.R2C ? n[r - 1] / 2 + 1 : n[r - 1];
        for (long b = 0; b < loops; b++) {
            long ib = 0;
            long ob = 0;
            long rest = b;
            for (int h = howmany.size() - 1; h >= 0; h--) {
                long i = rest % howmany.get(h).n();
                rest /= howmany.get(h).n();
                ib += i * howmany.get(h).is();
                ob += i * howmany.get(h).os();
            }
            long[] k = new long[r];
            long outCount = total / n[r - 1] * lastOut;
            for (long kk = 0; kk < outCount; kk++) {
                long t = kk;
                for (int d = r - 1; d >= 0; d--) {
                    long size = d == r - 1 ? lastOut : n[d];
                    k[d] = t % size;
                    t /= size;
                }
                double sre = 0, cre = 0, sim = 0, cim = 0;
                long[] j = new long[r];
                for (long jj = 0; jj < total; jj++) {
                    long u = jj;
                    for (int d = r - 1; d >= 0; d--) {
                        j[d] = u % n[d];
                        u /= n[d];
                    }
                    double re;
                    double im;
                    if (kind == FftKind.C2R) {
                        double[] v = hermitian(in, inOff, ib, dims, n, j);
                        re = v[0];
                        im = v[1];
                    } else {
                        long e = ib;
                        for (int d = 0; d < r; d++) {
                            e += j[d] * dims.get(d).is();
                        }
                        re = cin ? in[(int) (inOff + 2 * e)] : in[(int) (inOff + e)];
                        im = cin ? in[(int) (inOff + 2 * e + 1)] : 0;
                    }
                    // angle = sign * 2 pi * sum_d (j_d k_d mod n_d) / n_d, each fraction exact before the sum
                    double frac = 0;
                    for (int d = 0; d < r; d++) {
                        frac += (double) Math.floorMod(j[d] * k[d], n[d]) / n[d];
                    }
                    double angle = sign * 2 * Math.PI * (frac - Math.floor(frac));
                    double c = Math.cos(angle);
                    double s = Math.sin(angle);
                    double pr = re * c - im * s;
                    double pi = re * s + im * c;
                    // Kahan summation of both components.
                    double y = pr - cre;
                    double tsum = sre + y;
                    cre = (tsum - sre) - y;
                    sre = tsum;
                    y = pi - cim;
                    tsum = sim + y;
                    cim = (tsum - sim) - y;
                    sim = tsum;
                }
                long e = ob;
                for (int d = 0; d < r; d++) {
                    e += k[d] * dims.get(d).os();
                }
                if (cout) {
                    result[(int) (outOff + 2 * e)] = sre;
                    result[(int) (outOff + 2 * e + 1)] = sim;
                } else {
                    result[(int) (outOff + e)] = sre;
                }
            }
        }
        return result;
    }

    /** Element j of the full spectrum of a half-stored Hermitian input: stored when j_last <= n/2, else the conjugate mirror. */
    private static double[] hermitian(double[] in, int inOff, long base, List<FftDim> dims, long[] n, long[] j) {
        int r = n.length;
        boolean stored = j[r - 1] <= n[r - 1] / 2;
        long e = base;
        for (int d = 0; d < r; d++) {
            long idx = stored ? j[d] : Math.floorMod(-j[d], n[d]);
            e += idx * dims.get(d).is();
        }
        double re = in[(int) (inOff + 2 * e)];
        double im = in[(int) (inOff + 2 * e + 1)];
        return new double[] {re, stored ? im : -im};
    }

    /** The Euclidean norm of every slot of {@code a}, the scale of the error bounds. */
    static double norm(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
