package org.fusemath.cuda.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The guard finds classes and methods tagged {@code gpu} directly, and none else, in this module's tests. */
class GpuTaggedTest {
    @Tag("gpu")
    static final class TaggedDirectly {
    }

    static final class MethodTaggedDirectly {
        @Tag("gpu")
        void onlyThis() {
        }

        @Tag("slow")
        void notThis() {
        }
    }

    @GpuTest
    static final class ThroughTheAnnotation {
        @GpuTest
        void fine() {
        }
    }

    @Test
    void onlyTheDirectlyTaggedAreReported() {
        assertEquals(List.of(MethodTaggedDirectly.class.getName() + "#onlyThis", TaggedDirectly.class.getName()),
                GpuTagged.bypassingGpuTest(GpuTaggedTest.class).stream().sorted().toList());
    }
}
