package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.validation.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusemath exec fuse}: named inputs, NumPy's dtypes per operation, --explain, errors with positions. */
class FuseExecTest {
    @TempDir
    Path dir;

    @Test
    void theIssueExampleWithExplain() throws IOException {
        // numpy: A = [[1, 2], [3, 4]], B = [[1, 0], [0, -1]], bias = [0.5, 1]; relu(A @ B + bias) * 0.5 = [[0.75, 0], [1.75, 0]]
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {1, 2, 3, 4}));
        String b = ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {1, 0, 0, -1}));
        String bias = ExecFiles.write(dir, "bias.npy", HostTensor.of(DType.F64, new long[] {2}, new double[] {0.5, 1}));
        Cli r = Cli.run("exec", "fuse", "--expr", "relu(A @ B + bias) * 0.5", "--in", "A=" + a, "--in", "B=" + b,
                "--in", "bias=" + bias, "--out", ExecFiles.path(dir, "y.npy"), "--explain");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("1 launch") && r.out().contains("RELU_BIAS alpha=0.5"), r.out());
        HostTensor y = NpyReader.read(Path.of(ExecFiles.path(dir, "y.npy")));
        assertArrayEquals(new double[] {0.75, 0, 1.75, 0}, (double[]) y.array(), 0.0);
    }

    @Test
    void float32StaysFloat32AgainstPythonScalarsAndMixedTypesPromotePerOperation() throws IOException {
        String x = ExecFiles.write(dir, "x.npy", HostTensor.of(DType.F32, new long[] {3}, new float[] {1, -2, 3}));
        String d = ExecFiles.write(dir, "d.npy", HostTensor.of(DType.F64, new long[] {3}, new double[] {0.1, 0.1, 0.1}));
        Cli r = Cli.run("exec", "fuse", "--expr", "where(x > 0, x * 0.1, -x)", "--in", "x=" + x, "--out", ExecFiles.path(dir, "y.npy"));
        assertEquals(0, r.exit(), r.toString());
        HostTensor y = NpyReader.read(Path.of(ExecFiles.path(dir, "y.npy")));
        assertEquals(DType.F32, y.dtype());
        assertArrayEquals(new float[] {0.1f, 2, 3 * 0.1f}, (float[]) y.array(), 0.0f);
        r = Cli.run("exec", "fuse", "--expr", "exp(x) + d", "--in", "x=" + x, "--in", "d=" + d, "--out", ExecFiles.path(dir, "z.npy"));
        assertEquals(0, r.exit(), r.toString());
        HostTensor z = NpyReader.read(Path.of(ExecFiles.path(dir, "z.npy")));
        assertEquals(DType.F64, z.dtype());
        // exp in float32 (within a few float ulps), then + float64: far from exp(1) + 0.1 computed in double
        double expF32 = (float) Math.exp(1);
        assertEquals(expF32 + 0.1, ((double[]) z.array())[0], 4 * Math.ulp((float) expF32));
        assertTrue(Math.abs(((double[]) z.array())[0] - (Math.exp(1) + 0.1)) > 1e-9, "computed in float64 throughout");
    }

    @Test
    void badExpressionsExitOneWithThePosition() throws IOException {
        String x = ExecFiles.write(dir, "x.npy", HostTensor.of(DType.F64, new long[] {2}, new double[] {1, 2}));
        String out = ExecFiles.path(dir, "y.npy");
        Cli r = Cli.run("exec", "fuse", "--expr", "x + y", "--in", "x=" + x, "--out", out);
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.err().contains("unknown name 'y'") && r.err().contains("position 4"), r.err());
        r = Cli.run("exec", "fuse", "--expr", "x +", "--in", "x=" + x, "--out", out);
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.err().contains("position 3"), r.err());
        r = Cli.run("exec", "fuse", "--expr", "x", "--in", x, "--out", out);
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.err().contains("NAME=FILE"), r.err());
        assertTrue(!Files.exists(Path.of(out)));
    }

    @Test
    void validateRunsTheFusionCases() {
        Cli r = Cli.run("validate", "--ops", "fuse");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("fuse[relu(A@B+bias)*0.5]") && r.out().contains("vs unfused")
                && r.out().contains("vs interpreter"), r.out());
    }

    @Test
    void numpyBroadcastingAndColumnReductionsRunGeneratedAndMatchNumpy() throws IOException {
        // numpy (float32 x, bias, col; float64 d):
        //   np.maximum(x * 2 + bias, 0) - col            = [[1.5, -1, 7], [9.5, 10, 1]]       float32
        //   x / np.sum(x, axis=0, keepdims=True)         = [[0.2, -2/3, -1], [0.8, 5/3, 2]]   float32
        //   x - np.max(x, axis=0, keepdims=True)         = [[-3, -7, 0], [0, 0, -9]]          float32
        //   (x - d) / 2                                  = [[0, -1.5, 1], [0.5, 1, -4.5]]     float64
        String x = ExecFiles.write(dir, "x.npy", HostTensor.of(DType.F32, new long[] {2, 3}, new float[] {1, -2, 3, 4, 5, -6}));
        String bias = ExecFiles.write(dir, "bias.npy", HostTensor.of(DType.F32, new long[] {3}, new float[] {0.5f, -1, 2}));
        String col = ExecFiles.write(dir, "col.npy", HostTensor.of(DType.F32, new long[] {2, 1}, new float[] {1, -1}));
        String d = ExecFiles.write(dir, "d.npy", HostTensor.of(DType.F64, new long[] {2, 1}, new double[] {1, 3}));
        String[][] cases = {
            {"relu(x * 2 + bias) - col", "1.5 -1 7 9.5 10 1"},
            {"x / sum(x, axis=0)", "0.2 -0.6666667 -1 0.8 1.6666666 2"},
            {"x - max(x, axis=0)", "-3 -7 0 0 0 -9"},
            {"(x - d) / 2", "0 -1.5 1 0.5 1 -4.5"},
        };
        for (int k = 0; k < cases.length; k++) {
            String[] c = cases[k];
            String out = ExecFiles.path(dir, "y" + c[0].hashCode() + ".npy");
            Cli r = Cli.run("exec", "fuse", "--expr", c[0], "--in", "x=" + x, "--in", "bias=" + bias, "--in", "col=" + col,
                    "--in", "d=" + d, "--out", out, "--explain");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("java-hidden-class") && !r.out().contains("interpreted"), c[0] + ":\n" + r.out());
            HostTensor y = NpyReader.read(Path.of(out));
            assertArrayEquals(new long[] {2, 3}, y.shape(), c[0]);
            String[] want = c[1].split(" ");
            for (int i = 0; i < 6; i++) {
                if (k == 3) {
                    assertEquals(DType.F64, y.dtype(), c[0]);
                    assertEquals(Double.parseDouble(want[i]), ((double[]) y.array())[i], 0.0, c[0] + " element " + i);
                } else {
                    assertEquals(DType.F32, y.dtype(), c[0]);
                    assertEquals(Float.parseFloat(want[i]), ((float[]) y.array())[i], 0.0f, c[0] + " element " + i);
                }
            }
        }
    }

    @Test
    void tupleAndMiddleAxisReductionsRunGeneratedAndMatchNumpy() throws IOException {
        // numpy, x float32 of shape (2, 2, 3); every reduction with keepdims=True, every result float32 (2, 2, 3)
        // except the mean's (1, 2, 1)
        String x = ExecFiles.write(dir, "x3.npy", HostTensor.of(DType.F32, new long[] {2, 2, 3},
                new float[] {1, -2, 3, 4, 5, -6, 0.5f, 2, -1, 7, -3, 2.5f}));
        String[][] cases = {
            {"x - max(x, axis=(0, 2))", "-2 -5 0 -3 -2 -13 -2.5 -1 -4 0 -10 -4.5"},
            {"x / sum(x, axis=(1, 2))", "0.2 -0.4 0.6 0.8 1 -1.2 0.0625 0.25 -0.125 0.875 -0.375 0.3125"},
            {"x - min(x, axis=1)", "0 0 9 3 7 0 0 5 0 6.5 0 3.5"},
            {"exp(x - max(x, axis=0)) / sum(exp(x - max(x, axis=0)), axis=0)", "0.622459352016449 0.01798621006309986"
                + " 0.9820137619972229 0.04742587357759476 0.9996646642684937 0.0002034269564319402 0.3775406777858734"
                + " 0.9820137619972229 0.01798621006309986 0.9525741338729858 0.00033535013790242374 0.9997965693473816"},
            {"mean(x, axis=(0, -1))", "0.5833333134651184 1.5833333730697632"},
        };
        for (String[] c : cases) {
            String out = ExecFiles.path(dir, "y" + Integer.toHexString(c[0].hashCode()) + ".npy");
            Cli r = Cli.run("exec", "fuse", "--expr", c[0], "--in", "x=" + x, "--out", out, "--explain");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("java-hidden-class") && !r.out().contains("interpreted"), c[0] + ":\n" + r.out());
            HostTensor y = NpyReader.read(Path.of(out));
            assertEquals(DType.F32, y.dtype(), c[0]);
            String[] want = c[1].split(" ");
            assertArrayEquals(c[0].startsWith("mean") ? new long[] {1, 2, 1} : new long[] {2, 2, 3}, y.shape(), c[0]);
            for (int i = 0; i < want.length; i++) {
                float w = Float.parseFloat(want[i]);
                // exp within its few float ulps (the lanes'), a mean's sum rounded once more than NumPy's may be
                float tol = c[0].startsWith("exp") ? 4 * Math.ulp(w) : c[0].startsWith("mean") ? Math.ulp(w) : 0;
                assertEquals(w, ((float[]) y.array())[i], tol, c[0] + " element " + i);
            }
        }
    }
}
