package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.fusemath.fusion.ir.FusedGroup;
import org.fusemath.fusion.ir.GroupBuilder;
import org.fusemath.fusion.ir.GroupInterpreter;
import org.fusemath.fusion.ir.OpKind;
import org.fusemath.fusion.ir.ScalarType;
import org.fusemath.fusion.ir.Shape;
import org.junit.jupiter.api.Test;

/**
 * {@link RowReductions} against the generated row kernels of {@code max(x, axis=1)} and {@code sum(x, axis=1)} over
 * F32 rows (bit for bit: they are the same lanes), against the interpreter (max bit for bit, NaN and ±0 included),
 * and against the exact sum (a BigDecimal reference) within the stated bound
 * (⌈n / CHUNK⌉ + log₂ CHUNK)·2⁻⁵³·Σ|x| plus the final rounding to float; row lengths around the lane counts and
 * the chunk length, rows longer than a chunk, and NaN, ±∞ and ±0 inputs.
 */
class RowReductionsTest {
    private static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 511, 512, 513, 1025, 4096, 5000};
    private static final int ROWS = 3;
    private final JavaKernelCompiler compiler = new JavaKernelCompiler();

    private static FusedGroup rowReduction(OpKind kind, int n) {
        GroupBuilder g = new GroupBuilder(Shape.of(ROWS, n));
        g.output(g.reduce(kind, g.input(ScalarType.F32, Shape.of(ROWS, n)), 1));
        return g.build();
    }

    /** Gaussian rows with a large offset on every third element; {@code variant} 1 puts NaN, ±∞ and -0 in row 1, 2 only zeros of both signs in row 2. */
    private static float[] data(int n, long seed, int variant) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[ROWS * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 3 + (i % 3 == 0 ? 1e3 : 0));
        }
        if (variant == 1) {
            float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f};
            for (int k = 0; k < Math.min(n, special.length); k++) {
                x[n + (k * 2 + 1) % n] = special[k];   // distinct slots for n >= 7
            }
        }
        if (variant == 2) {
            for (int j = 0; j < n; j++) {
                x[2 * n + j] = j % 2 == 0 ? -0.0f : 0.0f;
            }
        }
        return x;
    }

    private float[] run(FusedGroup g, float[] x) {
        float[] out = new float[ROWS];
        compiler.compileHost(g).orElseThrow(() -> new AssertionError(compiler.declineReason(g))).run(new Object[] {x}, new Object[] {out});
        return out;
    }

    private static float[] interpret(FusedGroup g, float[] x) {
        float[] out = new float[ROWS];
        new GroupInterpreter(g).run(new Object[] {x}, new Object[] {out});
        return out;
    }

    @Test
    void maxIsTheGeneratedKernelsAndTheInterpretersBitForBit() {
        for (int n : LENGTHS) {
            FusedGroup g = rowReduction(OpKind.REDUCE_MAX, n);
            for (int variant = 0; variant < 3; variant++) {
                float[] x = data(n, 31 + n, variant);
                float[] kernel = run(g, x);
                float[] interpreter = interpret(g, x);
                for (int r = 0; r < ROWS; r++) {
                    float got = RowReductions.max(x, r * n, n);
                    String what = "max of row " + r + ", n = " + n + ", variant " + variant;
                    assertEquals(Float.floatToRawIntBits(kernel[r]), Float.floatToRawIntBits(got), what + " vs the kernel");
                    assertEquals(Float.floatToRawIntBits(interpreter[r]), Float.floatToRawIntBits(got), what + " vs the interpreter");
                }
                if (variant == 1) {
                    assertTrue(Float.isNaN(RowReductions.max(x, n, n)), "a NaN wins, n = " + n);
                }
                if (variant == 2 && n >= 2) {
                    assertEquals(0, Float.floatToRawIntBits(RowReductions.max(x, 2 * n, n)), "+0 over -0, n = " + n);
                }
            }
        }
    }

    @Test
    void sumIsTheGeneratedKernelsBitForBitAndWithinItsBoundOfTheExactSum() {
        for (int n : LENGTHS) {
            FusedGroup g = rowReduction(OpKind.REDUCE_SUM, n);
            for (int variant = 0; variant < 3; variant++) {
                float[] x = data(n, 41 + n, variant);
                float[] kernel = run(g, x);
                float[] interpreter = interpret(g, x);
                for (int r = 0; r < ROWS; r++) {
                    float got = RowReductions.sum(x, r * n, n);
                    String what = "sum of row " + r + ", n = " + n + ", variant " + variant;
                    assertEquals(Float.floatToRawIntBits(kernel[r]), Float.floatToRawIntBits(got), what + " vs the kernel");
                    if (variant == 1 && r == 1) {
                        assertTrue(Float.isNaN(got) && Float.isNaN(interpreter[r]), what + ": NaN in, NaN out");
                    } else {
                        assertWithinBound(got, x, r * n, n, false, what);
                        assertWithinBound(interpreter[r], x, r * n, n, true, what + " (the interpreter's serial sum)");
                    }
                }
            }
        }
    }

    @Test
    void infinitiesAndZerosSumAsIeeeSays() {
        float[] x = new float[600];
        java.util.Arrays.fill(x, 1f);
        x[550] = Float.POSITIVE_INFINITY;
        assertEquals(Float.POSITIVE_INFINITY, RowReductions.sum(x, 0, 600));
        x[3] = Float.NEGATIVE_INFINITY;
        assertTrue(Float.isNaN(RowReductions.sum(x, 0, 600)), "inf - inf");
        assertEquals(0, Float.floatToRawIntBits(RowReductions.sum(new float[] {-0.0f}, 0, 1)), "lanes start at +0: -0 sums to +0");
        assertEquals(0, Float.floatToRawIntBits(RowReductions.sum(x, 7, 0)), "the empty sum is +0");
        assertEquals(Float.NEGATIVE_INFINITY, RowReductions.max(x, 7, 0), "the empty max is -inf");
        assertEquals(Float.POSITIVE_INFINITY, RowReductions.max(x, 0, 600));
    }

    @Test
    void rangesOutsideTheArrayAreRejected() {
        float[] x = new float[10];
        assertThrows(IndexOutOfBoundsException.class, () -> RowReductions.sum(x, 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> RowReductions.max(x, -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> RowReductions.max(x, 0, -1));
    }

    /**
     * |got − Σx| ≤ terms·2⁻⁵³·Σ|x| (the 1.01: Σ|x| itself is rounded) + one ulp of the float result, with terms
     * ⌈n / CHUNK⌉ + log₂ CHUNK for the lanes, n − 1 for a serial sum ({@code serial}, the interpreter's).
     */
    private static void assertWithinBound(float got, float[] x, int off, int n, boolean serial, String what) {
        BigDecimal exact = BigDecimal.ZERO;
        double abs = 0;
        for (int i = off; i < off + n; i++) {
            exact = exact.add(new BigDecimal(x[i]));
            abs += Math.abs(x[i]);
        }
        double e = exact.doubleValue();
        double terms = serial ? Math.max(0, n - 1) : (n + F32Lanes.CHUNK - 1) / F32Lanes.CHUNK + 9;
        double bound = terms * 0x1p-53 * abs * 1.01 + Math.ulp((float) e);
        double err = new BigDecimal(got).subtract(exact).abs().doubleValue();
        assertTrue(err <= bound, what + ": " + got + " vs exact " + e + ", error " + err + " > bound " + bound);
    }
}
