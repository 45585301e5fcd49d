package io.approvals.console.client;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.UpdateStatusRequest;
import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies in a server's own dialect: its field names, its spellings, its id and version types. The expected
 * version goes back exactly as the server sent it (a RowVersion string stays that string), so a decision made on what
 * the user saw is refused by the server when the item changed meanwhile.
 */
final class DialectBodies {
    private DialectBodies() {}

    static Map<String, Object> update(UpdateStatusRequest r, Dialect d, Approval.Raw raw) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(d.field("id"), id(r.id(), d, raw));
        body.put(d.field("status"), d.spelling(r.status().wire()));
        if (r.comment() != null) {
            body.put(d.field("comment"), r.comment());
        }
        if (r.expectedVersion() != null) {
            body.put(d.field("expectedVersion"), version(r.expectedVersion(), d, raw));
        }
        return body;
    }

    static Map<String, Object> create(CreateApprovalRequest r, Dialect d) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(d.field("title"), r.title());
        putIf(body, d.field("description"), r.description());
        putIf(body, d.field("requester"), r.requester());
        putIf(body, d.field("approver"), r.approver());
        putIf(
                body,
                d.field("priority"),
                r.priority() == null ? null : d.spelling(r.priority().wire()));
        putIf(body, d.field("dueAt"), r.dueAt() == null ? null : r.dueAt().toString());
        return body;
    }

    private static void putIf(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    /** The id as the server wants it: a number when its ids are numbers (ASP.NET's int ids), else the text. */
    private static Object id(String id, Dialect d, Approval.Raw raw) {
        if ((d.idIsNumber() || (raw != null && raw.idIsNumber())) && id.matches("-?[0-9]{1,30}")) {
            return new BigInteger(id);
        }
        return id;
    }

    /**
     * The expected version as the server sent it: the remembered token when it is the one the number came from,
     * else the number in the dialect's version type (a base64 RowVersion of 8 bytes, text, or a number).
     */
    private static Object version(long expected, Dialect d, Approval.Raw raw) {
        if (raw != null && raw.versionToken() != null) {
            if (raw.versionIsNumber() && Long.toString(expected).equals(raw.versionToken())) {
                return expected;
            }
            if (!raw.versionIsNumber() && TolerantApprovals.versionNumber(raw.versionToken()) == expected) {
                return raw.versionToken();
            }
        }
        if ("byte".equals(d.versionType())) {
            return TolerantApprovals.rowVersionText(expected);
        }
        if ("string".equals(d.versionType())) {
            return Long.toString(expected);
        }
        return expected;
    }

    /** What a decision answered with no body leaves: the request's decision, as far as the console knows it. */
    static Approval asDecided(UpdateStatusRequest r, Approval.Raw raw, Instant now) {
        long version = r.expectedVersion() == null ? 0 : r.expectedVersion();
        return new Approval(
                r.id(),
                null,
                null,
                null,
                null,
                null,
                null,
                r.status(),
                null,
                now,
                null,
                now,
                r.comment(),
                version,
                raw == null
                        ? null
                        : new Approval.Raw(
                                null, null, raw.versionToken(), raw.versionIsNumber(), raw.idIsNumber(), List.of()));
    }

    /** What a create answered with no body made: the request, under the id the Location names (if any). */
    static Approval asCreated(CreateApprovalRequest r, String id, Instant now) {
        return new Approval(
                id == null ? "" : id,
                r.title(),
                r.description(),
                r.requester(),
                r.approver(),
                r.priority(),
                r.dueAt(),
                io.approvals.console.contract.ApprovalStatus.PENDING,
                now,
                now,
                null,
                null,
                null,
                0);
    }
}
