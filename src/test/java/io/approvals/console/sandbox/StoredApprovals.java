package io.approvals.console.sandbox;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sandbox data dir holds, read directly from its (closed or killed) database: approvals (id ->
 * title, status) and approval audit entries (target -> action -> count), and the consistency checks the
 * crash and soak tests share.
 */
final class StoredApprovals {
    final Map<String, String[]> approvals = new HashMap<>();
    final Map<String, Map<String, Integer>> audit = new HashMap<>();
    int auditEntries;

    static StoredApprovals read(Path data) throws SQLException {
        StoredApprovals s = new StoredApprovals();
        try (SandboxStore store = SandboxStore.open(data)) {
            store.read(c -> {
                try (Statement st = c.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SELECT id, title, status FROM approvals")) {
                        while (rs.next()) {
                            s.approvals.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                        }
                    }
                    try (ResultSet rs =
                            st.executeQuery("SELECT action, target FROM audit WHERE action LIKE 'approval.%'")) {
                        while (rs.next()) {
                            s.audit
                                    .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                                    .merge(rs.getString(1), 1, Integer::sum);
                            s.auditEntries++;
                        }
                    }
                }
                return null;
            });
        }
        return s;
    }

    /** Acknowledged creates (Idempotency-Key -> id) whose approval is missing or has another title. */
    List<String> missingCreates(Map<String, String> acked, String titlePrefix) {
        List<String> missing = new ArrayList<>();
        acked.forEach((idem, id) -> {
            String[] row = approvals.get(id);
            if (row == null || !row[0].equals(titlePrefix + idem)) {
                missing.add(idem + " -> " + id);
            }
        });
        return missing;
    }

    /** Acknowledged decisions (id -> status) not in the database. */
    List<String> missingDecisions(Map<String, String> acked) {
        List<String> missing = new ArrayList<>();
        acked.forEach((id, status) -> {
            String[] row = approvals.get(id);
            if (row == null || !row[1].equals(status)) {
                missing.add(id + " " + status);
            }
        });
        return missing;
    }

    /** Approvals whose title is used more than once among those whose title starts with prefix. */
    int duplicateTitles(String prefix) {
        List<String> titles = approvals.values().stream()
                .map(r -> r[0])
                .filter(t -> t.startsWith(prefix))
                .toList();
        return titles.size() - (int) titles.stream().distinct().count();
    }

    /**
     * Approvals made through the API (those with an approval.created entry, or with the prefix) whose
     * audit entries are not exactly one approval.created plus, once decided, one matching decision;
     * and audit entries about approvals that do not exist.
     */
    List<String> auditMismatches(String prefix) {
        List<String> mismatches = new ArrayList<>();
        approvals.forEach((id, row) -> {
            if (!row[0].startsWith(prefix) && !audit.containsKey(id)) {
                return; // seeded: seeding is not audited
            }
            Map<String, Integer> actions = audit.getOrDefault(id, Map.of());
            Map<String, Integer> expected = new HashMap<>(Map.of("approval.created", 1));
            if (!row[1].equals("Pending")) {
                expected.put("approval." + row[1].toLowerCase(), 1);
            }
            if (!actions.equals(expected)) {
                mismatches.add(id + " " + row[1] + ": " + actions);
            }
        });
        audit.keySet().stream()
                .filter(target -> !approvals.containsKey(target))
                .forEach(target -> mismatches.add("audit entry for a missing approval " + target));
        return mismatches;
    }
}
