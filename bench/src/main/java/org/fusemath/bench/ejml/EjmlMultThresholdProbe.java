package org.fusemath.bench.ejml;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.fusemath.ejml.EjmlExecution;

/**
 * The mult thresholds' measurement on a shared machine: for each square n, blocks of calls of the facade with its
 * fusemath path forced ({@code threshold = 0}) alternate with blocks of EJML's own method, and the fastest block of
 * each side is kept (the minimum is the estimate least disturbed by other processes; JMH's averages on a machine
 * with a load far above its cores mostly measure preemption). Prints one line per (class, n) with both times
 * and EJML ÷ fusemath. Arguments: the n values (default 2 3 4 5 6 8 12 16 24 32 48 64).
 */
public final class EjmlMultThresholdProbe {
    private EjmlMultThresholdProbe() {
    }

    /** Runs the probe; see the class comment. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {2, 3, 4, 5, 6, 8, 12, 16, 24, 32, 48, 64}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        EjmlExecution.setThreshold(EjmlExecution.Family.MULT, 0);
        System.out.println("class n fusemath_us ejml_us ejml/fusemath");
        for (String cls : new String[] {"DDRM", "FDRM", "MT_DDRM", "MT_FDRM"}) {
            for (int n : sizes) {
                double[] best = time(cls, n);
                System.out.printf(Locale.ROOT, "%s %d %.3f %.3f %.2f%n", cls, n, best[0], best[1], best[1] / best[0]);
            }
        }
    }

    private static double[] time(String cls, int n) {
        DMatrixRMaj da = new DMatrixRMaj(n, n);
        DMatrixRMaj db = new DMatrixRMaj(n, n);
        DMatrixRMaj dc = new DMatrixRMaj(n, n);
        FMatrixRMaj fa = new FMatrixRMaj(n, n);
        FMatrixRMaj fb = new FMatrixRMaj(n, n);
        FMatrixRMaj fc = new FMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            da.data[i] = i % 7 - 3;
            db.data[i] = i % 5 - 2;
            fa.data[i] = (float) da.data[i];
            fb.data[i] = (float) db.data[i];
        }
        int reps = Math.max(5, 200_000 / (n * n * n / 8 + 1));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int block = 0; block < 60; block++) {
            for (int side = 0; side < 2; side++) {
                boolean fuse = (side == 0) == (block % 2 == 0);
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    call(cls, fuse, da, db, dc, fa, fb, fc);
                }
                double us = (System.nanoTime() - t0) * 1e-3 / reps;
                int at = fuse ? 0 : 1;
                best[at] = Math.min(best[at], us);
            }
        }
        return best;
    }

    private static void call(String cls, boolean fuse, DMatrixRMaj da, DMatrixRMaj db, DMatrixRMaj dc,
                             FMatrixRMaj fa, FMatrixRMaj fb, FMatrixRMaj fc) {
        switch (cls) {
            case "DDRM" -> {
                if (fuse) {
                    org.fusemath.ejml.CommonOps_DDRM.mult(da, db, dc);
                } else {
                    org.ejml.dense.row.CommonOps_DDRM.mult(da, db, dc);
                }
            }
            case "FDRM" -> {
                if (fuse) {
                    org.fusemath.ejml.CommonOps_FDRM.mult(fa, fb, fc);
                } else {
                    org.ejml.dense.row.CommonOps_FDRM.mult(fa, fb, fc);
                }
            }
            case "MT_DDRM" -> {
                if (fuse) {
                    org.fusemath.ejml.CommonOps_MT_DDRM.mult(da, db, dc);
                } else {
                    org.ejml.dense.row.CommonOps_MT_DDRM.mult(da, db, dc);
                }
            }
            default -> {
                if (fuse) {
                    org.fusemath.ejml.CommonOps_MT_FDRM.mult(fa, fb, fc);
                } else {
                    org.ejml.dense.row.CommonOps_MT_FDRM.mult(fa, fb, fc);
                }
            }
        }
    }
}
