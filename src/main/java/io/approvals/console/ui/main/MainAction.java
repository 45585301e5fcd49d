package io.approvals.console.ui.main;

import io.approvals.console.ui.common.Messages;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.feather.Feather;

/**
 * Every action of the main window, once (JabRef's StandardActions): its text and tooltip (bundle keys
 * {@code action.<key>}, {@code action.<key>.menu}, {@code action.<key>.tip}), icon and keys. Window keys work
 * anywhere in the window; table keys only while the table has the focus, so typing A in the search stays a letter.
 * {@link ActionFactory} turns them into menu items, buttons and key handling; docs/ui.md lists them.
 */
public enum MainAction {
    NEW_APPROVAL("new", Feather.PLUS, true, keys(shortcut(KeyCode.N)), List.of()),
    APPROVE("approve", Feather.CHECK, true, List.of(), keys(plain(KeyCode.A), plain(KeyCode.ENTER))),
    REJECT("reject", Feather.X, true, List.of(), keys(plain(KeyCode.R))),
    QUICK_APPROVE(
            "quickApprove",
            Feather.CHECK_CIRCLE,
            true,
            List.of(),
            keys(new KeyCodeCombination(KeyCode.A, KeyCombination.SHIFT_DOWN))),
    UNDO_QUICK_APPROVE("undo", Feather.ROTATE_CCW, false, keys(shortcut(KeyCode.Z)), List.of()),
    REFRESH("refresh", Feather.REFRESH_CW, false, keys(plain(KeyCode.F5), shortcut(KeyCode.R)), List.of()),
    SEARCH("search", Feather.SEARCH, false, keys(shortcut(KeyCode.F)), List.of()),
    JUMP_TO_NEW("jumpToNew", Feather.ARROW_DOWN_CIRCLE, false, keys(shortcut(KeyCode.J)), List.of()),
    TOGGLE_DETAILS("details", Feather.SIDEBAR, false, keys(shortcut(KeyCode.I)), List.of()),
    FILTER_MINE("filterMine", null, false, keys(alt(KeyCode.DIGIT1)), List.of()),
    FILTER_OVERDUE("filterOverdue", null, false, keys(alt(KeyCode.DIGIT2)), List.of()),
    FILTER_PRESSING("filterPressing", null, false, keys(alt(KeyCode.DIGIT3)), List.of()),
    ADD_CONNECTION("addConnection", null, false, List.of(), List.of()),
    REPLACE_KEY("replaceKey", null, false, List.of(), List.of()),
    KEY_WINDOW("keyWindow", null, false, List.of(), List.of()),
    ADMIN("admin", null, false, List.of(), List.of()),
    QUIT("quit", null, false, keys(shortcut(KeyCode.Q)), List.of()),
    SETTINGS("settings", null, false, keys(shortcut(KeyCode.COMMA)), List.of()),
    ABOUT("about", null, false, List.of(), List.of());

    private final String key;
    private final Feather icon;
    private final boolean needsWrite;
    private final List<KeyCombination> windowKeys;
    private final List<KeyCombination> tableKeys;

    MainAction(
            String key,
            Feather icon,
            boolean needsWrite,
            List<KeyCombination> windowKeys,
            List<KeyCombination> tableKeys) {
        this.key = key;
        this.icon = icon;
        this.needsWrite = needsWrite;
        this.windowKeys = windowKeys;
        this.tableKeys = tableKeys;
    }

    /** The short text (tool bar, filters): "Approve". */
    public String text() {
        return Messages.get("action." + key);
    }

    /** The menu's text ("Approve selected…"), the short text when the bundle has none of its own. */
    public String menuText() {
        String k = "action." + key + ".menu";
        return Messages.bundle().containsKey(k) ? Messages.get(k) : text();
    }

    /** What it does, with its first key: "Refresh (F5)". */
    public String tooltip() {
        String k = "action." + key + ".tip";
        String tip = Messages.bundle().containsKey(k) ? Messages.get(k) : text();
        return firstKey() == null
                ? tip
                : Messages.format("action.withKey", tip, firstKey().getDisplayText());
    }

    /** The key shown next to it: the first window key, else the first table key; null for none. */
    public KeyCombination firstKey() {
        return !windowKeys.isEmpty() ? windowKeys.get(0) : tableKeys.isEmpty() ? null : tableKeys.get(0);
    }

    public Feather icon() {
        return icon;
    }

    /** Needs a key with the `write` scope; disabled otherwise, with a tooltip that says so. */
    public boolean needsWrite() {
        return needsWrite;
    }

    /** Keys that work anywhere in the main window. */
    public List<KeyCombination> windowKeys() {
        return windowKeys;
    }

    /** Keys that work while the table has the focus (plain letters, which a text field needs as letters). */
    public List<KeyCombination> tableKeys() {
        return tableKeys;
    }

    public String bundleKey() {
        return "action." + key;
    }

    private static List<KeyCombination> keys(KeyCombination... k) {
        return List.of(k);
    }

    private static KeyCombination plain(KeyCode c) {
        return new KeyCodeCombination(c);
    }

    private static KeyCombination shortcut(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination alt(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.ALT_DOWN);
    }
}
