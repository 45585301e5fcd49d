package io.approvals.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers honest (docs/architecture.md draws them): app on top (the one composition root, with
 * {@code Main}); cli and bench beside each other under it; ui; service; client, credentials, config and
 * sandbox; contract at the bottom.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.approvals.console");

    @Test
    void everyPackageStaysInItsLayer() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("App")
                .definedBy("..console.app..")
                .layer("Cli")
                .definedBy("..console.cli..")
                .layer("Bench")
                .definedBy("..console.bench..")
                .layer("Ui")
                .definedBy("..console.ui..")
                .layer("Service")
                .definedBy("..console.service..")
                .layer("Client")
                .definedBy("..console.client..")
                .layer("Credentials")
                .definedBy("..console.credentials..")
                .layer("Config")
                .definedBy("..console.config..")
                .layer("Notify")
                .definedBy("..console.notify..")
                .layer("Sandbox")
                .definedBy("..console.sandbox..")
                .layer("Contract")
                .definedBy("..console.contract..")
                .whereLayer("App")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Bench")
                .mayOnlyBeAccessedByLayers("App")
                .whereLayer("Ui")
                .mayOnlyBeAccessedByLayers("App", "Bench")
                .whereLayer("Service")
                .mayOnlyBeAccessedByLayers("App", "Cli", "Bench", "Ui")
                // The approvals table reads pages through the client's ApprovalsApi interface directly: the
                // service layer would only forward each call (keys go through service, which adds rotation).
                .whereLayer("Client")
                .mayOnlyBeAccessedByLayers("App", "Cli", "Bench", "Ui", "Service")
                .whereLayer("Credentials")
                .mayOnlyBeAccessedByLayers("App", "Cli", "Bench", "Ui", "Service")
                .whereLayer("Config")
                .mayOnlyBeAccessedByLayers("App", "Cli", "Bench", "Ui", "Service")
                .whereLayer("Notify")
                .mayOnlyBeAccessedByLayers("App", "Bench", "Ui")
                .whereLayer("Sandbox")
                .mayOnlyBeAccessedByLayers("App", "Cli", "Bench")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.approvals.console.(*)..")
                .should()
                .beFreeOfCycles()
                .check(CLASSES);
    }

    @Test
    void contractDependsOnNothingOfOurs() {
        noClasses()
                .that()
                .resideInAPackage("..console.contract..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..console.client..",
                        "..console.credentials..",
                        "..console.sandbox..",
                        "..console.ui..",
                        "..console.cli..",
                        "..console.app..",
                        "..console.config..",
                        "..console.service..",
                        "..console.bench..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyUiAppAndBenchTouchJavaFxScenes() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..console.ui..", "..console.app..", "..console.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void sandboxSharesOnlyTheContract() {
        noClasses()
                .that()
                .resideInAPackage("..console.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..console.client..",
                        "..console.credentials..",
                        "..console.ui..",
                        "..console.config..",
                        "..console.service..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void clientCredentialsAndConfigDoNotKnowEachOther() {
        noClasses()
                .that()
                .resideInAPackage("..console.client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..console.credentials..", "..console.sandbox..", "..console.config..")
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..console.credentials..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..console.client..", "..console.sandbox..", "..console.config..")
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("..console.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..console.client..", "..console.credentials..", "..console.sandbox..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
