package org.fusemath.blas;

import org.fusemath.api.Arguments;
import org.fusemath.api.DType;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;

/**
 * The checked, immutable description of one (batched) matmul D = epilogue(alpha·op(A)·op(B) + beta·C), stored
 * in place of C: element type, operand geometry (shape, layout, leading dimension, batch stride), op flags,
 * scalars, epilogue and options. It names no memory, so the same spec describes a host or a device problem;
 * operands are bound to it by {@link Matmul}.
 *
 * <p>BLAS semantics hold exactly: with beta = 0, C is never read (a NaN in C does not reach the result);
 * with k = 0 the result is beta·C; with m = 0 or n = 0 nothing is read or written (a bias gradient of
 * length n &gt; 0 with m = 0 is still written, as the empty sum 0).
 *
 * <p>Batches come in two forms. {@link BatchMode#STRIDED}: each shape carries a batch count and stride;
 * C's count is the problem's, and A or B may have a count of 1 (or a stride of 0) to be broadcast to every
 * entry; entries of C must not overlap. {@link BatchMode#LIST}: every shape describes one entry (batch 1)
 * and the operands are lists of equally shaped matrices anywhere in memory (cuBLAS's pointer-array form).
 */
public final class MatmulSpec {
    /** How batch entries are laid out. */
    public enum BatchMode {
        /** One operand per role; entries at a fixed stride (a single matrix is a batch of one). */
        STRIDED,
        /** One operand per role and entry, in lists of equal length. */
        LIST
    }

    private final DType dtype;
    private final Op opA;
    private final Op opB;
    private final MatrixShape a;
    private final MatrixShape b;
    private final MatrixShape c;
    private final MatrixShape bias;
    private final MatrixShape aux;
    private final BatchMode batchMode;
    private final long batchCount;
    private final long m;
    private final long n;
    private final long k;
    private final Scalar alpha;
    private final Scalar beta;
    private final Epilogue epilogue;
    private final MatmulOptions options;

    private MatmulSpec(Builder bld) {
        dtype = Arguments.requireNonNull(bld.dtype, "dtype");
        opA = Arguments.requireNonNull(bld.opA, "opA");
        opB = Arguments.requireNonNull(bld.opB, "opB");
        a = Arguments.requireNonNull(bld.a, "a");
        b = Arguments.requireNonNull(bld.b, "b");
        c = Arguments.requireNonNull(bld.c, "c");
        alpha = Arguments.requireNonNull(bld.alpha, "alpha").requireFor("alpha", dtype);
        beta = Arguments.requireNonNull(bld.beta, "beta").requireFor("beta", dtype);
        epilogue = Arguments.requireNonNull(bld.epilogue, "epilogue");
        options = Arguments.requireNonNull(bld.options, "options");
        batchMode = bld.listCount >= 0 ? BatchMode.LIST : BatchMode.STRIDED;

        m = opA.rowsOf(a.rows(), a.cols());
        k = opA.colsOf(a.rows(), a.cols());
        long kb = opB.rowsOf(b.rows(), b.cols());
        n = opB.colsOf(b.rows(), b.cols());
        if (kb != k) {
            throw new ShapeMismatchException("b", "op(B) of " + kb + "x" + n + " (B is " + b.rows() + "x" + b.cols()
                    + ", " + opB + ")", k + " rows to match the " + k + " columns of op(A) (A is " + a.rows() + "x"
                    + a.cols() + ", " + opA + ")");
        }
        if (c.rows() != m || c.cols() != n) {
            throw new ShapeMismatchException("c", c.rows() + "x" + c.cols(), m + "x" + n + " = rows of op(A) x columns of op(B)");
        }
        batchCount = batchMode == BatchMode.LIST ? bld.listCount : checkStridedBatch();
        if (batchMode == BatchMode.LIST) {
            requireSingle("a", a);
            requireSingle("b", b);
            requireSingle("c", c);
        }
        checkOptions();
        epilogue.requireSupported(dtype);
        if (epilogue.needsRowMajorResult() && c.layout() != Layout.ROW_MAJOR) {
            throw new InvalidArgumentException("c.layout", c.layout(), "ROW_MAJOR for epilogue " + epilogue
                    + " (its bias and aux follow the rows and columns of a row-major result)");
        }
        bias = checkBias(bld.bias);
        aux = checkAux(bld.aux);
    }

    private long checkStridedBatch() {
        long count = c.batch();
        for (MatrixShape s : new MatrixShape[] {a, b}) {
            if (s.batch() != count && s.batch() != 1) {
                String name = s == a ? "a" : "b";
                throw new ShapeMismatchException(name, "a batch of " + s.batch(),
                        "a batch of " + count + " (as C) or 1 (broadcast to every entry)");
            }
        }
        if (count > 1 && m > 0 && n > 0) {
            long span = c.withOffset(0).batched(1, 0).requiredElements();
            if (c.batchStride() < span) {
                throw new InvalidArgumentException("c.batchStride", c.batchStride(), "at least " + span
                        + " elements (the extent of one " + m + "x" + n + " entry), so that entries of C do not overlap");
            }
        }
        return count;
    }

    private static void requireSingle(String name, MatrixShape s) {
        if (s.batch() != 1) {
            throw new InvalidArgumentException(name + ".batch", s.batch(), "1 in a list-batched spec (each list entry is one matrix)");
        }
    }

    private void checkOptions() {
        DType result = options.resultType();
        if (result != null && result != dtype) {
            throw new InvalidArgumentException("options.resultType", result,
                    dtype + " (the operand type; mixed-type products are not supported)");
        }
        if (options.computeMode() == MatmulOptions.ComputeMode.FAST_TF32 && !dtype.isSinglePrecision()) {
            throw new InvalidArgumentException("options.computeMode", options.computeMode(),
                    "DEFAULT or PEDANTIC for " + dtype + " (TF32 applies to F32 and C64)");
        }
    }

    private MatrixShape checkBias(MatrixShape s) {
        if (!epilogue.usesBiasVector()) {
            if (s != null) {
                throw new InvalidArgumentException("bias", s, "no bias for epilogue " + epilogue);
            }
            return null;
        }
        long length = epilogue.biasLength(m, n);
        if (s == null) {
            throw new InvalidArgumentException("bias", "null", "a vector of length " + length + " for epilogue " + epilogue);
        }
        long elements = s.rows() * s.cols();
        boolean vector = s.rows() <= 1 || s.cols() <= 1;
        if (!vector || elements != length) {
            throw new ShapeMismatchException("bias", s.rows() + "x" + s.cols(), "a vector of " + length + " elements ("
                    + (epilogue.biasGradient() == Epilogue.BiasGradient.A_ROWS ? "m" : "n") + ") for " + epilogue);
        }
        if (length > 1 && vectorStride(s) != 1) {
            throw new InvalidArgumentException("bias", s, "a packed vector (consecutive elements adjacent)");
        }
        boolean written = epilogue.biasGradient() != Epilogue.BiasGradient.NONE;
        if (batchMode == BatchMode.LIST && (written || s.batch() != 1)) {
            throw new InvalidArgumentException("bias", s, written
                    ? "no bias gradient in a list-batched matmul (use the strided form)"
                    : "a single bias vector (batch 1) broadcast to every list entry");
        }
        if (s.batch() != batchCount && !(s.batch() == 1 && !written)) {
            throw new ShapeMismatchException("bias", "a batch of " + s.batch(), "a batch of " + batchCount
                    + (written ? " (one bias gradient per entry)" : " or 1 (broadcast)"));
        }
        if (written && batchCount > 1 && s.batchStride() < length) {
            throw new InvalidArgumentException("bias.batchStride", s.batchStride(),
                    "at least " + length + " so that bias gradients of different entries do not overlap");
        }
        return s;
    }

    private static long vectorStride(MatrixShape s) {
        boolean alongRow = s.rows() == 1;
        return (alongRow == (s.layout() == Layout.ROW_MAJOR)) ? 1 : s.ld();
    }

    private MatrixShape checkAux(MatrixShape s) {
        if (epilogue.auxKind() == Epilogue.AuxKind.NONE) {
            if (s != null) {
                throw new InvalidArgumentException("aux", s, "no aux operand for epilogue " + epilogue);
            }
            return null;
        }
        String what = epilogue.auxKind() == Epilogue.AuxKind.RELU_MASK ? "a ReLU bit mask" : "a GELU input matrix";
        if (s == null) {
            throw new InvalidArgumentException("aux", "null", what + " of " + m + "x" + n + " for epilogue " + epilogue);
        }
        if (batchMode == BatchMode.LIST) {
            throw new InvalidArgumentException("epilogue", epilogue, "an epilogue without aux operand in a list-batched matmul");
        }
        if (s.rows() != m || s.cols() != n || s.batch() != batchCount) {
            throw new ShapeMismatchException("aux", s.toString(), what + " of " + batchCount + "x" + m + "x" + n + " (as C)");
        }
        if (s.layout() != Layout.ROW_MAJOR) {
            throw new InvalidArgumentException("aux.layout", s.layout(), "ROW_MAJOR (the layout of the result)");
        }
        if (batchCount > 1 && epilogue.writesAux() && m > 0 && n > 0) {
            long span = s.withOffset(0).batched(1, 0).requiredElements();
            if (s.batchStride() < span) {
                throw new InvalidArgumentException("aux.batchStride", s.batchStride(),
                        "at least " + span + " so that aux entries do not overlap");
            }
        }
        return s;
    }

    /** A builder for a problem of {@code dtype}: set a, b and c, then whatever differs from the defaults. */
    public static Builder builder(DType dtype) {
        return new Builder(dtype);
    }

    /** The element type of every operand. */
    public DType dtype() {
        return dtype;
    }

    /** op on A. */
    public Op opA() {
        return opA;
    }

    /** op on B. */
    public Op opB() {
        return opB;
    }

    /** A's geometry (before op). */
    public MatrixShape a() {
        return a;
    }

    /** B's geometry (before op). */
    public MatrixShape b() {
        return b;
    }

    /** The geometry of C, read when beta ≠ 0 and overwritten by the result. */
    public MatrixShape c() {
        return c;
    }

    /** The bias vector's geometry (bias input or bias gradient output), or null when the epilogue has none. */
    public MatrixShape bias() {
        return bias;
    }

    /** The aux operand's geometry (elements of the type, or bits for a ReLU mask), or null when the epilogue has none. */
    public MatrixShape aux() {
        return aux;
    }

    /** How batch entries are laid out. */
    public BatchMode batchMode() {
        return batchMode;
    }

    /** Number of products. */
    public long batchCount() {
        return batchCount;
    }

    /** Rows of the result. */
    public long m() {
        return m;
    }

    /** Columns of the result. */
    public long n() {
        return n;
    }

    /** The inner dimension. */
    public long k() {
        return k;
    }

    /** The scalar on op(A)·op(B). */
    public Scalar alpha() {
        return alpha;
    }

    /** The scalar on C (0: C is not read). */
    public Scalar beta() {
        return beta;
    }

    /** The epilogue. */
    public Epilogue epilogue() {
        return epilogue;
    }

    /** The options. */
    public MatmulOptions options() {
        return options;
    }

    /** Whether the result has no elements (m, n or the batch is 0): then C is neither read nor written. */
    public boolean isEmptyResult() {
        return m == 0 || n == 0 || batchCount == 0;
    }

    /** Whether A is shared by every entry of a strided batch. */
    public boolean broadcastsA() {
        return batchMode == BatchMode.STRIDED && batchCount > 1 && (a.batch() == 1 || a.batchStride() == 0);
    }

    /** Whether B is shared by every entry of a strided batch. */
    public boolean broadcastsB() {
        return batchMode == BatchMode.STRIDED && batchCount > 1 && (b.batch() == 1 || b.batchStride() == 0);
    }

    /** Floating-point operations of the whole problem (2mnk per real entry, 8mnk per complex entry). */
    public double flops() {
        return (dtype.isComplex() ? 8.0 : 2.0) * m * n * k * batchCount;
    }

    /** A builder holding this spec's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder bld = new Builder(dtype).a(a, opA).b(b, opB).c(c).alpha(alpha).beta(beta).epilogue(epilogue)
                .bias(bias).aux(aux).options(options);
        if (batchMode == BatchMode.LIST) {
            bld.listBatched(batchCount);
        }
        return bld;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(96);
        s.append(dtype).append(' ');
        if (batchCount != 1 || batchMode == BatchMode.LIST) {
            s.append(batchCount).append(batchMode == BatchMode.LIST ? "-entry list of " : "-entry batch of ");
        }
        s.append(m).append('x').append(n).append('x').append(k).append(": C[").append(c).append("] = ")
                .append(alpha).append("·op").append(opA == Op.NONE ? "" : opA == Op.TRANSPOSE ? "ᵀ" : "ᴴ")
                .append("(A[").append(a).append("])·op").append(opB == Op.NONE ? "" : opB == Op.TRANSPOSE ? "ᵀ" : "ᴴ")
                .append("(B[").append(b).append("]) + ").append(beta).append("·C");
        if (epilogue != Epilogue.DEFAULT) {
            s.append(", epilogue ").append(epilogue);
        }
        return s.toString();
    }

    /** Collects the settings of a {@link MatmulSpec}; not thread-safe. */
    public static final class Builder {
        private final DType dtype;
        private Op opA = Op.NONE;
        private Op opB = Op.NONE;
        private MatrixShape a;
        private MatrixShape b;
        private MatrixShape c;
        private MatrixShape bias;
        private MatrixShape aux;
        private long listCount = -1;
        private Scalar alpha = Scalar.ONE;
        private Scalar beta = Scalar.ZERO;
        private Epilogue epilogue = Epilogue.DEFAULT;
        private MatmulOptions options = MatmulOptions.defaults();

        private Builder(DType dtype) {
            this.dtype = dtype;
        }

        /** A's geometry, used as is (op NONE unless set). */
        public Builder a(MatrixShape shape) {
            this.a = shape;
            return this;
        }

        /** A's geometry and op. */
        public Builder a(MatrixShape shape, Op op) {
            this.a = shape;
            this.opA = op;
            return this;
        }

        /** B's geometry, used as is (op NONE unless set). */
        public Builder b(MatrixShape shape) {
            this.b = shape;
            return this;
        }

        /** B's geometry and op. */
        public Builder b(MatrixShape shape, Op op) {
            this.b = shape;
            this.opB = op;
            return this;
        }

        /** C's geometry (the result's too). */
        public Builder c(MatrixShape shape) {
            this.c = shape;
            return this;
        }

        /** op on A. */
        public Builder opA(Op op) {
            this.opA = op;
            return this;
        }

        /** op on B. */
        public Builder opB(Op op) {
            this.opB = op;
            return this;
        }

        /** A real alpha (default 1). */
        public Builder alpha(double value) {
            this.alpha = Scalar.of(value);
            return this;
        }

        /** Alpha (complex for complex types). */
        public Builder alpha(Scalar value) {
            this.alpha = value;
            return this;
        }

        /** A real beta (default 0: C is not read). */
        public Builder beta(double value) {
            this.beta = Scalar.of(value);
            return this;
        }

        /** Beta (complex for complex types). */
        public Builder beta(Scalar value) {
            this.beta = value;
            return this;
        }

        /** The epilogue (default DEFAULT). */
        public Builder epilogue(Epilogue value) {
            this.epilogue = value;
            return this;
        }

        /** The bias vector's geometry, for epilogues that read a bias or write a bias gradient. */
        public Builder bias(MatrixShape shape) {
            this.bias = shape;
            return this;
        }

        /** The aux operand's geometry, for the _AUX, DRELU and DGELU epilogues. */
        public Builder aux(MatrixShape shape) {
            this.aux = shape;
            return this;
        }

        /** Makes this a list-batched problem of {@code count} entries, each of the shapes given (batch 1). */
        public Builder listBatched(long count) {
            this.listCount = Arguments.requireNonNegative("count", count);
            return this;
        }

        /** The options (default {@link MatmulOptions#defaults()}). */
        public Builder options(MatmulOptions value) {
            this.options = value;
            return this;
        }

        /** Checks every setting and returns the spec; throws {@link InvalidArgumentException} naming the first bad one. */
        public MatmulSpec build() {
            return new MatmulSpec(this);
        }
    }
}
