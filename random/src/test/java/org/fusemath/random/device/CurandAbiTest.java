package org.fusemath.random.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.random.Distribution;
import org.fusemath.random.RngType;
import org.fusemath.random.SampleKind;
import org.junit.jupiter.api.Test;

/**
 * The cuRAND calls of the device provider and its ABI numbers, checked against curand.h (the preset's sources
 * jar and constants), not against the provider's own tables: every {@code curandGenerate*} a {@link CurandCall}
 * names with its parameters in the header's order, the generator set-up calls {@link CurandApi} makes, every
 * {@link RngType}'s {@code curandRngType_t} and the ordering. And the check reports a swapped pair.
 */
class CurandAbiTest {
    private static final PresetDeclarations CURAND = PresetDeclarations.of("curand");

    private static CurandCall call(SampleKind kind) {
        Distribution d = switch (kind) {
            case NORMAL_FLOAT -> Distribution.normalFloat(1f, 2f);
            case LOG_NORMAL_FLOAT -> Distribution.logNormalFloat(1f, 2f);
            case POISSON -> Distribution.poisson(3);
            default -> Distribution.standard(kind);
        };
        return new CurandCall(RngType.XORWOW, 1, 0, true, d, 2);
    }

    @Test
    void everyGenerationMatchesItsDeclaration() {
        AbiCheck check = new AbiCheck();
        for (SampleKind kind : SampleKind.values()) {
            CurandCall c = call(kind);
            check.call(CURAND, c.function(), c.parameters());
            assertEquals(c.parameters().size(), c.arguments(7, 8).size(), kind.toString());
        }
        check.assertClean(SampleKind.values().length);
    }

    @Test
    void theGeneratorCallsMatchTheirDeclarations() {
        // The names CurandApi's methods document, in its parameter order.
        new AbiCheck()
                .call(CURAND, "curandCreateGenerator", List.of("generator", "rng_type"))
                .call(CURAND, "curandDestroyGenerator", List.of("generator"))
                .call(CURAND, "curandSetStream", List.of("generator", "stream"))
                .call(CURAND, "curandSetPseudoRandomGeneratorSeed", List.of("generator", "seed"))
                .call(CURAND, "curandSetGeneratorOffset", List.of("generator", "offset"))
                .call(CURAND, "curandSetGeneratorOrdering", List.of("generator", "order"))
                .call(CURAND, "curandGetVersion", List.of("version"))
                .assertClean(7);
    }

    @Test
    void generatorTypesAndTheOrderingAreTheHeadersValues() {
        AbiCheck check = new AbiCheck();
        for (RngType t : RngType.values()) {
            check.constant(CURAND, "CURAND_RNG_PSEUDO_" + t.name(), t.curandValue(), "RngType." + t.name());
        }
        check.constant(CURAND, "CURAND_ORDERING_PSEUDO_DEFAULT", CurandCall.ORDERING_PSEUDO_DEFAULT,
                "CurandCall.ORDERING_PSEUDO_DEFAULT");
        check.assertClean(RngType.values().length + 1);
    }

    @Test
    void aSwappedMeanAndStddevIsReported() {
        List<String> swapped = new ArrayList<>(call(SampleKind.NORMAL_FLOAT).parameters());
        Collections.swap(swapped, swapped.indexOf("mean"), swapped.indexOf("stddev"));
        List<String> m = new AbiCheck().call(CURAND, "curandGenerateNormal", swapped).mismatches();
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).contains("position 3: stddev where the header has mean"), m.get(0));
        List<String> ordering = new AbiCheck().constant(CURAND, "CURAND_ORDERING_PSEUDO_DEFAULT", 100, "ordering").mismatches();
        assertEquals(List.of("ordering = 100, but CURAND_ORDERING_PSEUDO_DEFAULT = 101 in curand"), ordering);
    }
}
