package org.fusemath.solver.host;

import org.fusemath.api.DType;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.Uplo;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.blas.host.Trans;
import org.fusemath.solver.BatchedProblem;
import org.fusemath.solver.BatchedProblem.Failure;
import org.fusemath.solver.BatchedProblem.Method;
import org.fusemath.api.spi.HostParts;

/**
 * The host provider of batched solves: for each member b, A_b·X_b = B_b by LU with partial pivoting or by
 * Cholesky, each member factored and solved whole by one thread, the members spread over the caller's threads in
 * contiguous ranges. Real members of order up to {@link #JAVA_LU_MAX_N} (LU) or {@link #JAVA_CHOLESKY_MAX_N}
 * (Cholesky) run {@link SmallSolve}'s pure-Java kernels
 * (a native call costs more than their arithmetic); larger or complex ones run LAPACK's getrf/getrs or
 * potrf/potrs through the host call table with one OpenBLAS thread each. Which kernel runs depends on the type
 * and the order only, and no member's work is split, so the result is bit-identical whatever the thread count.
 *
 * <p>Each member of A is copied verbatim into a work area and read column-major, as LAPACK reads it: a row-major
 * member is then Aᵀ, factored as it stands and solved with the transposed flag (LU) or the other triangle
 * (Cholesky; a complex Hermitian Aᵀ is conj(A), so X is conjugated around the solve). Stateless and thread-safe;
 * the caller checks every argument (shapes, types, lengths) before calling.
 */
public final class HostBatchedSolve {
    /**
     * The largest order the pure-Java LU takes: measured against getrf+getrs through the JNI shims on one thread
     * (JDK 17, one right-hand side, load 6 on 2 cores), the Java LU is 4x faster at n = 4, 2.1x at 8, 1.3x at 16,
     * even at 24 and slower from 28 (0.9x at 32).
     */
    public static final int JAVA_LU_MAX_N = 24;
    /** The same for Cholesky (potrf+potrs): 4.9x at n = 4, 2.3x at 8, even at 16, 0.77x at 20. */
    public static final int JAVA_CHOLESKY_MAX_N = 16;
    /** Floating-point operations per part below which a batch is not split further (a fork costs ~10-50 µs). */
    private static final double GRAIN = 1 << 18;

    private HostBatchedSolve() {
    }

    /**
     * Solves every member of {@code problem} on up to {@code threads} threads; X replaces B except for members
     * after a failure in the same part. Returns null, or the failing member with the lowest index.
     */
    public static Failure solve(int threads, BatchedProblem problem) {
        long batch = problem.batch();
        if (batch == 0 || problem.n() == 0) {
            return null;
        }
        int parts = (int) Math.max(1, Math.min(Math.min(threads, batch), batch * problem.flopsPerMember() / GRAIN));
        Failure[] failures = new Failure[parts];
        HostParts.run(parts, p -> {
            long from = batch * p / parts;
            long to = batch * (p + 1) / parts;
            failures[p] = new Member(problem).solve(from, to, p == 0 ? threads : 1);
        });
        for (Failure f : failures) {
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** One part's work areas and the per-member steps. */
    private static final class Member {
        private final Method method;
        private final DType t;
        private final Object a;
        private final MatrixShape aShape;
        private final Object x;
        private final int n;
        private final int k;
        private final int slots;
        private final boolean rowMajorA;
        private final boolean rowMajorX;
        /** The triangle LAPACK reads in the column-major reading of the member. */
        private final Uplo stored;
        private final boolean java;
        private final Object w;
        private final Object columns;
        private final int[] ipiv;

        Member(BatchedProblem p) {
            this.method = p.method();
            this.t = p.dtype();
            this.a = p.a();
            this.aShape = p.aShape();
            this.x = p.x();
            this.n = p.n();
            this.k = p.k();
            this.slots = t.slotsPerElement();
            this.rowMajorA = p.rowMajorA();
            this.rowMajorX = p.xLayout() == Layout.ROW_MAJOR;
            this.stored = p.storedUplo();
            this.java = !t.isComplex() && n <= (method == Method.LU ? JAVA_LU_MAX_N : JAVA_CHOLESKY_MAX_N);
            this.w = t.isSinglePrecision() ? new float[n * n * slots] : new double[n * n * slots];
            // LAPACK needs B column-major: a row-major X with several columns is staged through this area.
            boolean staged = !java && rowMajorX && k > 1;
            this.columns = !staged ? null : t.isSinglePrecision() ? new float[n * k * slots] : new double[n * k * slots];
            this.ipiv = new int[n];
        }

        /**
         * Members [from, to): the first failure, or null. {@code restore} is the OpenBLAS count to leave on this
         * thread (the caller's), since LAPACK runs here with one thread.
         */
        Failure solve(long from, long to, int restore) {
            NativeLapack lapack = null;
            if (!java) {
                NativeCalls.blas().ensureThreads(1);
                lapack = NativeCalls.lapack();
            }
            try {
                for (long b = from; b < to; b++) {
                    gather(b);
                    int xOff = Math.toIntExact(b * n * k);
                    int info = java ? javaMember(xOff) : lapackMember(lapack, xOff);
                    if (info > 0) {
                        return new Failure(b, info);
                    }
                }
                return null;
            } finally {
                if (!java) {
                    NativeCalls.blas().ensureThreads(restore);
                }
            }
        }

        /** Copies member b of A verbatim (its own storage order, without gaps) into the work area. */
        private void gather(long b) {
            int base = Math.toIntExact(aShape.indexOf(b, 0, 0) * slots);
            int ld = (int) aShape.ld();
            if (ld == n) {
                System.arraycopy(a, base, w, 0, n * n * slots);
                return;
            }
            for (int o = 0; o < n; o++) {
                System.arraycopy(a, base + o * ld * slots, w, o * n * slots, n * slots);
            }
        }

        private int javaMember(int xOff) {
            int rs = rowMajorX ? k : 1;
            int cs = rowMajorX ? 1 : n;
            // Cholesky's L(i, j) in the column-major reading: the lower triangle, or the transpose of the upper.
            int frs = stored == Uplo.LOWER ? 1 : n;
            int fcs = stored == Uplo.LOWER ? n : 1;
            if (w instanceof double[] d) {
                double[] xd = (double[]) x;
                if (method == Method.LU) {
                    int info = SmallSolve.getrf(n, d, 0, ipiv);
                    if (info == 0) {
                        SmallSolve.getrs(rowMajorA, n, k, d, 0, ipiv, xd, xOff, rs, cs);
                    }
                    return info;
                }
                int info = SmallSolve.potrf(n, d, 0, frs, fcs);
                if (info == 0) {
                    SmallSolve.potrs(n, k, d, 0, frs, fcs, xd, xOff, rs, cs);
                }
                return info;
            }
            float[] f = (float[]) w;
            float[] xf = (float[]) x;
            if (method == Method.LU) {
                int info = SmallSolveFloat.getrf(n, f, 0, ipiv);
                if (info == 0) {
                    SmallSolveFloat.getrs(rowMajorA, n, k, f, 0, ipiv, xf, xOff, rs, cs);
                }
                return info;
            }
            int info = SmallSolveFloat.potrf(n, f, 0, frs, fcs);
            if (info == 0) {
                SmallSolveFloat.potrs(n, k, f, 0, frs, fcs, xf, xOff, rs, cs);
            }
            return info;
        }

        private int lapackMember(NativeLapack lapack, int xOff) {
            int info = method == Method.LU ? lapack.getrf(t, n, n, w, 0, n, ipiv, 0) : lapack.potrf(t, stored, n, w, 0, n);
            if (info > 0) {
                return info;
            }
            Object b = columns == null ? x : columns;
            int bOff = columns == null ? xOff : 0;
            if (columns != null) {
                transpose(x, xOff * slots, n, k, columns, 0);
            }
            // A complex Hermitian row-major member read column-major is conj(A): solve conj(A)·conj(X) = conj(B).
            boolean conjugate = method == Method.CHOLESKY && rowMajorA && t.isComplex();
            if (conjugate) {
                conjugate(b, bOff);
            }
            if (method == Method.LU) {
                lapack.getrs(t, rowMajorA ? Trans.T : Trans.N, n, k, w, 0, n, ipiv, 0, b, bOff, n);
            } else {
                lapack.potrs(t, stored, n, k, w, 0, n, b, bOff, n);
            }
            if (conjugate) {
                conjugate(b, bOff);
            }
            if (columns != null) {
                transpose(columns, 0, k, n, x, xOff * slots);
            }
            return 0;
        }

        /** Negates the imaginary parts of the n·k elements at element offset {@code off}. */
        private void conjugate(Object b, int off) {
            int end = (off + n * k) * 2;
            if (b instanceof double[] d) {
                for (int i = off * 2 + 1; i < end; i += 2) {
                    d[i] = -d[i];
                }
            } else {
                float[] f = (float[]) b;
                for (int i = off * 2 + 1; i < end; i += 2) {
                    f[i] = -f[i];
                }
            }
        }

        /** Copies the rows×cols matrix at slot {@code from} (ld = cols) to its transpose at slot {@code to}. */
        private void transpose(Object src, int from, int rows, int cols, Object dst, int to) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    System.arraycopy(src, from + (i * cols + j) * slots, dst, to + (j * rows + i) * slots, slots);
                }
            }
        }
    }
}
