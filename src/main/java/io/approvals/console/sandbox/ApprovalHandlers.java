package io.approvals.console.sandbox;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.AuditEntry;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** GetApprovalNotComplete, CreateApproval and UpdateApprovalStatus. */
final class ApprovalHandlers {
    static final int COMMENT_MAX = 4000;
    static final int PERSON_MAX = 320;
    private static final Set<String> CREATE_FIELDS =
            Set.of("title", "description", "requester", "approver", "priority", "dueAt");
    private static final Set<String> UPDATE_FIELDS = Set.of("id", "status", "comment", "expectedVersion");
    /** H2: the row was changed by another transaction, or a row lock wait timed out. */
    private static final Set<Integer> CONCURRENCY_ERRORS = Set.of(90131, 50200);

    private final SandboxStore store;
    private final Cursors cursors;
    private final Clock clock;
    private final PageCache pages = new PageCache();

    ApprovalHandlers(SandboxStore store, Cursors cursors, Clock clock) {
        this.store = store;
        this.cursors = cursors;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Reply listNotComplete(Call call) throws SQLException {
        String approver = call.query("approver");
        if (approver != null && approver.isEmpty()) {
            approver = null;
        }
        int limit = Paging.limit(call);
        long after = Paging.position(call, cursors, Cursors.APPROVALS, 0);
        PageCache.Key key = new PageCache.Key(approver, after, limit);
        PageCache.Page page = pages.get(key);
        if (page == null) {
            page = readPage(key);
            pages.put(key, page);
        }
        if (ETags.matches(call.headers().getFirst("If-None-Match"), page.etag())) {
            return Reply.notModified(page.etag());
        }
        return Reply.json(200, page.body()).withHeader("ETag", page.etag());
    }

    private PageCache.Page readPage(PageCache.Key key) throws SQLException {
        long generation = pages.generation(); // before the query: a change during it makes the page unservable
        List<ApprovalRecords.Row> rows =
                store.read(c -> ApprovalRecords.pending(c, key.approver(), key.after(), key.limit() + 1));
        List<Approval> items = rows.subList(0, Math.min(key.limit(), rows.size())).stream()
                .map(ApprovalRecords.Row::approval)
                .toList();
        String next = rows.size() > key.limit()
                ? cursors.issue(Cursors.APPROVALS, rows.get(key.limit() - 1).seq())
                : null;
        byte[] body = Responses.bytes(Responses.page(items, next));
        return new PageCache.Page(generation, body, ETags.ofPage(items, next));
    }

    Reply create(Call call) throws SQLException {
        String idempotencyKey = call.headers().getFirst("Idempotency-Key");
        if (idempotencyKey != null
                && (idempotencyKey.isEmpty()
                        || idempotencyKey.length() > 255
                        || !idempotencyKey.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7e))) {
            throw ApiProblem.field("Idempotency-Key", "must be 1 to 255 printable ASCII characters");
        }
        Fields f = new Fields(call.body(), CREATE_FIELDS);
        String title = f.string("title", true, 1, CreateApprovalRequest.TITLE_MAX);
        String description = f.string("description", false, 0, CreateApprovalRequest.DESCRIPTION_MAX);
        String requester = f.string("requester", false, 1, PERSON_MAX);
        String approver = f.string("approver", false, 1, PERSON_MAX);
        String priorityText = f.string("priority", false, 1, 20);
        Priority priority = Priority.NORMAL;
        if (priorityText != null) {
            try {
                priority = Priority.parse(priorityText);
            } catch (IllegalArgumentException e) {
                f.error("priority", "must be one of Low, Normal, High, Urgent");
            }
        }
        Instant dueAt = f.instant("dueAt");
        f.check();

        Instant now = now();
        Approval approval = new Approval(
                Ids.approval(),
                title,
                description,
                requester == null ? call.caller().owner() : requester,
                approver,
                priority,
                dueAt == null ? null : dueAt.truncatedTo(ChronoUnit.MILLIS),
                ApprovalStatus.PENDING,
                now,
                now,
                null,
                null,
                null,
                1);
        byte[] body = Responses.bytes(approval);
        if (idempotencyKey == null) {
            store.inTransaction(c -> {
                insertWithAudit(c, call.caller(), approval, now);
                return null;
            });
            pages.changed();
            return created(approval.id(), body);
        }
        String bodyDigest = CanonicalJson.digest(call.body());
        IdempotencyRecords.Stored fresh =
                new IdempotencyRecords.Stored(bodyDigest, approval.id(), new String(body, StandardCharsets.UTF_8));
        String keyId = call.caller().keyId();
        try {
            IdempotencyRecords.Stored answer = store.inTransaction(c -> {
                Optional<IdempotencyRecords.Stored> earlier = IdempotencyRecords.find(c, keyId, idempotencyKey, now);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                insertWithAudit(c, call.caller(), approval, now);
                IdempotencyRecords.insert(c, keyId, idempotencyKey, fresh, now);
                return fresh;
            });
            pages.changed(); // also on a replay: harmless, and simpler than knowing which happened
            return replayOrConflict(answer, bodyDigest);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // a concurrent twin with the same Idempotency-Key won: answer what it stored
            IdempotencyRecords.Stored twin = store.read(c -> IdempotencyRecords.find(c, keyId, idempotencyKey, now))
                    .orElseThrow(() -> e);
            return replayOrConflict(twin, bodyDigest);
        }
    }

    private static Reply replayOrConflict(IdempotencyRecords.Stored stored, String bodyDigest) {
        if (!stored.bodyDigest().equals(bodyDigest)) {
            throw ApiProblem.unprocessable("This Idempotency-Key was already used with a different body.");
        }
        return created(stored.approvalId(), stored.response().getBytes(StandardCharsets.UTF_8));
    }

    private static Reply created(String id, byte[] body) {
        return Reply.json(201, body).withHeader("Location", "/approvals/" + id);
    }

    private static void insertWithAudit(java.sql.Connection c, Caller caller, Approval a, Instant now)
            throws SQLException {
        ApprovalRecords.insert(c, a);
        AuditLog.append(
                c,
                caller,
                AuditEntry.APPROVAL_CREATED,
                a.id(),
                "priority " + a.priority().wire() + (a.approver() == null ? "" : ", approver " + a.approver()),
                now);
    }

    Reply updateStatus(Call call) throws SQLException {
        Fields f = new Fields(call.body(), UPDATE_FIELDS);
        String id = f.string("id", true, 1, 100);
        String statusText = f.string("status", true, 1, 20);
        String comment = f.string("comment", false, 0, COMMENT_MAX);
        Long expectedVersion = f.integer("expectedVersion", false, 1, Long.MAX_VALUE);
        ApprovalStatus status = null;
        if (statusText != null) {
            try {
                status = ApprovalStatus.parse(statusText);
                if (status == ApprovalStatus.PENDING) {
                    f.error("status", "must be Approved or Rejected; an approval cannot be set back to Pending");
                    status = null;
                }
            } catch (IllegalArgumentException e) {
                f.error("status", "must be Approved or Rejected");
            }
        }
        if (status == ApprovalStatus.REJECTED && (comment == null || comment.isBlank())) {
            f.error("comment", "is required when rejecting");
        }
        f.check();
        ApprovalStatus decision = status;
        try {
            Reply answer = store.inTransaction(c -> {
                Approval current = ApprovalRecords.find(c, id)
                        .orElseThrow(() -> ApiProblem.notFound("No approval has the id " + id + "."));
                if (current.status() != ApprovalStatus.PENDING) {
                    throw ApiProblem.conflict(
                            "The approval was already "
                                    + current.status().wire().toLowerCase() + " by " + current.decidedBy() + ".",
                            current);
                }
                if (expectedVersion != null && expectedVersion != current.version()) {
                    throw ApiProblem.conflict(
                            "The approval changed (version " + current.version() + ", expected " + expectedVersion
                                    + ").",
                            current);
                }
                Instant now = now();
                Approval decided = new Approval(
                        current.id(),
                        current.title(),
                        current.description(),
                        current.requester(),
                        current.approver(),
                        current.priority(),
                        current.dueAt(),
                        decision,
                        current.createdAt(),
                        now,
                        call.caller().owner(),
                        now,
                        comment == null || comment.isBlank() ? null : comment,
                        current.version() + 1);
                if (!ApprovalRecords.decide(c, decided, current.version())) {
                    throw lostRace(c, id);
                }
                AuditLog.append(
                        c,
                        call.caller(),
                        decision == ApprovalStatus.APPROVED
                                ? AuditEntry.APPROVAL_APPROVED
                                : AuditEntry.APPROVAL_REJECTED,
                        id,
                        "version " + decided.version(),
                        now);
                return Responses.json(200, decided);
            });
            pages.changed();
            return answer;
        } catch (SQLException e) {
            if (!CONCURRENCY_ERRORS.contains(e.getErrorCode())) {
                throw e;
            }
            throw store.read(c -> lostRace(c, id));
        }
    }

    /** Another decision committed first: 409 with what it left behind. */
    private static ApiProblem lostRace(java.sql.Connection c, String id) throws SQLException {
        Approval now = ApprovalRecords.find(c, id).orElse(null);
        return ApiProblem.conflict("Someone else changed the approval at the same time.", now);
    }
}
