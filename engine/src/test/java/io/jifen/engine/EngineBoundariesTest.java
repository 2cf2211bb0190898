package io.jifen.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine is a plain Java library, and Drools stays behind the engine's façade. */
class EngineBoundariesTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jifen.engine");

    @Test
    void engineUsesNoQuarkusJaxRsJpaOrCdi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.quarkus..", "jakarta.ws.rs..", "javax.ws.rs..", "jakarta.persistence..",
                        "javax.persistence..", "org.hibernate..", "jakarta.enterprise..", "jakarta.inject..")
                .check(ENGINE);
    }

    /** The command line is a module of its own (engine/cli): the library knows nothing of terminals or arguments. */
    @Test
    void engineKnowsNothingOfTheCommandLine() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "me.tongfei.progressbar..",
                        "org.jline..", "io.jifen.cli..")
                .check(ENGINE);
    }

    @Test
    void onlyTheCompilerTheSafetyCheckAndTheFacadeTouchDrools() {
        noClasses().that().resideInAnyPackage("io.jifen.engine.facts..", "io.jifen.engine.evaluation..",
                        "io.jifen.engine.scenario..", "io.jifen.engine.impact..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(ENGINE);
    }

    @Test
    void theFactModelDependsOnNothingButIntents() {
        noClasses().that().resideInAPackage("io.jifen.engine.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jifen.engine.compile..",
                        "io.jifen.engine.safety..", "io.jifen.engine.scenario..")
                .check(ENGINE);
    }
}
