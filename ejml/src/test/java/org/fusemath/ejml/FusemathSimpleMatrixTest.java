package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.Matrix;
import org.ejml.data.MatrixType;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link FusemathSimpleMatrix} against plain {@link SimpleMatrix}: the same results (bit for bit while the facades
 * delegate), results that stay {@code FusemathSimpleMatrix}, and calls that reach the facades (counted by
 * {@link EjmlCoverage}) where plain SimpleMatrix's never do.
 */
class FusemathSimpleMatrixTest {

    @AfterEach
    void restore() {
        EjmlExecution.reset();
        EjmlCoverage.disable();
        EjmlCoverage.reset();
    }

    private static SimpleMatrix random(MatrixType type, int rows, int cols, long seed) {
        Random r = new Random(seed);
        SimpleMatrix m = switch (type) {
            case DDRM -> SimpleMatrix.random_DDRM(rows, cols, -1, 1, r);
            case FDRM -> SimpleMatrix.random_FDRM(rows, cols, -1, 1, r);
            case ZDRM -> SimpleMatrix.random_ZDRM(rows, cols, -1, 1, r);
            case CDRM -> SimpleMatrix.random_CDRM(rows, cols, -1, 1, r);
            default -> throw new IllegalArgumentException(type.name());
        };
        // Well conditioned: add the size to the diagonal.
        for (int i = 0; i < Math.min(rows, cols); i++) {
            m.set(i, i, m.getReal(i, i) + rows);
        }
        return m;
    }

    private static double[] entries(SimpleMatrix m) {
        Matrix mat = m.getMatrix();
        int stride = mat.getType().isReal() ? 1 : 2;
        double[] out = new double[m.getNumElements() * stride];
        for (int i = 0; i < m.getNumRows(); i++) {
            for (int j = 0; j < m.getNumCols(); j++) {
                int at = (i * m.getNumCols() + j) * stride;
                out[at] = m.getReal(i, j);
                if (stride == 2) {
                    out[at + 1] = m.getImaginary(i, j);
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = MatrixType.class, names = {"DDRM", "FDRM", "ZDRM", "CDRM"})
    void resultsEqualSimpleMatrixBitForBitWhenTheFacadesDelegate(MatrixType type) {
        EjmlExecution.setMode(EjmlExecution.Mode.EJML);
        SimpleMatrix a = random(type, 7, 7, 1);
        SimpleMatrix b = random(type, 7, 3, 2);
        FusemathSimpleMatrix fa = FusemathSimpleMatrix.of(a.copy());
        FusemathSimpleMatrix fb = FusemathSimpleMatrix.of(b.copy());
        assertArrayEquals(entries(a.mult(b)), entries(fa.mult(fb)), "mult");
        assertArrayEquals(entries(a.transpose().mult(b)), entries(fa.transpose().mult(fb)), "transpose().mult");
        assertArrayEquals(entries(a.solve(b)), entries(fa.solve(fb)), "solve");
        assertArrayEquals(entries(a.invert()), entries(fa.invert()), "invert");
        if (type.isReal()) {
            assertEquals(a.determinant(), fa.determinant(), 0, "determinant");
            assertArrayEquals(entries(b.pseudoInverse()), entries(fb.pseudoInverse()), "pseudoInverse");
        } else {
            Complex_F64 e = a.determinantComplex();
            Complex_F64 f = fa.determinantComplex();
            assertArrayEquals(new double[] {e.real, e.imaginary}, new double[] {f.real, f.imaginary}, "determinantComplex");
        }
        // Operations the class does not route are EJML's own: same results too.
        assertArrayEquals(entries(a.plus(b.mult(b.transpose()))), entries(fa.plus(fb.mult(fb.transpose()))), "plus");
    }

    @ParameterizedTest
    @EnumSource(value = MatrixType.class, names = {"DDRM", "FDRM", "ZDRM", "CDRM"})
    void resultsStayOnTheFastPathAndReachTheFacades(MatrixType type) {
        EjmlCoverage.reset();
        EjmlCoverage.enable();
        FusemathSimpleMatrix a = FusemathSimpleMatrix.of(random(type, 5, 5, 3));
        SimpleMatrix c = a.mult(a).transpose().plus(a).invert();
        assertInstanceOf(FusemathSimpleMatrix.class, c);
        assertInstanceOf(FusemathSimpleMatrix.class, c.solve(a));
        long routed = total(EjmlCoverage.snapshot());
        // mult and invert here, solve above: three facade calls at least.
        assertTrue(routed >= 3, "facade calls counted: " + EjmlCoverage.snapshot());

        EjmlCoverage.reset();
        SimpleMatrix plain = random(type, 5, 5, 3);
        plain.mult(plain).invert().solve(plain);
        assertEquals(0, total(EjmlCoverage.snapshot()), "plain SimpleMatrix never reaches the facades");
    }

    @Test
    void wrapSharesTheInternalMatrixAndConstructorsCopy() {
        DMatrixRMaj d = new DMatrixRMaj(2, 2, true, 1, 2, 3, 4);
        FusemathSimpleMatrix wrapped = FusemathSimpleMatrix.wrap(d);
        wrapped.set(0, 0, 9);
        assertEquals(9, d.get(0, 0));
        FusemathSimpleMatrix copied = new FusemathSimpleMatrix(d);
        copied.set(0, 0, 5);
        assertEquals(9, d.get(0, 0));
        assertInstanceOf(FusemathSimpleMatrix.class, new FusemathSimpleMatrix(2, 3, MatrixType.FDRM).transpose());
        assertEquals(MatrixType.FDRM, new FusemathSimpleMatrix(2, 3, MatrixType.FDRM).transpose().getType());
    }

    private static long total(Map<String, EjmlCoverage.Counts> counts) {
        return counts.values().stream().mapToLong(EjmlCoverage.Counts::total).sum();
    }
}
