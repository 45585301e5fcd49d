package io.approvals.console.ui.dialogs;

import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Dialect;
import io.approvals.console.ui.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The Settings dialog's editor of a connection's dialect: each request field's name on the server, the server's
 * spellings of the decided statuses, and the time zone of its zone-less times. An empty field means the contract's
 * name (shown as the prompt). {@link #edited} applies the changes with {@link Dialect#with}, the same rules as
 * {@code profiles set}.
 */
final class DialectEditor {
    static final List<ApprovalStatus> STATUSES =
            List.of(ApprovalStatus.PENDING, ApprovalStatus.APPROVED, ApprovalStatus.REJECTED);

    private final Dialect original;
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, TextField> spellings = new LinkedHashMap<>();
    private final TextField timeZone = new TextField();

    DialectEditor(GridPane grid, Dialect original, boolean editable) {
        this.original = original;
        int i = 0;
        for (String logical : Dialect.FIELDS) {
            TextField f =
                    field("dialectField-" + logical, logical, original.fields().get(logical), editable);
            fields.put(logical, f);
            add(grid, i++, new Label(Messages.format("settings.dialect.field", logical)), f);
        }
        for (ApprovalStatus s : STATUSES) {
            String wire = s.wire();
            TextField f =
                    field("dialectSpelling-" + wire, wire, original.spellings().get(wire), editable);
            spellings.put(wire, f);
            add(grid, i++, new Label(Messages.format("settings.dialect.spelling", wire)), f);
        }
        timeZone.setId("dialectTimeZone");
        timeZone.setPromptText(Messages.get("settings.dialect.timeZone.prompt"));
        timeZone.setText(original.timeZone() == null ? "" : original.timeZone());
        timeZone.setDisable(!editable);
        Label zoneCaption = new Label(Messages.get("settings.dialect.timeZone"));
        zoneCaption.setLabelFor(timeZone);
        timeZone.setAccessibleText(zoneCaption.getText());
        if (i % 2 == 1) {
            i++;
        }
        grid.add(zoneCaption, 0, i / 2);
        grid.add(timeZone, 1, i / 2, 3, 1);
    }

    private static TextField field(String id, String logical, String value, boolean editable) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(Messages.format("settings.dialect.contractName", logical));
        f.setAccessibleText(logical);
        f.setPrefColumnCount(10);
        f.setDisable(!editable);
        return f;
    }

    private static void add(GridPane grid, int i, Label caption, TextField f) {
        caption.setLabelFor(f);
        caption.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(caption, (i % 2) * 2, i / 2);
        grid.add(f, (i % 2) * 2 + 1, i / 2);
    }

    /** The dialect as edited; IllegalArgumentException names what is not usable (a name, a time zone). */
    Dialect edited() {
        Dialect d = original;
        for (var e : fields.entrySet()) {
            if (changed(e.getValue(), original.fields().get(e.getKey()))) {
                d = d.with(e.getKey(), valueOrContract(e.getValue(), e.getKey()));
            }
        }
        for (var e : spellings.entrySet()) {
            if (changed(e.getValue(), original.spellings().get(e.getKey()))) {
                d = d.with("spelling." + e.getKey(), valueOrContract(e.getValue(), e.getKey()));
            }
        }
        return changed(timeZone, original.timeZone()) ? d.with("timeZone", timeZone.getText()) : d;
    }

    /** Only what the user changed is applied: a name the document gave as the contract's own stays as it was. */
    private static boolean changed(TextField f, String before) {
        String now = f.getText() == null ? "" : f.getText().strip();
        return !now.equals(before == null ? "" : before);
    }

    /** Blank, or the contract's own name typed out: no renaming. */
    private static String valueOrContract(TextField f, String contractName) {
        String v = f.getText() == null ? "" : f.getText().strip();
        return v.equals(contractName) ? "" : v;
    }
}
