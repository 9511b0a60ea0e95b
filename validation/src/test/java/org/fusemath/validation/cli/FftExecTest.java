package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.fusemath.validation.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fusemath exec fft|rfft|irfft|fft2|...} with numpy.fft's results, options and dtypes. */
class FftExecTest {
    @TempDir
    Path dir;

    private HostTensor exec(String op, HostTensor in, String... options) throws IOException {
        String out = ExecFiles.path(dir, op + ".npy");
        String[] args = new String[5 + options.length + 2];
        args[0] = "exec";
        args[1] = op;
        args[2] = "--in";
        args[3] = ExecFiles.write(dir, "in.npy", in);
        args[4] = "--out";
        args[5] = out;
        System.arraycopy(options, 0, args, 6, options.length);
        Cli run = Cli.run(java.util.Arrays.copyOf(args, 6 + options.length));
        assertEquals(0, run.exit(), run.toString());
        return NpyReader.read(Path.of(out));
    }

    @Test
    void fftRfftAndIrfftGiveNumpysValuesShapesAndDtypes() throws IOException {
        HostTensor x = HostTensor.of(DType.F64, new long[] {4}, new double[] {1, 2, 3, 4});
        HostTensor f = exec("fft", x);
        assertEquals(DType.C128, f.dtype());
        assertArrayEquals(new double[] {10, 0, -2, 2, -2, 0, -2, -2}, (double[]) f.array(), 1e-13);
        HostTensor r = exec("rfft", HostTensor.of(DType.F32, new long[] {4}, new float[] {1, 2, 3, 4}), "--norm", "ortho");
        assertEquals(DType.C64, r.dtype());
        assertArrayEquals(new float[] {5, 0, -1, 1, -1, 0}, (float[]) r.array(), 1e-6f);
        // np.fft.irfft([10, -2+2j, -2], n=5)
        HostTensor i = exec("irfft", HostTensor.of(DType.C128, new long[] {3}, new double[] {10, 0, -2, 2, -2, 0}), "--n", "5");
        assertArrayEquals(new long[] {5}, i.shape());
        assertEquals(DType.F64, i.dtype());
        // numpy prints [0.4, 1.63915479, 1.9297718, 2.8702282, 3.16084521]
        assertArrayEquals(new double[] {0.4, 1.63915479, 1.9297718, 2.8702282, 3.16084521}, (double[]) i.array(), 1e-8);
        HostTensor two = exec("fft2", HostTensor.of(DType.C64, new long[] {2, 3}, new float[12]), "--s", "4,2");
        assertArrayEquals(new long[] {4, 2}, two.shape());
        HostTensor nd = exec("irfftn", HostTensor.of(DType.C128, new long[] {2, 3, 4}, new double[48]), "--axes", "0,1");
        assertArrayEquals(new long[] {2, 4, 4}, nd.shape());
    }

    @Test
    void badOptionsAndInputsFailWithTheArgumentNamed() throws IOException {
        String in = ExecFiles.write(dir, "c.npy", HostTensor.of(DType.C128, new long[] {4}, new double[8]));
        Cli complexToRfft = Cli.run("exec", "rfft", "--in", in, "--out", ExecFiles.path(dir, "o.npy"));
        assertNotEquals(0, complexToRfft.exit());
        assertTrue(complexToRfft.err().contains("a = C128"), complexToRfft.err());
        Cli zero = Cli.run("exec", "fft", "--in", in, "--out", ExecFiles.path(dir, "o.npy"), "--n", "0");
        assertTrue(zero.err().contains("n = 0"), zero.err());
        Cli undeclared = Cli.run("exec", "fft", "--in", in, "--out", ExecFiles.path(dir, "o.npy"), "--s", "4");
        assertNotEquals(0, undeclared.exit());
        Cli axes = Cli.run("exec", "fftn", "--in", in, "--out", ExecFiles.path(dir, "o.npy"), "--axes", "0,x");
        assertTrue(axes.err().contains("--axes"), axes.err());
    }
}
