package org.fusemath.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The expected texts are NumPy 2.4's {@code str()} of the same arrays. */
class ArrayTextTest {
    private static String body(Object view) {
        String s = view.toString();
        return s.substring(s.indexOf('\n') + 1);
    }

    private static double[] range(int n, double scale) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * scale;
        }
        return a;
    }

    @Test
    void aSmallMatrixPrintsEveryValueUnderItsHeader() {
        HostMatrix m = HostMatrix.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals("HostMatrix[F64 2x3 ROW_MAJOR ld=3]\n[[1. 2. 3.]\n [4. 5. 6.]]", m.toString());
    }

    @Test
    void fixedNotationAlignsIntegerAndFractionParts() {
        HostMatrix m = HostMatrix.of(new double[] {1.5, -22.25, 3.0, 0.125, 7.0, -0.5}, 2, 3);
        assertEquals("[[  1.5   -22.25    3.   ]\n [  0.125   7.     -0.5  ]]", body(m));
    }

    @Test
    void wideRangesSwitchToScientificNotation() {
        assertEquals("[1.00000e-05 1.00000e+00 1.23456e+05]",
                body(HostTensor.of(DType.F64, new long[] {3}, new double[] {1e-5, 1.0, 123456.0})));
        assertEquals("[1.e+10 2.e+10]", body(HostTensor.of(DType.F64, new long[] {2}, new double[] {1e10, 2e10})));
    }

    @Test
    void singlePrecisionUsesTheShortestFloatDigits() {
        assertEquals("[0.1        0.2        0.33333334]",
                body(HostTensor.of(DType.F32, new long[] {3}, new float[] {0.1f, 0.2f, 1f / 3})));
    }

    @Test
    void nanInfinityAndNegativeZero() {
        assertEquals("[ 1.   nan -inf  2.5]", body(HostTensor.of(DType.F64, new long[] {4},
                new double[] {1.0, Double.NaN, Double.NEGATIVE_INFINITY, 2.5})));
        assertEquals("[-0.  1.]", body(HostTensor.of(DType.F64, new long[] {2}, new double[] {-0.0, 1.0})));
    }

    @Test
    void complexValuesPrintAsRealPlusImaginaryJ() {
        HostMatrix m = HostMatrix.complex(new double[] {1, 2, 3, -4.5, -0.5, 0, 2, -1}, 2, 2);
        assertEquals("[[ 1. +2.j   3. -4.5j]\n [-0.5+0.j   2. -1.j ]]", body(m));
        HostMatrix c64 = HostMatrix.complex(new float[] {1, 2, 3, -4.5f, -0.5f, 0, 2, -1}, 2, 2);
        assertEquals(body(m), body(c64));
    }

    @Test
    void longRowsWrapAtSeventyFiveColumns() {
        assertEquals("[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n"
                + " 21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n"
                + " 42.  43.5]", body(HostTensor.of(DType.F64, new long[] {30}, range(30, 1.5))));
    }

    @Test
    void wrappedLinesLoseTheirTrailingPadding() {
        assertEquals("[ 0.    1.25  2.5   3.75  5.    6.25  7.5   8.75 10.   11.25 12.5  13.75\n"
                + " 15.   16.25 17.5  18.75 20.   21.25 22.5  23.75]", body(HostTensor.of(DType.F64, new long[] {20}, range(20, 1.25))));
        double[] a = new double[2000];
        System.arraycopy(new double[] {0.0, 0.83796589, 21.50661843, 1, 1, 1, 1, 35.66063462, 0, 0}, 0, a, 0, 10);
        a[1990] = 7.77259767;
        a[1999] = -3.5;
        String zeros = " [ 0.          0.          0.         ...  0.          0.\n   0.        ]\n";
        assertEquals("[[ 0.          0.83796589 21.50661843 ... 35.66063462  0.\n   0.        ]\n" + zeros + zeros
                + " ...\n" + zeros + zeros + " [ 7.77259767  0.          0.         ...  0.          0.\n  -3.5       ]]",
                body(HostMatrix.of(a, 200, 10)));
    }

    @Test
    void batchesPrintAsStackedMatrices() {
        HostMatrix m = HostMatrix.of(DType.F64, range(12, 1), MatrixShape.rowMajor(2, 3).batched(2));
        assertEquals("[[[ 0.  1.  2.]\n  [ 3.  4.  5.]]\n\n [[ 6.  7.  8.]\n  [ 9. 10. 11.]]]", body(m));
        assertEquals(body(m), body(HostTensor.of(DType.F64, new long[] {2, 2, 3}, range(12, 1))));
    }

    @Test
    void moreThanAThousandElementsAreSummarizedToThreeEdgeItems() {
        String expected = "[[0.000e+00 1.000e+00 2.000e+00 ... 4.700e+01 4.800e+01 4.900e+01]\n"
                + " [5.000e+01 5.100e+01 5.200e+01 ... 9.700e+01 9.800e+01 9.900e+01]\n"
                + " [1.000e+02 1.010e+02 1.020e+02 ... 1.470e+02 1.480e+02 1.490e+02]\n"
                + " ...\n"
                + " [1.850e+03 1.851e+03 1.852e+03 ... 1.897e+03 1.898e+03 1.899e+03]\n"
                + " [1.900e+03 1.901e+03 1.902e+03 ... 1.947e+03 1.948e+03 1.949e+03]\n"
                + " [1.950e+03 1.951e+03 1.952e+03 ... 1.997e+03 1.998e+03 1.999e+03]]";
        assertEquals(expected, body(HostMatrix.of(range(2000, 1), 40, 50)));
        // Exactly at the threshold nothing is left out.
        assertTrue(!body(HostMatrix.of(range(1000, 1), 20, 50)).contains("..."));
        String three = body(HostTensor.of(DType.F64, new long[] {8, 8, 20}, range(1280, 1)));
        assertTrue(three.contains("]]\n\n ...\n\n [[8.000e+02"), three);
        // 3 + 3 blocks of 3 + 3 rows, each row cut in its middle; a gap line inside each block and one between.
        assertEquals(36, three.lines().filter(l -> l.contains(" ... ")).count(), three);
        assertEquals(7, three.lines().filter(l -> l.trim().equals("...")).count(), three);
    }

    @Test
    void columnMajorStridedAndOffsetViewsPrintTheLogicalMatrix() {
        String rowMajor = body(HostMatrix.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        // Column-major storage of the same matrix.
        assertEquals(rowMajor, body(HostMatrix.of(DType.F64, new double[] {1, 4, 2, 5, 3, 6}, MatrixShape.columnMajor(2, 3))));
        // Row-major with ld = 4 and an offset of 2; the padding (99) is not part of the matrix.
        double[] padded = {99, 99, 1, 2, 3, 99, 4, 5, 6, 99};
        HostMatrix strided = HostMatrix.of(DType.F64, padded, MatrixShape.rowMajor(2, 3).withLd(4).withOffset(2));
        assertEquals(rowMajor, body(strided));
        assertTrue(strided.toString().startsWith("HostMatrix[F64 2x3 ROW_MAJOR ld=4 offset=2]\n"), strided.toString());
        // A transposed view of the same memory prints the transpose.
        assertEquals("[[1. 4.]\n [2. 5.]\n [3. 6.]]", body(HostMatrix.of(DType.F64, new double[] {1, 2, 3, 4, 5, 6},
                MatrixShape.rowMajor(2, 3).transposedView())));
    }

    @Test
    void fortranOrderTensorsPrintInIndexOrder() {
        HostTensor c = HostTensor.of(DType.F64, new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6});
        HostTensor f = HostTensor.of(DType.F64, new long[] {2, 3}, true, new double[] {1, 4, 2, 5, 3, 6});
        assertEquals(body(c), body(f));
        assertTrue(f.toString().startsWith("HostTensor[F64 [2, 3] F]\n"), f.toString());
        HostTensor fc = HostTensor.of(DType.C128, new long[] {2, 2}, true, new double[] {1, 1, 3, 3, 2, 2, 4, 4});
        assertEquals("[[1.+1.j 2.+2.j]\n [3.+3.j 4.+4.j]]", body(fc));
    }

    @Test
    void emptyShapesAndScalars() {
        assertEquals("HostTensor[F64 [2, 0] C]\n[]", HostTensor.zeros(DType.F64, 2, 0).toString());
        assertEquals("[]", body(HostMatrix.of(new double[0], 0, 3)));
        assertEquals("[]", body(HostTensor.zeros(DType.C64, 0)));
        assertEquals("2.5", body(HostTensor.of(DType.F64, new long[0], new double[] {2.5})));
    }
}
