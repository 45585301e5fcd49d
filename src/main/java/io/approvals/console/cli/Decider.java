package io.approvals.console.cli;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.ApprovalsApi;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.UpdateStatusRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends approve/reject decisions so that none is ever applied twice. Every decision carries the expectedVersion
 * just read (from the not-complete list, the caller, or a list the user piped in): the server applies it at most
 * once, because a decision bumps the version. After a network error whose outcome is unknown the approval is read
 * again before anything is re-sent: still pending at the same version means the decision never landed and it is
 * sent once more (with the same expectedVersion, so even a late arrival of the first cannot double it); gone from the
 * list means it was decided, and who decided is asked without changing anything. Auth failures are thrown to the
 * caller, who stops.
 */
final class Decider {
    /**
     * An expectedVersion no approval has: sending the decision with it changes nothing and the 409 answer carries
     * the approval as it is now (the API has no endpoint to read one approval).
     */
    static final long NO_SUCH_VERSION = Long.MAX_VALUE;

    private final ApprovalsApi api;
    private Map<String, Approval> pending;

    Decider(ApprovalsApi api) {
        this.api = api;
    }

    /** The not-complete approval with this id, read once per batch (or again after a network error). */
    Optional<Approval> pending(String id) {
        if (pending == null) {
            Map<String, Approval> m = new LinkedHashMap<>();
            for (Approval a : api.fetchAllNotComplete(null, null).items()) {
                m.put(a.id(), a);
            }
            pending = m;
        }
        return Optional.ofNullable(pending.get(id));
    }

    /** expectedVersion null: the one the not-complete list shows now. */
    DecisionOutcome decide(String id, ApprovalStatus status, String comment, Long expectedVersion) {
        long version = expectedVersion != null
                ? expectedVersion
                : pending(id).map(Approval::version).orElse(NO_SUCH_VERSION);
        UpdateStatusRequest request = new UpdateStatusRequest(id, status, comment, version);
        try {
            return done(id, status, api.updateStatus(request), null);
        } catch (ApiException.Network e) {
            return recover(id, status, request, e);
        } catch (ApiException.Conflict c) {
            Approval now = c.current();
            if (expectedVersion != null && now != null && now.isPending() && now.version() != expectedVersion) {
                // nobody else changed it: the version given was not its version ("someone else changed it" misled)
                return new DecisionOutcome(
                        id,
                        DecisionOutcome.Result.CONFLICT,
                        now,
                        "It is still pending at version " + now.version() + ", not " + expectedVersion
                                + " (--expected-version). Nothing was changed. Its version: approvals-console"
                                + " approvals show " + id + ".",
                        ExitCodes.CONFLICT,
                        c);
            }
            return failure(id, c);
        } catch (ApiException.NotFound | ApiException.Validation | ApiException.Server | ApiException.RateLimited e) {
            return failure(id, e);
        }
    }

    private DecisionOutcome recover(
            String id, ApprovalStatus status, UpdateStatusRequest sent, ApiException.Network first) {
        Optional<Approval> now;
        try {
            pending = null;
            now = pending(id);
        } catch (ApiException.Network again) {
            return new DecisionOutcome(
                    id,
                    DecisionOutcome.Result.FAILED,
                    null,
                    first.getMessage()
                            + " Whether the decision landed is unknown and the approval could not be read again; running the same"
                            + " command again is safe (the expected version prevents a second decision).",
                    ExitCodes.NETWORK);
        }
        if (now.isPresent() && now.get().version() == sent.expectedVersion()) {
            try {
                return done(id, status, api.updateStatus(sent), null);
            } catch (ApiException.Network e) {
                return new DecisionOutcome(
                        id,
                        DecisionOutcome.Result.FAILED,
                        null,
                        e.getMessage() + " Not decided: the approval is still pending.",
                        ExitCodes.NETWORK);
            } catch (ApiException.Conflict
                    | ApiException.NotFound
                    | ApiException.Validation
                    | ApiException.Server
                    | ApiException.RateLimited e) {
                return failure(id, e);
            }
        }
        if (now.isPresent()) {
            return new DecisionOutcome(
                    id,
                    DecisionOutcome.Result.CONFLICT,
                    now.get(),
                    "Someone else changed this " + "approval meanwhile (now version "
                            + now.get().version() + "). Nothing was changed.",
                    ExitCodes.CONFLICT);
        }
        // gone from the list: decided; ask by whom without changing anything
        try {
            api.updateStatus(new UpdateStatusRequest(id, status, sent.comment(), NO_SUCH_VERSION));
            return new DecisionOutcome(
                    id,
                    DecisionOutcome.Result.FAILED,
                    null,
                    "The server accepted a decision it" + " should have refused (it ignores expectedVersion).",
                    ExitCodes.OTHER);
        } catch (ApiException.Conflict c) {
            Approval current = c.current();
            if (current != null && current.status() == status) {
                return done(
                        id,
                        status,
                        current,
                        "(confirmed after a network error: decided by " + current.decidedBy()
                                + (current.decidedAt() == null ? "" : " at " + current.decidedAt()) + ")");
            }
            return failure(id, c);
        } catch (ApiException.Network
                | ApiException.Server
                | ApiException.NotFound
                | ApiException.RateLimited
                | ApiException.Validation e) {
            return new DecisionOutcome(
                    id,
                    DecisionOutcome.Result.FAILED,
                    null,
                    "The answer was lost and the approval "
                            + "is no longer pending, most likely by this decision; the server could not be asked who decided. "
                            + "Nothing will be re-sent.",
                    ExitCodes.NETWORK);
        }
    }

    private static DecisionOutcome done(String id, ApprovalStatus status, Approval a, String note) {
        DecisionOutcome.Result r =
                status == ApprovalStatus.REJECTED ? DecisionOutcome.Result.REJECTED : DecisionOutcome.Result.APPROVED;
        return new DecisionOutcome(id, r, a, note == null ? "now version " + a.version() : note, ExitCodes.OK);
    }

    static DecisionOutcome failure(String id, ApiException e) {
        if (e instanceof ApiException.Conflict c) {
            return new DecisionOutcome(
                    id, DecisionOutcome.Result.CONFLICT, c.current(), e.getMessage(), ExitCodes.CONFLICT, e);
        }
        if (e instanceof ApiException.NotFound) {
            return new DecisionOutcome(
                    id,
                    DecisionOutcome.Result.NOT_FOUND,
                    null,
                    "No approval with this id on the server.",
                    ExitCodes.NOT_FOUND,
                    e);
        }
        String message = e.getMessage();
        if (e instanceof ApiException.Validation && e.status() == 400 && !message.endsWith("again.")) {
            // the server's own sentence says what is wrong, not what to do about it
            message = message + " Correct it and run the command again.";
        }
        return new DecisionOutcome(
                id, DecisionOutcome.Result.FAILED, null, message, ExitCodeMapper.INSTANCE.getExitCode(e), e);
    }
}
