package io.approvals.console.ui.main;

import java.util.List;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;

/** Offers the search's field names, for the last word, ("requester:", …) while the word being typed starts one; Down, Enter picks. */
final class FieldCompletion {
    private FieldCompletion() {}

    static void install(TextField field) {
        ContextMenu menu = new ContextMenu();
        menu.setId("searchCompletion");
        field.textProperty().addListener((o, a, text) -> {
            // the word typed last (the caret is not yet moved when the text changes)
            int caret = text.length();
            int start = caret;
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            List<String> options = SearchQuery.completions(text.substring(start, Math.max(start, caret)));
            if (options.isEmpty() || !field.isFocused()) {
                menu.hide();
                return;
            }
            int from = start;
            int to = caret;
            menu.getItems().clear();
            for (String option : options) {
                MenuItem item = new MenuItem(option);
                item.setOnAction(e -> {
                    field.replaceText(from, Math.min(to, field.getLength()), option);
                    field.positionCaret(from + option.length());
                });
                menu.getItems().add(item);
            }
            if (!menu.isShowing()) {
                menu.show(field, Side.BOTTOM, 0, 0);
            }
        });
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                menu.hide();
            }
        });
    }
}
