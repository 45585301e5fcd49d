package io.approvals.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.ServerText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks for a server's OpenAPI document where the usual frameworks publish it, or where the user says, and reads
 * its dialect ({@link OpenApiDialect}). Sends no key: the document is read as anyone may read it. Bounded: 4 MiB and
 * 5 s per place tried, no redirects followed.
 */
public final class OpenApiDiscovery {
    /** Swashbuckle, ASP.NET 9+, FastAPI and others, springdoc. */
    public static final List<String> USUAL_PLACES =
            List.of("/swagger/v1/swagger.json", "/openapi/v1.json", "/openapi.json", "/v3/api-docs");

    private static final int MAX_BYTES = 4 << 20;
    /** Limit of one document's whole answer, body included. */
    static final Duration WHOLE_ANSWER = Duration.ofSeconds(5);

    /** What was found, and every place tried (for the user when nothing was). */
    public record Found(Optional<OpenApiDialect.Result> result, List<String> tried) {}

    private OpenApiDiscovery() {}

    /** Tries given (a URL or a file) when not null, else the usual places under baseUrl. */
    public static Found discover(URI baseUrl, String given, Path caCertificate) {
        List<String> tried = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            String g = given.strip();
            tried.add(g);
            if (!g.matches("(?i)https?://.*")) {
                return new Found(Optional.of(readFile(g)), tried);
            }
            return new Found(fetch(URI.create(g), caCertificate), tried);
        }
        String base = baseUrl.toString().replaceAll("/+$", "");
        for (String place : USUAL_PLACES) {
            URI u = URI.create(base + place);
            tried.add(u.toString());
            Optional<OpenApiDialect.Result> r = fetch(u, caCertificate);
            if (r.isPresent()) {
                return new Found(r, tried);
            }
        }
        return new Found(Optional.empty(), tried);
    }

    /** Why a file given as the OpenAPI document cannot be used; the key names the text in the service's bundle. */
    public enum Reason {
        NO_SUCH_FILE("noSuchFile"),
        PERMISSION_DENIED("permissionDenied"),
        DIRECTORY("directory"),
        TOO_BIG("tooBig"),
        NOT_JSON("notJson"),
        OTHER("other");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** The file given as the OpenAPI document cannot be read; says which and why (not just the path again). */
    public static final class UnreadableFile extends IllegalArgumentException {
        private final String file;
        private final Reason reason;

        UnreadableFile(String file, Reason reason, Throwable cause) {
            super("Cannot read the OpenAPI file " + file + ": " + reason.key(), cause);
            this.file = file;
            this.reason = reason;
        }

        public String file() {
            return file;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static OpenApiDialect.Result readFile(String given) {
        Path file = Path.of(given);
        // the IOExceptions below carry only the path as their message: the reason is in their type
        if (Files.isDirectory(file)) {
            throw new UnreadableFile(given, Reason.DIRECTORY, null);
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new UnreadableFile(given, Reason.TOO_BIG, null);
            }
            JsonNode doc = Json.tolerant().readTree(Files.readAllBytes(file));
            return OpenApiDialect.read(doc, file.toAbsolutePath().toString());
        } catch (NoSuchFileException e) {
            throw new UnreadableFile(given, Reason.NO_SUCH_FILE, e);
        } catch (AccessDeniedException e) {
            throw new UnreadableFile(given, Reason.PERMISSION_DENIED, e);
        } catch (JsonProcessingException e) {
            throw new UnreadableFile(given, Reason.NOT_JSON, e);
        } catch (IOException e) {
            throw new UnreadableFile(given, Reason.OTHER, e);
        }
    }

    private static Optional<OpenApiDialect.Result> fetch(URI u, Path caCertificate) {
        try {
            HttpClient.Builder hb = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER);
            if ("https".equalsIgnoreCase(u.getScheme())) {
                hb.sslContext(TrustedCertificates.sslContext(caCertificate));
            }
            // The whole answer within the limit, body included: a document that trickles in must not hold the
            // profile's set-up for longer than the headers would have been given.
            HttpResponse<byte[]> r = HttpTransport.wholeAnswer(
                    hb.build(),
                    HttpRequest.newBuilder(u)
                            .timeout(WHOLE_ANSWER)
                            .header("Accept", "application/json")
                            .GET()
                            .build(),
                    WHOLE_ANSWER,
                    MAX_BYTES,
                    "openapi");
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode doc = Json.tolerant().readTree(r.body());
            return Optional.of(OpenApiDialect.read(doc, ServerText.clean(u.toString())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
