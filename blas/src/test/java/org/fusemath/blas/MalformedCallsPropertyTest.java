package org.fusemath.blas;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.blas.host.NativeBlas;
import org.fusemath.blas.host.NativeCalls;
import org.fusemath.blas.host.NativeLapack;
import org.fusemath.blas.host.Trans;

/**
 * Random malformed calls at the public API and the call tables: each either completes or throws an
 * {@link InvalidArgumentException} (or a subclass: shape mismatch, unsupported epilogue); any other
 * exception fails the property (an ArithmeticException from a size past int range, an index exception), and a
 * bad size reaching native code would crash the JVM running it. Geometry past int range (empty operands with a
 * huge other extent, one-row views with a huge leading dimension, long strides, empty stacks) has its own property.
 */
class MalformedCallsPropertyTest {
    private interface Call {
        void run();
    }

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

    private static Object array(DType t, int slots, boolean wrongType) {
        boolean single = t.isSinglePrecision() != wrongType;
        return single ? new float[Math.max(0, slots)] : new double[Math.max(0, slots)];
    }

    /** A view built from possibly bad geometry; null when the geometry itself was rejected (also acceptable). */
    private static HostMatrix matrix(DType t, Layout l, int rows, int cols, int ldPad, int offset, int batch,
                                     int lengthDelta, boolean wrongType) {
        int inner = l == Layout.ROW_MAJOR ? cols : rows;
        int outer = l == Layout.ROW_MAJOR ? rows : cols;
        int ld = Math.max(1, inner) + ldPad;
        int stride = ld * Math.max(0, outer);
        int elements = Math.max(0, offset) + Math.max(0, batch) * stride;
        int slots = elements * t.slotsPerElement() + lengthDelta;
        HostMatrix[] out = new HostMatrix[1];
        attempt(() -> out[0] = HostMatrix.of(t, array(t, slots, wrongType),
                new MatrixShape(batch, rows, cols, l, ld, stride, offset)));
        return out[0];
    }

    @Property(tries = 600)
    void malformedMatmulsOnlyThrowArgumentExceptions(
            @ForAll DType t, @ForAll Op opA, @ForAll Op opB, @ForAll Epilogue epilogue,
            @ForAll Layout la, @ForAll Layout lb, @ForAll Layout lc,
            @ForAll @IntRange(min = -1, max = 5) int m, @ForAll @IntRange(min = -1, max = 5) int n,
            @ForAll @IntRange(min = -1, max = 5) int k, @ForAll @IntRange(min = -1, max = 2) int ldPad,
            @ForAll @IntRange(min = -1, max = 2) int offset, @ForAll @IntRange(min = -2, max = 1) int lengthDelta,
            @ForAll @IntRange(min = 0, max = 3) int batchA, @ForAll @IntRange(min = 0, max = 3) int batchC,
            @ForAll boolean wrongType, @ForAll @IntRange(min = -1, max = 1) int biasDelta,
            @ForAll boolean withAux, @ForAll boolean complexAlpha, @ForAll boolean shareArray) {
        HostMatrix a = matrix(t, la, opA.transposes() ? k : m, opA.transposes() ? m : k, ldPad, offset, batchA,
                lengthDelta, wrongType);
        HostMatrix b = matrix(t, lb, opB.transposes() ? n : k, opB.transposes() ? k : n, 0, 0, 1, 0, false);
        HostMatrix c = shareArray && a != null
                ? attemptView(a, MatrixShape.dense(Math.max(0, m), Math.max(0, n), lc).withOffset(Math.max(0, offset)))
                : matrix(t, lc, m, n, ldPad, 0, batchC, 0, false);
        if (a == null || b == null || c == null) {
            return;
        }
        attempt(() -> {
            MatmulOperands ops = MatmulOperands.of(a, b, c);
            if (epilogue.usesBiasVector()) {
                long len = Math.max(0, epilogue.biasLength(m, n) + biasDelta);
                ops = ops.withBias(HostMatrix.of(t, array(t, (int) len * t.slotsPerElement(), false),
                        MatrixShape.rowMajor(1, len)));
            }
            if (withAux && epilogue.auxKind() == Epilogue.AuxKind.RELU_MASK) {
                ops = ops.withReluMask(ReluMask.allocate(Math.max(0, batchC), Math.max(0, m), Math.max(0, n)));
            } else if (withAux) {
                ops = ops.withAux(HostMatrix.of(t, array(t, Math.max(0, m * n * batchC) * t.slotsPerElement(), false),
                        MatrixShape.rowMajor(Math.max(0, m), Math.max(0, n)).batched(Math.max(0, batchC))));
            }
            MatmulSpec spec = ops.specBuilder().opA(opA).opB(opB).epilogue(epilogue)
                    .alpha(complexAlpha ? Scalar.of(1, 1) : Scalar.of(2)).beta(0.5).build();
            Blas.matmul(spec, ops);
        });
        attempt(() -> Blas.gemm(opA, opB, 1, a, b, 0, c));
        attempt(() -> Blas.matmul(a, b));
        attempt(() -> Blas.gemm(opA, opB, Scalar.ONE, List.of(a, a), List.of(b, b), Scalar.ZERO, List.of(c, c)));
    }

    private static HostMatrix attemptView(HostMatrix base, MatrixShape shape) {
        HostMatrix[] out = new HostMatrix[1];
        attempt(() -> out[0] = base.withShape(shape));
        return out[0];
    }

    @Property(tries = 600)
    void malformedLevel123CallsOnlyThrowArgumentExceptions(
            @ForAll DType t, @ForAll Op op, @ForAll Side side, @ForAll Uplo uplo, @ForAll Diag diag,
            @ForAll Layout la, @ForAll Layout lb,
            @ForAll @IntRange(min = -1, max = 5) int m, @ForAll @IntRange(min = -1, max = 5) int n,
            @ForAll @IntRange(min = -1, max = 6) int len, @ForAll @IntRange(min = -1, max = 3) int stride,
            @ForAll @IntRange(min = -1, max = 2) int offset, @ForAll @IntRange(min = -2, max = 1) int lengthDelta,
            @ForAll boolean wrongType) {
        HostMatrix a = matrix(t, la, m, n, 0, offset, 1, lengthDelta, wrongType);
        HostMatrix b = matrix(t, lb, m, n, 1, 0, 1, 0, false);
        HostVector[] v = new HostVector[2];
        attempt(() -> v[0] = HostVector.of(t, array(t, (len * Math.max(1, stride) + 2) * t.slotsPerElement() + lengthDelta,
                wrongType), len, offset, stride));
        attempt(() -> v[1] = HostVector.of(t, array(t, 16 * t.slotsPerElement(), false), Math.max(0, n), 0, 1));
        HostVector x = v[0];
        HostVector y = v[1];
        if (x != null && y != null) {
            attempt(() -> Blas.dot(x, y));
            attempt(() -> Blas.axpy(Scalar.of(1, wrongType ? 1 : 0), x, y));
            attempt(() -> Blas.nrm2(x));
            attempt(() -> Blas.iamax(x));
            attempt(() -> Blas.scal(2, x));
        }
        if (a != null && x != null && y != null) {
            attempt(() -> Blas.gemv(op, Scalar.ONE, a, x, Scalar.ZERO, y));
            attempt(() -> Blas.ger(Scalar.ONE, x, y, a));
            attempt(() -> Blas.trsv(uplo, op, diag, a, x));
        }
        if (a != null && b != null) {
            attempt(() -> Blas.trsm(side, uplo, op, diag, Scalar.ONE, a, b));
            attempt(() -> Blas.trmm(side, uplo, op, diag, Scalar.ONE, a, b));
            attempt(() -> Blas.syrk(uplo, op, Scalar.ONE, a, Scalar.ZERO, b));
            attempt(() -> Blas.herk(uplo, op, 1, a, 0, b));
            attempt(() -> Blas.symm(side, uplo, Scalar.ONE, a, b, Scalar.ZERO, b));
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

    @Property(tries = 1000)
    void randomCallTableArgumentsNeverReachNativeCodeUnchecked(
            @ForAll DType t, @ForAll Layout order, @ForAll Trans ta, @ForAll Trans tb,
            @ForAll @IntRange(min = -2, max = 7) int m, @ForAll @IntRange(min = -2, max = 7) int n,
            @ForAll @IntRange(min = -2, max = 7) int k, @ForAll @IntRange(min = -1, max = 9) int lda,
            @ForAll @IntRange(min = -1, max = 9) int ldb, @ForAll @IntRange(min = -1, max = 9) int ldc,
            @ForAll @IntRange(min = -2, max = 4) int off, @ForAll @IntRange(min = 0, max = 60) int la,
            @ForAll @IntRange(min = 0, max = 60) int lb, @ForAll @IntRange(min = 0, max = 60) int lc,
            @ForAll @IntRange(min = -3, max = 3) int inc, @ForAll boolean wrongType, @ForAll Uplo uplo) {
        NativeBlas blas = NativeCalls.blas();
        NativeLapack lapack = NativeCalls.lapack();
        Object a = array(t, la, wrongType);
        Object b = array(t, lb, false);
        Object c = array(t, lc, false);
        attempt(() -> blas.gemm(t, order, ta, tb, m, n, k, 1, 0, a, off, lda, b, 0, ldb, 0, 0, c, 0, ldc));
        attempt(() -> blas.gemv(t, order, ta, m, n, 1, 0, a, off, lda, b, 0, inc, 1, 0, c, 0, 1));
        attempt(() -> blas.trsv(t, order, uplo, ta, org.fusemath.blas.Diag.NON_UNIT, n, a, off, lda, b, 0, inc));
        attempt(() -> blas.axpy(t, n, 2, 0, a, off, inc, b, 0, 1));
        attempt(() -> blas.dot(t, true, n, a, off, inc, b, 0, inc));
        attempt(() -> blas.iamax(t, n, a, off, inc));
        attempt(() -> blas.syrk(t, order, uplo, ta, n, k, 1, 0, a, off, lda, 0, 0, c, 0, ldc));
        attempt(() -> blas.herk(t, order, uplo, ta, n, k, 1, a, off, lda, 0, c, 0, ldc));
        attempt(() -> lapack.getrf(t, m, n, a, off, lda, new int[Math.max(0, la / 8)], 0));
        attempt(() -> lapack.potrs(t, uplo, n, k, a, off, lda, b, 0, ldb));
    }
}
