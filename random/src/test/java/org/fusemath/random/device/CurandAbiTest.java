package org.fusemath.random.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;
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
    void everyCallJavaCppCurandMakesMatchesItsDeclarationWithEachValueInItsPlace() {
        RecordingInvoker recorder = new RecordingInvoker();
        JavaCppCurand api = new JavaCppCurand(2, recorder);
        long generator = api.createGenerator(RngType.PHILOX4_32_10.curandValue());
        api.setStream(generator, 0x5000);
        api.setSeed(generator, 17);
        api.setOffset(generator, 19);
        api.setOrdering(generator, CurandCall.ORDERING_PSEUDO_DEFAULT);
        for (SampleKind kind : SampleKind.values()) {
            api.generate(generator, call(kind), 0x9000);
        }
        api.destroyGenerator(generator);
        JavaCppCurand.version(recorder);
        List<NativeCall> made = recorder.calls();
        assertEquals(6 + 2 * SampleKind.values().length + 2, made.size(), made.toString());
        AbiCheck check = new AbiCheck().calls(made);
        assertTrue(check.noDirectPresetCallsInPackageOf(JavaCppCurand.class) >= 7, "the whole device package was read");
        check.assertClean(2 * made.size() + 1);

        assertEquals(List.of(RngType.PHILOX4_32_10.curandValue()), recorder.last("curandCreateGenerator").values().subList(1, 2));
        assertEquals(List.of(generator, 0x5000L), recorder.last("curandSetStream").values());
        assertEquals(List.of(generator, 17L), recorder.last("curandSetPseudoRandomGeneratorSeed").values());
        assertEquals(List.of(generator, 19L), recorder.last("curandSetGeneratorOffset").values());
        assertEquals(List.of(generator, 0x9000L, 2L, 1f, 2f), recorder.last("curandGenerateNormal").values());
        assertEquals(List.of(generator, 0x9000L, 2L, 3.0), recorder.last("curandGeneratePoisson").values());
        assertEquals(2, recorder.last("cudaSetDevice").value("device"));
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
