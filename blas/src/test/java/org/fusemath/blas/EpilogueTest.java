package org.fusemath.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.api.Layout;
import org.fusemath.api.MatrixShape;
import org.fusemath.api.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/**
 * Every epilogue on F32 and F64 against EJML's product finished by the epilogue's formula in double, with
 * the GEMM bound carried through each step (a ReLU or mask bit may differ only where |X| is within the bound).
 */
class EpilogueTest {
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    static double gelu(double x) {
        return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
    }

    static double geluPrime(double x) {
        double t = Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x);
    }

    /** The GELU Lipschitz constant: max |GELU'| ≈ 1.129. */
    private static final double GELU_LIPSCHITZ = 1.13;

    private static final int[][] SHAPES = {{1, 1, 1}, {5, 7, 3}, {67, 13, 9}, {4, 4, 0}, {0, 5, 3}, {6, 0, 2}};

    @Test
    void everyEpilogueOnEveryRealTypeMatchesTheFormula() {
        int checked = 0;
        for (DType t : new DType[] {DType.F32, DType.F64}) {
            for (Epilogue e : Epilogue.values()) {
                for (int[] mnk : SHAPES) {
                    for (int panelRows : new int[] {0, 1, 4}) {
                        for (long batch : new long[] {1, 2}) {
                            check(t, e, mnk[0], mnk[1], mnk[2], panelRows, batch, 1000L * checked + 7);
                            checked++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 16 * SHAPES.length * 3 * 2, checked);
    }

    private static void check(DType t, Epilogue e, int m, int n, int k, int panelRows, long batch, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HostMatrix a = Ref.random(t, MatrixShape.rowMajor(k, m).batched(batch), r.nextLong());
        HostMatrix b = Ref.random(t, MatrixShape.columnMajor(k, n).withLd(k + 2).batched(batch), r.nextLong());
        HostMatrix c = Ref.random(t, MatrixShape.rowMajor(m, n).withLd(n + 1).batched(batch), r.nextLong());
        HostMatrix c0 = HostMatrix.of(t, Ref.copy(c.array()), c.shape());
        Scalar alpha = Scalar.of(1.25);
        Scalar beta = Scalar.of(0.5);
        MatmulOperands ops = MatmulOperands.of(a, b, c);
        long biasLength = e.biasLength(m, n);
        boolean gradient = e.biasGradient() != Epilogue.BiasGradient.NONE;
        HostMatrix bias = null;
        if (e.usesBiasVector()) {
            long biasBatch = gradient || batch == 1 ? batch : 1;
            bias = Ref.random(t, MatrixShape.rowMajor(1, biasLength).batched(biasBatch), r.nextLong());
            ops = ops.withBias(bias);
        }
        HostMatrix aux = null;
        ReluMask mask = null;
        if (e.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
            aux = Ref.random(t, MatrixShape.rowMajor(m, n).withLd(e.alignedAuxLd(n)).batched(batch), r.nextLong());
            ops = ops.withAux(aux);
        } else if (e.auxKind() == Epilogue.AuxKind.RELU_MASK) {
            mask = ReluMask.allocate(batch, m, n);
            r.nextBytes(mask.bits());
            ops = ops.withReluMask(mask);
        }
        HostMatrix biasIn = bias == null ? null : HostMatrix.of(t, Ref.copy(bias.array()), bias.shape());
        HostMatrix auxIn = aux == null ? null : HostMatrix.of(t, Ref.copy(aux.array()), aux.shape());
        byte[] maskIn = mask == null ? null : mask.bits().clone();
        MatmulSpec spec = ops.specBuilder().opA(Op.TRANSPOSE).alpha(alpha).beta(beta).epilogue(e)
                .options(MatmulOptions.defaults().withHostPanelRows(panelRows)).build();
        Blas.matmul(spec, ops);
        String what = t + " " + e + " " + batch + "x" + m + "x" + n + "x" + k + " panels of " + panelRows;
        double u = t.unitRoundoff();
        for (long be = 0; be < batch; be++) {
            Ref.Expected x = EjmlRef.gemm(Op.TRANSPOSE, Op.NONE, alpha, a, be, b, be, beta, c0, be);
            double[] colSum = new double[n];
            double[] colBound = new double[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int el = i * n + j;
                    double v = x.re()[el];
                    double bound = x.bound()[el];
                    if (e.takesBias()) {
                        double bj = Ref.re(biasIn, biasIn.shape().batch() == 1 ? 0 : be, 0, j);
                        v += bj;
                        // One rounding in the library's sum and one in this reference's.
                        bound += 2 * u * Math.abs(v);
                    }
                    if (e.writesAux() && e.auxKind() == Epilogue.AuxKind.GELU_INPUT) {
                        assertClose(v, Ref.re(aux, be, i, j), bound, what + " aux(" + i + "," + j + ")");
                    }
                    if (e.writesAux() && e.auxKind() == Epilogue.AuxKind.RELU_MASK && Math.abs(v) > bound) {
                        assertEquals(v > 0, mask.get(be, i, j), what + " mask bit (" + i + "," + j + ") of " + v);
                    }
                    switch (e.activation()) {
                        case RELU -> v = Math.max(v, 0);
                        case GELU -> {
                            double g = gelu(v);
                            bound = GELU_LIPSCHITZ * bound + 8 * u * (Math.abs(g) + Math.abs(v));
                            v = g;
                        }
                        case NONE -> {
                        }
                    }
                    switch (e.derivative()) {
                        case RELU -> {
                            long p = mask.shape().indexOf(be, i, j);
                            if ((maskIn[(int) (p >>> 3)] & (1 << (p & 7))) == 0) {
                                v = 0;
                                bound = 0;
                            }
                        }
                        case GELU -> {
                            double g = geluPrime(Ref.re(auxIn, be, i, j));
                            bound = bound * Math.abs(g) + 16 * u * Math.abs(v) * (1 + Math.abs(g));
                            v *= g;
                        }
                        case NONE -> {
                        }
                    }
                    assertClose(v, Ref.re(c, be, i, j), bound, what + " D(" + i + "," + j + ")");
                    colSum[j] += v;
                    colBound[j] += bound + Ref.gamma(m + 1, u) * Math.abs(v);
                }
            }
            switch (e.biasGradient()) {
                case RESULT_COLUMNS -> {
                    for (int j = 0; j < n; j++) {
                        assertClose(colSum[j], Ref.re(bias, be, 0, j), colBound[j] + Double.MIN_NORMAL, what + " bgrad " + j);
                    }
                }
                case A_ROWS -> {
                    for (int i = 0; i < m; i++) {
                        double s = 0;
                        double mag = 0;
                        for (int p = 0; p < k; p++) {
                            s += Ref.re(a, be, p, i);
                            mag += Math.abs(Ref.re(a, be, p, i));
                        }
                        assertClose(s, Ref.re(bias, be, 0, i), 2 * Ref.gamma(k + 1, u) * mag + Double.MIN_NORMAL, what + " bgradA " + i);
                    }
                }
                case B_COLUMNS -> {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        double mag = 0;
                        for (int p = 0; p < k; p++) {
                            s += Ref.re(b, be, p, j);
                            mag += Math.abs(Ref.re(b, be, p, j));
                        }
                        assertClose(s, Ref.re(bias, be, 0, j), 2 * Ref.gamma(k + 1, u) * mag + Double.MIN_NORMAL, what + " bgradB " + j);
                    }
                }
                case NONE -> {
                }
            }
        }
        if (mask != null && e.writesAux()) {
            // Padding bits past n in each mask row are never written.
            for (long be = 0; be < batch; be++) {
                for (int i = 0; i < m; i++) {
                    for (long j = n; j < mask.shape().ld(); j++) {
                        long p = mask.shape().indexOf(be, i, 0) + j;
                        if ((p >>> 3) >= maskIn.length) {
                            break;
                        }
                        assertEquals(maskIn[(int) (p >>> 3)] & (1 << (p & 7)), mask.bits()[(int) (p >>> 3)] & (1 << (p & 7)),
                                what + " padding bit " + j + " of row " + i);
                    }
                }
            }
        }
    }

    private static void assertClose(double want, double got, double bound, String what) {
        double err = Math.abs(want - got);
        assertTrue(err <= bound || (Double.isNaN(want) && Double.isNaN(got)),
                what + ": want " + want + ", got " + got + ", |error| " + err + " > bound " + bound);
    }

    @Test
    void reluKeepsNaNAndWorksOnColumnMajorResults() {
        double[] a = {Double.NaN, 1, -2, 3};
        HostMatrix ha = HostMatrix.of(DType.F64, a, MatrixShape.rowMajor(2, 2));
        HostMatrix id = HostMatrix.of(DType.F64, new double[] {1, 0, 0, 1}, MatrixShape.rowMajor(2, 2));
        HostMatrix c = HostMatrix.of(DType.F64, new double[4], MatrixShape.columnMajor(2, 2));
        MatmulOperands ops = MatmulOperands.of(ha, id, c);
        Blas.matmul(ops.specBuilder().epilogue(Epilogue.RELU).options(MatmulOptions.defaults()
                .withHostKernel(MatmulOptions.HostKernel.NATIVE)).build(), ops);
        // Row 0 of A·I is NaN throughout (NaN·0 = NaN); ReLU keeps it. Column-major: (0,0), (1,0), (0,1), (1,1).
        assertTrue(Double.isNaN(c.doubles()[0]), "ReLU(NaN) stays NaN");
        assertEquals(0.0, c.doubles()[1], 0.0, "(1,0) = relu(-2) = 0 at column-major position 1");
        assertTrue(Double.isNaN(c.doubles()[2]));
        assertEquals(3.0, c.doubles()[3], 0.0);
    }

    @Test
    void functionFormAddsBiasPerColumnLikeNumpy() {
        HostMatrix a = HostMatrix.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        HostMatrix b = HostMatrix.of(new double[] {1, 0, 0, 1, 1, -1}, 3, 2);
        HostMatrix bias = HostMatrix.of(new double[] {10, -100}, 1, 2);
        HostMatrix d = Blas.matmul(a, b, Epilogue.RELU_BIAS, bias);
        // A·B = [[4, -1], [10, -1]]; + bias per column = [[14, -101], [20, -101]]; ReLU.
        assertEquals(14, d.doubles()[0], 0.0);
        assertEquals(0, d.doubles()[1], 0.0);
        assertEquals(20, d.doubles()[2], 0.0);
        assertEquals(0, d.doubles()[3], 0.0);
        assertThrows(InvalidArgumentException.class, () -> Blas.matmul(a, b, Epilogue.RELU_AUX, null));
    }

    @Test
    void unsupportedAndMalformedEpiloguesAreRejected() {
        MatrixShape s = MatrixShape.rowMajor(3, 3);
        UnsupportedEpilogueException ue = assertThrows(UnsupportedEpilogueException.class,
                () -> MatmulSpec.builder(DType.C128).a(s).b(s).c(s).epilogue(Epilogue.RELU).build());
        assertEquals(Epilogue.RELU, ue.epilogue());
        assertEquals("epilogue", ue.argument());
        assertEquals("bias", assertThrows(InvalidArgumentException.class,
                () -> MatmulSpec.builder(DType.F64).a(s).b(s).c(s).epilogue(Epilogue.BIAS).build()).argument());
        assertEquals("bias", assertThrows(ShapeMismatchException.class, () -> MatmulSpec.builder(DType.F64).a(s).b(s)
                .c(s).epilogue(Epilogue.BIAS).bias(MatrixShape.rowMajor(1, 4)).build()).argument());
        assertEquals("bias", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64).a(s).b(s)
                .c(s).epilogue(Epilogue.BIAS).bias(MatrixShape.columnMajor(1, 3).withLd(2)).build()).argument(), "strided vector");
        assertEquals("c.layout", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64).a(s)
                .b(s).c(MatrixShape.columnMajor(3, 3)).epilogue(Epilogue.BIAS).bias(MatrixShape.rowMajor(1, 3)).build())
                .argument());
        assertEquals("aux", assertThrows(ShapeMismatchException.class, () -> MatmulSpec.builder(DType.F64).a(s).b(s)
                .c(s).epilogue(Epilogue.GELU_AUX).aux(MatrixShape.rowMajor(3, 2)).build()).argument());
        assertEquals("bias", assertThrows(InvalidArgumentException.class, () -> MatmulSpec.builder(DType.F64).a(s).b(s)
                .c(s).bias(MatrixShape.rowMajor(1, 3)).build()).argument(), "a bias without a bias epilogue");
        HostMatrix m3 = Ref.random(DType.F64, s, 1);
        HostMatrix c3 = Ref.random(DType.F64, s, 2);
        MatmulOperands noMask = MatmulOperands.of(m3, m3, c3);
        MatmulSpec reluAux = MatmulSpec.builder(DType.F64).a(s).b(s).c(s).epilogue(Epilogue.RELU_AUX)
                .aux(ReluMask.allocate(3, 3).shape()).build();
        assertEquals("reluMask", assertThrows(InvalidArgumentException.class, () -> noMask.requireMatching(reluAux)).argument());
        assertEquals(Epilogue.RELU_BIAS, Epilogue.parse("relu_bias"));
        assertEquals(Epilogue.GELU_AUX_BIAS, Epilogue.parse(" Gelu-Aux-Bias "));
        assertThrows(InvalidArgumentException.class, () -> Epilogue.parse("swish"));
        assertEquals(128, ReluMask.allocate(2, 5).shape().ld());
        assertEquals(256, Epilogue.RELU_AUX.alignedAuxLd(129));
        assertEquals(16, Epilogue.GELU_AUX.alignedAuxLd(9));
    }

    @Test
    void epilogueOutputsMayNotAliasInputs() {
        MatrixShape s = MatrixShape.rowMajor(3, 3);
        double[] shared = new double[40];
        HostMatrix a = HostMatrix.of(DType.F64, shared, s);
        HostMatrix c = HostMatrix.of(DType.F64, new double[9], s);
        HostMatrix aux = HostMatrix.of(DType.F64, shared, s.withOffset(5));
        MatmulOperands ops = MatmulOperands.of(a, a, c).withAux(aux);
        InvalidArgumentException ex = assertThrows(InvalidArgumentException.class,
                () -> Blas.matmul(ops.specBuilder().epilogue(Epilogue.GELU_AUX).build(), ops));
        assertEquals("aux", ex.argument());
        // DGELU reads the aux: sharing an array with A is fine when C does not overlap either.
        MatmulOperands reading = MatmulOperands.of(a, a, c).withAux(aux);
        Blas.matmul(reading.specBuilder().epilogue(Epilogue.DGELU).build(), reading);
        assertEquals(Layout.ROW_MAJOR, c.shape().layout());
    }
}
