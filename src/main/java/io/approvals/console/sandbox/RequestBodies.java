package io.approvals.console.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import io.approvals.console.contract.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads request bodies defensively: at most 64 KiB + 1 bytes, strict UTF-8, JSON with the contract's
 * nesting limit, no duplicate names or trailing garbage, and an object at the top.
 */
final class RequestBodies {
    static final int MAX_BYTES = 64 * 1024;
    /**
     * How much of an oversized body is read and thrown away so the client, still sending, gets to read
     * the 413 instead of a connection reset. Beyond this the connection is simply closed.
     */
    static final long DISCARD_LIMIT = 8L * 1024 * 1024;

    private static final ObjectMapper MAPPER = Json.strict().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        MAPPER.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }

    private RequestBodies() {}

    /** A JSON object body; 415 for another content type, 413 when too large, 400 when not a JSON object. */
    static ObjectNode requireObject(Headers headers, InputStream in) throws IOException {
        requireJsonContentType(headers);
        byte[] bytes = readBounded(headers, in);
        if (bytes.length == 0) {
            throw ApiProblem.badRequest("The body is empty; a JSON object is expected.");
        }
        return parseObject(bytes);
    }

    /** For endpoints without a body: nothing, or a JSON object (checked like any other body). */
    static ObjectNode optionalObject(Headers headers, InputStream in) throws IOException {
        byte[] bytes = readBounded(headers, in);
        if (bytes.length == 0) {
            return MAPPER.createObjectNode();
        }
        requireJsonContentType(headers);
        return parseObject(bytes);
    }

    static void requireJsonContentType(Headers headers) {
        String type = headers.getFirst("Content-Type");
        if (type == null) {
            throw ApiProblem.unsupportedMediaType("Content-Type is missing; send application/json.");
        }
        String[] parts = type.split(";");
        if (!parts[0].strip().equalsIgnoreCase("application/json")) {
            throw ApiProblem.unsupportedMediaType("Content-Type must be application/json.");
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")) {
                String charset = param.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw ApiProblem.unsupportedMediaType("Only UTF-8 bodies are accepted.");
                }
            }
        }
    }

    /** Reads at most MAX_BYTES + 1 bytes: one more than allowed proves the body is too large. */
    static byte[] readBounded(Headers headers, InputStream in) throws IOException {
        String length = headers.getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BYTES) {
                    discard(in);
                    throw ApiProblem.tooLarge(MAX_BYTES);
                }
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("Content-Length is not a number.");
            }
        }
        byte[] buffer = new byte[8192];
        int total = 0;
        while (true) {
            if (total == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_BYTES + 1));
            }
            int n;
            try {
                n = in.read(buffer, total, buffer.length - total);
            } catch (IOException e) {
                // the JDK's stream says so when the connection ends before Content-Length bytes came (found by
                // SandboxFuzzTest: it was a 500); the client may still be reading
                throw ApiProblem.badRequest("The body ended before the length its Content-Length announced.");
            }
            if (n < 0) {
                break;
            }
            total += n;
            if (total > MAX_BYTES) {
                discard(in);
                throw ApiProblem.tooLarge(MAX_BYTES);
            }
        }
        return Arrays.copyOf(buffer, total);
    }

    private static void discard(InputStream in) {
        byte[] sink = new byte[16 * 1024];
        long dropped = 0;
        int n;
        try {
            while (dropped < DISCARD_LIMIT && (n = in.read(sink)) >= 0) {
                dropped += n;
            }
        } catch (IOException e) {
            // the client stopped sending: nothing more to throw away
        }
    }

    static ObjectNode parseObject(byte[] bytes) {
        String text = decodeUtf8(bytes);
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("The body is not well-formed JSON" + where(e) + ".");
        } catch (StackOverflowError e) {
            throw ApiProblem.badRequest("The JSON is nested too deeply (at most " + Json.MAX_DEPTH + " levels).");
        }
        if (node == null || node.isMissingNode()) {
            throw ApiProblem.badRequest("The body is empty; a JSON object is expected.");
        }
        if (!node.isObject()) {
            throw ApiProblem.badRequest("The body must be a JSON object, not "
                    + node.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
        }
        return (ObjectNode) node;
    }

    private static String where(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.toLowerCase(Locale.ROOT).contains("nesting depth")) {
            return ": nested deeper than " + Json.MAX_DEPTH + " levels";
        }
        return e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
    }

    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("The body is not valid UTF-8.");
        }
    }
}
