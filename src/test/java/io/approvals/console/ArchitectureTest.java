package io.approvals.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layer directions honest: ui -> client/credentials/config -> contract; sandbox -> contract. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.approvals.console");

    @Test
    void contractDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("..console.contract..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..console.client..", "..console.credentials..", "..console.sandbox..",
                        "..console.ui..", "..console.cli..", "..console.app..", "..console.config..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void lowerLayersNeverUseTheUi() {
        noClasses().that().resideInAnyPackage("..console.client..", "..console.credentials..",
                        "..console.sandbox..", "..console.config..", "..console.cli..")
                .should().dependOnClassesThat().resideInAPackage("..console.ui..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void onlyUiAndAppTouchJavaFxScenes() {
        noClasses().that().resideOutsideOfPackages("..console.ui..", "..console.app..", "..console.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void sandboxSharesOnlyTheContract() {
        noClasses().that().resideInAPackage("..console.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "..console.client..", "..console.credentials..", "..console.ui..", "..console.config..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void clientAndCredentialsDoNotKnowEachOther() {
        noClasses().that().resideInAPackage("..console.client..")
                .should().dependOnClassesThat().resideInAnyPackage("..console.credentials..", "..console.sandbox..")
                .allowEmptyShould(true).check(CLASSES);
        noClasses().that().resideInAPackage("..console.credentials..")
                .should().dependOnClassesThat().resideInAnyPackage("..console.client..", "..console.sandbox..")
                .allowEmptyShould(true).check(CLASSES);
    }
}
