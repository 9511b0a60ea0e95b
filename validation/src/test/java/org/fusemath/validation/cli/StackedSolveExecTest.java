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

/** {@code fusemath exec solve} on stacks, with numpy.linalg.solve's (NumPy 2) shapes and broadcasting. */
class StackedSolveExecTest {
    /** Two members: [[4, 3], [6, 3]] and [[2, 0], [0, 4]]. */
    private static final double[] TWO = {4, 3, 6, 3, 2, 0, 0, 4};

    @TempDir
    Path dir;

    private HostTensor solve(HostTensor a, HostTensor b) throws IOException {
        Cli run = Cli.run("exec", "solve", "--in", ExecFiles.write(dir, "a.npy", a), ExecFiles.write(dir, "b.npy", b),
                "--out", ExecFiles.path(dir, "x.npy"));
        assertEquals(0, run.exit(), run.toString());
        return NpyReader.read(Path.of(ExecFiles.path(dir, "x.npy")));
    }

    @Test
    void aVectorIsSolvedAgainstEveryMember() throws IOException {
        // numpy: solve(a, [10., 12.]) for a of shape (2, 2, 2) is [[1., 2.], [5., 3.]], shape (2, 2).
        HostTensor x = solve(HostTensor.of(DType.F64, new long[] {2, 2, 2}, TWO),
                HostTensor.of(DType.F64, new long[] {2}, new double[] {10, 12}));
        assertArrayEquals(new long[] {2, 2}, x.shape());
        assertArrayEquals(new double[] {1, 2, 5, 3}, (double[]) x.array(), 1e-15);
    }

    @Test
    void stackDimensionsBroadcastAsNumpys() throws IOException {
        // a (2, 1, 2, 2), b (3, 2, 1): the result is (2, 3, 2, 1), member (i, j) = solve(a[i, 0], b[j]).
        double[] b = {10, 12, 2, 4, 0, 8};
        HostTensor x = solve(HostTensor.of(DType.F64, new long[] {2, 1, 2, 2}, TWO),
                HostTensor.of(DType.F64, new long[] {3, 2, 1}, b));
        assertArrayEquals(new long[] {2, 3, 2, 1}, x.shape());
        double[] want = {
            1, 2, /* [[4,3],[6,3]]·x = [2, 4] */ 1, -2.0 / 3, /* = [0, 8] */ 4, -16.0 / 3,
            5, 3, 1, 1, 0, 2};
        assertArrayEquals(want, (double[]) x.array(), 1e-14);
        // One 2-D a against a stack of b in Fortran order (each member read as NumPy reads it).
        HostTensor fortranB = HostTensor.of(DType.F32, new long[] {2, 2, 1}, true, new float[] {10, 2, 12, 4});
        HostTensor y = solve(HostTensor.of(DType.F32, new long[] {2, 2}, new float[] {4, 3, 6, 3}), fortranB);
        assertArrayEquals(new long[] {2, 2, 1}, y.shape());
        assertArrayEquals(new float[] {1, 2, 1, -2f / 3}, (float[]) y.toCOrder().array(), 1e-6f);
    }

    @Test
    void aSingularMemberAndShapesThatDoNotBroadcastExitOne() throws IOException {
        double[] a = {4, 3, 6, 3, 1, 2, 2, 4};
        Cli singular = Cli.run("exec", "solve", "--in",
                ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 2, 2}, a)),
                ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {2}, new double[] {1, 1})),
                "--out", ExecFiles.path(dir, "x.npy"));
        assertEquals(ExitCodes.FAILURE, singular.exit(), singular.toString());
        assertEquals("fusemath exec: batch member 1: matrix is singular: U(2,2) is exactly zero (info = 2)",
                singular.err().trim());
        Cli mismatch = Cli.run("exec", "solve", "--in",
                ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 2, 2}, TWO)),
                ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {3, 2, 1}, new double[6])),
                "--out", ExecFiles.path(dir, "x.npy"));
        assertEquals(ExitCodes.FAILURE, mismatch.exit(), mismatch.toString());
        assertTrue(mismatch.err().contains("broadcast"), mismatch.err());
    }
}
