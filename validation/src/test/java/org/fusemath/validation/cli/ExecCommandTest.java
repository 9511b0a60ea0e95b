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
import org.fusemath.api.spi.ExecParameter;
import org.fusemath.api.spi.ExecRequest;
import org.fusemath.validation.npy.NpyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecCommandTest {
    @TempDir
    Path dir;

    @Test
    void transposeOfARealMatrixIsNumpysT() throws IOException {
        // a = [[1, 2, 3], [4, 5, 6]] in C order
        String in = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}));
        Cli r = Cli.run("exec", "transpose", "--in", in, "--out", ExecFiles.path(dir, "t.npy"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("wrote " + ExecFiles.path(dir, "t.npy") + ": <f8 shape (3, 2)"), r.out());
        HostTensor t = NpyReader.read(dir.resolve("t.npy"));
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertFalse(t.isFortranOrder());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, (double[]) t.array());
    }

    @Test
    void transposeOfAFortranOrderComplexMatrixKeepsValuesAndWritesCOrder() throws IOException {
        // a = [[1+1j, 2+2j, 3+3j], [4+4j, 5+5j, 6+6j]] stored column by column
        float[] fortran = {1, 1, 4, 4, 2, 2, 5, 5, 3, 3, 6, 6};
        String in = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.C64, new long[] {2, 3}, true, fortran));
        Cli r = Cli.run("exec", "transpose", "--in", in, "--out", ExecFiles.path(dir, "t.npy"));
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
        String in = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F32, new long[] {2, 2}, true, new float[] {1, 3, 2, 4}));
        Cli c = Cli.run("exec", "copy", "--in", in, "--out", ExecFiles.path(dir, "c.npy"));
        assertEquals(0, c.exit(), c.toString());
        HostTensor ct = NpyReader.read(dir.resolve("c.npy"));
        assertFalse(ct.isFortranOrder());
        assertArrayEquals(new float[] {1, 2, 3, 4}, (float[]) ct.array());

        Cli f = Cli.run("exec", "copy", "--in", ExecFiles.path(dir, "c.npy"), "--order", "F", "--out", ExecFiles.path(dir, "f.npy"));
        assertEquals(0, f.exit(), f.toString());
        assertTrue(f.out().contains("(Fortran order)"), f.out());
        HostTensor ft = NpyReader.read(dir.resolve("f.npy"));
        assertTrue(ft.isFortranOrder());
        assertArrayEquals(new float[] {1, 3, 2, 4}, (float[]) ft.array());

        Cli bad = Cli.run("exec", "copy", "--in", in, "--order", "K", "--out", ExecFiles.path(dir, "k.npy"));
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
        String in = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Cli r = Cli.run("exec", "copy", "--in", in, "--out", ExecFiles.path(dir, "x.npy"), ExecFiles.path(dir, "y.npy"));
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
        assertTrue(r.err().matches("(?s).*unknown operation 'nosuchop'; known: \\[asum, axpy, .*copy, .*det, .*matmul, .*solve,"
                + " .*transpose, .*\\].*"), r.err());
        Cli none = Cli.run("exec", "--in", "a.npy", "--out", "b.npy");
        assertEquals(ExitCodes.USAGE, none.exit(), none.toString());
        assertTrue(none.err().contains("missing operation"), none.err());
    }

    @Test
    void unreadableInputsNameTheFile() throws IOException {
        Cli missing = Cli.run("exec", "copy", "--in", ExecFiles.path(dir, "nope.npy"), "--out", ExecFiles.path(dir, "o.npy"));
        assertEquals(ExitCodes.FAILURE, missing.exit());
        assertTrue(missing.err().contains("no such file: " + ExecFiles.path(dir, "nope.npy")), missing.err());
        Path junk = Files.writeString(dir.resolve("junk.npy"), "not an array");
        Cli bad = Cli.run("exec", "copy", "--in", junk.toString(), "--out", ExecFiles.path(dir, "o.npy"));
        assertEquals(ExitCodes.FAILURE, bad.exit());
        assertTrue(bad.err().contains(junk + ": magic = "), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace without --verbose");
        String before = System.getProperty(LoggingSetup.FUSEMATH_LEVEL);
        try {
            Cli verbose = Cli.run("exec", "copy", "--in", junk.toString(), "--out", ExecFiles.path(dir, "o.npy"), "--verbose");
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
        String in = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Cli device = Cli.run("exec", "copy", "--in", in, "--out", ExecFiles.path(dir, "o.npy"), "--space", "device");
        assertEquals(ExitCodes.FAILURE, device.exit());
        assertTrue(device.err().contains("--space = device:0: expected host or auto: 'copy' runs on the host only"), device.err());
        assertEquals(0, Cli.run("exec", "copy", "--in", in, "--out", ExecFiles.path(dir, "o.npy"), "--space", "auto").exit());
        // The solver and FFT operations share one host-only builder and keep their own refusal text.
        String square = ExecFiles.write(dir, "sq.npy", HostTensor.of(DType.F64, new long[] {1, 1}, new double[] {2}));
        for (String op : new String[] {"det", "svd", "fft"}) {
            Cli refused = Cli.run("exec", op, "--in", square, "--out", ExecFiles.path(dir, "o.npy"), "--space", "device");
            assertEquals(ExitCodes.FAILURE, refused.exit(), op);
            String where = op.equals("fft") ? "runs on the host in this build" : "runs on the host only";
            assertTrue(refused.err().contains("--space = device:0: expected host or auto: '" + op + "' " + where),
                    refused.err());
        }
        Cli gpu = Cli.run("exec", "copy", "--in", in, "--out", ExecFiles.path(dir, "o.npy"), "--space", "gpu");
        assertEquals(ExitCodes.FAILURE, gpu.exit());
        assertTrue(gpu.err().contains("execution = 'gpu': expected host, device, device:N or auto"), gpu.err());
    }

    /**
     * Records the request it receives and returns its inputs; two .npy options through {@link #arrayOptions()} (the
     * default, strict declarations), every other option let through when {@code free}.
     */
    static final class RecordingOperation implements ExecOperation {
        final List<ExecRequest> requests = new ArrayList<>();
        private final boolean free;

        RecordingOperation(boolean free) {
            this.free = free;
        }

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
        public List<ExecParameter> parameters() {
            List<ExecParameter> declared = new ArrayList<>(ExecOperation.super.parameters());
            if (free) {
                declared.add(ExecParameter.uncheckedOthers());
            }
            return declared;
        }

        @Override
        public List<HostTensor> execute(ExecRequest request) {
            requests.add(request);
            return request.inputs();
        }
    }

    @Test
    void operationOptionsArraysAndInputsReachTheRequestAsGiven() throws IOException {
        RecordingOperation op = new RecordingOperation(true);
        Providers providers = Providers.of(List.of(), List.of(op), List.of());
        HostTensor f = HostTensor.of(DType.F64, new long[] {2, 2}, true, new double[] {1, 3, 2, 4});
        String a = ExecFiles.write(dir, "a.npy", f);
        String b = ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {7}));
        String w = ExecFiles.write(dir, "w.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Cli r = Cli.run(providers, "exec", "--alpha", "-2", "record", "--in", a, b, "--weights", w, "--flag",
                "--beta=3", "--space", "auto", "--out", ExecFiles.path(dir, "o1.npy"), "--out", ExecFiles.path(dir, "o2.npy"));
        assertEquals(0, r.exit(), r.toString());
        ExecRequest req = op.requests.get(0);
        assertEquals(Map.of("alpha", "-2", "weights", w, "flag", "true", "beta", "3"), req.options());
        assertEquals(Set.of("weights"), req.arrays().keySet(), "bias was not given");
        assertArrayEquals(new double[] {1}, (double[]) req.arrays().get("weights").array());
        assertEquals(Execution.AUTO, req.execution());
        assertEquals(2, req.inputs().size());
        assertTrue(req.inputs().get(0).isFortranOrder(), "inputs are passed as read, Fortran order kept");
        assertArrayEquals(new double[] {1, 3, 2, 4}, (double[]) req.inputs().get(0).array());
        assertArrayEquals(new double[] {7}, (double[]) req.inputs().get(1).array());
        HostTensor o1 = NpyReader.read(dir.resolve("o1.npy"));
        assertTrue(o1.isFortranOrder(), "an output keeps the order the operation chose");
        assertArrayEquals(new double[] {1, 3, 2, 4}, (double[]) o1.array());
    }

    @Test
    void malformedOperationOptionsAreUsageErrors() {
        Providers providers = Providers.of(List.of(), List.of(new RecordingOperation(true)), List.of());
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

    @Test
    void anOperationThatDeclaresNothingButItsArraysRefusesEveryOtherOption() throws IOException {
        RecordingOperation op = new RecordingOperation(false);
        Providers providers = Providers.of(List.of(), List.of(op), List.of());
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Cli r = Cli.run(providers, "exec", "record", "--in", a, "--alpha", "2", "--out", ExecFiles.path(dir, "o.npy"));
        assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("unknown option --alpha for 'record'; its options: --bias, --weights"), r.err());
        assertTrue(op.requests.isEmpty(), "refused before the operation runs");
        assertFalse(Files.exists(dir.resolve("o.npy")));
        Cli ok = Cli.run(providers, "exec", "record", "--in", a, "--weights", a, "--out", ExecFiles.path(dir, "o.npy"));
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals(Set.of("weights"), op.requests.get(0).arrays().keySet());
    }

    @Test
    void everyRegisteredOperationDeclaresItsOptions() {
        Providers registered = Providers.fromClassPath();
        List<String> names = new ArrayList<>();
        for (ExecOperation op : registered.operations()) {
            names.add(op.name());
            assertTrue(op.parameters().stream().noneMatch(p -> p.kind() == ExecParameter.Kind.UNCHECKED_OTHERS),
                    op.name() + " lets undeclared options through");
        }
        assertTrue(names.containsAll(List.of("copy", "transpose", "matmul", "gemv", "solve", "inv", "det")), names::toString);
        assertEquals(List.of(), registered.loadErrors());
        Cli r = Cli.run("exec", "--list");
        assertFalse(r.out().contains("passed through unchecked"), r.out());
    }

    @Test
    void solverOperationsTakeNoOptions() throws IOException {
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {4, 3, 6, 3}));
        String b = ExecFiles.write(dir, "b.npy", HostTensor.of(DType.F64, new long[] {2}, new double[] {10, 12}));
        Cli solve = Cli.run("exec", "solve", "--in", a, b, "--out", ExecFiles.path(dir, "x.npy"), "--trans_a", "t");
        assertEquals(ExitCodes.USAGE, solve.exit(), solve.toString());
        assertTrue(solve.err().contains("unknown option --trans_a for 'solve'; it takes no options"), solve.err());
        assertFalse(Files.exists(dir.resolve("x.npy")));
        for (String op : new String[] {"inv", "det"}) {
            Cli r = Cli.run("exec", op, "--in", a, "--out", ExecFiles.path(dir, "o.npy"), "--overwrite_a");
            assertEquals(ExitCodes.USAGE, r.exit(), r.toString());
            assertTrue(r.err().contains("unknown option --overwrite_a for '" + op + "'; it takes no options"), r.err());
        }
        String list = Cli.run("exec", "--list").out();
        for (String op : new String[] {"solve", "inv", "det", "transpose"}) {
            assertTrue(list.matches("(?s).*\\n" + op + "  [^\\n]*\\n    no options\\n.*"), op + ": " + list);
        }
        assertFalse(list.matches("(?s).*\\ncopy  [^\\n]*\\n    no options\\n.*"), "copy takes --order: " + list);
    }

    @Test
    void undeclaredOptionsAreRefusedWithTheValidOnes() throws IOException {
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {2, 2}, new double[] {1, 2, 3, 4}));
        Cli typo = Cli.run("exec", "matmul", "--in", a, a, "--trans_a", "t", "--out", ExecFiles.path(dir, "d.npy"));
        assertEquals(ExitCodes.USAGE, typo.exit(), typo.toString());
        assertTrue(typo.err().contains("unknown option --trans_a for 'matmul' (did you mean --trans-a?); its options: --trans-a,"
                + " --trans-b, --alpha, --beta, --epilog, --bias, --aux"), typo.err());
        assertFalse(Files.exists(dir.resolve("d.npy")));
        Cli none = Cli.run("exec", "transpose", "--in", a, "--axes", "1,0", "--out", ExecFiles.path(dir, "t.npy"));
        assertEquals(ExitCodes.USAGE, none.exit(), none.toString());
        assertTrue(none.err().contains("unknown option --axes for 'transpose'; it takes no options"), none.err());
        Cli routine = Cli.run("exec", "gemv", "--in", a, ExecFiles.path(dir, "x.npy"), "--uplo", "l", "--out", ExecFiles.path(dir, "y.npy"));
        assertEquals(ExitCodes.USAGE, routine.exit(), routine.toString());
        assertTrue(routine.err().contains("its options: --trans, --alpha, --beta"), routine.err());
        // A declared option with a bad value fails before any file is read (x.npy does not exist).
        Cli value = Cli.run("exec", "gemv", "--in", a, ExecFiles.path(dir, "x.npy"), "--trans", "q", "--out", ExecFiles.path(dir, "y.npy"));
        assertEquals(ExitCodes.FAILURE, value.exit(), value.toString());
        assertTrue(value.err().contains("--trans = 'q': expected n, t or c"), value.err());
        Cli scalar = Cli.run("exec", "scal", "--in", a, "--alpha", "two", "--out", ExecFiles.path(dir, "y.npy"));
        assertTrue(scalar.err().contains("--alpha = 'two'"), scalar.err());
        Cli epilog = Cli.run("exec", "matmul", "--in", a, a, "--epilog", "relu6", "--out", ExecFiles.path(dir, "d.npy"));
        assertEquals(ExitCodes.FAILURE, epilog.exit(), epilog.toString());
        assertTrue(epilog.err().contains("--epilog = 'relu6': expected one of default, relu,"), epilog.err());
    }

    @Test
    void listPrintsEachDeclaredOptionOnce() {
        Cli r = Cli.run("exec", "--list");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains(".npy options"), r.out());
        assertTrue(r.out().contains("--bias FILE.npy"), r.out());
        assertEquals(1, r.out().split("--bias FILE.npy", -1).length - 1, "--bias is listed once: " + r.out());
        assertTrue(r.out().contains("--trans-a n|t|c") && r.out().contains("(default n)"), r.out());
        assertTrue(r.out().contains("--order C|F"), r.out());
    }

    private HostTensor exec(String op, HostTensor... inputs) throws IOException {
        List<String> args = new ArrayList<>(List.of("exec", op, "--in"));
        for (int i = 0; i < inputs.length; i++) {
            args.add(ExecFiles.write(dir, "in" + i + ".npy", inputs[i]));
        }
        args.addAll(List.of("--out", ExecFiles.path(dir, "r.npy")));
        Cli r = Cli.run(args.toArray(new String[0]));
        assertEquals(0, r.exit(), r.toString());
        return NpyReader.read(dir.resolve("r.npy"));
    }

    @Test
    void mixedInputTypesArePromotedAsNumpyDoes() throws IOException {
        HostTensor f32 = HostTensor.of(DType.F32, new long[] {2}, new float[] {1.5f, 2});
        HostTensor f64 = HostTensor.of(DType.F64, new long[] {2}, new double[] {0.1, 3});
        HostTensor c64 = HostTensor.of(DType.C64, new long[] {2}, new float[] {1, 1, 0, 2});
        // np.dot(float32, float64) is float64, computed from the exact float32 values.
        HostTensor d = exec("dot", f32, f64);
        assertEquals(DType.F64, d.dtype());
        assertEquals(1.5 * 0.1 + 2 * 3, ((double[]) d.array())[0], 1e-15);
        // real + complex is complex: float32 + complex64 -> complex64, float64 + complex64 -> complex128.
        assertEquals(DType.C64, exec("dot", f32, c64).dtype());
        HostTensor z = exec("dot", f64, c64);
        assertEquals(DType.C128, z.dtype());
        assertArrayEquals(new double[] {0.1, 0.1 + 6}, (double[]) z.array(), 1e-15);
        HostTensor a = HostTensor.of(DType.C64, new long[] {1, 2}, new float[] {1, 1, 2, 0});
        HostTensor b = HostTensor.of(DType.F64, new long[] {2, 1}, new double[] {3, 4});
        HostTensor m = exec("matmul", a, b);
        assertEquals(DType.C128, m.dtype());
        assertArrayEquals(new double[] {11, 3}, (double[]) m.array(), 0.0);
    }

    @Test
    void aSecondOutputThatCannotBeWrittenLeavesTheFirstTargetUntouched() throws IOException {
        Providers providers = Providers.of(List.of(), List.of(new RecordingOperation(true)), List.of());
        String a = ExecFiles.write(dir, "a.npy", HostTensor.of(DType.F64, new long[] {1}, new double[] {1}));
        Files.writeString(dir.resolve("first.npy"), "previous contents");
        Cli r = Cli.run(providers, "exec", "record", "--in", a, a, "--out", ExecFiles.path(dir, "first.npy"),
                dir.resolve("missing").resolve("second.npy").toString());
        assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
        assertTrue(r.err().contains("cannot write " + dir.resolve("missing").resolve("second.npy")), r.err());
        assertEquals("previous contents", Files.readString(dir.resolve("first.npy")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("a.npy", "first.npy"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void resultsTooLargeForTheHeapAreRefusedInOneLine() throws IOException {
        // A 1 x n row: syrk's n x n result, and matmul of (n,1) @ (1,n), from files of a few hundred kilobytes.
        long max = Runtime.getRuntime().maxMemory();
        int n = (int) Math.min(60_000, Math.max(30_000, Math.sqrt(max / 4.0)));
        String row = ExecFiles.write(dir, "row.npy", HostTensor.zeros(DType.C128, 1, n));
        String col = ExecFiles.write(dir, "col.npy", HostTensor.zeros(DType.C128, n, 1));
        for (Cli r : List.of(Cli.run("exec", "syrk", "--in", row, "--trans", "t", "--out", ExecFiles.path(dir, "c.npy")),
                Cli.run("exec", "matmul", "--in", col, row, "--out", ExecFiles.path(dir, "c.npy")))) {
            assertEquals(ExitCodes.FAILURE, r.exit(), r.toString());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("the result of ") && r.err().contains(n + "x" + n)
                    && (r.err().contains("-Xmx") || r.err().contains("one Java array")), r.err());
            assertFalse(r.err().contains("OutOfMemoryError"), r.err());
            assertFalse(Files.exists(dir.resolve("c.npy")));
        }
    }
}
