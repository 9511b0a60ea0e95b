package org.fusemath.random;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules: host and device never meet, JavaCPP stays in the device package. */
class LayoutTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.fusemath.random");

    @Test
    void hostNeverImportsDevice() {
        noClasses().that().resideInAPackage("..random.host..").should().dependOnClassesThat()
                .resideInAPackage("..random.device..").check(CLASSES);
    }

    @Test
    void deviceNeverImportsHost() {
        noClasses().that().resideInAPackage("..random.device..").should().dependOnClassesThat()
                .resideInAPackage("..random.host..").check(CLASSES);
    }

    @Test
    void javaCppOnlyInTheDevicePackage() {
        noClasses().that().resideOutsideOfPackage("..random.device..").should().dependOnClassesThat()
                .resideInAPackage("org.bytedeco..").check(CLASSES);
    }
}
