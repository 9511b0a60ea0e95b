package org.fusemath.cuda;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps JavaCPP behind the probe: no public class of {@code org.fusemath.cuda} refers to {@code org.bytedeco},
 * so loading and calling them cannot raise a link error; only package-private call tables (reached after the
 * probe) and the {@code device} views do.
 */
class CudaLayoutTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.fusemath.cuda");

    @Test
    void publicClassesDoNotTouchJavacpp() {
        noClasses().that().arePublic().and().resideInAPackage("org.fusemath.cuda")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .check(CLASSES);
    }

    @Test
    void javacppIsUsedOnlyByTheCallTablesAndTheDeviceViews() {
        noClasses().that().resideInAPackage("org.fusemath.cuda")
                .and().doNotHaveSimpleName("JavacppProbeSteps")
                .and().doNotHaveSimpleName("JavacppRuntimeCalls")
                .and().doNotHaveSimpleName("JavacppModuleCalls")
                .and().doNotHaveSimpleName("JavacppNvrtc")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .check(CLASSES);
    }
}
