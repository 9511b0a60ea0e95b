package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fusemath.api.DType;
import org.fusemath.api.Execution;
import org.fusemath.api.HostTensor;
import org.fusemath.api.spi.ExecOperation;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.validation.npy.NpyReader;
import org.fusemath.validation.npy.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {
    @TempDir
    Path dir;

    private String file(String name, HostTensor t) throws IOException {
        Path p = dir.resolve(name);
        NpyWriter.write(p, t);
        return p.toString();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void transposeOfARealMatrixIsNumpysT() throws IOException {
        // a = [[1, 2, 3], [4, 5, 6]] in C order
        String in = file("a.npy", HostTensor.of(DType.F64, new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
        Cli r = Cli.run("exec", "transpose", "--in", in, "--out", path("t.npy"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("wrote " + path("t.npy") + ": <f8 shape (3, 2)"), r.out());
        HostTensor t = NpyReader.read(dir.resolve("t.npy"));
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertFalse(t.isFortranOrder());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, (double[]) t.array());
    }

    @Test
    void transposeOfAFortranOrderComplexMatrixKeepsValuesAndWritesCOrder() throws IOException {
        // a = [[1+1j, 2+2j, 3+3j], [4+4j, 5+5j, 6+6j]] stored column by column
        float[] fortran = {1, 1, 4, 4, 2, 2, 5, 5, 3, 3, 6, 6};
        String in = file("a.npy", HostTensor.of(DType.C64, new long[] {2, 3}, true, fortran));
        Cli r = Cli.run("exec", "transpose", "--in", in, "--out", path("t.npy"));
        assertEquals(0, r.exit(), r.toString());
        HostTensor t = NpyReader.read(dir.resolve("t.npy"));
        assertEquals(DType.C64, t.dtype());
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertFalse(t.isFortranOrder());
        // a.T = [[1, 4], [2, 5], [3, 6]] (times 1+1j), row by row
        assertArrayEquals(new float[] {1, 1, 4, 4, 2, 2, 5, 5, 3, 3, 6, 6}, (float[]) t.array());
    }

    @Test
    void copyWritesCOrderOrFortranOrderOnRequest() throws IOException {
        String in = file("a.npy", HostTensor.of(DType.F32, new long[] {2, 2}, true, new float[] {1, 3, 2, 4}));
        Cli c = Cli.run("exec", "copy", "--in", in, "--out", path("c.npy"));
        assertEquals(0, c.exit(), c.toString());
        HostTensor ct = NpyReader.read(dir.resolve("c.npy"));
        assertFalse(ct.isFortranOrder());
        assertArrayEquals(new float[] {1, 2, 3, 4}, (float[]) ct.array());

        Cli f = Cli.run("exec", "copy", "--in", path("c.npy"), "--order", "F", "--out", path("f.npy"));
        assertEquals(0, f.exit(), f.toString());
        assertTrue(f.out().contains("(Fortran order)"), f.out());
        HostTensor ft = NpyReader.read(dir.resolve("f.npy"));
        assertTrue(ft.isFortranOrder());
        assertArrayEquals(new float[] {1, 3, 2, 4}, (float[]) ft.array());

        Cli bad = Cli.run("exec", "copy", "--in", in, "--order", "K", "--out", path("k.npy"));
        assertEquals(ExitCodes.FAILURE, bad.exit());
        assertTrue(bad.err().contains("--order = 'K': expected C or F"), bad.err());
    }

    @Test
    void listShowsEveryOperationWithItsSummary() {
        Cli r = Cli.run("exec", "--list");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("copy ") && r.out().contains("np.array(a, order='C')"), r.out());
        assertTrue(r.out().contains("transpose ") && r.out().contains("a.T"), r.out());
    }

    @Test
    void moreOrFewerOutFilesThanResultsIsAnErrorAndWritesNothing() throws IOException {
        String in = file("a.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Cli r = Cli.run("exec", "copy", "--in", in, "--out", path("x.npy"), path("y.npy"));
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.err().contains("fusemath exec: --out = 2 files: expected exactly 1 (one per result of 'copy')"), r.err());
        assertFalse(Files.exists(dir.resolve("x.npy")));
        Cli none = Cli.run("exec", "copy", "--in", in);
        assertEquals(ExitCodes.FAILURE, none.exit(), none.toString());
        assertTrue(none.err().contains("--out = no file"), none.err());
    }

    @Test
    void unknownOrMissingOperationIsAUsageError() {
        Cli r = Cli.run("exec", "nosuchop", "--in", "a.npy", "--out", "b.npy");
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        // The list grows as domains register operations: check its form and a few members, sorted.
        assertTrue(r.err().matches("(?s).*unknown operation 'nosuchop'; known: \\[asum, axpy, copy, .*det, .*matmul, .*solve,"
                + " .*transpose, .*\\].*"), r.err());
        Cli none = Cli.run("exec", "--in", "a.npy", "--out", "b.npy");
        assertEquals(ExitCodes.USAGE, none.exit(), none.toString());
        assertTrue(none.err().contains("missing operation"), none.err());
    }

    @Test
    void unreadableInputsNameTheFile() throws IOException {
        Cli missing = Cli.run("exec", "copy", "--in", path("nope.npy"), "--out", path("o.npy"));
        assertEquals(ExitCodes.FAILURE, missing.exit());
        assertTrue(missing.err().contains("no such file: " + path("nope.npy")), missing.err());
        Path junk = Files.writeString(dir.resolve("junk.npy"), "not an array");
        Cli bad = Cli.run("exec", "copy", "--in", junk.toString(), "--out", path("o.npy"));
        assertEquals(ExitCodes.FAILURE, bad.exit());
        assertTrue(bad.err().contains(junk + ": magic = "), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace without --verbose");
        String before = System.getProperty(LoggingSetup.FUSEMATH_LEVEL);
        try {
            Cli verbose = Cli.run("exec", "copy", "--in", junk.toString(), "--out", path("o.npy"), "--verbose");
            assertTrue(verbose.err().contains("\tat org.fusemath.validation.npy.NpyReader"), verbose.err());
            assertEquals("debug", System.getProperty(LoggingSetup.FUSEMATH_LEVEL), "--verbose raises org.fusemath to debug");
        } finally {
            if (before == null) {
                System.clearProperty(LoggingSetup.FUSEMATH_LEVEL);
            } else {
                System.setProperty(LoggingSetup.FUSEMATH_LEVEL, before);
            }
        }
    }

    @Test
    void hostOnlyOperationsRefuseADeviceRequestAndBadSpacesAreNamed() throws IOException {
        String in = file("a.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Cli device = Cli.run("exec", "copy", "--in", in, "--out", path("o.npy"), "--space", "device");
        assertEquals(ExitCodes.FAILURE, device.exit());
        assertTrue(device.err().contains("--space = device:0: expected host or auto: 'copy' runs on the host only"), device.err());
        assertEquals(0, Cli.run("exec", "copy", "--in", in, "--out", path("o.npy"), "--space", "auto").exit());
        Cli gpu = Cli.run("exec", "copy", "--in", in, "--out", path("o.npy"), "--space", "gpu");
        assertEquals(ExitCodes.FAILURE, gpu.exit());
        assertTrue(gpu.err().contains("execution = 'gpu': expected host, device, device:N or auto"), gpu.err());
    }

    /** Records the request it receives and returns its inputs. */
    static final class RecordingOperation implements ExecOperation {
        final List<ExecRequest> requests = new ArrayList<>();

        @Override
        public String name() {
            return "record";
        }

        @Override
        public String summary() {
            return "returns its inputs";
        }

        @Override
        public Set<String> arrayOptions() {
            return Set.of("weights", "bias");
        }

        @Override
        public List<HostTensor> execute(ExecRequest request) {
            requests.add(request);
            return request.inputs();
        }
    }

    @Test
    void operationOptionsArraysAndInputsReachTheRequestAsGiven() throws IOException {
        RecordingOperation op = new RecordingOperation();
        Providers providers = Providers.of(List.of(), List.of(op), List.of());
        HostTensor f = HostTensor.of(DType.F64, new long[] {2, 2}, true, new double[] {1, 3, 2, 4});
        String a = file("a.npy", f);
        String b = file("b.npy", HostTensor.of(DType.F32, new long[] {1}, new float[] {7}));
        String w = file("w.npy", HostTensor.of(DType.C128, new long[] {1}, new double[] {1, 2}));
        Cli r = Cli.run(providers, "exec", "--alpha", "-2", "record", "--in", a, b, "--weights", w, "--flag",
                "--beta=3", "--space", "auto", "--out", path("o1.npy"), "--out", path("o2.npy"));
        assertEquals(0, r.exit(), r.toString());
        ExecRequest req = op.requests.get(0);
        assertEquals(Map.of("alpha", "-2", "weights", w, "flag", "true", "beta", "3"), req.options());
        assertEquals(Set.of("weights"), req.arrays().keySet(), "bias was not given");
        assertEquals(DType.C128, req.arrays().get("weights").dtype());
        assertEquals(Execution.AUTO, req.execution());
        assertEquals(2, req.inputs().size());
        assertTrue(req.inputs().get(0).isFortranOrder(), "inputs are passed as read, Fortran order kept");
        assertArrayEquals(new double[] {1, 3, 2, 4}, (double[]) req.inputs().get(0).array());
        assertEquals(DType.F32, req.inputs().get(1).dtype());
        HostTensor o1 = NpyReader.read(dir.resolve("o1.npy"));
        assertTrue(o1.isFortranOrder(), "an output keeps the order the operation chose");
        assertArrayEquals(new double[] {1, 3, 2, 4}, (double[]) o1.array());
    }

    @Test
    void malformedOperationOptionsAreUsageErrors() {
        Providers providers = Providers.of(List.of(), List.of(new RecordingOperation()), List.of());
        Cli twice = Cli.run(providers, "exec", "record", "--a", "1", "--a", "2", "--out", "o.npy");
        assertEquals(ExitCodes.USAGE, twice.exit(), twice.toString());
        assertTrue(twice.err().contains("option --a is given twice"), twice.err());
        Cli extra = Cli.run(providers, "exec", "record", "stray", "--out", "o.npy");
        assertEquals(ExitCodes.USAGE, extra.exit());
        assertTrue(extra.err().contains("unexpected argument 'stray'"), extra.err());
        Cli shortOpt = Cli.run(providers, "exec", "record", "-x", "--out", "o.npy");
        assertEquals(ExitCodes.USAGE, shortOpt.exit());
        assertTrue(shortOpt.err().contains("unknown option '-x'"), shortOpt.err());
        Cli noFile = Cli.run(providers, "exec", "record", "--in", "--out", "o.npy");
        assertEquals(ExitCodes.USAGE, noFile.exit());
        assertTrue(noFile.err().contains("Missing file after --in"), noFile.err());
    }
}
