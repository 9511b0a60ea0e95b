package org.fusemath.blas.host;

import org.fusemath.api.DType;
import org.fusemath.api.FuseContext;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Epilogue;
import org.fusemath.blas.MatmulOperands;
import org.fusemath.blas.MatmulOptions;
import org.fusemath.blas.MatmulPlan;
import org.fusemath.blas.MatmulSpec;
import org.fusemath.blas.Op;
import org.fusemath.blas.PanelHook;
import org.fusemath.blas.Scalar;

/**
 * The host matmul plan: one OpenBLAS gemm per batch entry in C's storage order (an operand stored in the
 * other order enters transposed, a conjugated one through OpenBLAS's conjugate-no-transpose flag), or the
 * Java kernel below the call path's crossover. With an epilogue, C is computed in row panels, one gemm per
 * panel, and the epilogue finishes each panel right after its gemm, followed by the operands' {@link PanelHook}
 * (which alone also splits C into panels).
 *
 * <p>Panel height: every gemm call re-packs B (k·n values), which costs about 20/rows of the panel's
 * arithmetic (measured: +4% at 512 rows, +2% at 1024 for n = k = 2048), while the epilogue pass over a panel
 * is memory-bound and cheap (bias + ReLU over a 2048² F64 C: about 3 ms beside a 330 ms single-thread gemm,
 * measured 2026-11-28). Splitting into panels therefore pays only for results too large to touch twice
 * cheaply: panels get {@link #PANEL_BYTES} of C (a 2048² F64 result is one panel, a 4096² one four), but never
 * fewer than {@link #MIN_PANEL_ROWS} rows (or all of m). {@link MatmulOptions#hostPanelRows()} overrides this.
 */
public final class OpenBlasMatmul implements MatmulPlan {
    /**
     * Target bytes of C per epilogue panel. Measured at n = k = 2048 F64, single thread (bare gemm 330 ms):
     * one 32 MB panel +1.5%, 1024-row panels +2 to +10%, 256-row panels +9 to +12% over the bare gemm.
     */
    static final long PANEL_BYTES = 32L << 20;
    /** Fewest rows per panel, bounding the cost of re-packing B for each panel. */
    static final int MIN_PANEL_ROWS = 1024;

    private final MatmulSpec spec;
    private final NativeBlas blas;
    private final boolean nothing;
    private final boolean javaKernel;
    private final Layout order;
    private final Trans ta;
    private final Trans tb;
    private final int m;
    private final int n;
    private final int k;
    private final int lda;
    private final int ldb;
    private final int ldc;
    private final int aRowStride;
    private final int aColStride;
    private final int bRowStride;
    private final int bColStride;
    private final int cRowStride;
    private final int cColStride;
    private final int panelRows;
    private final int threads;
    private final boolean readsInputs;
    private final EpilogueRows epilogue;

    private OpenBlasMatmul(MatmulSpec spec, FuseContext context) {
        this.spec = spec;
        this.blas = NativeCalls.blas();
        DType t = spec.dtype();
        MatrixShape a = spec.a();
        MatrixShape b = spec.b();
        MatrixShape c = spec.c();
        // Only an empty problem has an extent past int range (no heap array holds a non-empty operand that large):
        // every output of it is empty, bias gradients included, so it computes nothing.
        nothing = spec.m() > Integer.MAX_VALUE || spec.n() > Integer.MAX_VALUE || spec.k() > Integer.MAX_VALUE;
        m = nothing ? 0 : BlasInts.of("m", spec.m());
        n = nothing ? 0 : BlasInts.of("n", spec.n());
        k = nothing ? 0 : BlasInts.of("k", spec.k());
        lda = nothing ? 1 : BlasInts.ld("a.ld", a);
        ldb = nothing ? 1 : BlasInts.ld("b.ld", b);
        ldc = nothing ? 1 : BlasInts.ld("c.ld", c);
        order = c.layout();
        ta = trans(spec.opA(), a.layout());
        tb = trans(spec.opB(), b.layout());
        // Storage strides of op(A)'s rows and columns: op(A)[i, p] is A[i, p] (NONE) or A[p, i].
        aRowStride = (spec.opA() == Op.NONE) == (a.layout() == Layout.ROW_MAJOR) ? lda : 1;
        aColStride = aRowStride == 1 ? lda : 1;
        bRowStride = (spec.opB() == Op.NONE) == (b.layout() == Layout.ROW_MAJOR) ? ldb : 1;
        bColStride = bRowStride == 1 ? ldb : 1;
        cRowStride = order == Layout.ROW_MAJOR ? ldc : 1;
        cColStride = cRowStride == 1 ? ldc : 1;
        MatmulOptions.HostKernel kernel = spec.options().hostKernel();
        javaKernel = kernel == MatmulOptions.HostKernel.JAVA || (kernel == MatmulOptions.HostKernel.AUTO
                && (double) m * n * k <= JavaGemm.crossover(blas.callPath(), t.isComplex()));
        threads = context.threads();
        readsInputs = !spec.alpha().isZero() && k > 0;
        int requested = spec.options().hostPanelRows();
        long byBytes = PANEL_BYTES / Math.max(1, (long) n * t.elementBytes());
        panelRows = Math.max(1, Math.min(m, requested > 0 ? requested : (int) Math.max(MIN_PANEL_ROWS, byBytes)));
        epilogue = spec.epilogue() == Epilogue.DEFAULT || nothing ? null : new EpilogueRows(spec, blas, panelRows);
    }

    /** Plans {@code spec} for the host. */
    public static OpenBlasMatmul plan(MatmulSpec spec, FuseContext context) {
        return new OpenBlasMatmul(spec, context);
    }

    /** The CBLAS flag for an operand stored in {@code layout} when the call uses C's order. */
    private Trans trans(Op op, Layout layout) {
        Trans t = Trans.of(op);
        return layout == order ? t : t.flipped();
    }

    /** Whether the Java kernel runs the products. */
    public boolean usesJavaKernel() {
        return javaKernel;
    }

    /** Rows per epilogue panel. */
    public int panelRows() {
        return panelRows;
    }

    @Override
    public String describe() {
        if (nothing) {
            return "host: nothing to compute (an empty problem with an extent past int range)";
        }
        String kernel = javaKernel ? "Java kernel (m·n·k = " + (long) m * n * k + ", crossover "
                + JavaGemm.crossover(blas.callPath(), spec.dtype().isComplex()) + ")"
                : "OpenBLAS " + spec.dtype() + " gemm via " + blas.callPath() + " (" + order + ", transA=" + ta
                + ", transB=" + tb + ", " + threads + " threads)";
        String epi = epilogue == null ? "" : ", epilogue " + spec.epilogue() + (epilogue.touchesRows()
                ? " per panel of " + panelRows + " rows" : " from the inputs");
        return "host " + kernel + epi + (spec.batchCount() == 1 ? "" : ", " + spec.batchCount() + " entries");
    }

    @Override
    public void autotune(MatmulOperands operands) {
        // One algorithm on the host: nothing to time.
    }

    @Override
    public void execute(MatmulOperands ops) {
        if (nothing) {
            return;
        }
        if (!javaKernel && m > 0 && n > 0) {
            blas.ensureThreads(threads);
        }
        boolean list = ops.isList();
        for (long e = 0; e < spec.batchCount(); e++) {
            int li = list ? (int) e : 0;
            HostMatrix a = ops.a(li);
            HostMatrix b = ops.b(li);
            HostMatrix c = ops.c(li);
            int aOff = BlasInts.entryOffset("a.offset", a.shape(), list || spec.broadcastsA() ? 0 : e);
            int bOff = BlasInts.entryOffset("b.offset", b.shape(), list || spec.broadcastsB() ? 0 : e);
            int cOff = BlasInts.entryOffset("c.offset", c.shape(), list ? 0 : e);
            entry(ops, e, a.array(), aOff, b.array(), bOff, c.array(), cOff);
        }
    }

    @Override
    public boolean runsPanelHook() {
        return true;
    }

    private void entry(MatmulOperands ops, long e, Object a, int aOff, Object b, int bOff, Object c, int cOff) {
        PanelHook hook = ops.panelHook();
        if (epilogue != null && !epilogue.touchesRows()) {
            epilogue.inputGradient(ops, e, a, aOff, b, bOff);
        }
        if (m == 0 || n == 0) {
            if (epilogue != null && m == 0) {
                epilogue.noRows(ops, e);
            }
            if (hook != null && m > 0) {
                hook.rows(e, 0, m);
            }
            return;
        }
        boolean rowEpilogue = epilogue != null && epilogue.touchesRows();
        if (!rowEpilogue && hook == null) {
            product(a, aOff, b, bOff, c, cOff, m);
            return;
        }
        if (rowEpilogue) {
            epilogue.begin(ops, e);
        }
        for (int r0 = 0; r0 < m; r0 += panelRows) {
            int rows = Math.min(panelRows, m - r0);
            int aPanel = aOff + r0 * aRowStride;
            int cPanel = cOff + r0 * cRowStride;
            product(a, aPanel, b, bOff, c, cPanel, rows);
            if (rowEpilogue) {
                epilogue.rows(ops, e, c, cPanel, ldc, order, r0, rows);
            }
            if (hook != null) {
                hook.rows(e, r0, rows);
            }
        }
    }

    /** C[0:rows, :] = alpha·op(A)[0:rows, :]·op(B) + beta·C[0:rows, :] for operands starting at the given offsets. */
    private void product(Object a, int aOff, Object b, int bOff, Object c, int cOff, int rows) {
        Scalar alpha = spec.alpha();
        Scalar beta = spec.beta();
        int kk = readsInputs ? k : 0;
        if (kk == 0) {
            // A and B are not read; a panel offset into an empty operand would point past its array.
            aOff = 0;
            bOff = 0;
        }
        if (javaKernel) {
            boolean complex = spec.dtype().isComplex();
            JavaGemm.gemm(spec.dtype(), rows, n, kk, alpha.re(), alpha.im(), a, aOff, aRowStride, aColStride,
                    complex && spec.opA() == Op.CONJUGATE_TRANSPOSE, b, bOff, bRowStride, bColStride,
                    complex && spec.opB() == Op.CONJUGATE_TRANSPOSE, beta.re(), beta.im(), c, cOff, cRowStride,
                    cColStride);
        } else {
            blas.gemm(spec.dtype(), order, ta, tb, rows, n, kk, alpha.re(), alpha.im(), a, aOff, lda, b, bOff, ldb,
                    beta.re(), beta.im(), c, cOff, ldc);
        }
    }

    @Override
    public void close() {
        // Nothing native is held.
    }
}
