package io.approvals.console.sandbox;

import java.util.Map;

/** A finished answer: status, content type (null for no body), body bytes and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";

    static Reply json(int status, byte[] body) {
        return new Reply(status, JSON, body, Map.of());
    }

    static Reply notModified(String etag) {
        return new Reply(304, null, new byte[0], Map.of("ETag", etag));
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(all));
    }
}
