package org.fusemath.fusion.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link F64Lanes} is generated from {@link F32Lanes}: the text outside the {@code lanes-type-specific} regions (the
 * stage structure: public methods, whole-chunk loops, selects, argument checks) is F32Lanes' with {@code float} read
 * as {@code double}, and each region (constants, polynomials, bit stages, class comment) is taken from the current
 * F64Lanes.java, where the double-specific code is written by hand. This test fails when the checked-in file is
 * stale; run it with {@code -Dfusemath.regenerate=true} to rewrite it:
 * {@code ./mvnw -pl fusion -am test -Dtest=F64LanesTest -Dsurefire.failIfNoSpecifiedTests=false -Dfusemath.regenerate=true}.
 * A new region must be added to F64Lanes.java by hand (its double text between the same markers) before regenerating.
 * The accuracy of every generated function is asserted by {@code VectorMathTest}.
 */
class F64LanesTest {
    private static final Path SOURCES = Path.of("src/main/java/org/fusemath/fusion/host");
    private static final Pattern REGION = Pattern.compile(
            "(?m)^[ \\t]*// lanes-type-specific: ([a-z0-9 ]+) begin\\n(?s:.*?)^[ \\t]*// lanes-type-specific: \\1 end\\n");
    /** A float literal: hexadecimal, decimal or integral digits with the {@code f} suffix. */
    private static final Pattern FLOAT_LITERAL = Pattern.compile(
            "(?<![\\w.])(0x[0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?p[-+]?\\d+|\\d+\\.\\d*(?:[eE][-+]?\\d+)?|\\d+(?:[eE][-+]?\\d+)?)f\\b");

    /** F64Lanes' source for the F32Lanes source {@code f32} and the regions of the current F64Lanes source {@code f64}. */
    static String generate(String f32, String f64) {
        Map<String, String> own = new LinkedHashMap<>();
        Matcher r = REGION.matcher(f64);
        while (r.find()) {
            own.put(r.group(1), r.group());
        }
        StringBuilder out = new StringBuilder();
        Matcher m = REGION.matcher(f32);
        int at = 0;
        while (m.find()) {
            out.append(toDouble(f32.substring(at, m.start())));
            String region = own.get(m.group(1));
            if (region == null) {
                throw new IllegalStateException("F64Lanes.java has no region '" + m.group(1) + "': add its double text by hand");
            }
            out.append(region);
            at = m.end();
        }
        out.append(toDouble(f32.substring(at)));
        return out.toString();
    }

    private static String toDouble(String shared) {
        String s = shared.replaceAll("\\bfloat\\b", "double")
                .replace("F32Lanes", "F64Lanes")
                .replace("_F32_", "_F64_");
        Matcher lit = FLOAT_LITERAL.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (lit.find()) {
            String v = lit.group(1);
            boolean integral = v.chars().allMatch(Character::isDigit);
            lit.appendReplacement(sb, Matcher.quoteReplacement(integral ? v + ".0" : v));
        }
        lit.appendTail(sb);
        return sb.toString();
    }

    @Test
    void theDoubleLanesAreGeneratedFromTheFloatLanes() throws IOException {
        Path generated = SOURCES.resolve("F64Lanes.java");
        String current = Files.readString(generated, StandardCharsets.UTF_8);
        String want = generate(Files.readString(SOURCES.resolve("F32Lanes.java"), StandardCharsets.UTF_8), current);
        if (Boolean.getBoolean("fusemath.regenerate")) {
            Files.writeString(generated, want, StandardCharsets.UTF_8);
        }
        assertEquals(want, Files.readString(generated, StandardCharsets.UTF_8),
                "F64Lanes.java is stale: regenerate it (see this test's Javadoc)");
    }

    @Test
    void everyRegionOfTheFloatLanesHasItsDoubleText() throws IOException {
        String f32 = Files.readString(SOURCES.resolve("F32Lanes.java"), StandardCharsets.UTF_8);
        String f64 = Files.readString(SOURCES.resolve("F64Lanes.java"), StandardCharsets.UTF_8);
        Matcher m = REGION.matcher(f32);
        int regions = 0;
        while (m.find()) {
            regions++;
            assertEquals(true, f64.contains("// lanes-type-specific: " + m.group(1) + " begin"), m.group(1));
        }
        assertEquals(6, regions, "doc, constants, log bits, log special, exp bits, polynomials");
    }
}
