package io.approvals.console.ui.fx;

import static io.approvals.console.ui.fx.Lookups.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.testing.Canary;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.session.UiSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The welcome screen in German, as a user who chose German in Settings meets it: first run, a key with a typo,
 * a mistyped URL, a rejected key, a verified key with what discovery read from the server, and the Add connection
 * form (with its way back). Every text it shows (labels, buttons, prompts, tooltips, the authentication choices,
 * the messages, the window title) is a value of the German bundle or formatted from one, or is the data shown
 * (see {@link MainWindowBundleUiTest} for the check). A string typed into the code instead of the bundle is English
 * and fails here.
 */
@ExtendWith(ApplicationExtension.class)
class WelcomeBundleUiTest {
    @TempDir
    Path dir;

    ConsoleUiFixture fx;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the user chose German in Settings (and nothing else is configured: first run)
        fx = new ConsoleUiFixture(
                stage, dir, 3, env -> env.saveSettings(new UiSettings(30, UiSettings.ThemeChoice.LIGHT, true, "de")));
        fx.ui.start();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private static void setText(FxRobot robot, String query, String value) {
        robot.interact(() -> robot.lookup(query).<TextField>query().setText(value));
    }

    /** Fired, not clicked: the button may be scrolled below the window's edge, and the texts are the point here. */
    private static void verify(FxRobot robot) {
        robot.interact(() -> robot.lookup("#verifyButton").<Button>query().fire());
    }

    private void collect(FxRobot robot, List<String> texts) {
        robot.interact(() -> {
            texts.add(stage.getTitle());
            MainWindowBundleUiTest.collect(stage.getScene().getRoot(), texts);
            // the choices of the authentication list, shown only when it opens
            texts.addAll(robot.lookup("#authMode").<ComboBox<String>>query().getItems());
        });
    }

    @Test
    void everyTextOfTheWelcomeScreenIsFromTheGermanBundle(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
        List<String> texts = new ArrayList<>();
        collect(robot, texts); // first run
        assertThat(texts).contains("Willkommen bei Approvals Console", "Sandbox starten", "Pr\u00fcfen");

        String url = "http://127.0.0.1:" + fx.server.sandbox().port();
        ApiKey key = fx.server.key("dana@example.com", "read", "write");
        // a key with a typo: said as it is typed
        setText(robot, "#urlField", url);
        setText(
                robot,
                "#keyField",
                key.reveal().substring(0, 41) + (key.reveal().endsWith("A") ? "B" : "A"));
        assertThat(text(robot, "#keyFormat")).startsWith("Die Pr\u00fcfsumme stimmt nicht");
        collect(robot, texts);
        // a key no header can carry
        setText(robot, "#keyField", "two words");
        assertThat(text(robot, "#keyFormat")).startsWith("Das kann nicht gesendet werden");
        collect(robot, texts);

        // a mistyped URL: said before anything is sent
        setText(robot, "#keyField", key.reveal());
        setText(robot, "#urlField", "https://approvals example.com");
        verify(robot);
        Waits.until(() -> !text(robot, "#welcomeError").isEmpty());
        assertThat(text(robot, "#welcomeError")).startsWith("Das ist keine URL");
        collect(robot, texts);

        // a key the server does not know
        setText(robot, "#urlField", url);
        setText(robot, "#keyField", Canary.key().reveal());
        verify(robot);
        Waits.until(() -> !text(robot, "#welcomeError").isEmpty());
        assertThat(text(robot, "#welcomeError")).startsWith("Der Server hat diesen Schl\u00fcssel abgelehnt");
        collect(robot, texts);

        // a good key: what discovery read from the server, and the key's owner and scopes
        setText(robot, "#keyField", key.reveal());
        verify(robot);
        Waits.until(() -> !text(robot, "#verifyResult").isEmpty());
        assertThat(text(robot, "#discoveryResult")).startsWith("API-Beschreibung des Servers gelesen");
        assertThat(text(robot, "#verifyResult")).startsWith("\u2713 Angenommen. Besitzer dana@example.com");
        collect(robot, texts);
        FxShots.save(stage, "welcome-de-verified"); // with -Dapprovals.shots=DIR, for a person to look at

        // the Add connection form, over an open connection: it has a way back
        robot.interact(() -> {
            fx.ui.showMain(fx.server.adminSession());
            fx.ui.addConnection();
        });
        Waits.until(() -> robot.lookup("#backButton").tryQuery().isPresent());
        List<String> addForm = new ArrayList<>();
        collect(robot, addForm);
        assertThat(addForm).contains("Zur\u00fcck zur Konsole");
        texts.addAll(addForm);

        Set<String> data = Set.of(url, "X-API-Key", "dana@example.com", "read, write", "work");
        var german = MainWindowBundleUiTest.patterns(ResourceBundle.getBundle(Messages.BUNDLE, Locale.GERMAN));
        Set<String> notFromBundle = new TreeSet<>();
        for (String t : texts) {
            if (!MainWindowBundleUiTest.fromBundleOrData(t, german, data)) {
                notFromBundle.add(t);
            }
        }
        assertThat(notFromBundle)
                .as("texts of the welcome screen not from the German bundle")
                .isEmpty();
    }

    @Test
    void nothingIsCutOffInGermanAtEitherSize(FxRobot robot) throws Exception {
        Waits.until(() -> robot.lookup("#urlField").tryQuery().isPresent());
        List<String> cut = NothingCutOffUiTest.cutAtBothSizes(robot, stage);
        assertThat(cut).as("labels of the German welcome screen shown cut off").isEmpty();
    }

    @Test
    void theCheckCatchesTheWelcomeScreensEnglish() {
        var german = MainWindowBundleUiTest.patterns(ResourceBundle.getBundle(Messages.BUNDLE, Locale.GERMAN));
        assertThat(MainWindowBundleUiTest.fromBundleOrData("Save and open", german, Set.of()))
                .isFalse();
        assertThat(MainWindowBundleUiTest.fromBundleOrData(
                        "\u2713 Accepted. Owner dana@example.com \u00b7 scopes read", german, Set.of()))
                .isFalse();
        assertThat(MainWindowBundleUiTest.fromBundleOrData("Speichern und \u00f6ffnen", german, Set.of()))
                .isTrue();
    }
}
