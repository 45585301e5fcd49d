package io.approvals.console.client;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Dialect;
import io.approvals.console.contract.ServerText;
import io.approvals.console.contract.Wire;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends a call to the server with the key and brings back its whole answer, or an {@link ApiException} saying
 * what went wrong and how long was waited. Retries with backoff (see {@link RetryPolicy}) only calls marked
 * retryable, on connection failures, 502/503/504 and 429, all within the call's limit. Thread-safe; blocking.
 */
final class HttpTransport {
    private static final System.Logger LOG = System.getLogger(HttpTransport.class.getName());
    private static final ResponseDecoder DECODER = ResponseDecoder.SHARED;

    private final URI baseUrl;
    private final ApiKey key;
    private final AuthScheme auth;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final String userAgent;
    private final Dialect dialect;
    private final int maxBodyBytes;

    HttpTransport(ApprovalsClientBuilder b, Dialect dialect) {
        this.baseUrl = b.baseUrl;
        this.key = b.key;
        this.auth = b.auth;
        this.requestTimeout = b.requestTimeout;
        this.callTimeout = b.callTimeout == null ? b.requestTimeout : b.callTimeout;
        this.retry = b.retry;
        this.sleeper = b.sleeper;
        this.userAgent = b.userAgent;
        this.dialect = dialect;
        this.maxBodyBytes = b.maxBodyBytes;
        this.http = httpClient(baseUrl, b.caCertificate, b.connectTimeout);
    }

    static HttpClient httpClient(URI baseUrl, Path caCertificate, Duration connectTimeout) {
        HttpClient.Builder hb =
                HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER);
        if ("https".equalsIgnoreCase(baseUrl.getScheme())) {
            hb.sslContext(TrustedCertificates.sslContext(caCertificate));
        } else {
            hb.version(HttpClient.Version.HTTP_1_1)
                    .sslContext(NoTlsContext.INSTANCE)
                    .sslParameters(NoTlsContext.parameters());
        }
        return hb.build();
    }

    /** A request as we mean it, before any attempt. */
    record Call(String method, String path, String body, Map<String, String> headers, boolean retryable) {
        static Call get(String path) {
            return new Call("GET", path, null, Map.of(), false);
        }

        static Call post(String path, String body) {
            return new Call("POST", path, body, Map.of(), false);
        }

        Call header(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Call(method, path, body, Map.copyOf(h), retryable);
        }

        Call asRetryable() {
            return new Call(method, path, body, headers, true);
        }
    }

    /** What came back: status 2xx or 304; errors are thrown as ApiException. */
    record Exchange(int status, byte[] body, String etag, String requestId, String location) {}

    /**
     * Sends the call, retrying it when it may be, all within {@link #callTimeout}: each attempt gets the request
     * time-out or what is left, whichever is shorter, for its whole answer (headers and body, so a body that trickles
     * in ends too), and no backoff waits past the end. A failure says how long was really waited.
     */
    Exchange send(Call call) {
        int attempt = 0;
        long callStarted = System.nanoTime();
        long callDeadline = callStarted + callTimeout.toNanos();
        while (true) {
            attempt++;
            long left = callDeadline - System.nanoTime();
            boolean mayRetry = call.retryable && attempt < retry.maxAttempts();
            HttpResponse<byte[]> response;
            byte[] body;
            String requestId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            Duration attemptLimit =
                    left < requestTimeout.toNanos() ? Duration.ofNanos(Math.max(left, 1_000_000)) : requestTimeout;
            try {
                response = exchange(request(call, requestId, attemptLimit), attemptLimit, requestId);
                body = response.body();
            } catch (IOException e) {
                ApiException.Network failure = networkFailure(e, attempt, System.nanoTime() - callStarted);
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> call.method + " " + call.path + " failed: "
                                + e.getClass().getSimpleName());
                Duration wait = retry.backoff(attempt);
                // a server that let the whole limit pass once is not asked again: the call's limit would pass too
                if (!mayRetry
                        || e instanceof HttpTimeoutException
                        || System.nanoTime() + wait.toNanos() >= callDeadline - 50_000_000L) {
                    throw failure;
                }
                pause(wait);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException.Network("The request was cancelled.", e);
            }
            int status = response.statusCode();
            String rid = response.headers()
                    .firstValue("X-Request-Id")
                    .map(ServerText::clean)
                    .map(Wire::clip)
                    .orElse(requestId);
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.log(
                    System.Logger.Level.DEBUG,
                    () -> call.method + " " + call.path + " -> " + status + " in " + ms + " ms (request " + rid + ")");
            if ((status >= 200 && status < 300) || status == 304) {
                return new Exchange(
                        status,
                        body,
                        response.headers().firstValue("ETag").orElse(null),
                        rid,
                        response.headers().firstValue("Location").orElse(null));
            }
            ApiException error = DECODER.error(status, response.headers(), body, rid);
            if (status == 401
                    && (body == null || body.length == 0)
                    && auth instanceof AuthScheme.ApiKeyHeader h
                    && dialect.headerGuessed()) {
                error = new ApiException.Unauthorized(rid, h.headerName());
            }
            if (mayRetry && isTransient(status)) {
                Duration wait = retry.backoff(attempt);
                if (error instanceof ApiException.RateLimited limited) {
                    if (limited.retryAfter().compareTo(retry.maxRetryAfter()) > 0) {
                        throw error;
                    }
                    wait = limited.retryAfter();
                } else if (status == 503
                        && response.headers().firstValue("Retry-After").isPresent()) {
                    Duration asked = ResponseDecoder.retryAfter(response.headers());
                    if (asked.compareTo(retry.maxRetryAfter()) <= 0) {
                        wait = asked;
                    }
                }
                if (System.nanoTime() + wait.toNanos() >= callDeadline - 50_000_000L) {
                    throw error; // no time left for another attempt within the call's limit
                }
                pause(wait);
                continue;
            }
            throw error;
        }
    }

    /** One exchange whose whole answer must arrive within limit, its body capped at {@link #maxBodyBytes}. */
    private HttpResponse<byte[]> exchange(HttpRequest request, Duration limit, String requestId)
            throws IOException, InterruptedException {
        return wholeAnswer(http, request, limit, maxBodyBytes, requestId);
    }

    /**
     * Sends request on http; its whole answer, body included, must arrive within limit, and a body over maxBytes
     * is refused as it arrives. Also for requests sent without the key (the OpenAPI discovery).
     */
    static HttpResponse<byte[]> wholeAnswer(
            HttpClient http, HttpRequest request, Duration limit, int maxBytes, String requestId)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> answer =
                http.sendAsync(request, info -> new CappedBody(maxBytes, info.statusCode(), requestId));
        try {
            return answer.get(limit.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new WholeAnswerTimeout(limit);
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException
                    || (cause instanceof IOException && cause.getCause() instanceof ApiException)) {
                cause = cause.getCause();
            }
            if (cause instanceof ApiException api) {
                throw api;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** The whole answer did not arrive within the limit (a server that stalls, or trickles its body). */
    static final class WholeAnswerTimeout extends HttpTimeoutException {
        WholeAnswerTimeout(Duration limit) {
            super("no complete answer within " + limit.toMillis() + " ms");
        }
    }

    private static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Network("The request was cancelled.", e);
        }
    }

    private HttpRequest request(Call call, String requestId, Duration limit) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(
                        baseUrl.resolve(UrlPolicy.stripSlash(baseUrl.getPath()) + call.path))
                .timeout(limit)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", userAgent)
                .header("X-Request-Id", requestId);
        if (auth instanceof AuthScheme.Bearer) {
            rb.header("Authorization", "Bearer " + key.reveal());
        } else if (auth instanceof AuthScheme.ApiKeyHeader h) {
            rb.header(h.headerName(), key.reveal());
        }
        call.headers.forEach(rb::header);
        if (call.body != null) {
            rb.header("Content-Type", "application/json; charset=utf-8");
            rb.method(call.method, HttpRequest.BodyPublishers.ofString(call.body, StandardCharsets.UTF_8));
        } else {
            rb.method(call.method, HttpRequest.BodyPublishers.noBody());
        }
        return rb.build();
    }

    private ApiException.Network networkFailure(IOException e, int attempts, long waitedNanos) {
        String host = baseUrl.getHost() + (baseUrl.getPort() > 0 ? ":" + baseUrl.getPort() : "");
        String waited = String.format(
                Locale.ROOT,
                " (waited %.1f s in all%s)",
                waitedNanos / 1e9,
                attempts > 1 ? ", " + attempts + " attempts" : "");
        if (e instanceof HttpConnectTimeoutException) {
            return new ApiException.Network("Could not connect to " + host + " (timed out)" + waited + ".", e);
        }
        if (e instanceof WholeAnswerTimeout || e instanceof HttpTimeoutException) {
            return new ApiException.Network(
                    "The server did not answer completely within " + limitText(requestTimeout)
                            + ", the limit for one request" + waited + ".",
                    e);
        }
        if (e instanceof SSLHandshakeException && isHostMismatch(e)) {
            return new ApiException.Network(
                    "The server's certificate is for another host, not " + baseUrl.getHost()
                            + ". Check the address; if it is right, the server's certificate must name it.",
                    e);
        }
        if (e instanceof ConnectException) {
            return new ApiException.Network("Could not connect to " + host + " (connection refused).", e);
        }
        if (e instanceof SSLHandshakeException) {
            return new ApiException.Network(
                    "The server's certificate is not trusted for " + host
                            + ". If your organisation uses its own CA, add its certificate to the connection.",
                    e);
        }
        if (e instanceof SSLException) {
            return new ApiException.Network("A secure connection to " + host + " failed.", e);
        }
        if (e instanceof java.io.EOFException || e.getCause() instanceof java.io.EOFException) {
            return new ApiException.Network("The connection to " + host + " broke before the answer was complete.", e);
        }
        if (e instanceof java.net.UnknownHostException) {
            return new ApiException.Network("The host " + baseUrl.getHost() + " is unknown.", e);
        }
        return new ApiException.Network("The connection to " + host + " failed.", e);
    }

    private static String limitText(Duration d) {
        return d.toMillis() % 1000 == 0
                ? d.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1e3);
    }

    /** A handshake that failed because the certificate names other hosts (not because it is untrusted). */
    private static boolean isHostMismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    && t.getMessage() != null
                    && (t.getMessage().contains("No subject alternative")
                            || t.getMessage().contains("No name matching"))) {
                return true;
            }
        }
        return false;
    }
}
