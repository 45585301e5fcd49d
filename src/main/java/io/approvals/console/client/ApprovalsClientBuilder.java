package io.approvals.console.client;

import io.approvals.console.contract.ApiKey;
import io.approvals.console.contract.Dialect;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Configures and builds an {@link ApprovalsClient} ({@code ApprovalsClient.builder(url, key)}). */
public final class ApprovalsClientBuilder {

    final URI baseUrl;
    final ApiKey key;
    AuthScheme auth = AuthScheme.header();
    Path caCertificate;
    Duration connectTimeout = Duration.ofSeconds(5);
    Duration requestTimeout = Duration.ofSeconds(30);
    RetryPolicy retry = RetryPolicy.DEFAULT;
    Sleeper sleeper = Sleeper.REAL;
    Clock clock = Clock.systemUTC();
    String userAgent = "approvals-console";
    Dialect dialect = Dialect.CONTRACT;
    int maxItems = ApprovalsClient.DEFAULT_MAX_ITEMS;
    int maxPages = ApprovalsClient.DEFAULT_MAX_PAGES;
    int maxBodyBytes = ApprovalsClient.MAX_BODY_BYTES;
    Duration callTimeout;

    ApprovalsClientBuilder(URI baseUrl, ApiKey key) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.key = Objects.requireNonNull(key, "key");
    }

    public ApprovalsClientBuilder auth(AuthScheme auth) {
        this.auth = Objects.requireNonNull(auth);
        return this;
    }

    public ApprovalsClientBuilder caCertificate(Path pem) {
        this.caCertificate = pem;
        return this;
    }

    public ApprovalsClientBuilder connectTimeout(Duration d) {
        this.connectTimeout = d;
        return this;
    }

    public ApprovalsClientBuilder requestTimeout(Duration d) {
        this.requestTimeout = d;
        return this;
    }

    public ApprovalsClientBuilder retryPolicy(RetryPolicy policy) {
        this.retry = policy;
        return this;
    }

    public ApprovalsClientBuilder sleeper(Sleeper s) {
        this.sleeper = s;
        return this;
    }

    public ApprovalsClientBuilder clock(Clock c) {
        this.clock = c;
        return this;
    }

    public ApprovalsClientBuilder userAgent(String ua) {
        this.userAgent = ua;
        return this;
    }

    /** How the server spells the API (field names, spellings, time zone); null for the contract's own. */
    public ApprovalsClientBuilder dialect(Dialect d) {
        this.dialect = d == null ? Dialect.CONTRACT : d;
        return this;
    }

    /** Cap on the items of one list fetch (default 500,000): more is a clear error, never a full heap. */
    public ApprovalsClientBuilder maxItems(int n) {
        this.maxItems = Math.max(1, n);
        return this;
    }

    /** Cap on the pages of one list fetch (default 10,000). */
    public ApprovalsClientBuilder maxPages(int n) {
        this.maxPages = Math.max(1, n);
        return this;
    }

    /** Cap on the bytes of one answer (default 64 MiB). */
    public ApprovalsClientBuilder maxBodyBytes(int n) {
        this.maxBodyBytes = Math.max(1024, n);
        return this;
    }

    /** Limit of one call, its retries and their waits included (default: the request time-out). */
    public ApprovalsClientBuilder callTimeout(Duration d) {
        this.callTimeout = d;
        return this;
    }

    /** Throws InsecureUrl for http:// to a host that is not loopback. */
    public ApprovalsClient build() {
        UrlPolicy.checkUrl(baseUrl);
        return new ApprovalsClient(this);
    }
}
