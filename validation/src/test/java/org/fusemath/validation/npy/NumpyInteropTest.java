package org.fusemath.validation.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fusemath.api.DType;
import org.fusemath.api.HostTensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks with the real NumPy, when python3 with numpy is installed; skipped otherwise. */
class NumpyInteropTest {
    private static final String SCRIPT = String.join("\n",
            "import sys, io, os",
            "import numpy as np",
            "mode, d = sys.argv[1], sys.argv[2]",
            "def raw(a):",
            "    return np.ascontiguousarray(a, dtype=a.dtype.newbyteorder('<')).tobytes()",
            "if mode == 'write':",
            "    lines = []",
            "    for code in ['f4', 'f8', 'c8', 'c16']:",
            "        for bo in ['<', '>']:",
            "            for shape in [(), (5,), (0, 3), (3, 4), (2, 3, 4)]:",
            "                for order in ['C', 'F']:",
            "                    for version in [None, (2, 0), (3, 0)]:",
            "                        if version is not None and (bo == '>' or shape != (3, 4)):",
            "                            continue",
            "                        n = int(np.prod(shape))",
            "                        v = np.arange(n, dtype=np.float64) * 0.37 - 2",
            "                        if code.startswith('c'):",
            "                            v = v + 1j * (np.arange(n) * -1.5 + 0.25)",
            "                        if n > 2:",
            "                            v[0] = np.nan; v[1] = -0.0; v[2] = np.inf",
            "                        a = np.array(v.reshape(shape), dtype=np.dtype(bo + code), order=order)",
            "                        name = '%s%s_%s_%s_%s' % ('b' if bo == '>' else 'l', code, 'x'.join(map(str, shape)) or 'scalar', order, version[0] if version else 'auto')",
            "                        with open(os.path.join(d, name + '.npy'), 'wb') as f:",
            "                            if version is None:",
            "                                np.save(f, a)",
            "                            else:",
            "                                np.lib.format.write_array(f, a, version=version)",
            "                        with open(os.path.join(d, name + '.raw'), 'wb') as f:",
            "                            f.write(raw(a))",
            "                        fortran = a.flags.f_contiguous and not a.flags.c_contiguous",
            "                        lines.append('%s|%s|%s|%s' % (name, '<' + code, int(fortran), ','.join(map(str, shape))))",
            "    open(os.path.join(d, 'manifest.txt'), 'w').write('\\n'.join(lines))",
            "else:",
            "    bad = 0",
            "    names = [l for l in open(os.path.join(d, 'manifest.txt')).read().split('\\n') if l]",
            "    for line in names:",
            "        name, descr, fortran, shape, identical = line.split('|')",
            "        path = os.path.join(d, name + '.npy')",
            "        a = np.load(path)",
            "        expect_shape = tuple(int(x) for x in shape.split(',') if x)",
            "        problems = []",
            "        if a.dtype.str != descr: problems.append('dtype %s' % a.dtype.str)",
            "        if a.shape != expect_shape: problems.append('shape %s' % (a.shape,))",
            "        if a.ndim > 1 and bool(a.flags.f_contiguous and not a.flags.c_contiguous) != (fortran == '1'): problems.append('order')",
            "        if raw(a) != open(os.path.join(d, name + '.raw'), 'rb').read(): problems.append('values')",
            "        if identical == '1':",
            "            b = io.BytesIO(); np.save(b, a)",
            "            if b.getvalue() != open(path, 'rb').read(): problems.append('bytes differ from np.save')",
            "        if problems:",
            "            bad += 1; print(name, problems)",
            "    print('checked', len(names), 'bad', bad)",
            "    sys.exit(1 if bad else 0)",
            "");

    private static boolean numpyPresent;

    @BeforeAll
    static void probe() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            numpyPresent = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            numpyPresent = false;
        }
    }

    private static String python(Path script, String mode, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", script.toString(), mode, dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void weReadWhatNumpyWrites(@TempDir Path dir) throws Exception {
        assumeTrue(numpyPresent, "python3 with numpy is not installed");
        Path script = Files.writeString(dir.resolve("npy.py"), SCRIPT);
        python(script, "write", dir);
        List<String> manifest = Files.readAllLines(dir.resolve("manifest.txt"));
        assertEquals(96, manifest.size(), "files numpy wrote: 4 dtypes x 2 byte orders x 5 shapes x 2 orders + 16 in format 2.0/3.0");
        for (String line : manifest) {
            String[] f = line.split("\\|", -1);
            HostTensor t = NpyReader.read(dir.resolve(f[0] + ".npy"));
            assertEquals(DType.fromNumpyDescr(f[1]), t.dtype(), f[0]);
            assertArrayEquals(parseShape(f[3]), t.shape(), f[0]);
            if (t.rank() > 1) {
                assertEquals(f[2].equals("1"), t.isFortranOrder(), f[0]);
            }
            assertArrayEquals(Files.readAllBytes(dir.resolve(f[0] + ".raw")), littleEndianCOrder(t), f[0]);
        }
    }

    @Test
    void numpyReadsWhatWeWriteAndWouldWriteTheSameBytes(@TempDir Path dir) throws Exception {
        assumeTrue(numpyPresent, "python3 with numpy is not installed");
        Path script = Files.writeString(dir.resolve("npy.py"), SCRIPT);
        List<String> manifest = new ArrayList<>();
        for (DType t : DType.values()) {
            for (long[] shape : NpyRoundTripTest.SHAPES) {
                for (boolean fortran : new boolean[] {false, true}) {
                    HostTensor a = NpyRoundTripTest.sample(t, shape, fortran);
                    String name = t + "_" + Arrays.toString(shape).replaceAll("[^0-9]+", "x") + (fortran ? "F" : "C");
                    NpyWriter.write(dir.resolve(name + ".npy"), a);
                    Files.write(dir.resolve(name + ".raw"), littleEndianCOrder(a));
                    // NumPy saves an array that is both C- and F-contiguous (a dimension of 0 or 1, rank <= 1) as C order.
                    boolean trivial = shape.length < 2 || Arrays.stream(shape).anyMatch(d -> d <= 1);
                    boolean identical = !fortran || !trivial;
                    // What NumPy reports after loading: F-contiguous and not also C-contiguous.
                    boolean numpyFortran = fortran && !trivial;
                    manifest.add(name + "|" + t.numpyDescr() + "|" + (numpyFortran ? 1 : 0) + "|"
                            + String.join(",", Arrays.stream(shape).mapToObj(Long::toString).toArray(String[]::new))
                            + "|" + (identical ? 1 : 0));
                }
            }
        }
        HostTensor big = HostTensor.of(DType.F64, new long[] {2, 3}, true, new double[] {1, 2, 3, 4, 5, 6});
        NpyWriter.write(dir.resolve("v2.npy"), big, NpyVersion.V2_0);
        Files.write(dir.resolve("v2.raw"), littleEndianCOrder(big));
        manifest.add("v2|<f8|1|2,3|0");
        Files.write(dir.resolve("manifest.txt"), manifest);
        String out = python(script, "check", dir);
        assertTrue(out.contains("checked " + manifest.size() + " bad 0"), out);
    }

    private static long[] parseShape(String csv) {
        return csv.isEmpty() ? new long[0] : Arrays.stream(csv.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static byte[] littleEndianCOrder(HostTensor t) {
        HostTensor c = t.toCOrder();
        if (c.array() instanceof float[] f) {
            ByteBuffer b = ByteBuffer.allocate(f.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(f);
            return b.array();
        }
        double[] d = (double[]) c.array();
        ByteBuffer b = ByteBuffer.allocate(d.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(d);
        return b.array();
    }
}
