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

/**
 * {@code fusemath exec slogdet|cholesky|qr|lu|lstsq} and stacked solve/inv/det against values NumPy and SciPy print
 * for the same inputs (small exact cases, so the expected arrays are written out here).
 */
class DecompositionExecTest {
    @TempDir
    Path dir;

    private HostTensor run(String op, String[] in, String... out) {
        String[] args = new String[3 + in.length + 1 + out.length];
        args[0] = "exec";
        args[1] = op;
        args[2] = "--in";
        System.arraycopy(in, 0, args, 3, in.length);
        args[3 + in.length] = "--out";
        for (int i = 0; i < out.length; i++) {
            args[4 + in.length + i] = ExecFiles.path(dir, out[i]);
        }
        Cli cli = Cli.run(args);
        assertEquals(0, cli.exit(), cli.toString());
        return read(out[0]);
    }

    private HostTensor read(String name) {
        try {
            return NpyReader.read(Path.of(ExecFiles.path(dir, name))).toCOrder();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private String write(String name, long[] shape, double... values) throws IOException {
        return ExecFiles.write(dir, name, HostTensor.of(DType.F64, shape, values));
    }

    @Test
    void stackedSolveInvDetAndSlogdetBroadcastAsNumpy() throws IOException {
        // a = [[[2, 0], [0, 4]], [[1, 2], [3, 4]]]; b = [2, 4]: solve -> [[1, 1], [0, 1]]; det -> [8, -2].
        String a = write("a.npy", new long[] {2, 2, 2}, 2, 0, 0, 4, 1, 2, 3, 4);
        String b = write("b.npy", new long[] {2}, 2, 4);
        HostTensor x = run("solve", new String[] {a, b}, "x.npy");
        assertArrayEquals(new long[] {2, 2}, x.shape());
        assertArrayEquals(new double[] {1, 1, 0, 1}, (double[]) x.array(), 1e-15);
        // b of shape (1, 2, 1) broadcasts over the batch of 2: x has shape (2, 2, 1).
        String b3 = write("b3.npy", new long[] {1, 2, 1}, 2, 4);
        HostTensor x3 = run("solve", new String[] {a, b3}, "x3.npy");
        assertArrayEquals(new long[] {2, 2, 1}, x3.shape());
        assertArrayEquals(new double[] {1, 1, 0, 1}, (double[]) x3.array(), 1e-15);
        HostTensor det = run("det", new String[] {a}, "d.npy");
        assertArrayEquals(new long[] {2}, det.shape());
        assertArrayEquals(new double[] {8, -2}, (double[]) det.array(), 1e-14);
        HostTensor inv = run("inv", new String[] {a}, "i.npy");
        assertArrayEquals(new long[] {2, 2, 2}, inv.shape());
        assertArrayEquals(new double[] {0.5, 0, 0, 0.25, -2, 1, 1.5, -0.5}, (double[]) inv.array(), 1e-15);
        HostTensor sign = run("slogdet", new String[] {a}, "s.npy", "l.npy");
        assertArrayEquals(new double[] {1, -1}, (double[]) sign.array());
        assertArrayEquals(new double[] {Math.log(8), Math.log(2)}, (double[]) read("l.npy").array(), 1e-15);
        // A singular matrix anywhere in the stack fails the whole call, as NumPy's LinAlgError, naming the member.
        String singular = write("z.npy", new long[] {2, 2, 2}, 1, 0, 0, 1, 1, 2, 2, 4);
        Cli fail = Cli.run("exec", "inv", "--in", singular, "--out", ExecFiles.path(dir, "o.npy"));
        assertEquals(ExitCodes.FAILURE, fail.exit());
        assertEquals("fusemath exec: batch member 1: matrix is singular: U(2,2) is exactly zero (info = 2)", fail.err().trim());
        // slogdet of a singular matrix: sign 0, logabsdet -inf (no error, as NumPy).
        run("slogdet", new String[] {singular}, "s.npy", "l.npy");
        assertArrayEquals(new double[] {0, Double.NEGATIVE_INFINITY}, (double[]) read("l.npy").array());
    }

    @Test
    void choleskyWritesNumpysLowerFactorAndFailsOnANonPositiveDefiniteMatrix() throws IOException {
        // numpy.linalg.cholesky([[4, 2], [2, 3]]) = [[2, 0], [1, sqrt(2)]].
        HostTensor l = run("cholesky", new String[] {write("a.npy", new long[] {2, 2}, 4, 2, 2, 3)}, "l.npy");
        assertArrayEquals(new double[] {2, 0, 1, Math.sqrt(2)}, (double[]) l.array(), 1e-15);
        Cli fail = Cli.run("exec", "cholesky", "--in", write("b.npy", new long[] {2, 2}, 1, 2, 2, 1), "--out",
                ExecFiles.path(dir, "o.npy"));
        assertEquals(ExitCodes.FAILURE, fail.exit());
        assertEquals("fusemath exec: matrix is not positive definite: the leading minor of order 2 is not (info = 2)",
                fail.err().trim());
    }

    @Test
    void qrWritesTheReducedOrCompleteFactors() throws IOException {
        String a = write("a.npy", new long[] {3, 2}, 1, 2, 3, 4, 5, 6);
        HostTensor q = run("qr", new String[] {a}, "q.npy", "r.npy");
        HostTensor r = read("r.npy");
        assertArrayEquals(new long[] {3, 2}, q.shape());
        assertArrayEquals(new long[] {2, 2}, r.shape());
        double[] qd = (double[]) q.array();
        double[] rd = (double[]) r.array();
        // numpy: r = [[-5.91607978, -7.43735744], [0, 0.82807867]] (LAPACK's signs).
        assertArrayEquals(new double[] {-5.916079783099616, -7.437357441610946, 0, 0.828078671210825}, rd, 1e-12);
        double[] av = {1, 2, 3, 4, 5, 6};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(av[i * 2 + j], qd[i * 2] * rd[j] + qd[i * 2 + 1] * rd[2 + j], 1e-14);
            }
        }
        Cli complete = Cli.run("exec", "qr", "--in", a, "--out", ExecFiles.path(dir, "q.npy"), ExecFiles.path(dir, "r.npy"),
                "--mode", "complete");
        assertEquals(0, complete.exit(), complete.toString());
        assertArrayEquals(new long[] {3, 3}, read("q.npy").shape());
        assertArrayEquals(new long[] {3, 2}, read("r.npy").shape());
        assertEquals(0, ((double[]) read("r.npy").array())[5]);
    }

    @Test
    void luWritesScipysPermutationAndFactors() throws IOException {
        // scipy.linalg.lu([[1, 2], [3, 4]]): p = [[0, 1], [1, 0]], l = [[1, 0], [1/3, 1]], u = [[3, 4], [0, 2/3]].
        HostTensor p = run("lu", new String[] {write("a.npy", new long[] {2, 2}, 1, 2, 3, 4)}, "p.npy", "l.npy", "u.npy");
        assertArrayEquals(new double[] {0, 1, 1, 0}, (double[]) p.array());
        assertArrayEquals(new double[] {1, 0, 1.0 / 3, 1}, (double[]) read("l.npy").array(), 1e-15);
        assertArrayEquals(new double[] {3, 4, 0, 2.0 / 3}, (double[]) read("u.npy").array(), 1e-15);
        // A wide 2x3 matrix: L is 2x2, U 2x3; P·L·U = A.
        double[] wide = {1, 2, 3, 4, 5, 6};
        run("lu", new String[] {write("w.npy", new long[] {2, 3}, wide)}, "p.npy", "l.npy", "u.npy");
        double[] pw = (double[]) read("p.npy").array();
        double[] lw = (double[]) read("l.npy").array();
        double[] uw = (double[]) read("u.npy").array();
        assertArrayEquals(new long[] {2, 3}, read("u.npy").shape());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int q = 0; q < 2; q++) {
                    for (int k = 0; k < 2; k++) {
                        s += pw[i * 2 + q] * lw[q * 2 + k] * uw[k * 3 + j];
                    }
                }
                assertEquals(wide[i * 3 + j], s, 1e-14);
            }
        }
    }

    @Test
    void lstsqWritesSolutionResidualsRankAndSingularValues() throws IOException {
        // The numpy.linalg.lstsq documentation's line fit: m = 1, c = -0.95, residuals [0.05], rank 2.
        String a = write("a.npy", new long[] {4, 2}, 0, 1, 1, 1, 2, 1, 3, 1);
        String b = write("b.npy", new long[] {4}, -1, 0.2, 0.9, 2.1);
        HostTensor x = run("lstsq", new String[] {a, b}, "x.npy", "res.npy", "rank.npy", "s.npy");
        assertArrayEquals(new long[] {2}, x.shape());
        assertArrayEquals(new double[] {1, -0.95}, (double[]) x.array(), 1e-14);
        assertArrayEquals(new double[] {0.05}, (double[]) read("res.npy").array(), 1e-14);
        assertEquals(0, read("rank.npy").rank());
        assertEquals(2.0, ((double[]) read("rank.npy").array())[0]);
        double[] s = (double[]) read("s.npy").array();
        assertEquals(2, s.length);
        // σ₁² + σ₂² = ‖A‖_F² = 0 + 1 + 4 + 9 + 4 = 18.
        assertEquals(18, s[0] * s[0] + s[1] * s[1], 1e-12);
        assertTrue(s[0] > s[1]);
    }
}
