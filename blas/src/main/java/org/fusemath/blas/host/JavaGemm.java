package org.fusemath.blas.host;

/**
 * A pure-Java real GEMM for products too small to pay for a native call (the per-call cost of a downcall,
 * or of staging on the JavaCPP path, exceeds the arithmetic below the crossover). It accumulates 2×2 blocks
 * of C in registers (measured faster than EJML's small-matrix kernels and than a vectorised row form at
 * these sizes). One double-precision
 * kernel serves both real types: F64 operands are used in place, F32 operands are widened into per-thread
 * scratch rows, multiplied in double and rounded once on the way back (within the F32 GEMM bound).
 *
 * <p>Operands are addressed by strides, so every op flag and layout is covered: op(A)[i, p] lives at
 * {@code aOff + i·ars + p·acs}, op(B)[p, j] at {@code bOff + p·brs + j·bcs}, C[i, j] at
 * {@code cOff + i·crs + j·ccs}. BLAS semantics: beta = 0 never reads C, alpha = 0 or k = 0 never reads A or B.
 */
final class JavaGemm {
    /** m·n·k up to which AUTO picks this kernel on the FFM path (crossover measured with JMH, bench/README.md). */
    static final long FFM_CROSSOVER = 6 * 6 * 6;
    /** The same on the JavaCPP path, whose per-call cost (JNI plus staging copies) is higher. */
    static final long JAVACPP_CROSSOVER = 10 * 10 * 10;

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[3][64]);

    private JavaGemm() {
    }

    /** The largest m·n·k AUTO runs here on the given call path. */
    static long crossover(String callPath) {
        return callPath.equals("ffm") ? FFM_CROSSOVER : JAVACPP_CROSSOVER;
    }

    static void gemm(int m, int n, int k, double alpha, Object a, int aOff, int ars, int acs, Object b, int bOff,
                     int brs, int bcs, double beta, Object c, int cOff, int crs, int ccs) {
        if (c instanceof double[] dc) {
            kernel(m, n, k, alpha, (double[]) a, aOff, ars, acs, (double[]) b, bOff, brs, bcs, beta, dc, cOff, crs, ccs);
            return;
        }
        boolean product = alpha != 0 && k > 0;
        double[][] s = scratch(product ? m * k : 0, product ? k * n : 0, m * n);
        if (product) {
            gather((float[]) a, aOff, ars, acs, m, k, s[0]);
            gather((float[]) b, bOff, brs, bcs, k, n, s[1]);
        }
        if (beta != 0) {
            gather((float[]) c, cOff, crs, ccs, m, n, s[2]);
        }
        kernel(m, n, k, alpha, s[0], 0, k, 1, s[1], 0, n, 1, beta, s[2], 0, n, 1);
        float[] fc = (float[]) c;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                fc[cOff + i * crs + j * ccs] = (float) s[2][i * n + j];
            }
        }
    }

    private static double[][] scratch(int a, int b, int c) {
        double[][] s = SCRATCH.get();
        if (s[0].length < a) {
            s[0] = new double[a];
        }
        if (s[1].length < b) {
            s[1] = new double[b];
        }
        if (s[2].length < c) {
            s[2] = new double[c];
        }
        return s;
    }

    /** Copies the strided rows×cols float matrix into a dense row-major double one. */
    private static void gather(float[] src, int off, int rs, int cs, int rows, int cols, double[] dst) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                dst[i * cols + j] = src[off + i * rs + j * cs];
            }
        }
    }

    /** 2×2 blocks of C accumulated in registers over p: any strides, four loads per four products. */
    private static void kernel(int m, int n, int k, double alpha, double[] a, int aOff, int ars, int acs, double[] b,
                               int bOff, int brs, int bcs, double beta, double[] c, int cOff, int crs, int ccs) {
        int kk = alpha != 0 ? k : 0;
        for (int i = 0; i < m; i += 2) {
            boolean two = i + 1 < m;
            int a0 = aOff + i * ars;
            int a1 = two ? a0 + ars : a0;
            for (int j = 0; j < n; j += 2) {
                boolean pair = j + 1 < n;
                int b0 = bOff + j * bcs;
                int b1 = pair ? b0 + bcs : b0;
                double s00 = 0;
                double s01 = 0;
                double s10 = 0;
                double s11 = 0;
                for (int p = 0; p < kk; p++) {
                    double x0 = a[a0 + p * acs];
                    double x1 = a[a1 + p * acs];
                    double y0 = b[b0 + p * brs];
                    double y1 = b[b1 + p * brs];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                }
                int c00 = cOff + i * crs + j * ccs;
                store(c, c00, alpha, s00, beta, kk);
                if (pair) {
                    store(c, c00 + ccs, alpha, s01, beta, kk);
                }
                if (two) {
                    store(c, c00 + crs, alpha, s10, beta, kk);
                    if (pair) {
                        store(c, c00 + crs + ccs, alpha, s11, beta, kk);
                    }
                }
            }
        }
    }

    /** c[at] = alpha·sum + beta·c[at], reading c only when beta ≠ 0 and using alpha only when a product was formed. */
    private static void store(double[] c, int at, double alpha, double sum, double beta, int k) {
        double v = k > 0 ? alpha * sum : 0;
        c[at] = beta == 0 ? v : v + beta * c[at];
    }
}
