package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fusemath.api.DType;
import java.util.List;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.host.NativeBlas;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.Trans;

/**
 * Calls at the public API and the call tables, built valid by construction and then, separately, broken by exactly
 * one defect. A valid call must complete; a broken one must throw an {@link InvalidArgumentException} naming the
 * argument the defect broke (a bad size reaching native code would instead crash the JVM running this).
 *
 * <p>Each family is a record that builds a valid call from small random dimensions, plus an enum of defects, each
 * with the argument name it must produce (and, for the call tables, the routines it applies to). A new kind of
 * bad input is a new defect constant plus the line of the family's builder that applies it.
 *
 * <p>Geometry past int range (empty operands with a huge other extent, one-row views with a huge leading
 * dimension, long strides, empty stacks) has its own property: any such call completes or throws an
 * {@link InvalidArgumentException} naming its argument, never an ArithmeticException or an index exception.
 */
class MalformedCallsPropertyTest {
    private interface Call {
        void run();
    }

    private static void assertNames(String argument, Call call, Object label) {
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, call::run, label::toString);
        assertEquals(argument, e.argument(), e.getMessage());
        if (e.getMessage() == null || e.getMessage().isEmpty()) {
            throw new AssertionError("an argument exception must say why", e);
        }
    }

    /** A zeroed array of {@code slots} slots of t's component type, or of the other one when {@code wrongType}. */
    private static Object array(DType t, long slots, boolean wrongType) {
        return t.isSinglePrecision() != wrongType ? new float[(int) slots] : new double[(int) slots];
    }

    /** Elements a matrix spans from its first element: 0 when empty. */
    private static long elements(Layout order, int rows, int cols, int ld) {
        int inner = order == Layout.ROW_MAJOR ? cols : rows;
        int outer = order == Layout.ROW_MAJOR ? rows : cols;
        return rows == 0 || cols == 0 ? 0 : (long) (outer - 1) * ld + inner;
    }

    private static int minLd(Layout order, int rows, int cols) {
        return Math.max(1, order == Layout.ROW_MAJOR ? cols : rows);
    }

    private static DType real(DType t) {
        return t.componentType();
    }

    // ---- Public matmul: views built from a shape, then Blas.matmul -------------------------------------------

    /** What breaks a valid matmul, and the argument that must be named. */
    enum MatmulDefect {
        NEGATIVE_ROWS("rows"), NEGATIVE_COLS("cols"), SMALL_LD("ld"), NEGATIVE_OFFSET("offset"), SHORT_DATA("data"),
        WRONG_ARRAY_TYPE("data"), INNER_MISMATCH("b"), OUTPUT_MISMATCH("c"), BATCH_MISMATCH("a"),
        BIAS_LENGTH("bias"), BIAS_WITHOUT_EPILOGUE("bias"), IMAGINARY_ALPHA_FOR_REAL("alpha"), C_OVERLAPS_A("c"),
        LIST_LENGTHS_DIFFER("a, b, c");

        final String argument;

        MatmulDefect(String argument) {
            this.argument = argument;
        }

        /** Real types only: bias epilogues (refused for complex types, as the epilogue) and alpha's imaginary part. */
        boolean realOnly() {
            return this == BIAS_LENGTH || this == IMAGINARY_ALPHA_FOR_REAL;
        }
    }

    /** op(A) m x k times op(B) k x n into C m x n; A padded by {@code pad} and offset by {@code offset}. */
    private record MatmulCase(DType t, Op opA, Op opB, Layout la, Layout lb, Layout lc, int m, int n, int k, int pad,
                              int offset, int batch) {
        /** A's geometry (rows, cols, ld, offset, batch), overridable by a defect; data fits it unless told. */
        HostMatrix a(int rows, int cols, int ldDelta, int off, int batch, long slotDelta, boolean wrongType) {
            int ld = minLd(la, Math.max(0, rows), Math.max(0, cols)) + pad + ldDelta;
            long stride = Math.max(1, elements(la, Math.max(0, rows), Math.max(0, cols), Math.max(1, ld)));
            long slots = (Math.max(0, off) + batch * stride) * t.slotsPerElement() + slotDelta;
            return HostMatrix.of(t, array(t, slots, wrongType), new MatrixShape(batch, rows, cols, la, ld, stride, off));
        }

        HostMatrix dense(Layout l, int rows, int cols, int batch) {
            MatrixShape s = MatrixShape.dense(rows, cols, l).batched(batch);
            return HostMatrix.of(t, array(t, s.requiredElements() * t.slotsPerElement(), false), s);
        }

        void run(MatmulDefect defect) {
            int ar = opA.transposes() ? k : m;
            int ac = opA.transposes() ? m : k;
            HostMatrix a = defect == null ? a(ar, ac, 0, offset, batch, 0, false) : switch (defect) {
                case NEGATIVE_ROWS -> a(-1, ac, 0, offset, batch, 0, false);
                case NEGATIVE_COLS -> a(ar, -1, 0, offset, batch, 0, false);
                case SMALL_LD -> a(ar, ac, -1 - pad, offset, batch, 0, false);
                case NEGATIVE_OFFSET -> a(ar, ac, 0, -1, batch, 0, false);
                case SHORT_DATA -> a(ar, ac, 0, offset, batch, -1, false);
                case WRONG_ARRAY_TYPE -> a(ar, ac, 0, offset, batch, 0, true);
                case BATCH_MISMATCH -> a(ar, ac, 0, offset, batch + 1, 0, false);
                default -> a(ar, ac, 0, offset, batch, 0, false);
            };
            int kb = defect == MatmulDefect.INNER_MISMATCH ? k + 1 : k;
            HostMatrix b = dense(lb, opB.transposes() ? n : kb, opB.transposes() ? kb : n, 1);
            // A bias epilogue needs a row-major result (a different argument), so that defect keeps C row-major.
            HostMatrix c = dense(defect == MatmulDefect.BIAS_LENGTH ? Layout.ROW_MAJOR : lc, m,
                    defect == MatmulDefect.OUTPUT_MISMATCH ? n + 1 : n, batch);
            if (defect == MatmulDefect.C_OVERLAPS_A) {
                // C on A's array from A's first element: A is read while C is written.
                MatrixShape cs = MatrixShape.dense(m, n, lc).batched(batch).withOffset(a.shape().offset());
                Object shared = array(t, Math.max(a.shape().requiredElements(), cs.requiredElements()) * t.slotsPerElement(),
                        false);
                a = HostMatrix.of(t, shared, a.shape());
                c = HostMatrix.of(t, shared, cs);
            }
            if (defect == null && batch == 1) {
                // The list form: two entries, each with its own C.
                Blas.gemm(opA, opB, Scalar.ONE, java.util.List.of(a, a), java.util.List.of(b, b), Scalar.ZERO,
                        java.util.List.of(c, dense(lc, m, n, 1)));
            }
            if (defect == MatmulDefect.LIST_LENGTHS_DIFFER) {
                Blas.gemm(opA, opB, Scalar.ONE, java.util.List.of(a, a), java.util.List.of(b, b), Scalar.ZERO,
                        java.util.List.of(c));
            }
            MatmulOperands ops = MatmulOperands.of(a, b, c);
            Epilogue epilogue = Epilogue.DEFAULT;
            if (defect == MatmulDefect.BIAS_LENGTH || defect == MatmulDefect.BIAS_WITHOUT_EPILOGUE) {
                epilogue = defect == MatmulDefect.BIAS_LENGTH ? Epilogue.BIAS : Epilogue.DEFAULT;
                ops = ops.withBias(dense(Layout.ROW_MAJOR, 1, n + (defect == MatmulDefect.BIAS_LENGTH ? 1 : 0), 1));
            }
            Scalar alpha = defect == MatmulDefect.IMAGINARY_ALPHA_FOR_REAL ? Scalar.of(2, 1) : Scalar.of(2);
            MatmulSpec spec = ops.specBuilder().opA(opA).opB(opB).epilogue(epilogue).alpha(alpha).beta(0.5).build();
            Blas.matmul(spec, ops);
        }
    }

    @Property(tries = 300)
    void validMatmulsComplete(
            @ForAll DType t, @ForAll Op opA, @ForAll Op opB, @ForAll Layout la, @ForAll Layout lb, @ForAll Layout lc,
            @ForAll @IntRange(min = 0, max = 5) int m, @ForAll @IntRange(min = 0, max = 5) int n,
            @ForAll @IntRange(min = 0, max = 5) int k, @ForAll @IntRange(min = 0, max = 2) int pad,
            @ForAll @IntRange(min = 0, max = 2) int offset, @ForAll @IntRange(min = 1, max = 3) int batch) {
        new MatmulCase(t, opA, opB, la, lb, lc, m, n, k, pad, offset, batch).run(null);
    }

    @Property(tries = 600)
    void eachMatmulDefectIsNamed(
            @ForAll MatmulDefect defect, @ForAll DType t, @ForAll Op opA, @ForAll Op opB,
            @ForAll Layout la, @ForAll Layout lb, @ForAll Layout lc,
            @ForAll @IntRange(min = 1, max = 5) int m, @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @IntRange(min = 1, max = 5) int k, @ForAll @IntRange(min = 0, max = 2) int pad,
            @ForAll @IntRange(min = 0, max = 2) int offset, @ForAll @IntRange(min = 1, max = 3) int batch) {
        MatmulCase c = new MatmulCase(defect.realOnly() ? real(t) : t, opA, opB, la, lb, lc, m, n, k, pad, offset, batch);
        assertNames(defect.argument, () -> c.run(defect), defect + " " + c);
    }

    // ---- Public level-1/2 routines on HostVector views -------------------------------------------------------

    /** What breaks a valid dot / axpy / gemv, and the argument that must be named. */
    enum VectorDefect {
        NEGATIVE_LENGTH("length"), NEGATIVE_OFFSET("offset"), ZERO_STRIDE("stride"), SHORT_DATA("data"),
        WRONG_ARRAY_TYPE("data"), X_LENGTH_MISMATCH("x"), Y_LENGTH_MISMATCH("y");

        final String argument;

        VectorDefect(String argument) {
            this.argument = argument;
        }
    }

    /** x of length op(A)'s columns, y of its rows, both strided and offset; A m x n dense. */
    private record VectorCase(DType t, Op op, Layout la, int m, int n, int stride, int offset) {
        HostVector vector(int length, VectorDefect defect, boolean isX) {
            int len = defect == (isX ? VectorDefect.X_LENGTH_MISMATCH : VectorDefect.Y_LENGTH_MISMATCH) ? length + 1 : length;
            int off = isX && defect == VectorDefect.NEGATIVE_OFFSET ? -1 : offset;
            int inc = isX && defect == VectorDefect.ZERO_STRIDE ? 0 : stride;
            long elements = len == 0 ? 0 : (long) (len - 1) * stride + 1;
            long slots = (offset + elements) * t.slotsPerElement() - (isX && defect == VectorDefect.SHORT_DATA ? 1 : 0);
            return HostVector.of(t, array(t, slots, isX && defect == VectorDefect.WRONG_ARRAY_TYPE),
                    isX && defect == VectorDefect.NEGATIVE_LENGTH ? -1 : len, off, inc);
        }

        void gemv(VectorDefect defect) {
            int rows = op.transposes() ? n : m;
            int cols = op.transposes() ? m : n;
            MatrixShape s = MatrixShape.dense(m, n, la);
            HostMatrix a = HostMatrix.of(t, array(t, s.requiredElements() * t.slotsPerElement(), false), s);
            Blas.gemv(op, Scalar.ONE, a, vector(cols, defect, true), Scalar.ZERO, vector(rows, defect, false));
        }

        /** dot and axpy take two vectors of one length; which of them a mismatch names is theirs to say. */
        void dotAndAxpy(VectorDefect defect) {
            HostVector x = vector(n, defect == VectorDefect.X_LENGTH_MISMATCH ? null : defect, true);
            HostVector y = vector(n, defect, false);
            Blas.dot(x, y);
            Blas.axpy(Scalar.of(2), x, y);
        }
    }

    @Property(tries = 300)
    void validVectorCallsComplete(
            @ForAll DType t, @ForAll Op op, @ForAll Layout la,
            @ForAll @IntRange(min = 0, max = 5) int m, @ForAll @IntRange(min = 0, max = 5) int n,
            @ForAll @IntRange(min = 1, max = 3) int stride, @ForAll @IntRange(min = 0, max = 2) int offset) {
        VectorCase c = new VectorCase(t, op, la, m, n, stride, offset);
        c.gemv(null);
        c.dotAndAxpy(null);
    }

    @Property(tries = 600)
    void eachVectorDefectIsNamed(
            @ForAll VectorDefect defect, @ForAll DType t, @ForAll Op op, @ForAll Layout la,
            @ForAll @IntRange(min = 1, max = 5) int m, @ForAll @IntRange(min = 1, max = 5) int n,
            @ForAll @IntRange(min = 1, max = 3) int stride, @ForAll @IntRange(min = 0, max = 2) int offset) {
        VectorCase c = new VectorCase(t, op, la, m, n, stride, offset);
        assertNames(defect.argument, () -> c.gemv(defect), "gemv " + defect + " " + c);
        if (defect != VectorDefect.X_LENGTH_MISMATCH) {
            assertNames(defect.argument, () -> c.dotAndAxpy(defect), "dot " + defect + " " + c);
        }
    }

    // ---- The host call tables (what the providers hand to OpenBLAS / LAPACK) --------------------------------

    /** The call-table entries exercised. */
    enum Routine {
        GEMM, GEMV, TRSV, SYRK, AXPY, DOT, IAMAX, GETRF
    }

    /** What breaks a valid call-table call, the argument that must be named, and the routines it applies to. */
    enum TableDefect {
        NEGATIVE_M("m", Routine.GEMM, Routine.GEMV, Routine.GETRF),
        NEGATIVE_N("n", Routine.values()),
        NEGATIVE_K("k", Routine.GEMM, Routine.SYRK),
        SMALL_LDA("ldA", Routine.GEMM, Routine.GEMV, Routine.TRSV, Routine.SYRK, Routine.GETRF),
        SMALL_LDC("ldC", Routine.GEMM, Routine.SYRK),
        SHORT_A("A", Routine.GEMM, Routine.GEMV, Routine.TRSV, Routine.SYRK, Routine.GETRF),
        SHORT_C("C", Routine.GEMM, Routine.SYRK),
        WRONG_TYPE_A("A", Routine.GEMM, Routine.GEMV, Routine.TRSV, Routine.SYRK, Routine.GETRF),
        NEGATIVE_OFFSET_A("offsetA", Routine.GEMM, Routine.GEMV, Routine.TRSV, Routine.SYRK, Routine.GETRF),
        ZERO_INC_X("incX", Routine.GEMV, Routine.TRSV, Routine.AXPY, Routine.DOT, Routine.IAMAX),
        SHORT_X("X", Routine.GEMV, Routine.TRSV, Routine.AXPY, Routine.DOT, Routine.IAMAX),
        IMAGINARY_ALPHA_FOR_REAL("alpha", Routine.GEMM, Routine.GEMV, Routine.SYRK, Routine.AXPY),
        /** trsv takes N, T or C; syrk N or T (herk takes C). */
        UNSUPPORTED_TRANS("trans", Routine.TRSV, Routine.SYRK),
        SHORT_IPIV("ipiv", Routine.GETRF);

        final String argument;
        final java.util.Set<Routine> routines;

        TableDefect(String argument, Routine... routines) {
            this.argument = argument;
            this.routines = java.util.EnumSet.copyOf(java.util.List.of(routines));
        }

        boolean realOnly() {
            return this == IMAGINARY_ALPHA_FOR_REAL;
        }
    }

    /**
     * gemm C = op(A) op(B) (A m x k after op), gemv y = op(A) x (A m x n), trsv (A n x n), syrk C = A Aᵀ (A n x k
     * before op), axpy / dot / iamax (n) and getrf (A m x n, column-major) on arrays sized exactly for their
     * arguments, each with its own geometry; {@code d} (or null) breaks them.
     */
    private record TableCase(DType t, Layout order, Trans ta, Trans tb, int m, int n, int k, int pad, int off, int inc) {
        Object matrix(Layout l, int rows, int cols, int ld, int offset, TableDefect d, TableDefect shortBy, boolean wrongType) {
            long slots = (offset + elements(l, rows, cols, ld)) * t.slotsPerElement() - (d != null && d == shortBy ? 1 : 0);
            return array(t, slots, wrongType);
        }

        Object vector(int len, int stride, boolean shorter) {
            long elements = len == 0 ? 0 : (long) (len - 1) * Math.abs(stride) + 1;
            return array(t, elements * t.slotsPerElement() - (shorter ? 1 : 0), false);
        }

        int dim(int value, TableDefect d, TableDefect negative) {
            return d == negative ? -1 : value;
        }

        int ld(Layout l, int rows, int cols, TableDefect d, TableDefect small) {
            return d == small ? minLd(l, rows, cols) - 1 : minLd(l, rows, cols) + pad;
        }

        void run(Routine r, TableDefect d) {
            NativeBlas blas = NativeCalls.blas();
            double alphaIm = d == TableDefect.IMAGINARY_ALPHA_FOR_REAL ? 1 : 0;
            int aOff = d == TableDefect.NEGATIVE_OFFSET_A ? -1 : off;
            boolean wrongA = d == TableDefect.WRONG_TYPE_A;
            int incx = d == TableDefect.ZERO_INC_X ? 0 : inc;
            switch (r) {
                case GEMM -> {
                    int ar = ta.transposes() ? k : m;
                    int ac = ta.transposes() ? m : k;
                    int br = tb.transposes() ? n : k;
                    int bc = tb.transposes() ? k : n;
                    int lda = ld(order, ar, ac, d, TableDefect.SMALL_LDA);
                    int ldb = minLd(order, br, bc);
                    int ldc = ld(order, m, n, d, TableDefect.SMALL_LDC);
                    Object a = matrix(order, ar, ac, Math.max(1, lda), off, d, TableDefect.SHORT_A, wrongA);
                    Object b = matrix(order, br, bc, ldb, 0, null, null, false);
                    Object c = matrix(order, m, n, Math.max(1, ldc), 0, d, TableDefect.SHORT_C, false);
                    blas.gemm(t, order, ta, tb, dim(m, d, TableDefect.NEGATIVE_M), dim(n, d, TableDefect.NEGATIVE_N),
                            dim(k, d, TableDefect.NEGATIVE_K), 1, alphaIm, a, aOff, lda, b, 0, ldb, 0, 0, c, 0, ldc);
                }
                case GEMV -> {
                    int lda = ld(order, m, n, d, TableDefect.SMALL_LDA);
                    Object a = matrix(order, m, n, Math.max(1, lda), off, d, TableDefect.SHORT_A, wrongA);
                    Object x = vector(ta.transposes() ? m : n, inc, d == TableDefect.SHORT_X);
                    Object y = vector(ta.transposes() ? n : m, 1, false);
                    blas.gemv(t, order, ta, dim(m, d, TableDefect.NEGATIVE_M), dim(n, d, TableDefect.NEGATIVE_N), 1,
                            alphaIm, a, aOff, lda, x, 0, incx, 0, 0, y, 0, 1);
                }
                case TRSV -> {
                    Trans trans = d == TableDefect.UNSUPPORTED_TRANS ? Trans.R : ta == Trans.R ? Trans.N : ta;
                    int lda = ld(order, n, n, d, TableDefect.SMALL_LDA);
                    Object a = matrix(order, n, n, Math.max(1, lda), off, d, TableDefect.SHORT_A, wrongA);
                    blas.trsv(t, order, Uplo.LOWER, trans, Diag.UNIT, dim(n, d, TableDefect.NEGATIVE_N), a, aOff, lda,
                            vector(n, inc, d == TableDefect.SHORT_X), 0, incx);
                }
                case SYRK -> {
                    Trans trans = d == TableDefect.UNSUPPORTED_TRANS ? Trans.C : ta.transposes() ? Trans.T : Trans.N;
                    int ar = trans == Trans.N ? n : k;
                    int ac = trans == Trans.N ? k : n;
                    int lda = ld(order, ar, ac, d, TableDefect.SMALL_LDA);
                    int ldc = ld(order, n, n, d, TableDefect.SMALL_LDC);
                    Object a = matrix(order, ar, ac, Math.max(1, lda), off, d, TableDefect.SHORT_A, wrongA);
                    Object c = matrix(order, n, n, Math.max(1, ldc), 0, d, TableDefect.SHORT_C, false);
                    blas.syrk(t, order, Uplo.UPPER, trans, dim(n, d, TableDefect.NEGATIVE_N),
                            dim(k, d, TableDefect.NEGATIVE_K), 1, alphaIm, a, aOff, lda, 0, 0, c, 0, ldc);
                }
                case DOT -> blas.dot(t, true, dim(n, d, TableDefect.NEGATIVE_N), vector(n, inc, d == TableDefect.SHORT_X), 0,
                        incx, vector(n, 1, false), 0, 1);
                case IAMAX -> blas.iamax(t, dim(n, d, TableDefect.NEGATIVE_N), vector(n, inc, d == TableDefect.SHORT_X), 0,
                        incx);
                case AXPY -> blas.axpy(t, dim(n, d, TableDefect.NEGATIVE_N), 2, alphaIm,
                        vector(n, inc, d == TableDefect.SHORT_X), 0, incx, vector(n, 1, false), 0, 1);
                case GETRF -> {
                    int lda = ld(Layout.COLUMN_MAJOR, m, n, d, TableDefect.SMALL_LDA);
                    Object a = matrix(Layout.COLUMN_MAJOR, m, n, Math.max(1, lda), off, d, TableDefect.SHORT_A, wrongA);
                    // A unit diagonal, so that a valid call factors without a singular pivot.
                    for (int j = 0; j < Math.min(m, n) && lda > 0; j++) {
                        int slot = (off + j * lda + j) * t.slotsPerElement();
                        if (a instanceof float[] f && slot < f.length) {
                            f[slot] = 1;
                        } else if (a instanceof double[] v && slot < v.length) {
                            v[slot] = 1;
                        }
                    }
                    int[] ipiv = new int[Math.min(m, n) - (d == TableDefect.SHORT_IPIV ? 1 : 0)];
                    NativeCalls.lapack().getrf(t, dim(m, d, TableDefect.NEGATIVE_M), dim(n, d, TableDefect.NEGATIVE_N),
                            a, aOff, lda, ipiv, 0);
                }
                default -> throw new AssertionError(r);
            }
        }
    }

    @Property(tries = 400)
    void validCallTableCallsComplete(
            @ForAll Routine routine, @ForAll DType t, @ForAll Layout order, @ForAll Trans ta, @ForAll Trans tb,
            @ForAll @IntRange(min = 0, max = 6) int m, @ForAll @IntRange(min = 0, max = 6) int n,
            @ForAll @IntRange(min = 0, max = 6) int k, @ForAll @IntRange(min = 0, max = 2) int pad,
            @ForAll @IntRange(min = 0, max = 3) int off, @ForAll @IntRange(min = -2, max = 2) int inc) {
        new TableCase(t, order, ta, tb, m, n, k, pad, off, inc == 0 ? 1 : inc).run(routine, null);
    }

    @Property(tries = 800)
    void eachCallTableDefectIsNamed(
            @ForAll TableDefect defect, @ForAll DType t, @ForAll Layout order, @ForAll Trans ta, @ForAll Trans tb,
            @ForAll @IntRange(min = 1, max = 6) int m, @ForAll @IntRange(min = 1, max = 6) int n,
            @ForAll @IntRange(min = 1, max = 6) int k, @ForAll @IntRange(min = 0, max = 2) int pad,
            @ForAll @IntRange(min = 0, max = 3) int off, @ForAll @IntRange(min = -2, max = 2) int inc) {
        TableCase c = new TableCase(defect.realOnly() ? real(t) : t, order, ta, tb, m, n, k, pad, off, inc == 0 ? 1 : inc);
        for (Routine r : defect.routines) {
            assertNames(defect.argument, () -> c.run(r, defect), r + " " + defect + " " + c);
        }
    }

    // ---- Geometry past int range ------------------------------------------------------------------------------

    /** Runs the call; only our argument exceptions may escape it. */
    private static void attempt(Call call) {
        try {
            call.run();
        } catch (InvalidArgumentException expected) {
            if (expected.argument() == null || expected.getMessage() == null || expected.getMessage().isEmpty()) {
                throw new AssertionError("an argument exception must name the argument and say why", expected);
            }
        }
    }

    /** Extents and leading dimensions past int range mixed with small ones: legal only where they address nothing. */
    private static final long[] EXTENTS = {0, 1, 2, 3, 3_000_000_000L};
    private static final long WIDE_LD = (1L << 32) + 3;
    private static final long[] STRIDES = {1, 2, Integer.MAX_VALUE, 1L << 31, 1L << 32};

    /** A view with long geometry over an array just large enough; null when it is rejected or too large to hold. */
    private static HostMatrix longMatrix(DType t, Layout l, long rows, long cols, boolean wideLd, long batch) {
        long inner = l == Layout.ROW_MAJOR ? cols : rows;
        MatrixShape[] shape = new MatrixShape[1];
        attempt(() -> shape[0] = MatrixShape.dense(rows, cols, l).withLd(wideLd ? WIDE_LD : Math.max(1, inner))
                .batched(batch));
        if (shape[0] == null || shape[0].requiredElements() > 64) {
            return null;
        }
        HostMatrix[] out = new HostMatrix[1];
        attempt(() -> out[0] = HostMatrix.of(t, array(t, (int) shape[0].requiredElements() * t.slotsPerElement(), false),
                shape[0]));
        return out[0];
    }

    @Property(tries = 800)
    void wideAndEmptyGeometryOnlyThrowsArgumentExceptions(
            @ForAll DType t, @ForAll Op opA, @ForAll Op opB, @ForAll Side side, @ForAll Uplo uplo,
            @ForAll Layout la, @ForAll Layout lb, @ForAll Layout lc,
            @ForAll @IntRange(min = 0, max = 4) int mi, @ForAll @IntRange(min = 0, max = 4) int ni,
            @ForAll @IntRange(min = 0, max = 4) int ki, @ForAll boolean wideA, @ForAll boolean wideB,
            @ForAll boolean wideC, @ForAll @IntRange(min = 0, max = 2) int batchA, @ForAll @IntRange(min = 0, max = 2) int batchB,
            @ForAll @IntRange(min = 0, max = 4) int stridei, @ForAll @IntRange(min = -1, max = 3) int axis) {
        long m = EXTENTS[mi];
        long n = EXTENTS[ni];
        long k = EXTENTS[ki];
        HostMatrix a = longMatrix(t, la, opA.transposes() ? k : m, opA.transposes() ? m : k, wideA, batchA);
        HostMatrix b = longMatrix(t, lb, opB.transposes() ? n : k, opB.transposes() ? k : n, wideB, batchB);
        HostMatrix c = longMatrix(t, lc, m, n, wideC, Math.max(batchA, batchB));
        HostMatrix sq = longMatrix(t, la, m, m, wideA, 1);
        HostVector[] v = new HostVector[1];
        attempt(() -> v[0] = HostVector.of(t, array(t, 8 * t.slotsPerElement(), false), Math.min(m, 1), 0,
                STRIDES[stridei]));
        attempt(() -> HostTensor.zeros(t, m, n).dim(axis));
        if (a != null && b != null) {
            attempt(() -> Blas.matmul(a, b));
        }
        if (a != null && b != null && c != null) {
            attempt(() -> Blas.gemm(opA, opB, 1, a, b, 0, c));
            attempt(() -> Blas.gemm(opA, opB, Scalar.ONE, List.of(a), List.of(b), Scalar.ONE, List.of(c)));
            attempt(() -> {
                MatmulOperands ops = MatmulOperands.of(a, b, c);
                Blas.matmul(ops.specBuilder().opA(opA).opB(opB).epilogue(t.isComplex() ? Epilogue.DEFAULT
                        : Epilogue.RELU).beta(1).build(), ops);
            });
        }
        if (sq != null && c != null) {
            attempt(() -> Blas.trsm(side, uplo, opA, Diag.NON_UNIT, Scalar.ONE, sq, c));
            attempt(() -> Blas.trmm(side, uplo, opA, Diag.UNIT, Scalar.ONE, sq, c));
            attempt(() -> Blas.symm(side, uplo, Scalar.ONE, sq, c, Scalar.ONE, c));
            if (b != null) {
                attempt(() -> Blas.symm(side, uplo, Scalar.ONE, sq, b, Scalar.ZERO, c));
            }
        }
        if (a != null && sq != null) {
            attempt(() -> Blas.syrk(uplo, opA, Scalar.ONE, a, Scalar.ONE, sq));
            attempt(() -> Blas.herk(uplo, opA, 1, a, 1, sq));
        }
        HostVector x = v[0];
        if (x != null && a != null) {
            attempt(() -> Blas.gemv(opA, Scalar.ONE, a, x, Scalar.ONE, x));
            attempt(() -> Blas.ger(Scalar.ONE, x, x, a));
            attempt(() -> Blas.trsv(uplo, opA, Diag.UNIT, a, x));
            attempt(() -> Blas.nrm2(x));
            attempt(() -> Blas.iamax(x));
            attempt(() -> HostVector.row(a, 0));
            attempt(() -> HostVector.column(a, 0));
        }
    }
}
