package org.fusemath.bench.ejml;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.FMatrixRMaj;
import org.fusemath.ejml.EjmlExecution;

/**
 * The element-wise thresholds' measurement on a shared machine: for each element count, blocks of calls of the
 * facade's elementExp / elementLog / elementPower with its fusemath path forced ({@code threshold = 0}) alternate
 * with blocks of EJML's own method, and the fastest block of each side is kept (as {@link EjmlMultThresholdProbe}).
 * Prints one line per (class, function, size): both times in microseconds and EJML ÷ fusemath. Arguments: the
 * element counts (default 16 32 64 128 256 512 1024 4096 65536 1048576); {@code -Dprobe.classes=DDRM,FDRM} and
 * {@code -Dprobe.functions=exp,log,pow} choose the rows.
 */
public final class EjmlElementThresholdProbe {
    private EjmlElementThresholdProbe() {
    }

    /** Runs the probe; see the class comment. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {16, 32, 64, 128, 256, 512, 1024, 4096, 65536, 1 << 20}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        EjmlExecution.setThreshold(EjmlExecution.Family.ELEMENTWISE, 0);
        System.out.println("class function elements fusemath_us ejml_us ejml/fusemath");
        for (String cls : System.getProperty("probe.classes", "DDRM,FDRM").split(",")) {
            for (String f : System.getProperty("probe.functions", "exp,log,pow").split(",")) {
                for (int n : sizes) {
                    double[] best = time(cls, f, n);
                    System.out.printf(Locale.ROOT, "%s %s %d %.3f %.3f %.2f%n", cls, f, n, best[0], best[1],
                            best[1] / best[0]);
                }
            }
        }
    }

    private static double[] time(String cls, String f, int n) {
        DMatrixRMaj da = new DMatrixRMaj(1, n);
        DMatrixRMaj dc = new DMatrixRMaj(1, n);
        FMatrixRMaj fa = new FMatrixRMaj(1, n);
        FMatrixRMaj fc = new FMatrixRMaj(1, n);
        for (int i = 0; i < n; i++) {
            // Positive (log's domain) and moderate (exp without overflow): the common case of both.
            da.data[i] = 0.25 + (i % 97) / 8.0;
            fa.data[i] = (float) da.data[i];
        }
        int reps = Math.max(3, 2_000_000 / (n + 64));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int block = 0; block < 40; block++) {
            for (int side = 0; side < 2; side++) {
                boolean fuse = (side == 0) == (block % 2 == 0);
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    call(cls, f, fuse, da, dc, fa, fc);
                }
                double us = (System.nanoTime() - t0) * 1e-3 / reps;
                int at = fuse ? 0 : 1;
                best[at] = Math.min(best[at], us);
            }
        }
        return best;
    }

    private static void call(String cls, String f, boolean fuse, DMatrixRMaj da, DMatrixRMaj dc, FMatrixRMaj fa,
                             FMatrixRMaj fc) {
        if (cls.equals("DDRM")) {
            switch (f) {
                case "exp" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_DDRM.elementExp(da, dc);
                    } else {
                        org.ejml.dense.row.CommonOps_DDRM.elementExp(da, dc);
                    }
                }
                case "log" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_DDRM.elementLog(da, dc);
                    } else {
                        org.ejml.dense.row.CommonOps_DDRM.elementLog(da, dc);
                    }
                }
                default -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_DDRM.elementPower(da, 1.7, dc);
                    } else {
                        org.ejml.dense.row.CommonOps_DDRM.elementPower(da, 1.7, dc);
                    }
                }
            }
        } else {
            switch (f) {
                case "exp" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_FDRM.elementExp(fa, fc);
                    } else {
                        org.ejml.dense.row.CommonOps_FDRM.elementExp(fa, fc);
                    }
                }
                case "log" -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_FDRM.elementLog(fa, fc);
                    } else {
                        org.ejml.dense.row.CommonOps_FDRM.elementLog(fa, fc);
                    }
                }
                default -> {
                    if (fuse) {
                        org.fusemath.ejml.CommonOps_FDRM.elementPower(fa, 1.7f, fc);
                    } else {
                        org.ejml.dense.row.CommonOps_FDRM.elementPower(fa, 1.7f, fc);
                    }
                }
            }
        }
    }
}
