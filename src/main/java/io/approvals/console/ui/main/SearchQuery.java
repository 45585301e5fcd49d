package io.approvals.console.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The search field's text: free words (each must occur somewhere in the row) and field terms
 * ({@code requester:dana}, {@code approver:lee}, {@code priority:high}, {@code status:"in progress"}) that must
 * occur in that field. A value with spaces goes in double quotes. An unknown field name is searched as a word.
 */
record SearchQuery(String[] words, List<FieldTerm> terms) {
    /** The fields a term can name, in the order completion offers them. */
    static final List<String> FIELDS = List.of("requester", "approver", "priority", "status");

    record FieldTerm(String field, String value) {
        boolean matches(ApprovalRow row) {
            String text =
                    switch (field) {
                        case "requester" -> row.approval().requester();
                        case "approver" -> row.approval().approver();
                        case "priority" -> row.priority().wire();
                        default -> row.status().wire();
                    };
            if (text == null) {
                return false;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            // a priority or status is one of a few words: "high" or "hi" should not also match "higher" fields
            return field.equals("priority") || field.equals("status") ? lower.startsWith(value) : lower.contains(value);
        }
    }

    static SearchQuery parse(String text) {
        List<String> words = new ArrayList<>();
        List<FieldTerm> terms = new ArrayList<>();
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int colon = -1;
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            while (i < s.length() && (quoted || !Character.isWhitespace(s.charAt(i)))) {
                char c = s.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && colon < 0 && !quoted) {
                    colon = i;
                    value.setLength(0);
                } else {
                    value.append(c);
                }
                i++;
            }
            String token = s.substring(start, i);
            String field = colon < 0 ? null : s.substring(start, colon);
            if (field != null && FIELDS.contains(field)) {
                if (!value.toString().isBlank()) {
                    terms.add(new FieldTerm(field, value.toString().strip()));
                }
            } else {
                for (String w : token.replace("\"", " ").split("\\s+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            }
        }
        return new SearchQuery(words.toArray(new String[0]), List.copyOf(terms));
    }

    boolean isEmpty() {
        return words.length == 0 && terms.isEmpty();
    }

    boolean matchesFields(ApprovalRow row) {
        for (FieldTerm t : terms) {
            if (!t.matches(row)) {
                return false;
            }
        }
        return true;
    }

    /** Field names that complete the word being typed ("req" → "requester:"); none once it has a colon. */
    static List<String> completions(String word) {
        String w = word == null ? "" : word.toLowerCase(Locale.ROOT);
        if (w.isEmpty() || w.contains(":")) {
            return List.of();
        }
        return FIELDS.stream()
                .filter(f -> f.startsWith(w) && !f.equals(w))
                .map(f -> f + ":")
                .toList();
    }
}
