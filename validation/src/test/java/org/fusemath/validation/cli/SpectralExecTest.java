package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.validation.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusemath exec svd|eig|eigvals|eigh|eigvalsh} with numpy.linalg's shapes, dtypes and values. */
class SpectralExecTest {
    @TempDir
    Path dir;

    private HostTensor read(String name) throws IOException {
        return NpyReader.read(Path.of(ExecFiles.path(dir, name))).toCOrder();
    }

    private Cli exec(String op, HostTensor a, String... tail) throws IOException {
        String[] args = new String[4 + tail.length];
        args[0] = "exec";
        args[1] = op;
        args[2] = "--in";
        args[3] = ExecFiles.write(dir, "a.npy", a);
        System.arraycopy(tail, 0, args, 4, tail.length);
        for (int i = 0; i < tail.length; i++) {
            if (tail[i].endsWith(".npy")) {
                args[4 + i] = ExecFiles.path(dir, tail[i]);
            }
        }
        return Cli.run(args);
    }

    @Test
    void svdOfAStackIsReducedByDefaultWithNumpysShapesAndDtypes() throws IOException {
        // numpy: a = [[[3, 0], [0, -2], [0, 0]], [[1, 1], [1, 1], [0, 0]]] (float32); s = [[3, 2], [2, 0]].
        HostTensor a = HostTensor.of(DType.F32, new long[] {2, 3, 2}, new float[] {3, 0, 0, -2, 0, 0, 1, 1, 1, 1, 0, 0});
        Cli run = exec("svd", a, "--out", "u.npy", "s.npy", "vh.npy");
        assertEquals(0, run.exit(), run.toString());
        HostTensor u = read("u.npy");
        HostTensor s = read("s.npy");
        HostTensor vh = read("vh.npy");
        assertArrayEquals(new long[] {2, 3, 2}, u.shape());
        assertArrayEquals(new long[] {2, 2}, s.shape());
        assertArrayEquals(new long[] {2, 2, 2}, vh.shape());
        assertEquals(DType.F32, s.dtype());
        assertArrayEquals(new float[] {3, 2, 2, 0}, (float[]) s.array(), 1e-6f);
        // U·diag(s)·Vh rebuilds each matrix.
        float[] uu = (float[]) u.array();
        float[] ss = (float[]) s.array();
        float[] vv = (float[]) vh.array();
        float[] aa = (float[]) a.array();
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    double sum = 0;
                    for (int p = 0; p < 2; p++) {
                        sum += uu[b * 6 + i * 2 + p] * ss[b * 2 + p] * vv[b * 4 + p * 2 + j];
                    }
                    assertEquals(aa[b * 6 + i * 2 + j], sum, 1e-5, "a[" + b + "," + i + "," + j + "]");
                }
            }
        }
        Cli full = exec("svd", a, "--full-matrices", "--out", "u.npy", "s.npy", "vh.npy");
        assertEquals(0, full.exit(), full.toString());
        assertArrayEquals(new long[] {2, 3, 3}, read("u.npy").shape());
        Cli values = exec("svd", a, "--compute-uv", "false", "--out", "s.npy");
        assertEquals(0, values.exit(), values.toString());
        assertArrayEquals(new float[] {3, 2, 2, 0}, (float[]) read("s.npy").array(), 1e-6f);
    }

    @Test
    void eighAndEigvalshReadTheChosenTriangle() throws IOException {
        // numpy.linalg.eigh([[2, 1j], [-1j, 2]]) -> w = [1, 3]; the upper triangle here holds junk that 'L' never reads.
        HostTensor a = HostTensor.of(DType.C128, new long[] {2, 2}, new double[] {2, 0, 99, 99, 0, -1, 2, 0});
        Cli run = exec("eigh", a, "--out", "w.npy", "v.npy");
        assertEquals(0, run.exit(), run.toString());
        HostTensor w = read("w.npy");
        assertEquals(DType.F64, w.dtype());
        assertArrayEquals(new double[] {1, 3}, (double[]) w.array(), 1e-14);
        HostTensor v = read("v.npy");
        assertEquals(DType.C128, v.dtype());
        assertArrayEquals(new long[] {2, 2}, v.shape());
        // A·v_j = w_j·v_j for the Hermitian matrix [[2, i], [-i, 2]].
        double[] z = (double[]) v.array();
        for (int j = 0; j < 2; j++) {
            double v0r = z[2 * j];
            double v0i = z[2 * j + 1];
            double v1r = z[4 + 2 * j];
            double v1i = z[4 + 2 * j + 1];
            double lambda = j == 0 ? 1 : 3;
            assertEquals(lambda * v0r, 2 * v0r - v1i, 1e-14); // row 0: 2·v0 + i·v1
            assertEquals(lambda * v0i, 2 * v0i + v1r, 1e-14);
            assertEquals(lambda * v1r, v0i + 2 * v1r, 1e-14); // row 1: -i·v0 + 2·v1
            assertEquals(lambda * v1i, -v0r + 2 * v1i, 1e-14);
        }
        HostTensor upper = HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {1, 2, -50, 1});
        Cli u = exec("eigvalsh", upper, "--uplo", "U", "--out", "w.npy");
        assertEquals(0, u.exit(), u.toString());
        assertArrayEquals(new double[] {-1, 3}, (double[]) read("w.npy").array(), 1e-14);
    }

    @Test
    void eigOfRealInputIsRealWhenEveryValueIsAndComplexOtherwise() throws IOException {
        HostTensor triangular = HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {2, 1, 0, 3});
        Cli real = exec("eig", triangular, "--out", "w.npy", "v.npy");
        assertEquals(0, real.exit(), real.toString());
        assertEquals(DType.F64, read("w.npy").dtype());
        assertEquals(DType.F64, read("v.npy").dtype());
        assertArrayEquals(new double[] {2, 3}, (double[]) read("w.npy").array(), 1e-14);
        // A stack whose second matrix is a rotation: complex for the whole stack, as NumPy decides over all of it.
        HostTensor stack = HostTensor.of(DType.F32, new long[] {2, 2, 2}, new float[] {2, 1, 0, 3, 0, -1, 1, 0});
        Cli mixed = exec("eigvals", stack, "--out", "w.npy");
        assertEquals(0, mixed.exit(), mixed.toString());
        HostTensor w = read("w.npy");
        assertEquals(DType.C64, w.dtype());
        assertArrayEquals(new long[] {2, 2}, w.shape());
        assertArrayEquals(new float[] {2, 0, 3, 0, 0, 1, 0, -1}, (float[]) w.array(), 1e-6f);
    }

    @Test
    void badInputsExitOneWithALineNamingTheProblem() throws IOException {
        Cli rect = exec("eig", HostTensor.of(DType.F64, new long[] {2, 3}, new double[6]), "--out", "w.npy", "v.npy");
        assertEquals(ExitCodes.FAILURE, rect.exit(), rect.toString());
        assertTrue(rect.err().contains("square"), rect.err());
        Cli nan = exec("svd", HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {1, Double.NaN, 0, 1}),
                "--out", "u.npy", "s.npy", "vh.npy");
        assertEquals(ExitCodes.FAILURE, nan.exit(), nan.toString());
        assertTrue(nan.err().contains("NaN at (0, 1)"), nan.err());
        Cli vector = exec("svd", HostTensor.of(DType.F64, new long[] {3}, new double[3]), "--out", "s.npy");
        assertEquals(ExitCodes.FAILURE, vector.exit(), vector.toString());
        Cli option = exec("eig", HostTensor.of(DType.F64, new long[] {1, 1}, new double[1]), "--uplo", "U",
                "--out", "w.npy", "v.npy");
        assertEquals(2, option.exit(), option.toString());
    }
}
