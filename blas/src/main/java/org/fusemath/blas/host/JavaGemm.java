package org.fusemath.blas.host;

/**
 * A pure-Java real GEMM for products too small to pay for a native call (the per-call cost of a downcall,
 * or of staging on the JavaCPP path, exceeds the arithmetic below the crossover). One double-precision
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
    static final long JAVACPP_CROSSOVER = 12 * 12 * 12;

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

    private static void kernel(int m, int n, int k, double alpha, double[] a, int aOff, int ars, int acs, double[] b,
                               int bOff, int brs, int bcs, double beta, double[] c, int cOff, int crs, int ccs) {
        boolean product = alpha != 0 && k > 0;
        if (ccs == 1 && bcs == 1) {
            // Row form: C[i, :] = beta·C[i, :] + Σ_p (alpha·op(A)[i, p])·op(B)[p, :], unit-stride inner loops.
            for (int i = 0; i < m; i++) {
                int ci = cOff + i * crs;
                if (beta == 0) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] = 0;
                    }
                } else if (beta != 1) {
                    for (int j = 0; j < n; j++) {
                        c[ci + j] *= beta;
                    }
                }
                if (!product) {
                    continue;
                }
                int ai = aOff + i * ars;
                for (int p = 0; p < k; p++) {
                    double s = alpha * a[ai + p * acs];
                    int bp = bOff + p * brs;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += s * b[bp + j];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                if (product) {
                    int ai = aOff + i * ars;
                    int bj = bOff + j * bcs;
                    for (int p = 0; p < k; p++) {
                        sum += a[ai + p * acs] * b[bj + p * brs];
                    }
                    sum *= alpha;
                }
                int ci = cOff + i * crs + j * ccs;
                c[ci] = beta == 0 ? sum : sum + beta * c[ci];
            }
        }
    }
}
