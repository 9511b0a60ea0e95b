package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.fusemath.api.DType;
import org.fusemath.api.HostMatrix;
import org.fusemath.api.HostTensor;
import org.fusemath.solver.Linalg;
import org.fusemath.validation.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusemath exec solve|inv|det} with numpy.linalg's semantics, and at n = 1000 from a 256 KB stack. */
class LinalgExecTest {
    @TempDir
    Path dir;

    @Test
    void solveInvAndDetOfASmallSystemAreNumpys() throws IOException {
        // numpy: a = [[4., 3.], [6., 3.]]; solve(a, [10., 12.]) = [1., 2.]; inv(a) = [[-.5, .5], [1., -2/3]]; det = -6.
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {4, 3, 6, 3}));
        String b = ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {2}, new double[] {10, 12}));
        Cli solve = Cli.run("exec", "solve", "--in", a, b, "--out", ExecFiles.path(dir, "x.npy"));
        assertEquals(0, solve.exit(), solve.toString());
        HostTensor x = NpyReader.read(Path.of(ExecFiles.path(dir, "x.npy")));
        assertArrayEquals(new long[] {2}, x.shape());
        assertArrayEquals(new double[] {1, 2}, (double[]) x.array(), 1e-15);

        Cli inv = Cli.run("exec", "inv", "--in", a, "--out", ExecFiles.path(dir, "i.npy"));
        assertEquals(0, inv.exit(), inv.toString());
        assertArrayEquals(new double[] {-0.5, 0.5, 1, -2.0 / 3}, (double[]) NpyReader.read(Path.of(ExecFiles.path(dir, "i.npy"))).toCOrder()
                .array(), 1e-15);

        Cli det = Cli.run("exec", "det", "--in", a, "--out", ExecFiles.path(dir, "d.npy"));
        assertEquals(0, det.exit(), det.toString());
        assertTrue(det.out().contains("shape ()"), det.out());
        HostTensor d = NpyReader.read(Path.of(ExecFiles.path(dir, "d.npy")));
        assertEquals(0, d.rank());
        assertEquals(-6.0, ((double[]) d.array())[0], 1e-14);
    }

    @Test
    void aFortranOrderMatrixAndComplexTypesAreSolvedInPlace() throws IOException {
        // Column-major [[1, 2j], [0, 1]] (Fortran order) · x = [1, 1]: x = [1 - 2j, 1].
        HostTensor a = HostTensor.of(DType.C64, new long[] {2, 2}, true, new float[] {1, 0, 0, 0, 0, 2, 1, 0});
        String b = ExecFiles.write(dir, "b.npy", HostTensor.of(DType.C64, new long[] {2, 1}, new float[] {1, 0, 1, 0}));
        Cli solve = Cli.run("exec", "solve", "--in", ExecFiles.write(dir, "a.npy", a), b, "--out", ExecFiles.path(dir, "x.npy"));
        assertEquals(0, solve.exit(), solve.toString());
        HostTensor x = NpyReader.read(Path.of(ExecFiles.path(dir, "x.npy"))).toCOrder();
        assertArrayEquals(new long[] {2, 1}, x.shape());
        assertArrayEquals(new float[] {1, -2, 1, 0}, (float[]) x.array(), 1e-6f);
        Cli det = Cli.run("exec", "det", "--in", ExecFiles.write(dir, "a.npy", a), "--out", ExecFiles.path(dir, "d.npy"));
        assertEquals(0, det.exit(), det.toString());
        assertArrayEquals(new float[] {1, 0}, (float[]) NpyReader.read(Path.of(ExecFiles.path(dir, "d.npy"))).array(), 1e-6f);
    }

    @Test
    void aSingularMatrixExitsOneWithALineNamingTheCondition() throws IOException {
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F32, new long[] {2, 2}, new float[] {1, 2, 2, 4}));
        for (String op : new String[] {"inv", "solve"}) {
            String[] args = op.equals("inv") ? new String[] {"exec", op, "--in", a, "--out", ExecFiles.path(dir, "o.npy")}
                    : new String[] {"exec", op, "--in", a, ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F32, new long[] {2},
                    new float[] {1, 1})), "--out", ExecFiles.path(dir, "o.npy")};
            Cli run = Cli.run(args);
            assertEquals(ExitCodes.FAILURE, run.exit(), run.toString());
            assertEquals("fusemath exec: matrix is singular: U(2,2) is exactly zero (info = 2)", run.err().trim(), op);
        }
        Cli det = Cli.run("exec", "det", "--in", a, "--out", ExecFiles.path(dir, "d.npy"));
        assertEquals(0, det.exit(), det.toString());
        assertEquals(0f, ((float[]) NpyReader.read(Path.of(ExecFiles.path(dir, "d.npy"))).array())[0]);
        Cli rect = Cli.run("exec", "inv", "--in", ExecFiles.write(dir, "r.npy", HostTensor.of(DType.F64, new long[] {2, 3}, new double[6])),
                "--out", ExecFiles.path(dir, "o.npy"));
        assertEquals(ExitCodes.FAILURE, rect.exit());
        assertTrue(rect.err().contains("square"), rect.err());
    }

    /** The threaded LU at n = 1000 needs ~3 MB of native stack; the command runs here on a 256 KB thread. */
    @Test
    void solveInvAndDetAtN1000RunOnA256KbStack() throws Exception {
        int n = 1000;
        Random r = new Random(42);
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            b[i] = r.nextGaussian();
        }
        String fa = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {n, n}, a));
        String fb = ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {n}, b));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread th = new Thread(null, () -> {
            try {
                result.set(new Cli[] {Cli.run("exec", "solve", "--in", fa, fb, "--out", ExecFiles.path(dir, "x.npy")),
                        Cli.run("exec", "det", "--in", fa, "--out", ExecFiles.path(dir, "d.npy"))});
            } catch (Throwable e) {
                result.set(e);
            }
        }, "small-stack", 256 << 10);
        th.start();
        th.join(TimeUnit.MINUTES.toMillis(5));
        if (result.get() instanceof Throwable e) {
            throw new AssertionError(e);
        }
        for (Cli run : (Cli[]) result.get()) {
            assertEquals(0, run.exit(), run.toString());
        }
        double[] x = (double[]) NpyReader.read(Path.of(ExecFiles.path(dir, "x.npy"))).array();
        double residual = 0;
        double normA = 0;
        double normX = 0;
        for (int i = 0; i < n; i++) {
            double s = -b[i];
            double row = 0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * x[j];
                row += Math.abs(a[i * n + j]);
            }
            residual = Math.max(residual, Math.abs(s));
            normA = Math.max(normA, row);
            normX = Math.max(normX, Math.abs(x[i]));
        }
        double bound = 4 * n * DType.F64.unitRoundoff() * normA * normX;
        assertTrue(residual <= bound, "‖Ax − b‖∞ = " + residual + " > " + bound);
        // |det| of a 1000×1000 Gaussian matrix is about 10^1283: it overflows to ±inf, as NumPy's does.
        double det = ((double[]) NpyReader.read(Path.of(ExecFiles.path(dir, "d.npy"))).array())[0];
        assertTrue(Double.isInfinite(det), "det " + det);
        assertEquals(Linalg.det(HostMatrix.of(a, n, n)).re(), det, "det on this thread");
        // The small-stack solution is this thread's, bit for bit (same thread count, same LU).
        assertArrayEquals(Linalg.solve(HostMatrix.of(a, n, n), HostMatrix.of(b, n, 1)).doubles(), x);
    }
}
