package org.fusemath.validation.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.fusemath.random.KnownAnswer;
import org.fusemath.random.KnownAnswers;
import org.fusemath.random.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code fusemath random} prints exactly the known-answer vectors, and rejects bad input with exit code 2. */
class RandomCommandTest {

    private record Run(int exit, String out, String err) {
    }

    /** Runs {@code fusemath random args...} as the command line does. */
    private static Run run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "random";
        System.arraycopy(args, 0, all, 1, args.length);
        Cli c = Cli.run(all);
        return new Run(c.exit(), c.out(), c.err());
    }

    static Stream<KnownAnswer> vectors() {
        return KnownAnswers.bundled().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void hexOutputEqualsTheKnownAnswers(KnownAnswer k) {
        Run r = run("--generator", k.generator().cliName(), "--seed", Long.toUnsignedString(k.seed()), "--offset",
                Long.toString(k.offset()), "--kind", k.kind().cliName(), "--count", Integer.toString(k.values().length),
                "--format", "hex");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        long[] expected = k.values();
        assertEquals(expected.length, lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertEquals(Samples.hex(k.kind(), expected[i]), lines[i], k.label() + " line " + i);
        }
    }

    @Test
    void decimalPrintsUnsignedIntegersAndRoundTrippingFloats() {
        KnownAnswer uint = KnownAnswers.bundled().stream()
                .filter(k -> k.kind().cliName().equals("uint32") && k.generator().cliName().equals("xorwow") && k.offset() == 0)
                .findFirst().orElseThrow();
        Run r = run("--generator", "xorwow", "--seed", "1234", "--kind", "uint32", "--count", "64");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().split("\n");
        for (int i = 0; i < 64; i++) {
            assertEquals(uint.values()[i], Long.parseLong(lines[i]), "line " + i);
        }
        KnownAnswer nd = KnownAnswers.bundled().stream()
                .filter(k -> k.kind().cliName().equals("normal_double") && k.generator().cliName().equals("mrg32k3a")
                        && k.offset() == 1000)
                .findFirst().orElseThrow();
        Run d = run("--generator", "MRG32K3A", "--seed", "1234", "--offset", "1000", "--kind", "normal_double", "--count", "64",
                "--format", "decimal");
        String[] dl = d.out().split("\n");
        for (int i = 0; i < 64; i++) {
            assertEquals(nd.values()[i], Double.doubleToRawLongBits(Double.parseDouble(dl[i])), "line " + i);
        }
    }

    @Test
    void badInputIsRejectedWithTheArgumentNamed() {
        assertRejected(run("--generator", "mt19937", "--kind", "uint32", "--count", "4"), "generator", "mt19937");
        assertRejected(run("--generator", "xorwow", "--kind", "gamma", "--count", "4"), "kind", "gamma");
        assertRejected(run("--generator", "xorwow", "--kind", "uint32", "--count", "-3"), "--count", "-3");
        assertRejected(run("--generator", "xorwow", "--kind", "normal_float", "--count", "5"), "length", "even");
        assertRejected(run("--generator", "xorwow", "--kind", "uint32", "--count", "4", "--offset", "-1"), "--offset", "-1");
        assertRejected(run("--generator", "xorwow", "--kind", "uint32", "--count", "4", "--offset", "9223372036854775808"),
                "--offset", "9223372036854775808");
        assertRejected(run("--generator", "philox", "--kind", "uint32", "--count", "4", "--seed", "abc"), "--seed", "abc");
        assertRejected(run("--generator", "philox", "--kind", "poisson", "--count", "4"), "--lambda", "missing");
        assertRejected(run("--generator", "philox", "--kind", "uint32", "--count", "4", "--format", "octal"), "--format", "octal");
        assertRejected(run("--kind", "uint32", "--count", "4"), "--generator", "Missing");
    }

    /**
     * {@code --seed} is cuRAND's unsigned 64-bit seed, which Philox4x32-10 uses as its key (low word, high word).
     * Values 0-3 at offset 0 are the block at counter 0 (thread 0, iteration 0), computed here independently.
     */
    @Test
    void seedsAreUnsigned64Bit() {
        // 2^64-1 is key (0xffffffff, 0xffffffff); the others differ from it in the top bit and in the high word.
        for (String seed : new String[] {"18446744073709551615", "9223372036854775807", "4294967295"}) {
            long key = Long.parseUnsignedLong(seed);
            Run r = run("--generator", "philox4_32_10", "--seed", seed, "--kind", "uint32", "--count", "4", "--format", "hex");
            assertEquals(0, r.exit(), r.err());
            StringBuilder expected = new StringBuilder();
            for (int word : philox4x32x10(new int[4], (int) key, (int) (key >>> 32))) {
                expected.append(String.format("%08x", word)).append('\n');
            }
            assertEquals(expected.toString(), r.out(), "seed " + seed);
        }
        // Signed spellings and values past 2^64-1 are not unsigned 64-bit seeds.
        assertRejected(run("--generator", "philox", "--kind", "uint32", "--count", "4", "--seed", "-1"), "--seed", "-1");
        assertRejected(run("--generator", "philox", "--kind", "uint32", "--count", "4", "--seed", "18446744073709551616"),
                "--seed", "18446744073709551616");
    }

    /** The independent Philox4x32-10 above reproduces Random123's published known answers. */
    @Test
    void independentPhiloxMatchesRandom123() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, philox4x32x10(new int[4], 0, 0));
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                philox4x32x10(new int[] {-1, -1, -1, -1}, -1, -1));
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                philox4x32x10(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, 0xa4093822, 0x299f31d0));
    }

    /** Philox4x32-10 (Salmon et al., SC'11) written from the paper, not shared with the random module. */
    private static int[] philox4x32x10(int[] counter, int key0, int key1) {
        int[] c = counter.clone();
        int k0 = key0;
        int k1 = key1;
        for (int round = 0; round < 10; round++) {
            long p0 = (c[0] & 0xffffffffL) * 0xD2511F53L;
            long p1 = (c[2] & 0xffffffffL) * 0xCD9E8D57L;
            c = new int[] {(int) (p1 >>> 32) ^ c[1] ^ k0, (int) p1, (int) (p0 >>> 32) ^ c[3] ^ k1, (int) p0};
            k0 += 0x9E3779B9;
            k1 += 0xBB67AE85;
        }
        return c;
    }

    @Test
    void deviceExecutionWithoutADeviceExitsWithTheReason() {
        org.junit.jupiter.api.Assumptions.assumeFalse(org.fusemath.random.device.CurandDeviceGenerator.probe().usable(),
                "a CUDA device is usable here");
        Run r = run("--generator", "xorwow", "--kind", "uint32", "--count", "4", "--space", "device");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no usable CUDA device"), r.err());
    }

    @Test
    void spaceIsTheOptionAndExecutionItsDeprecatedAlias() {
        Run space = run("--generator", "philox", "--kind", "uint32", "--count", "3", "--space", "host");
        Run old = run("--generator", "philox", "--kind", "uint32", "--count", "3", "--execution", "host");
        assertEquals(0, space.exit(), space.err());
        assertEquals(0, old.exit(), old.err());
        assertEquals(space.out(), old.out());
        assertEquals("", space.err());
        assertTrue(old.err().contains("--execution is deprecated; use --space"), old.err());
        Run both = run("--generator", "philox", "--kind", "uint32", "--count", "3", "--space", "host", "--execution", "host");
        assertEquals(2, both.exit(), both.err());
        Cli help = Cli.run("random", "--help");
        assertTrue(help.out().contains("--space") && !help.out().contains("--execution"), help.out());
        assertTrue(help.out().contains("--kind=KIND") && help.out().contains("required:"), help.out());
    }

    /** Blocks of output equal one call of the whole count, for every kind, across block boundaries. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"uint32", "uniform_float", "uniform_double", "normal_float",
        "normal_double", "log_normal_float", "log_normal_double", "poisson"})
    void blockedOutputEqualsOneCall(String kindName) {
        int count = 2 * RandomCommand.BLOCK + 6;
        Run r = run("--generator", "mrg32k3a", "--seed", "99", "--offset", "7", "--kind", kindName, "--count",
                Integer.toString(count), "--lambda", "3.5", "--format", "hex");
        assertEquals(0, r.exit(), r.err());
        org.fusemath.random.SampleKind k = org.fusemath.random.SampleKind.parse(kindName);
        org.fusemath.random.Distribution d = k == org.fusemath.random.SampleKind.POISSON
                ? org.fusemath.random.Distribution.poisson(3.5) : new org.fusemath.random.Distribution(k, 0, 1, 0);
        long[] whole;
        try (org.fusemath.random.Generator g = org.fusemath.random.Generator.create(org.fusemath.random.RngType.parse("mrg32k3a"), 99)
                .setOffset(7)) {
            whole = Samples.bits(g, d, count);
        }
        String[] lines = r.out().split("\n");
        assertEquals(count, lines.length);
        for (int i = 0; i < count; i++) {
            if (!Samples.hex(k, whole[i]).equals(lines[i])) {
                assertEquals(Samples.hex(k, whole[i]), lines[i], kindName + " value " + i);
            }
        }
    }

    @Test
    void anOddCountOfPairedValuesPrintsNothing() {
        Run r = run("--generator", "philox", "--kind", "normal_float", "--count", Integer.toString(RandomCommand.BLOCK + 1));
        assertRejected(r, "length", "even");
    }

    private static void assertRejected(Run r, String argument, String mentions) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(argument) && r.err().contains(mentions), r.err());
        // The error line and a pointer to --help, not the whole usage text that would bury it.
        assertTrue(r.err().startsWith("fusemath random: "), r.err());
        assertTrue(r.err().contains("Try 'fusemath random --help' for usage."), r.err());
        assertFalse(r.err().contains("Usage:"), r.err());
        assertEquals("", r.out());
    }
}
