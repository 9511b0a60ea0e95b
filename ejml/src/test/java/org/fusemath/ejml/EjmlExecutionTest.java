package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.fusemath.api.InvalidArgumentException;
import org.fusemath.ejml.EjmlExecution.Family;
import org.fusemath.ejml.EjmlExecution.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The execution switch: properties, the programmatic API, and their effect on the facades seen through coverage. */
class EjmlExecutionTest {
    private static final String MULT_KEY = "CommonOps_DDRM.mult(DMatrix1Row,DMatrix1Row,DMatrix1Row)";

    @BeforeEach
    void start() {
        EjmlExecution.reset();
        EjmlCoverage.reset();
        EjmlCoverage.enable();
    }

    @AfterEach
    void restore() {
        System.clearProperty(EjmlExecution.MODE_PROPERTY);
        System.clearProperty(EjmlExecution.DEVICE_PROPERTY);
        System.clearProperty(Family.MULT.propertyName());
        EjmlExecution.reset();
        EjmlCoverage.disable();
        EjmlCoverage.reset();
    }

    private static EjmlCoverage.Counts multOnce(int n) {
        EjmlCoverage.reset();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        a.fill(1);
        b.fill(2);
        DMatrixRMaj c = CommonOps_DDRM.mult(a, b, null);
        assertEquals(2.0 * n, c.get(n - 1, n - 1), "the product is computed on either path");
        return EjmlCoverage.snapshot().get(MULT_KEY);
    }

    @Test
    void defaultsAreAccelerateHostOnlyAndMeasuredThresholds() {
        assertEquals(Mode.ACCELERATE, EjmlExecution.mode());
        assertFalse(EjmlExecution.deviceAllowed());
        assertFalse(EjmlExecution.hasThreshold(Family.MULT));
        assertEquals(123, EjmlExecution.threshold(Family.MULT, 123));
    }

    @Test
    void thresholdsDecideThePathAndAreInclusive() {
        int n = 8;
        long size = (long) n * n * n;
        EjmlExecution.setThreshold(Family.MULT, size);
        assertEquals(1, multOnce(n).accelerated(), "size == threshold accelerates");
        EjmlExecution.setThreshold(Family.MULT, size + 1);
        assertEquals(1, multOnce(n).delegated(), "size below the threshold delegates");
        EjmlExecution.clearThreshold(Family.MULT);
        assertFalse(EjmlExecution.hasThreshold(Family.MULT));
        assertEquals(MultThresholds.DDRM, EjmlExecution.threshold(Family.MULT, MultThresholds.DDRM));
    }

    @Test
    void modeEjmlForcesDelegationEvenAtThresholdZero() {
        EjmlExecution.setThreshold(Family.MULT, 0);
        EjmlExecution.setMode(Mode.EJML);
        EjmlCoverage.Counts c = multOnce(16);
        assertEquals(0, c.accelerated());
        assertEquals(1, c.delegated());
        EjmlExecution.setMode(Mode.ACCELERATE);
        assertEquals(1, multOnce(16).accelerated());
    }

    @Test
    void propertiesAreReadByReset() {
        System.setProperty(EjmlExecution.MODE_PROPERTY, "ejml");
        System.setProperty(EjmlExecution.DEVICE_PROPERTY, "true");
        System.setProperty(Family.MULT.propertyName(), "4096");
        EjmlExecution.reset();
        assertEquals(Mode.EJML, EjmlExecution.mode());
        assertTrue(EjmlExecution.deviceAllowed());
        assertEquals(4096, EjmlExecution.threshold(Family.MULT, 1));
        assertEquals(7, EjmlExecution.threshold(Family.SOLVE, 7), "other families keep their defaults");
        assertEquals("fusemath.ejml.threshold.elementwise", Family.ELEMENTWISE.propertyName());
    }

    @Test
    void deviceAllowedWithoutADeviceRunsOnTheHost() {
        EjmlExecution.setDeviceAllowed(true);
        EjmlExecution.setThreshold(Family.MULT, 0);
        // Large enough to be offered to the device; without one the host computes it, no exception.
        int n = 1100;
        assertEquals(1, multOnce(n).accelerated());
    }

    @Test
    void badSettingsNameThePropertyAndTheValue() {
        System.setProperty(EjmlExecution.MODE_PROPERTY, "fast");
        InvalidArgumentException e = assertThrows(InvalidArgumentException.class, EjmlExecution::reset);
        assertTrue(e.getMessage().contains("fusemath.ejml.mode") && e.getMessage().contains("fast"), e.getMessage());
        System.clearProperty(EjmlExecution.MODE_PROPERTY);
        System.setProperty(Family.MULT.propertyName(), "-3");
        e = assertThrows(InvalidArgumentException.class, EjmlExecution::reset);
        assertTrue(e.getMessage().contains("fusemath.ejml.threshold.mult"), e.getMessage());
        System.clearProperty(Family.MULT.propertyName());
        assertThrows(InvalidArgumentException.class, () -> EjmlExecution.setThreshold(Family.SOLVE, -1));
        assertThrows(NullPointerException.class, () -> EjmlExecution.setMode(null));
    }
}
