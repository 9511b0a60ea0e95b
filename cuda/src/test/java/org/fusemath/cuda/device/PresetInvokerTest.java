package org.fusemath.cuda.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.Test;

/**
 * The invoker makes a described call on the CPU against a stand-in "preset" of plain static methods: values
 * arrive in the description's order, addresses as views of the parameter's pointer type (0 as null), host cells
 * as themselves or viewed, out-parameters as fresh objects whose written address comes back.
 */
class PresetInvokerTest {
    /** A stand-in for a JavaCPP preset class: public static methods returning a status. */
    public static final class FakePreset {
        static final List<Object> SEEN = new ArrayList<>();

        private FakePreset() {
        }

        public static int create(PointerPointer<?> out, int type, long rows, long cols) {
            SEEN.clear();
            SEEN.addAll(List.of(type, rows, cols));
            out.put(0, JavacppHandles.pointer(0x7000 + rows));
            return 0;
        }

        public static int byPtrPtr(IntPointer out) {
            SEEN.clear();
            return 5;
        }

        public static int use(IntPointer handle, Pointer device, LongPointer cell, Pointer nothing, float x, int[] host) {
            SEEN.clear();
            SEEN.add(handle.address());
            SEEN.add(device.address());
            SEEN.add(cell.get(0));
            SEEN.add(nothing == null);
            SEEN.add(x);
            host[0] = 42;
            return 0;
        }
    }

    @Test
    void passesValuesInTheDescriptionsOrderAndReturnsTheCreatedHandle() {
        NativeInvoker.Made made = PresetInvoker.INSTANCE.make(NativeCall.of(FakePreset.class, "create")
                .out("out", PointerPointer.class).value("type", 3).value("rows", 5L).value("cols", 7L));
        assertEquals(List.of(3, 5L, 7L), FakePreset.SEEN);
        assertEquals(0, made.status());
        assertEquals(0x7005, made.handle());
        assertEquals(0x7005, made.outs()[0]);
    }

    @Test
    void viewsAddressesAndCellsAsTheParametersTypes() {
        int[] host = new int[1];
        try (LongPointer cell = new LongPointer(1)) {
            cell.put(0, 99);
            NativeCall call = NativeCall.of(FakePreset.class, "use").handle("handle", IntPointer.class, 0x1234)
                    .handle("device", Pointer.class, 0x5678).arg("cell", LongPointer.class, cell).handle("nothing", Pointer.class, 0)
                    .arg("x", float.class, 1.5f).arg("host", int[].class, host);
            PresetInvoker.INSTANCE.make(call);
            assertEquals(List.of(0x1234L, 0x5678L, 99L, true, 1.5f), FakePreset.SEEN);
            assertEquals(42, host[0]);
            assertEquals(0x1234L, call.value("handle"));
            assertSame(cell, call.value("cell"));
        }
    }

    @Test
    void anOutOfTheHandlesOwnTypeComesBackAndTheStatusIsTheCallees() {
        NativeInvoker.Made made = PresetInvoker.INSTANCE.make(NativeCall.of(FakePreset.class, "byPtrPtr").out("out", IntPointer.class));
        assertEquals(5, made.status());
        assertNull(made.created()[0]);
    }

    @Test
    void aMissingOverloadIsNamed() {
        NativeCall wrong = NativeCall.of(FakePreset.class, "create").out("out", PointerPointer.class).value("type", 3)
                .value("rows", 5).value("cols", 7L);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PresetInvoker.INSTANCE.make(wrong));
        assertTrue(e.getMessage().contains("FakePreset has no create"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wrong.value("ld"));
        assertEquals("create(out=(out), type=3, rows=5, cols=7)", wrong.toString());
    }
}
