package org.fusemath.validation.harness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The whole result of {@code fusemath validate}, as written to the {@code --json} file: where it ran,
 * the rows and their counts.
 */
public record ValidationReport(String fusemathVersion, String java, String nativeCallPath, DeviceStatus device,
                               List<CaseOutcome> cases, Summary summary) {
    /** How many cases passed, failed and were skipped. */
    public record Summary(int total, int passed, int failed, int skipped) {
        /** Counts {@code outcomes}. */
        public static Summary of(List<CaseOutcome> outcomes) {
            int pass = 0;
            int fail = 0;
            int skip = 0;
            for (CaseOutcome o : outcomes) {
                switch (o.status()) {
                    case PASS -> pass++;
                    case FAIL -> fail++;
                    case SKIP -> skip++;
                }
            }
            return new Summary(outcomes.size(), pass, fail, skip);
        }
    }

    /** Copies the rows. */
    public ValidationReport {
        cases = List.copyOf(cases);
    }

    /** Whether no case failed. */
    public boolean passed() {
        return summary.failed() == 0;
    }

    /** Writes the report as indented JSON to {@code out}, leaving it open. */
    public void writeJson(OutputStream out) throws IOException {
        // Non-finite errors are written as the strings "NaN" / "Infinity" (Jackson's default), keeping the file valid JSON.
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(out, this);
    }
}
