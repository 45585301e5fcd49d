package io.approvals.console.client;

import static io.approvals.console.contract.PlainJson.expect;
import static io.approvals.console.contract.PlainJson.instant;
import static io.approvals.console.contract.PlainJson.notPlain;
import static io.approvals.console.contract.PlainJson.spelledAs;
import static io.approvals.console.contract.PlainJson.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.JsonTokens;
import io.approvals.console.contract.Page;
import io.approvals.console.contract.PlainJson;
import io.approvals.console.contract.PlainJson.Names;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.ServerText;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a page of approvals in the form the contract documents and the sandbox sends ({@code {"items": [...],
 * "nextCursor": ...}} or a bare list; camelCase names; strings, null, whole-number versions, enum values as the
 * contract spells them, UTC instants) straight off the tokenizer. Anything else, from another letter case or a value
 * of another type to an instant with an offset, a name given twice or trailing content, is not decided here:
 * {@link #read} answers null and {@link ResponseDecoder} binds the page with the tolerant mapper as before, so what
 * is accepted, and how it is read, does not change (ClientDecodingProperties compares the two on mangled pages).
 *
 * <p>Why: data binding cost the desktop app's start-up a few hundred classes and its configuration on a cold JVM,
 * and most of the time of decoding a page of 1,000 approvals (a tree, then binding each item from it).
 */
final class PlainApprovalPage {
    private static final String[] FIELDS = {
        "id",
        "title",
        "description",
        "requester",
        "approver",
        "priority",
        "dueAt",
        "status",
        "createdAt",
        "updatedAt",
        "decidedBy",
        "decidedAt",
        "comment",
        "version"
    };

    /** OTHER is never plain: its raw text is kept by {@link TolerantApprovals}. */
    private static final Priority[] KNOWN_PRIORITIES = Priority.KNOWN.toArray(new Priority[0]);

    private static final ApprovalStatus[] KNOWN_STATUSES = {
        ApprovalStatus.PENDING, ApprovalStatus.APPROVED, ApprovalStatus.REJECTED
    };

    private PlainApprovalPage() {}

    /** The page, or null when it is not in the plain form (or not readable at all). */
    static Page<Approval> read(byte[] body) {
        try (JsonParser p = JsonTokens.parser(body)) {
            JsonToken t = p.nextToken();
            List<Approval> items = null;
            String cursor = null;
            if (t == JsonToken.START_ARRAY) {
                items = items(p);
            } else if (t == JsonToken.START_OBJECT) {
                boolean cursorSeen = false;
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    if (name.equals("items") && items == null && value == JsonToken.START_ARRAY) {
                        items = items(p);
                    } else if (name.equals("nextCursor") && !cursorSeen) {
                        cursorSeen = true;
                        cursor = text(p, value);
                    } else if (name.equalsIgnoreCase("items") || name.equalsIgnoreCase("nextCursor")) {
                        throw notPlain();
                    } else {
                        p.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT || items == null) {
                    return null;
                }
            } else {
                return null;
            }
            if (p.nextToken() != null) {
                return null;
            }
            return new Page<>(items, cursor == null || cursor.isEmpty() ? null : cursor);
        } catch (IOException | RuntimeException unreadOrNotPlain) {
            return null;
        }
    }

    /**
     * The cursor of a page that names it first ({@code {"nextCursor": "...", ...}}, as the sandbox writes its
     * pages), read from the first tokens only, so the next page can be asked for before this one's items are read;
     * null when the page does not start that way, or names no next page. Only a hint: the page's own reading
     * decides what its cursor is.
     */
    static String leadingCursor(byte[] body) {
        try (JsonParser p = JsonTokens.parser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT
                    || p.nextToken() != JsonToken.FIELD_NAME
                    || !p.currentName().equals("nextCursor")
                    || p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String cursor = p.getText();
            return cursor.isEmpty() ? null : cursor;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The approvals of the list the parser is at the start of. */
    private static List<Approval> items(JsonParser p) throws IOException {
        return PlainJson.objects(p, PlainApprovalPage::approval);
    }

    private static Approval approval(JsonParser p) throws IOException {
        String id = null;
        String title = null;
        String description = null;
        String requester = null;
        String approver = null;
        Priority priority = null;
        Instant dueAt = null;
        ApprovalStatus status = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        String decidedBy = null;
        Instant decidedAt = null;
        String comment = null;
        long version = 0;
        Names seen = new Names();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            int field = indexOf(name);
            if (field < 0) {
                p.skipChildren();
                continue;
            }
            seen.mark(field);
            switch (field) {
                case 0 -> id = text(p, value);
                case 1 -> title = text(p, value);
                case 2 -> description = text(p, value);
                case 3 -> requester = text(p, value);
                case 4 -> approver = text(p, value);
                case 5 -> priority = spelledAs(KNOWN_PRIORITIES, Priority::wire, text(p, value));
                case 6 -> dueAt = instant(text(p, value));
                case 7 -> status = spelledAs(KNOWN_STATUSES, ApprovalStatus::wire, text(p, value));
                case 8 -> createdAt = instant(text(p, value));
                case 9 -> updatedAt = instant(text(p, value));
                case 10 -> decidedBy = text(p, value);
                case 11 -> decidedAt = instant(text(p, value));
                case 12 -> comment = text(p, value);
                default -> version = wholeNumber(p, value);
            }
        }
        expect(t, JsonToken.END_OBJECT);
        if (id == null || id.isBlank()) {
            throw notPlain(); // skipped and counted by the tolerant reader
        }
        return new Approval(
                ServerText.clean(id),
                ServerText.clean(title),
                ServerText.cleanLines(description),
                ServerText.clean(requester),
                ServerText.clean(approver),
                priority,
                dueAt,
                status,
                createdAt,
                updatedAt,
                ServerText.clean(decidedBy),
                decidedAt,
                ServerText.cleanLines(comment),
                version);
    }

    /**
     * The field's index; -1 for a name the mapper ignores too. A known name in another letter case, or a name the
     * mapper might see as a property of its own (Approval's {@code isPending()}), is left to the mapper.
     */
    private static int indexOf(String name) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (FIELDS[i].equals(name)) {
                return i;
            }
        }
        for (String field : FIELDS) {
            if (field.equalsIgnoreCase(name)) {
                throw notPlain();
            }
        }
        if (name.equalsIgnoreCase("pending") || TolerantApprovals.knowsName(name)) {
            throw notPlain(); // another name the tolerant reader takes for a field (ApprovalId, RowVersion...)
        }
        return -1;
    }

    private static long wholeNumber(JsonParser p, JsonToken value) throws IOException {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw notPlain();
        }
        return p.getLongValue();
    }
}
