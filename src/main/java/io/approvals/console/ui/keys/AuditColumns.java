package io.approvals.console.ui.keys;

import io.approvals.console.contract.AuditEntry;
import io.approvals.console.ui.common.TimeText;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.TableColumn;

/** The audit trail's columns in the admin window: key names instead of ids, times with seconds in the user's zone. */
final class AuditColumns {
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");

    private final KeyAdminViewModel vm;
    private final Clock clock;

    AuditColumns(KeyAdminViewModel vm, Clock clock) {
        this.vm = vm;
        this.clock = clock;
    }

    List<TableColumn<AuditEntry, String>> columns() {
        return List.of(
                WrappingColumns.text(
                        "admin.audit.col.at", e -> TimeText.moment(e.at(), clock.instant(), clock.getZone()), 230),
                WrappingColumns.text(
                        "admin.audit.col.actor",
                        e -> e.actor() == null
                                ? ""
                                : e.actor().keyId() != null
                                                && !vm.keyName(e.actor().keyId())
                                                        .equals(e.actor().keyId())
                                        ? vm.keyName(e.actor().keyId())
                                        : e.actor().owner() == null
                                                ? ""
                                                : e.actor().owner(),
                        200),
                WrappingColumns.text("admin.audit.col.action", AuditEntry::action, 130),
                WrappingColumns.text("admin.audit.col.target", e -> vm.keyName(e.target()), 200),
                WrappingColumns.text("admin.audit.col.detail", e -> details(e.detail()), 320));
    }

    /** A detail's times (the server writes UTC instants) in the user's language and zone. */
    String details(String detail) {
        if (detail == null) {
            return "";
        }
        Matcher m = INSTANT.matcher(detail);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String shown;
            try {
                shown = TimeText.moment(Instant.parse(m.group()), clock.instant(), clock.getZone());
            } catch (DateTimeParseException e) {
                shown = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
