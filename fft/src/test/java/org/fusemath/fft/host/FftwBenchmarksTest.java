package org.fusemath.fft.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fusemath.api.spi.BenchmarkCase;
import org.junit.jupiter.api.Test;

/** The FFTW {@code fusemath bench} rows: distinct names (heap and NativeArray rows), each trial runs both sides. */
class FftwBenchmarksTest {
    @Test
    void everyRowHasItsOwnNameAndRunsBothSides() throws Exception {
        List<BenchmarkCase> cases = new FftwBenchmarks().cases();
        Set<String> rows = new HashSet<>();
        int nativeRows = 0;
        for (BenchmarkCase c : cases) {
            assertTrue(rows.add(c.name() + " " + c.size()), "repeated row " + c.name() + " " + c.size());
            nativeRows += c.name().contains("NativeArray") ? 1 : 0;
            if (c.size().equals("2^20")) {
                continue; // the large rows cost seconds to plan and run on a loaded machine; same code path
            }
            try (BenchmarkCase.Trial t = c.open()) {
                t.runFusemath();
                t.runBaseline();
            }
        }
        assertEquals(6, nativeRows);
    }
}
