package io.approvals.console.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.Problem;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON answers and problem+json bodies. */
final class Responses {
    static final ObjectMapper MAPPER = Json.strictMillis().addMixIn(Approval.class, ApprovalWire.class);

    /** Approval's isPending() is a convenience for the console, not part of the wire format. */
    @JsonIgnoreProperties({"pending"})
    private abstract static class ApprovalWire {}

    private Responses() {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply json(int status, Object value) {
        return Reply.json(status, bytes(value));
    }

    /**
     * {"nextCursor": ..., "items": [...]} with nextCursor always present (null on the last page), and first: the
     * order of names means nothing in JSON, but a client reading the page as a stream learns where the next page
     * starts before it reads the items, and can ask for it at once (the console does).
     */
    static Map<String, Object> page(List<?> items, String nextCursor) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("nextCursor", nextCursor);
        page.put("items", items);
        return page;
    }

    static Reply problem(ApiProblem p, String traceId) {
        Problem body =
                new Problem("about:blank", p.title, p.status, p.detail, traceId, p.errors, p.requiredScope, p.current);
        Reply reply = new Reply(p.status, Problem.MEDIA_TYPE, bytes(body), Map.of());
        for (Map.Entry<String, String> h : p.headers.entrySet()) {
            reply = reply.withHeader(h.getKey(), h.getValue());
        }
        return reply;
    }
}
