package org.fusemath.blas.host;

import org.fusemath.api.DType;

/**
 * A pure-Java GEMM for products too small to pay for a native call (the per-call cost of a downcall,
 * or of staging on the JavaCPP path, exceeds the arithmetic below the crossover). It accumulates 2×2 blocks
 * of C in registers (measured faster than EJML's small-matrix kernels and than a vectorised row form at
 * these sizes). F32 runs the same kernel generated for float arrays ({@link JavaGemmFloat}): its operands are
 * widened as they are loaded, products and sums are formed in double and C is rounded once on the way back
 * (within the F32 GEMM bound), with no copies. Complex products use the same 2×2 blocking over interleaved
 * (re, im) arrays, conjugation applied as the values are loaded (C64 generated likewise).
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
    /**
     * The complex crossover on the FFM path: the Java kernel's 6×6 C128 product (250 ns) beats the native call
     * (about 330 ns), its 8×8 one (about 590 ns) does not (428 ns); ComplexGemmBenchmark, bench/README.md.
     */
    static final long FFM_COMPLEX_CROSSOVER = 6 * 6 * 6;
    /** The complex crossover on the JavaCPP path (8×8: Java kernel and native call both about 590 ns). */
    static final long JAVACPP_COMPLEX_CROSSOVER = 8 * 8 * 8;

    private JavaGemm() {
    }

    /** The largest m·n·k AUTO runs here on the given call path, for real or complex types. */
    static long crossover(String callPath, boolean complex) {
        boolean ffm = callPath.equals("ffm");
        return complex ? (ffm ? FFM_COMPLEX_CROSSOVER : JAVACPP_COMPLEX_CROSSOVER) : (ffm ? FFM_CROSSOVER : JAVACPP_CROSSOVER);
    }

    /**
     * C = alpha·op(A)·op(B) + beta·C for t's arrays (the imaginary parts of the scalars are read for complex
     * types only); complex arrays interleave (re, im) and their offsets and strides count elements;
     * {@code conjA}/{@code conjB} conjugate A's or B's values (complex types only).
     */
    static void gemm(DType t, int m, int n, int k, double alphaRe, double alphaIm, Object a, int aOff, int ars, int acs,
                     boolean conjA, Object b, int bOff, int brs, int bcs, boolean conjB, double betaRe, double betaIm,
                     Object c, int cOff, int crs, int ccs) {
        switch (t) {
            case F64 -> kernel(m, n, k, alphaRe, (double[]) a, aOff, ars, acs, (double[]) b, bOff, brs, bcs, betaRe,
                    (double[]) c, cOff, crs, ccs);
            case F32 -> JavaGemmFloat.kernel(m, n, k, alphaRe, (float[]) a, aOff, ars, acs, (float[]) b, bOff, brs, bcs,
                    betaRe, (float[]) c, cOff, crs, ccs);
            case C128 -> complexKernel(m, n, k, alphaRe, alphaIm, (double[]) a, aOff, ars, acs, conjA, (double[]) b,
                    bOff, brs, bcs, conjB, betaRe, betaIm, (double[]) c, cOff, crs, ccs);
            case C64 -> JavaGemmFloat.complexKernel(m, n, k, alphaRe, alphaIm, (float[]) a, aOff, ars, acs, conjA,
                    (float[]) b, bOff, brs, bcs, conjB, betaRe, betaIm, (float[]) c, cOff, crs, ccs);
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

    /**
     * The complex product in 2×2 blocks of C, as {@link #kernel}: (re, im) pairs at twice the element index;
     * conjugation negates the imaginary parts of A or B as they are loaded.
     */
    static void complexKernel(int m, int n, int k, double alphaRe, double alphaIm, double[] a, int aOff, int ars,
                              int acs, boolean conjA, double[] b, int bOff, int brs, int bcs, boolean conjB,
                              double betaRe, double betaIm, double[] c, int cOff, int crs, int ccs) {
        int kk = alphaRe != 0 || alphaIm != 0 ? k : 0;
        double signA = conjA ? -1 : 1;
        double signB = conjB ? -1 : 1;
        for (int i = 0; i < m; i += 2) {
            boolean two = i + 1 < m;
            int a0 = aOff + i * ars;
            int a1 = two ? a0 + ars : a0;
            for (int j = 0; j < n; j += 2) {
                boolean pair = j + 1 < n;
                int b0 = bOff + j * bcs;
                int b1 = pair ? b0 + bcs : b0;
                double r00 = 0;
                double i00 = 0;
                double r01 = 0;
                double i01 = 0;
                double r10 = 0;
                double i10 = 0;
                double r11 = 0;
                double i11 = 0;
                for (int p = 0; p < kk; p++) {
                    int pa0 = 2 * (a0 + p * acs);
                    int pa1 = 2 * (a1 + p * acs);
                    int pb0 = 2 * (b0 + p * brs);
                    int pb1 = 2 * (b1 + p * brs);
                    double x0r = a[pa0];
                    double x0i = signA * a[pa0 + 1];
                    double x1r = a[pa1];
                    double x1i = signA * a[pa1 + 1];
                    double y0r = b[pb0];
                    double y0i = signB * b[pb0 + 1];
                    double y1r = b[pb1];
                    double y1i = signB * b[pb1 + 1];
                    r00 += x0r * y0r - x0i * y0i;
                    i00 += x0r * y0i + x0i * y0r;
                    r01 += x0r * y1r - x0i * y1i;
                    i01 += x0r * y1i + x0i * y1r;
                    r10 += x1r * y0r - x1i * y0i;
                    i10 += x1r * y0i + x1i * y0r;
                    r11 += x1r * y1r - x1i * y1i;
                    i11 += x1r * y1i + x1i * y1r;
                }
                int c00 = cOff + i * crs + j * ccs;
                storeComplex(c, c00, alphaRe, alphaIm, r00, i00, betaRe, betaIm, kk);
                if (pair) {
                    storeComplex(c, c00 + ccs, alphaRe, alphaIm, r01, i01, betaRe, betaIm, kk);
                }
                if (two) {
                    storeComplex(c, c00 + crs, alphaRe, alphaIm, r10, i10, betaRe, betaIm, kk);
                    if (pair) {
                        storeComplex(c, c00 + crs + ccs, alphaRe, alphaIm, r11, i11, betaRe, betaIm, kk);
                    }
                }
            }
        }
    }

    /** Element {@code e} of C = alpha·(sr + i·si) + beta·C[e], reading C only when beta ≠ 0, alpha only when k > 0. */
    private static void storeComplex(double[] c, int e, double alphaRe, double alphaIm, double sr, double si,
                                     double betaRe, double betaIm, int k) {
        int at = 2 * e;
        double vr = k > 0 ? alphaRe * sr - alphaIm * si : 0;
        double vi = k > 0 ? alphaRe * si + alphaIm * sr : 0;
        if (betaRe != 0 || betaIm != 0) {
            vr += betaRe * c[at] - betaIm * c[at + 1];
            vi += betaRe * c[at + 1] + betaIm * c[at];
        }
        c[at] = vr;
        c[at + 1] = vi;
    }
    // generated-float-kernel: end
}
