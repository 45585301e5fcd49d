package io.approvals.console.ui.common;

/** Every FXML view of the app, in one place, so a mistyped name is a compile error (Cryptomator's pattern). */
public enum FxmlView {
    CREATE_APPROVAL("dialogs/create_approval.fxml"),
    DECISION("dialogs/decision.fxml"),
    BULK_DECISION("dialogs/bulk_decision.fxml"),
    REPLACE_KEY("dialogs/replace_key.fxml"),
    SETTINGS("dialogs/settings.fxml"),
    FAILURE_DETAILS("dialogs/failure_details.fxml"),
    MESSAGE("dialogs/message.fxml"),
    REGENERATE("keys/regenerate.fxml"),
    REVEAL_CONFIRM("keys/reveal_confirm.fxml"),
    SHOW_ONCE("keys/show_once.fxml"),
    CONFIRM_TYPED("keys/confirm_typed.fxml"),
    KEY_WINDOW("keys/key_window.fxml"),
    KEY_REPLACE("keys/key_replace.fxml"),
    KEY_ADMIN("keys/key_admin.fxml"),
    ISSUE_KEY("keys/issue_key.fxml");

    private final String path;

    FxmlView(String path) {
        this.path = path;
    }

    public String path() {
        return "/io/approvals/console/ui/" + path;
    }
}
