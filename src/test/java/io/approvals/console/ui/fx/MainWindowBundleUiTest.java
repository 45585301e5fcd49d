package io.approvals.console.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import io.approvals.console.ui.ConsoleUi;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Tooltips;
import io.approvals.console.ui.main.ApprovalRow;
import io.approvals.console.ui.session.ConsoleSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window in German: every text it shows (labels, buttons, tool bar and menus, column headers, tooltips,
 * prompts, the details, the status bar, the overview, the empty state, the window title) is a value of the German
 * bundle or formatted from one, or is the data shown (titles, e-mail addresses, the server's address, the key's
 * masked form). A string typed into the code instead of the bundle is English and fails here.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowBundleUiTest {
    @TempDir
    Path dir;

    ConsoleUiFixture fx;
    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fx = new ConsoleUiFixture(stage, dir, 40);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    @Test
    void everyTextOfTheMainWindowIsFromTheGermanBundle(FxRobot robot) throws Exception {
        ConsoleSession session = fx.server.adminSession();
        robot.interact(() -> {
            Messages.useLanguage("de");
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1400, 900));
            }
            fx.ui.showMain(session);
        });
        TableView<ApprovalRow> table = robot.lookup("#approvalsTable").query();
        Waits.until(() -> table.getItems().size() == 40);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            texts.add(stage.getTitle());
            collect(stage.getScene().getRoot(), texts);
            collect(table.getPlaceholder(), texts);
        });
        // the empty state of a search that hides everything
        robot.interact(() -> fx.ui.mainView().viewModel().searchProperty().set("zzzz-nothing-matches"));
        Waits.until(() -> table.getItems().isEmpty());
        robot.interact(() -> collect(table.getPlaceholder(), texts));

        Set<String> data = data(session, fx.ui.mainView().viewModel().rows());
        List<BundleText> german = patterns(ResourceBundle.getBundle(Messages.BUNDLE, Locale.GERMAN));
        Set<String> notFromBundle = new TreeSet<>();
        for (String t : texts) {
            if (!fromBundleOrData(t, german, data)) {
                notFromBundle.add(t);
            }
        }
        assertThat(notFromBundle)
                .as("texts of the main window not from the German bundle")
                .isEmpty();
        // and it really was German
        assertThat(texts)
                .contains(
                        "Neu",
                        "Genehmigen",
                        "Ablehnen",
                        "Titel",
                        "Offene Freigaben",
                        "Keine Freigabe passt",
                        "Filter zur\u00fccksetzen");
    }

    /** Settings → Deutsch: the main window (built in code, not FXML) is built again in German at once. */
    @Test
    void theMainWindowTakesANewLanguageAtOnce(FxRobot robot) throws Exception {
        ConsoleSession session = fx.server.adminSession();
        robot.interact(() -> {
            Messages.useLanguage("en");
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1400, 900));
            }
            fx.ui.showMain(session);
        });
        Waits.until(() ->
                fx.ui.mainView() != null && fx.ui.mainView().table().getItems().size() == 40);
        assertThat(visibleTexts(robot)).contains("Approve").doesNotContain("Genehmigen");

        robot.interact(() -> fx.ui.settings());
        Waits.until(() -> robot.lookup("#settingsLanguage").tryQuery().isPresent());
        javafx.scene.control.ComboBox<String> language =
                robot.lookup("#settingsLanguage").query();
        robot.interact(() -> language.setValue("de"));
        javafx.scene.control.Button save = robot.lookup("#settingsSave").query();
        robot.interact(save::fire);

        Waits.until(() -> fx.ui.mainView() != null
                && fx.ui.mainView().table().getItems().size() == 40
                && visibleTexts(robot).contains("Genehmigen"));
        assertThat(visibleTexts(robot))
                .contains("Genehmigen", "Offene Freigaben")
                .doesNotContain("Approve");
    }

    private List<String> visibleTexts(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> collect(stage.getScene().getRoot(), texts));
        return texts;
    }

    @Test
    void nothingIsCutOffInGermanAtEitherSize(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Messages.useLanguage("de");
            if (stage.getScene() == null) {
                stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1400, 900));
            }
            fx.ui.showMain(fx.server.adminSession());
        });
        TableView<ApprovalRow> table = robot.lookup("#approvalsTable").query();
        Waits.until(() -> table.getItems().size() == 40);
        List<String> cut = NothingCutOffUiTest.cutAtBothSizes(robot, stage);
        assertThat(cut).as("labels shown cut off in German").isEmpty();
    }

    @Test
    void theCheckCatchesAnEnglishLiteral() {
        List<BundleText> german = patterns(ResourceBundle.getBundle(Messages.BUNDLE, Locale.GERMAN));
        assertThat(fromBundleOrData("Approve selected\u2026   A", german, Set.of()))
                .isFalse();
        assertThat(fromBundleOrData("3 pending \u00b7 3 shown", german, Set.of()))
                .isFalse();
        assertThat(fromBundleOrData("3 offen \u00b7 3 angezeigt", german, Set.of()))
                .isTrue();
        assertThat(fromBundleOrData("Auswahl genehmigen\u2026   A", german, Set.of()))
                .isTrue();
        assertThat(fromBundleOrData("Aktualisieren (F5)", german, Set.of())).isTrue();
    }

    // ---- what the window shows ----

    static void collect(Node n, List<String> out) {
        if (n == null) {
            return;
        }
        Object tip = n.getProperties().get(Tooltips.TEXT);
        if (tip instanceof String s) {
            out.add(s);
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            out.add(c.getTooltip().getText());
        }
        if (n instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> collect(m, out));
        }
        if (n instanceof TableView<?> t) {
            t.getColumns().forEach(c -> out.add(c.getText()));
        }
        if (n instanceof Labeled l) {
            out.add(l.getText());
        }
        if (n instanceof TextInputControl t) {
            out.add(t.getPromptText());
            return; // the text in a field is the user's
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static void collect(MenuItem item, List<String> out) {
        if (item instanceof javafx.scene.control.RadioMenuItem) {
            return; // the connections' names
        }
        out.add(item.getText());
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> collect(i, out));
        }
    }

    /** What the window shows as data: the approvals' own texts, the connection, the key's facts. */
    private static Set<String> data(ConsoleSession s, List<ApprovalRow> rows) {
        Set<String> data = new java.util.HashSet<>();
        for (ApprovalRow r : rows) {
            Approval a = r.approval();
            Collections.addAll(
                    data, a.title(), a.description(), a.requester(), a.approver(), a.id(), a.decidedBy(), a.comment());
        }
        // the backend's name is data when it is a keychain's own ("Secret Service"); "this session only" is translated
        Collections.addAll(
                data,
                s.connectionName(),
                s.baseUrl(),
                s.backendName().equals(io.approvals.console.credentials.SessionOnlyStore.BACKEND)
                        ? null
                        : s.backendName(),
                s.key().masked(),
                s.key().owner(),
                ConsoleUi.TITLE + " \u2014 " + s.connectionName());
        data.remove(null);
        return data;
    }

    // ---- from the bundle? ----

    /** A bundle value as a pattern; one without letters of its own ("{0}  ·  {1}") counts only when its parts do. */
    record BundleText(Pattern pattern, boolean lettersOfItsOwn) {}

    private static final java.time.format.DateTimeFormatter GERMAN_DATE = java.time.format.DateTimeFormatter.ofPattern(
            ResourceBundle.getBundle(Messages.BUNDLE, Locale.GERMAN).getString("main.time.full"), Locale.GERMAN);

    static boolean fromBundleOrData(String text, List<BundleText> bundle, Set<String> data) {
        return fromBundleOrData(text, bundle, data, 0);
    }

    private static boolean fromBundleOrData(String text, List<BundleText> bundle, Set<String> data, int depth) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip();
        if (data.contains(t) || t.matches("[\\d\\s.,:/\u2013\u2014<>+-]+") || isGermanDate(t)) {
            return true; // data, numbers and dates, the em dash of an empty cell
        }
        // "Aktualisieren (F5)": a text with its key (action.withKey)
        java.util.regex.Matcher withKey = Pattern.compile("(?s)(.+) \\(((?:Ctrl|Alt|Shift|Meta)\\+\\S+|F\\d+|[A-Z])\\)")
                .matcher(t);
        if (withKey.matches()) {
            return fromBundleOrData(withKey.group(1), bundle, data, depth + 1);
        }
        // "Auswahl genehmigen…   A": a menu item with its table key
        java.util.regex.Matcher menuKey =
                Pattern.compile("(?s)(.+)   (?:Shift\\+)?[A-Z]").matcher(t);
        if (menuKey.matches() && fromBundleOrData(menuKey.group(1), bundle, data, depth + 1)) {
            return true;
        }
        for (BundleText b : bundle) {
            java.util.regex.Matcher m = b.pattern().matcher(t);
            if (!m.matches()) {
                continue;
            }
            if (b.lettersOfItsOwn()) {
                return true;
            }
            if (depth < 3 && m.groupCount() > 0) {
                boolean all = true;
                for (int g = 1; g <= m.groupCount() && all; g++) {
                    all = fromBundleOrData(m.group(g), bundle, data, depth + 1);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isGermanDate(String t) {
        try {
            GERMAN_DATE.parse(t);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** Each bundle value as a pattern: its literal text, with every {n…} argument (choices included) as a group. */
    static List<BundleText> patterns(ResourceBundle b) {
        List<BundleText> out = new ArrayList<>();
        for (String key : Collections.list(b.getKeys())) {
            String v = b.getString(key);
            StringBuilder regex = new StringBuilder("(?s)");
            StringBuilder literal = new StringBuilder();
            StringBuilder letters = new StringBuilder();
            int depth = 0;
            boolean quoted = false;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (depth == 0 && c == '\'') {
                    if (i + 1 < v.length() && v.charAt(i + 1) == '\'') {
                        literal.append('\'');
                        i++;
                    } else {
                        quoted = !quoted;
                    }
                } else if (!quoted && c == '{') {
                    if (depth == 0) {
                        regex.append(Pattern.quote(literal.toString())).append("(.*?)");
                        letters.append(literal);
                        literal.setLength(0);
                    }
                    depth++;
                } else if (!quoted && c == '}') {
                    depth--;
                } else if (depth == 0) {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            letters.append(literal);
            out.add(new BundleText(
                    Pattern.compile(regex.toString().replace("\\Q\\E", "")),
                    letters.chars().anyMatch(Character::isLetter)));
        }
        // those with letters of their own first: the letterless ones are the fallback
        out.sort(java.util.Comparator.comparing(bt -> !bt.lettersOfItsOwn()));
        return out;
    }
}
