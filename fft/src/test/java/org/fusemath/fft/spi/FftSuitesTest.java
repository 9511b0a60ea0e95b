package org.fusemath.fft.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.fusemath.api.FuseContext;
import org.fusemath.api.spi.BenchmarkCase;
import org.fusemath.api.spi.BenchmarkSuite;
import org.fusemath.api.spi.ExecOperationGroup;
import org.fusemath.api.spi.ValidationCase;
import org.fusemath.api.spi.ValidationResult;
import org.fusemath.api.spi.ValidationSuite;
import org.junit.jupiter.api.Test;

/** The exec, validate and bench registrations: found by ServiceLoader, named as scripts expect, and passing. */
class FftSuitesTest {
    @Test
    void everyQuickValidationCasePassesAndTheSuiteCoversEveryKindPrecisionAndEdgeLength() throws Exception {
        ValidationSuite suite = find(ValidationSuite.class, "fft");
        List<String> failed = new ArrayList<>();
        int quick = 0;
        for (ValidationCase c : suite.cases()) {
            if (c.quick()) {
                quick++;
                ValidationResult r = c.run(FuseContext.defaults());
                if (!r.passed()) {
                    failed.add(c.op() + " " + c.dtype() + " " + c.shape() + ": " + r);
                }
            }
        }
        assertTrue(failed.isEmpty(), failed.toString());
        assertTrue(quick >= 50, quick + " quick cases");
        List<String> shapes = suite.cases().stream().map(c -> c.op() + " " + c.dtype() + " " + c.shape()).toList();
        for (String expected : new String[] {"fft C128 1 backward", "rfft F32 97 backward", "irfft C128 1024 n=1024 backward",
                "irfft C128 97 n=98 ortho", "ifftn C64 8x8x8 forward", "fft C128 4096 backward", "rfft2 F64 7x16 backward",
                "ifft2 C128 64x64 forward", "irfftn C64 2x3x5 n=5 backward"}) {
            assertTrue(shapes.contains(expected), expected + " in " + shapes);
        }
    }

    @Test
    void benchRowsCarryTheNamesScriptsReadAndBothSidesComputeTheSameTransform() throws Exception {
        BenchmarkSuite suite = find(BenchmarkSuite.class, "fft");
        List<String> rows = suite.cases().stream().map(c -> c.name() + " | " + c.size() + " | " + c.baseline()).toList();
        assertEquals(List.of("fft c2c F64 | 2^10 | raw JTransforms", "fft c2c F64 | 2^16 | raw JTransforms",
                "fft c2c F64 | 2^20 | raw JTransforms", "fft c2c F64 | 9973 | raw JTransforms",
                "batch c2c F64 | 1024x1024 | JTransforms one-thread loop", "fft r2c F64 | 2^10 | raw JTransforms",
                "fft r2c F64 | 2^16 | raw JTransforms", "fft r2c F64 | 2^20 | raw JTransforms",
                "fft r2c F64 | 9973 | raw JTransforms"), rows);
        for (BenchmarkCase c : suite.cases()) {
            if (c.quick()) {
                try (BenchmarkCase.Trial t = c.open()) {
                    t.runFusemath();
                    t.runBaseline();
                }
            }
        }
    }

    @Test
    void theR2cRowsBaselineUnpacksJTransformsHalfSpectrumIntoTheProvidersLayout() {
        for (int n : new int[] {2, 15, 16, 1024, 9973}) {
            double[] in = FftBenchmarks.random(n, n);
            double[] raw = new double[2 * (n / 2 + 1)];
            FftBenchmarks.rawRealForward(new org.jtransforms.fft.DoubleFFT_1D(n), in, new double[n], raw, n);
            double[] out = new double[raw.length];
            try (FftPlan plan = org.fusemath.fft.Fft.plan(org.fusemath.fft.FftSpec.builder(org.fusemath.fft.FftKind.R2C,
                    org.fusemath.api.DType.F64, n).build(), org.fusemath.fft.FftOptions.defaults().withThreads(1))) {
                plan.execute(in, out);
            }
            double scale = 0;
            for (double v : out) {
                scale = Math.max(scale, Math.abs(v));
            }
            // Both are JTransforms' own transforms of the same data: agreement to rounding, O(eps log2 n) |X|max.
            double tol = 8 * Math.ulp(1.0) * Math.max(1, Math.log(n) / Math.log(2)) * scale;
            org.junit.jupiter.api.Assertions.assertArrayEquals(out, raw, tol, "n = " + n);
        }
    }

    @Test
    void theTwelveNumpyFunctionsAreRegisteredWithExec() {
        List<String> names = new ArrayList<>();
        for (ExecOperationGroup g : ServiceLoader.load(ExecOperationGroup.class)) {
            g.operations().forEach(o -> names.add(o.name()));
        }
        assertTrue(names.containsAll(List.of("fft", "ifft", "rfft", "irfft", "fft2", "ifft2", "rfft2", "irfft2", "fftn",
                "ifftn", "rfftn", "irfftn")), names.toString());
    }

    private static <T> T find(Class<T> type, String domain) throws Exception {
        for (T s : ServiceLoader.load(type)) {
            String d = (String) type.getMethod("domain").invoke(s);
            if (d.equals(domain)) {
                return s;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + domain);
    }
}
