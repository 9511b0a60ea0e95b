package org.fusemath.random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.fusemath.api.Arguments;
import org.fusemath.api.InvalidArgumentException;

/**
 * Reads cuRAND known-answer files (the format of this module's {@code org/fusemath/random/curand/*.json} resources: a JSON array of entries with
 * generator, ordering, seed, offset, kind, count and values) and holds the two vectors shipped with this
 * module (seed 1234, offsets 0 and 1000, 64 values of every generator and kind).
 */
public final class KnownAnswers {
    /** The shipped files, main resources of this module. */
    public static final List<String> BUNDLED = List.of("seed1234_offset0.json", "seed1234_offset1000.json");

    private KnownAnswers() {
    }

    /** The known answers shipped with the module. */
    public static List<KnownAnswer> bundled() {
        List<KnownAnswer> all = new ArrayList<>();
        for (String name : BUNDLED) {
            try (InputStream in = KnownAnswers.class.getResourceAsStream("curand/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled resource org/fusemath/random/curand/" + name);
                }
                all.addAll(parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("reading bundled known answers " + name, e);
            }
        }
        return all;
    }

    /** Parses one known-answer file. */
    public static List<KnownAnswer> parse(InputStream json) throws IOException {
        Arguments.requireNonNull(json, "json");
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isArray()) {
            throw new InvalidArgumentException("json", root == null ? "empty" : root.getNodeType(), "an array of entries");
        }
        List<KnownAnswer> out = new ArrayList<>();
        for (JsonNode e : root) {
            String ordering = e.path("ordering").asText("CURAND_ORDERING_PSEUDO_DEFAULT");
            if (!ordering.equals("CURAND_ORDERING_PSEUDO_DEFAULT")) {
                throw new InvalidArgumentException("ordering", ordering, "CURAND_ORDERING_PSEUDO_DEFAULT");
            }
            RngType type = RngType.parse(text(e, "generator"));
            SampleKind kind = SampleKind.parse(text(e, "kind"));
            long seed = Long.parseUnsignedLong(text(e, "seed"));
            long offset = Long.parseLong(text(e, "offset"));
            JsonNode values = e.get("values");
            if (values == null || !values.isArray()) {
                throw new InvalidArgumentException("values", values, "an array of values");
            }
            long[] bits = new long[values.size()];
            for (int i = 0; i < bits.length; i++) {
                JsonNode v = values.get(i);
                bits[i] = kind.elementType() == SampleKind.ElementType.INT && v.isNumber()
                        ? v.asLong() : Long.parseUnsignedLong(v.asText(), 16);
            }
            if (e.has("count") && e.get("count").asInt() != bits.length) {
                throw new InvalidArgumentException("count", e.get("count").asInt(), "the number of values, " + bits.length);
            }
            out.add(new KnownAnswer(type, seed, offset, kind, bits));
        }
        return out;
    }

    private static String text(JsonNode e, String field) {
        JsonNode n = e.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidArgumentException(field, "missing", "a value in every known-answer entry");
        }
        return n.asText();
    }
}
