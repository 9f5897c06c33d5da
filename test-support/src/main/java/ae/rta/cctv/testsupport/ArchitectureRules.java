package ae.rta.cctv.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** Architecture rules every service's tests check (STYLE.md: the domain is plain Java). */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Fails when a class in {@code <basePackage>.domain..} uses anything but the JDK and plain-Java domain types. */
    public static void assertDomainIsPlainJava(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage, "ae.rta.cctv.common.domain");
        ArchRule rule = classes().that().resideInAPackage(basePackage + ".domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", basePackage + ".domain..", "ae.rta.cctv.common.domain..")
                .because("the domain holds plain Java only: no Spring, SQL, HTTP or SDK types (STYLE.md)");
        rule.check(classes);
    }
}
