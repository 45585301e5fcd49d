package io.approvals.console.config;

import static io.approvals.console.contract.PlainJson.expect;
import static io.approvals.console.contract.PlainJson.instant;
import static io.approvals.console.contract.PlainJson.notPlain;
import static io.approvals.console.contract.PlainJson.spelledAs;
import static io.approvals.console.contract.PlainJson.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.approvals.console.contract.JsonTokens;
import io.approvals.console.contract.PlainJson;
import io.approvals.console.contract.PlainJson.Names;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the connections file in the form {@link ConnectionStore} writes it, with the tokenizer alone: every start
 * of the app reads it, and data binding cost that start a few hundred classes and their set-up. Anything the store
 * does not write itself (a CA certificate path, an unknown format version, a null where it writes a number, a value
 * of another type, a name given twice, trailing content...) is not decided here: {@link #read} answers null and the
 * store reads the file with its mapper as before, so what is accepted, and how, does not change
 * (ConnectionStoreTest compares the two on mangled files). Names the store does not know are skipped, as its
 * mapper does.
 */
final class PlainConnectionsFile {
    private PlainConnectionsFile() {}

    /** The file's content, or null when it is not in the plain form (or not readable at all). */
    static ConnectionStore.FileContent read(Path file) {
        try (JsonParser p = JsonTokens.parser(file)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            Integer formatVersion = null;
            String current = null;
            Settings settings = null;
            List<Connection> connections = null;
            Names seen = new Names();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "formatVersion" -> formatVersion = seen.once(0, wholeNumber(p, value));
                    case "current" -> current = seen.once(1, text(p, value));
                    case "settings" ->
                        settings = seen.once(2, value == JsonToken.VALUE_NULL ? null : settings(p, value));
                    case "connections" -> connections = seen.once(3, connections(p, value));
                    default -> p.skipChildren();
                }
            }
            expect(t, JsonToken.END_OBJECT);
            if (p.nextToken() != null || formatVersion == null || formatVersion != ConnectionStore.FORMAT_VERSION) {
                return null;
            }
            return new ConnectionStore.FileContent(formatVersion, current, settings, connections);
        } catch (IOException | RuntimeException unreadOrNotPlain) {
            return null;
        }
    }

    private static Settings settings(JsonParser p, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        int refresh = 0;
        Theme theme = null;
        boolean notifications = true;
        String language = null;
        Names seen = new Names();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "refreshIntervalSeconds" -> refresh = seen.once(0, wholeNumber(p, value));
                case "theme" -> theme = seen.once(1, spelledAs(Theme.values(), Theme::name, text(p, value)));
                case "notifications" -> notifications = seen.once(2, bool(value));
                case "language" -> language = seen.once(3, text(p, value));
                default -> p.skipChildren();
            }
        }
        expect(t, JsonToken.END_OBJECT);
        seen.require(0); // a missing number is the mapper's to decide
        return new Settings(refresh, theme, notifications, language);
    }

    private static List<Connection> connections(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        return PlainJson.objects(p, PlainConnectionsFile::connection);
    }

    private static Connection connection(JsonParser p) throws IOException {
        String name = null;
        URI baseUrl = null;
        AuthMode authMode = null;
        String headerName = null;
        VerifiedKey verified = null;
        Names seen = new Names();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> name = seen.once(0, text(p, value));
                case "baseUrl" -> baseUrl = seen.once(1, uri(text(p, value)));
                case "authMode" ->
                    authMode = seen.once(2, spelledAs(AuthMode.values(), AuthMode::name, text(p, value)));
                case "headerName" -> headerName = seen.once(3, text(p, value));
                // a path is written as a file: URI; reading one back is left to the mapper
                case "caCertPath" -> seen.once(4, expect(value, JsonToken.VALUE_NULL));
                case "verified" -> verified = seen.once(5, value == JsonToken.VALUE_NULL ? null : verified(p, value));
                // a dialect is rare and varied: a file with one is left to the mapper
                case "dialect" -> seen.once(6, expect(value, JsonToken.VALUE_NULL));
                default -> p.skipChildren();
            }
        }
        expect(t, JsonToken.END_OBJECT);
        return new Connection(name, baseUrl, authMode, headerName, null, verified);
    }

    private static VerifiedKey verified(JsonParser p, JsonToken start) throws IOException {
        expect(start, JsonToken.START_OBJECT);
        String prefix = null;
        String last4 = null;
        String fingerprint = null;
        List<String> scopes = null;
        String owner = null;
        Instant expiresAt = null;
        String status = null;
        Instant verifiedAt = null;
        boolean keyEndpointsAvailable = false;
        Names seen = new Names();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "prefix" -> prefix = seen.once(0, text(p, value));
                case "last4" -> last4 = seen.once(1, text(p, value));
                case "fingerprint" -> fingerprint = seen.once(2, text(p, value));
                case "scopes" -> scopes = seen.once(3, texts(p, value));
                case "owner" -> owner = seen.once(4, text(p, value));
                case "expiresAt" -> expiresAt = seen.once(5, instant(text(p, value)));
                case "status" -> status = seen.once(6, text(p, value));
                case "verifiedAt" -> verifiedAt = seen.once(7, instant(text(p, value)));
                case "keyEndpointsAvailable" -> keyEndpointsAvailable = seen.once(8, bool(value));
                default -> p.skipChildren();
            }
        }
        expect(t, JsonToken.END_OBJECT);
        seen.require(8);
        return new VerifiedKey(
                prefix, last4, fingerprint, scopes, owner, expiresAt, status, verifiedAt, keyEndpointsAvailable);
    }

    private static List<String> texts(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(start, JsonToken.START_ARRAY);
        List<String> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        }
        expect(t, JsonToken.END_ARRAY);
        return out;
    }

    private static int wholeNumber(JsonParser p, JsonToken value) throws IOException {
        expect(value, JsonToken.VALUE_NUMBER_INT);
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw notPlain();
        }
        return p.getIntValue();
    }

    private static boolean bool(JsonToken value) {
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
            return value == JsonToken.VALUE_TRUE;
        }
        throw notPlain();
    }

    private static URI uri(String text) {
        if (text == null || text.isEmpty()) {
            throw notPlain();
        }
        return URI.create(text);
    }
}
