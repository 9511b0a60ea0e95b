package org.fusemath.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportTableTest {
    @Test
    void countsPrintAsIntegersAndErrorsInScientificNotation() {
        assertEquals("0", ReportTable.number(0.0));
        assertEquals("12", ReportTable.number(12.0));
        assertEquals("1.110e-16", ReportTable.number(1.1102230246251565e-16));
        assertEquals("2.500e+00", ReportTable.number(2.5));
        assertEquals("NaN", ReportTable.number(Double.NaN));
        assertEquals("Infinity", ReportTable.number(Double.POSITIVE_INFINITY));
        assertEquals("-", ReportTable.number(null));
    }
}
