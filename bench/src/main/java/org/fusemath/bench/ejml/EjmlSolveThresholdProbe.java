package org.fusemath.bench.ejml;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.fusemath.ejml.EjmlExecution;

/**
 * The solve family's thresholds on a shared machine, per type: for each n, blocks of calls of the facade's solve
 * (one right-hand side), invert(A, result) and det with its fusemath path forced ({@code threshold = 0}) alternate
 * with blocks of EJML's own method, and the fastest block of each side is kept (as {@link EjmlMultThresholdProbe}).
 * Prints one line per (class, method, n) with both times in microseconds and EJML ÷ fusemath. Arguments: the n
 * values (default 8 12 16 20 24 32 48).
 */
public final class EjmlSolveThresholdProbe {
    private EjmlSolveThresholdProbe() {
    }

    /** Runs the probe; see the class comment. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {8, 12, 16, 20, 24, 32, 48}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        EjmlExecution.setThreshold(EjmlExecution.Family.SOLVE, 0);
        System.out.println("class method n fusemath_us ejml_us ejml/fusemath");
        for (String cls : new String[] {"DDRM", "FDRM"}) {
            for (String m : new String[] {"solve", "invert", "det"}) {
                for (int n : sizes) {
                    double[] best = time(cls, m, n);
                    System.out.printf(Locale.ROOT, "%s %s %d %.3f %.3f %.2f%n", cls, m, n, best[0], best[1],
                            best[1] / best[0]);
                }
            }
        }
    }

    private static double[] time(String cls, String m, int n) {
        Random r = new Random(n);
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj b = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = 2 * r.nextDouble() - 1 + (i % (n + 1) == 0 ? n : 0);
        }
        for (int i = 0; i < n; i++) {
            b.data[i] = r.nextDouble();
        }
        FMatrixRMaj fa = new FMatrixRMaj(n, n);
        FMatrixRMaj fb = new FMatrixRMaj(n, 1);
        for (int i = 0; i < n * n; i++) {
            fa.data[i] = (float) a.data[i];
        }
        for (int i = 0; i < n; i++) {
            fb.data[i] = (float) b.data[i];
        }
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        FMatrixRMaj fx = new FMatrixRMaj(n, n);
        int reps = Math.max(5, 100_000 / (n * n * n / 8 + 1));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int block = 0; block < 40; block++) {
            for (int side = 0; side < 2; side++) {
                boolean fuse = (side == 0) == (block % 2 == 0);
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    call(cls, m, fuse, a, b, x, fa, fb, fx);
                }
                double us = (System.nanoTime() - t0) * 1e-3 / reps;
                int at = fuse ? 0 : 1;
                best[at] = Math.min(best[at], us);
            }
        }
        return best;
    }

    private static double sink;

    private static void call(String cls, String m, boolean fuse, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj x,
                             FMatrixRMaj fa, FMatrixRMaj fb, FMatrixRMaj fx) {
        if (cls.equals("DDRM")) {
            switch (m) {
                case "solve" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_DDRM.solve(a, b, x);
                    } else {
                        org.ejml.dense.row.CommonOps_DDRM.solve(a, b, x);
                    }
                }
                case "invert" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_DDRM.invert(a, x);
                    } else {
                        org.ejml.dense.row.CommonOps_DDRM.invert(a, x);
                    }
                }
                default -> sink += fuse ? org.fusemath.ejml.CommonOps_DDRM.det(a) : org.ejml.dense.row.CommonOps_DDRM.det(a);
            }
        } else {
            switch (m) {
                case "solve" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_FDRM.solve(fa, fb, fx);
                    } else {
                        org.ejml.dense.row.CommonOps_FDRM.solve(fa, fb, fx);
                    }
                }
                case "invert" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_FDRM.invert(fa, fx);
                    } else {
                        org.ejml.dense.row.CommonOps_FDRM.invert(fa, fx);
                    }
                }
                default -> sink += fuse ? org.fusemath.ejml.CommonOps_FDRM.det(fa) : org.ejml.dense.row.CommonOps_FDRM.det(fa);
            }
        }
    }
}
