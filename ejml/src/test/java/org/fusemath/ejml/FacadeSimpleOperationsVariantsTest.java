package org.fusemath.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The float variants of the SimpleMatrix operations are generated from the double ones by text substitution
 * (FDRM from DDRM, CDRM from ZDRM); a stale generated file fails here. Regenerate with
 * {@code -Dfusemath.regenerate=true}.
 */
class FacadeSimpleOperationsVariantsTest {

    private static final Path DIR = Path.of("src/main/java/org/fusemath/ejml");

    @Test
    void floatRealVariantIsCurrent() throws IOException {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("_DDRM", "_FDRM");
        r.put("DMatrixRMaj", "FMatrixRMaj");
        check("FacadeSimpleOperations_DDRM", "FacadeSimpleOperations_FDRM", r);
    }

    @Test
    void floatComplexVariantIsCurrent() throws IOException {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("_ZDRM", "_CDRM");
        r.put("ZMatrixRMaj", "CMatrixRMaj");
        r.put("/*det*/Complex_F64", "/*det*/Complex_F32");
        r.put("import org.ejml.data.Complex_F64;", "import org.ejml.data.Complex_F32;\nimport org.ejml.data.Complex_F64;");
        check("FacadeSimpleOperations_ZDRM", "FacadeSimpleOperations_CDRM", r);
    }

    private static void check(String from, String to, Map<String, String> replacements) throws IOException {
        String source = Files.readString(DIR.resolve(from + ".java"), StandardCharsets.UTF_8);
        String generated = source;
        for (Map.Entry<String, String> e : replacements.entrySet()) {
            generated = generated.replace(e.getKey(), e.getValue());
        }
        generated = generated.replaceFirst("\n/\\*\\*", "\n// Generated from " + from
                + ".java by FacadeSimpleOperationsVariantsTest (-Dfusemath.regenerate=true); do not edit.\n/**");
        Path target = DIR.resolve(to + ".java");
        if (Boolean.getBoolean("fusemath.regenerate")) {
            Files.writeString(target, generated, StandardCharsets.UTF_8);
        }
        String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        assertEquals(generated, current, to + ".java is stale: regenerate with -Dfusemath.regenerate=true");
    }
}
