package org.fusemath.blas.host;

/**
 * A pure-Java real GEMM for products too small to pay for a native call (the per-call cost of a downcall,
 * or of staging on the JavaCPP path, exceeds the arithmetic below the crossover). It accumulates 2×2 blocks
 * of C in registers (measured faster than EJML's small-matrix kernels and than a vectorised row form at
 * these sizes). F32 runs the same kernel generated for float arrays ({@link JavaGemmFloat}): its operands are
 * widened as they are loaded, products and sums are formed in double and C is rounded once on the way back
 * (within the F32 GEMM bound), with no copies.
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
        } else {
            JavaGemmFloat.kernel(m, n, k, alpha, (float[]) a, aOff, ars, acs, (float[]) b, bOff, brs, bcs, beta,
                    (float[]) c, cOff, crs, ccs);
        }
    }

    // generated-float-kernel: begin (JavaGemmFloat is this region with float operands; JavaGemmFloatTest regenerates it)
    /** 2×2 blocks of C accumulated in registers over p: any strides, four loads per four products. */
    static void kernel(int m, int n, int k, double alpha, double[] a, int aOff, int ars, int acs, double[] b,
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
    // generated-float-kernel: end
}
