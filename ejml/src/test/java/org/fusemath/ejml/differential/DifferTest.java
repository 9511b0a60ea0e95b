package org.fusemath.ejml.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.MatrixDimensionException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The comparison itself: each kind of difference the differential test relies on is reported. */
class DifferTest {

    private static final Object[] NONE = {};

    private static DMatrixRMaj m(double... v) {
        return new DMatrixRMaj(1, v.length, true, v);
    }

    @Test
    void equalOutcomesAgree() {
        DMatrixRMaj a = m(1, 2);
        Outcome e = new Outcome(a, null, new Object[] {a});
        DMatrixRMaj b = m(1, 2);
        assertEquals(List.of(), new Differ("add", NONE, false).compare(e, new Outcome(b, null, new Object[] {b})));
    }

    @Test
    void oneBitDifferenceInADelegatedCallIsReported() {
        Outcome e = new Outcome(null, null, new Object[] {m(1, 2)});
        Outcome f = new Outcome(null, null, new Object[] {m(1, Math.nextUp(2.0))});
        List<String> d = new Differ("scale", NONE, false).compare(e, f);
        assertEquals(1, d.size(), d.toString());
        assertTrue(d.get(0).contains("argument 0"), d.get(0));
    }

    @Test
    void shapeAndIdentityAndExceptionDifferencesAreReported() {
        DMatrixRMaj a = m(1, 2);
        DMatrixRMaj b = new DMatrixRMaj(2, 1, true, 1, 2);
        assertEquals(2, new Differ("transpose", NONE, false)
                .compare(new Outcome(a, null, new Object[] {a}), new Outcome(m(1, 2), null, new Object[] {b})).size());
        List<String> d = new Differ("mult", NONE, false).compare(
                new Outcome(null, new MatrixDimensionException("x"), NONE),
                new Outcome(null, new IllegalArgumentException("x"), NONE));
        assertEquals(1, d.size());
        assertTrue(new Differ("mult", NONE, false).compare(
                new Outcome(null, new MatrixDimensionException("x"), NONE), new Outcome(null, null, NONE)).size() == 1);
    }

    @Test
    void acceleratedProductWithinItsBoundPassesAndBeyondItFails() {
        DMatrixRMaj a = new DMatrixRMaj(2, 2, true, 1, 2, 3, 4);
        DMatrixRMaj b = new DMatrixRMaj(2, 2, true, 1, 0, 0, 1);
        Object[] before = {a, b, new DMatrixRMaj(2, 2)};
        DMatrixRMaj exact = a.copy();
        DMatrixRMaj close = a.copy();
        close.data[3] = Math.nextUp(4.0);
        DMatrixRMaj far = a.copy();
        far.data[3] = 4.001;
        assertEquals(List.of(), new Differ("mult", before, true).compare(
                new Outcome(null, null, new Object[] {a, b, exact}), new Outcome(null, null, new Object[] {a, b, close})));
        assertEquals(1, new Differ("mult", before, true).compare(
                new Outcome(null, null, new Object[] {a, b, exact}), new Outcome(null, null, new Object[] {a, b, far})).size());
        // An accelerated method without an accuracy rule is a failure, not a pass.
        assertEquals(1, new Differ("sumRows", before, true).compare(
                new Outcome(null, null, new Object[] {a, b, exact}), new Outcome(null, null, new Object[] {a, b, close})).size());
    }
}
