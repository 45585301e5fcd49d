package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.ui.common.DialogController;
import io.approvals.console.ui.common.DialogService;
import io.approvals.console.ui.common.Messages;
import io.approvals.console.ui.common.Themes;
import io.approvals.console.ui.session.UiSettings.ThemeChoice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every text a dialog shows comes from the bundle: the dialogs are opened with a pseudo-locale that wraps every
 * bundle text in ⟦ ⟧, and every Labeled, prompt and window title must carry the mark, or be the data shown
 * (titles, names). Table cells (data and the view models' states) are left out.
 */
@ExtendWith(ApplicationExtension.class)
class DialogBundleUiTest {
    Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 900, 600));
        stage.show();
    }

    @AfterEach
    void english() {
        Messages.useLanguage("en");
    }

    static ResourceBundle pseudo() {
        ResourceBundle en = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT);
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return en.containsKey(key) ? "\u27e6" + en.getString(key) + "\u27e7" : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                return en.getKeys();
            }
        };
    }

    @Test
    void everyTextInEveryDialogIsFromTheBundle(FxRobot robot) {
        robot.interact(() -> {
            Messages.useBundle(pseudo(), Locale.ENGLISH);
            Themes.apply(ThemeChoice.LIGHT);
        });
        DialogService service = new DialogService(owner, () -> ThemeChoice.LIGHT);
        List<String> notFromBundle = new ArrayList<>();
        for (Map.Entry<String, Function<DialogService, DialogController>> e :
                DialogCatalog.all().entrySet()) {
            AtomicReference<DialogController> opened = new AtomicReference<>();
            robot.interact(() -> opened.set(e.getValue().apply(service)));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Stage s = opened.get().stage();
                check(e.getKey() + " title", s.getTitle(), notFromBundle);
                walk(e.getKey(), s.getScene().getRoot(), notFromBundle);
                s.close();
            });
        }
        assertThat(notFromBundle).isEmpty();
    }

    private static void walk(String dialog, Node n, List<String> out) {
        if (n instanceof TableView<?> t) {
            t.getColumns().forEach(c -> check(dialog + " column", c.getText(), out));
            return;
        }
        if (n instanceof Labeled l) {
            check(dialog + " " + describe(n), l.getText(), out);
            if (l.getTooltip() != null) {
                check(dialog + " tooltip", l.getTooltip().getText(), out);
            }
        }
        if (n instanceof TextInputControl t) {
            check(dialog + " prompt of " + describe(n), t.getPromptText(), out);
            return; // the text in a field is the user's
        }
        if (n instanceof ComboBoxBase<?> c) {
            check(dialog + " prompt of " + describe(n), c.getPromptText(), out);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(dialog, c, out);
            }
        }
    }

    private static void check(String where, String text, List<String> out) {
        if (text == null || text.isBlank() || text.contains("\u27e6")) {
            return;
        }
        for (String data : DialogCatalog.data()) {
            if (data.contains(text.strip()) || text.strip().equals(data.strip())) {
                return;
            }
        }
        for (String tag : Messages.LANGUAGES) {
            if (text.equals(Locale.forLanguageTag(tag).getDisplayLanguage(Locale.forLanguageTag(tag)))) {
                return; // each language is offered under its own name
            }
        }
        if (text.strip().matches("[\\d\\s./:,-]+")) {
            return; // numbers and dates, formatted by locale
        }
        out.add(where + ": \u201c" + text + "\u201d");
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return Collections.emptyList();
    }
}
