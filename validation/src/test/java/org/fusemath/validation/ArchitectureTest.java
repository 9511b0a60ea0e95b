package org.fusemath.validation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fusemath.api.archfixture.ApiUsingAModule;
import org.fusemath.validation.archfixture.LeakyPublicApi;
import org.fusemath.validation.archfixture.LeakyPublicField;
import org.fusemath.validation.archfixture.device.DeviceUsingHost;
import org.fusemath.validation.archfixture.host.HostUsingDevice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps the module layout of ../shared/DESIGN.md honest over every production class of every module. */
class ArchitectureTest {
    private static final String BYTEDECO = "org.bytedeco..";
    private static final String CUDA_BINDINGS = "org.bytedeco.cuda..";
    /** Packages that are implementation detail and may speak JavaCPP: providers and the CUDA runtime layer. */
    private static final String[] PROVIDER_PACKAGES = {"..host..", "..device..", "org.fusemath.cuda.."};

    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.fusemath");
        // The import runs over target/classes of the modules on the class path; an empty import would make
        // every rule below pass vacuously.
        assertTrue(production.contain("org.fusemath.api.MatrixShape"), "api classes imported");
    }

    static final ArchRule CUDA_BINDINGS_STAY_IN_RUNTIME_AND_DEVICE_PACKAGES = noClasses()
            .that().resideOutsideOfPackages("org.fusemath.cuda..", "..device..")
            .should().dependOnClassesThat().resideInAPackage(CUDA_BINDINGS)
            .because("only the cuda module and device providers may use the JavaCPP CUDA bindings")
            .allowEmptyShould(true);

    static final ArchRule HOST_NEVER_IMPORTS_DEVICE = noClasses()
            .that().resideInAPackage("..host..")
            .should().dependOnClassesThat().resideInAPackage("..device..")
            .because("host providers must work where device classes cannot load")
            .allowEmptyShould(true);

    static final ArchRule DEVICE_NEVER_IMPORTS_HOST = noClasses()
            .that().resideInAPackage("..device..")
            .should().dependOnClassesThat().resideInAPackage("..host..")
            .because("host and device providers are interchangeable behind the domain API")
            .allowEmptyShould(true);

    static final ArchRule PUBLIC_API_EXPOSES_NO_JAVACPP_TYPE = codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackages(PROVIDER_PACKAGES)
            .should(notMention(BYTEDECO))
            .allowEmptyShould(true);

    static final ArchRule PUBLIC_FIELDS_EXPOSE_NO_JAVACPP_TYPE = fields()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackages(PROVIDER_PACKAGES)
            .should(notHaveTypeIn(BYTEDECO))
            .allowEmptyShould(true);

    static final ArchRule API_IMPORTS_NO_OTHER_MODULE = noClasses()
            .that().resideInAPackage("org.fusemath.api..")
            .should().dependOnClassesThat().resideInAnyPackage(otherModulePackages())
            .because("api is the shared vocabulary every module builds on")
            .allowEmptyShould(true);

    /** The checking library sits below the domains (they use it for their bounds) and above api only. */
    static final ArchRule VERIFY_IMPORTS_ONLY_API = noClasses()
            .that().resideInAPackage("org.fusemath.verify..")
            .should().dependOnClassesThat().resideInAnyPackage(otherModulePackages("verify"))
            .because("users' tests depend on verify alone, and the domains depend on it")
            .allowEmptyShould(true);

    @Test
    void verifyImportsOnlyApi() {
        assertTrue(production.contain("org.fusemath.verify.Validation"), "verify classes imported");
        VERIFY_IMPORTS_ONLY_API.check(production);
    }

    @Test
    void cudaBindingsStayInRuntimeAndDevicePackages() {
        CUDA_BINDINGS_STAY_IN_RUNTIME_AND_DEVICE_PACKAGES.check(production);
    }

    @Test
    void hostNeverImportsDevice() {
        HOST_NEVER_IMPORTS_DEVICE.check(production);
    }

    @Test
    void deviceNeverImportsHost() {
        DEVICE_NEVER_IMPORTS_HOST.check(production);
    }

    @Test
    void apiImportsNoOtherModule() {
        API_IMPORTS_NO_OTHER_MODULE.check(production);
    }

    @Test
    void publicApiExposesNoJavaCppType() {
        PUBLIC_API_EXPOSES_NO_JAVACPP_TYPE.check(production);
        PUBLIC_FIELDS_EXPOSE_NO_JAVACPP_TYPE.check(production);
    }

    /** Each rule beside the fixture that breaks it, and only it (test classes, never imported as production). */
    static Stream<Arguments> rulesAndTheirFixtures() {
        return Stream.of(
                Arguments.of("host never imports device", HOST_NEVER_IMPORTS_DEVICE, HostUsingDevice.class),
                Arguments.of("device never imports host", DEVICE_NEVER_IMPORTS_HOST, DeviceUsingHost.class),
                Arguments.of("CUDA bindings stay in cuda and device", CUDA_BINDINGS_STAY_IN_RUNTIME_AND_DEVICE_PACKAGES,
                        fixture("org.fusemath.validation.archfixture.CudaBindingOutsideDevice")),
                Arguments.of("public methods expose no JavaCPP type", PUBLIC_API_EXPOSES_NO_JAVACPP_TYPE, LeakyPublicApi.class),
                Arguments.of("public fields expose no JavaCPP type", PUBLIC_FIELDS_EXPOSE_NO_JAVACPP_TYPE,
                        LeakyPublicField.class),
                Arguments.of("api imports no other module", API_IMPORTS_NO_OTHER_MODULE, ApiUsingAModule.class));
    }

    /**
     * The rules can fail: each reports its own fixture by name, and passes every other rule's fixture (so it fails
     * for the reason it states, not because a fixture happens to break several rules at once).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesAndTheirFixtures")
    void ruleRejectsItsFixtureAndOnlyIt(String name, ArchRule rule, Class<?> violating) {
        AssertionError e = assertThrows(AssertionError.class,
                () -> rule.check(new ClassFileImporter().importClasses(violating)), name);
        assertTrue(e.getMessage().contains(violating.getName()), e.getMessage());
        rulesAndTheirFixtures().map(a -> (Class<?>) a.get()[2]).filter(c -> c != violating)
                .forEach(other -> rule.check(new ClassFileImporter().importClasses(other)));
    }

    @Test
    void fixturesAreNotPartOfTheProductionImport() {
        rulesAndTheirFixtures().map(a -> (Class<?>) a.get()[2])
                .forEach(c -> assertFalse(production.contain(c.getName()), c.getName()));
    }

    private static Class<?> fixture(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(name, e);
        }
    }

    private static String[] otherModulePackages(String... except) {
        List<String> modules = new ArrayList<>();
        for (String m : new String[] {"verify", "cuda", "blas", "fft", "solver", "random", "fusion", "ejml", "validation",
            "bench"}) {
            if (!List.of(except).contains(m)) {
                modules.add("org.fusemath." + m + "..");
            }
        }
        return modules.toArray(String[]::new);
    }

    private static ArchCondition<JavaCodeUnit> notMention(String packagePattern) {
        String prefix = packagePattern.replace("..", "");
        return new ArchCondition<>("not mention types in " + packagePattern + " in their signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                for (JavaClass t : types) {
                    JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                    if (base.getPackageName().startsWith(prefix)) {
                        events.add(SimpleConditionEvent.violated(unit,
                                unit.getFullName() + " exposes " + base.getName()));
                    }
                }
            }
        };
    }

    private static ArchCondition<JavaField> notHaveTypeIn(String packagePattern) {
        String prefix = packagePattern.replace("..", "");
        return new ArchCondition<>("not have a type in " + packagePattern) {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                JavaClass t = field.getRawType();
                JavaClass base = t.isArray() ? t.getBaseComponentType() : t;
                if (base.getPackageName().startsWith(prefix) && !field.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " exposes " + base.getName()));
                }
            }
        };
    }
}
