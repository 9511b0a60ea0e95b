package org.fusemath.fft.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bytedeco.javacpp.SizeTPointer;
import org.fusemath.cuda.abi.AbiCheck;
import org.fusemath.cuda.abi.PresetDeclarations;
import org.fusemath.cuda.abi.RecordingInvoker;
import org.fusemath.cuda.device.NativeCall;
import org.fusemath.fft.PlanManyLayout;
import org.junit.jupiter.api.Test;

/**
 * Every cuFFT call the device provider makes, checked against cufft.h as the preset's sources jar declares it
 * (names and order of parameters, an overload of exactly the described Java types), with each value under the
 * parameter it was meant for; every {@code cufftType} and direction against the preset's constants; no preset
 * function called by hand anywhere in the device package; a swapped pair is reported.
 */
class CufftAbiTest {
    private static final PresetDeclarations CUFFT = PresetDeclarations.of("cufft");

    /** A layout whose numbers are all distinct, so that a value under the wrong name shows. */
    static CufftCall call(CufftType type, boolean wide) {
        long odist = wide ? 3_000_000_000L : 61;
        PlanManyLayout l = new PlanManyLayout(2, new long[] {6, 10}, new long[] {7, 11}, 2, 160, new long[] {8, 12}, 3,
                odist, 5, 0, 0, new int[] {0, 1});
        return new CufftCall(type, l, type.takesDirection() ? CufftCall.INVERSE
                : type.kind() == org.fusemath.fft.FftKind.R2C ? CufftCall.FORWARD : CufftCall.INVERSE, false);
    }

    @Test
    void everyCallJavacppCufftMakesMatchesTheHeaderWithEachValueInItsPlace() {
        RecordingInvoker recorder = new RecordingInvoker().onCall("cufftCreate", c -> ((int[]) c.value("handle"))[0] = 77)
                .onCall("cufftMakePlanMany", c -> ((SizeTPointer) c.value("workSize")).put(0, 4096))
                .onCall("cufftMakePlanMany64", c -> ((SizeTPointer) c.value("workSize")).put(0, 8192));
        JavacppCufft api = new JavacppCufft(3, recorder);
        int plan = api.create();
        assertEquals(77, plan);
        api.disableAutoAllocation(plan);
        assertEquals(4096, api.makePlan(plan, call(CufftType.Z2Z, false)));
        assertEquals(8192, api.makePlan(plan, call(CufftType.R2C, true)));
        api.setWorkArea(plan, 0xA000);
        api.setStream(plan, 0x5000);
        for (CufftType t : CufftType.values()) {
            api.execute(plan, call(t, false), 0xB000, 0xC000);
        }
        api.destroy(plan);
        JavacppCufft.version(recorder);
        List<NativeCall> made = recorder.calls();
        // create + its device, autoalloc, two plans, work area, stream, 6 executions each with its device, destroy, version
        assertEquals(2 + 1 + 2 + 2 + 2 * CufftType.values().length + 2, made.size(), made.toString());
        AbiCheck check = new AbiCheck().calls(made);
        assertTrue(check.noDirectPresetCallsInPackageOf(JavacppCufft.class) >= 4, "the whole device package was read");
        check.assertClean(2 * made.size() + 1);

        NativeCall narrow = recorder.last("cufftMakePlanMany");
        assertEquals(77, narrow.value("plan"));
        assertEquals(2, narrow.value("rank"));
        assertEquals(List.of(6, 10), box((int[]) narrow.value("n")));
        assertEquals(List.of(7, 11), box((int[]) narrow.value("inembed")));
        assertEquals(List.of(8, 12), box((int[]) narrow.value("onembed")));
        assertEquals(List.of(2, 160, 3, 61, CufftType.Z2Z.value(), 5), List.of(narrow.value("istride"), narrow.value("idist"),
                narrow.value("ostride"), narrow.value("odist"), narrow.value("type"), narrow.value("batch")));
        NativeCall wide = recorder.last("cufftMakePlanMany64");
        assertEquals(List.of(2L, 160L, 3L, 3_000_000_000L, CufftType.R2C.value(), 5L), List.of(wide.value("istride"),
                wide.value("idist"), wide.value("ostride"), wide.value("odist"), wide.value("type"), wide.value("batch")));
        assertEquals(0, recorder.last("cufftSetAutoAllocation").value("autoAllocate"));
        assertEquals(0xA000L, recorder.last("cufftSetWorkArea").value("workArea"));
        assertEquals(0x5000L, recorder.last("cufftSetStream").value("stream"));
        NativeCall z2z = recorder.last("cufftExecZ2Z");
        assertEquals(List.of(77, 0xB000L, 0xC000L, CufftCall.INVERSE), z2z.values());
        assertEquals(List.of(77, 0xB000L, 0xC000L), recorder.last("cufftExecD2Z").values());
        assertEquals(3, recorder.last("cudaSetDevice").value("device"));
    }

    @Test
    void typesAndDirectionsAreTheHeadersValues() {
        AbiCheck check = new AbiCheck();
        for (CufftType t : CufftType.values()) {
            check.constant(CUFFT, "CUFFT_" + t.name(), t.value(), "CufftType." + t.name());
            assertTrue(CUFFT.declares(t.execFunction()), t.execFunction());
        }
        check.constant(CUFFT, "CUFFT_FORWARD", CufftCall.FORWARD, "CufftCall.FORWARD");
        check.constant(CUFFT, "CUFFT_INVERSE", CufftCall.INVERSE, "CufftCall.INVERSE");
        check.call(CUFFT, "cufftMakePlanMany", headerOrder("cufftMakePlanMany"));
        check.assertClean(CufftType.values().length + 3);
    }

    /** The planner's parameters as CufftCall names them: the handle, then {@link CufftCall#PLAN_PARAMETERS}, then the work size. */
    private static List<String> headerOrder(String function) {
        List<String> ours = new ArrayList<>();
        ours.add("plan");
        ours.addAll(CufftCall.PLAN_PARAMETERS);
        ours.add("workSize");
        assertEquals(ours, CUFFT.parameters("cufftMakePlanMany64"), "both planners take the same names");
        return ours;
    }

    @Test
    void aSwappedStrideAndDistanceIsReported() {
        NativeCall recorded = JavacppCufft.describePlan(1, call(CufftType.C2C, false), null);
        List<String> swapped = new ArrayList<>(recorded.parameters());
        Collections.swap(swapped, swapped.indexOf("istride"), swapped.indexOf("idist"));
        List<String> m = new AbiCheck().call(CUFFT, recorded.function(), swapped).mismatches();
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).contains("position 4: idist where the header has istride"), m.get(0));
        List<String> type = new AbiCheck().constant(CUFFT, "CUFFT_Z2Z", CufftType.C2C.value(), "Z2Z").mismatches();
        assertEquals(List.of("Z2Z = 41, but CUFFT_Z2Z = 105 in cufft"), type);
    }

    private static List<Integer> box(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) {
            out.add(v);
        }
        return out;
    }
}
