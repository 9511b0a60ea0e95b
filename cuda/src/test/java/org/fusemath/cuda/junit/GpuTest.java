package org.fusemath.cuda.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.fusemath.cuda.CudaLibrary;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs a usable CUDA device: tags it {@code gpu} and skips it, with the
 * device probe's reason, where the device (or a library it names) is not usable. Methods still carry
 * {@code @Test}. Setting the system property {@value GpuAvailableCondition#REQUIRE_PROPERTY} to
 * {@code true} runs them anyway, so that a GPU machine that lost its device fails instead of skipping.
 *
 * <p>Other modules use it through the test jar: {@code fusemath-cuda} with {@code <type>test-jar</type>}; a
 * module's guard test asserts that {@link GpuTagged#bypassingGpuTest} finds no test tagged {@code gpu} directly.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("gpu")
@ExtendWith(GpuAvailableCondition.class)
public @interface GpuTest {
    /** The CUDA libraries the test needs besides the runtime. */
    CudaLibrary[] libraries() default {};

    /** The device ordinal the test runs on. */
    int device() default 0;
}
