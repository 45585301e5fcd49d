package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.contract.Priority;
import io.approvals.console.contract.TestKeys;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.FailureText.Kind;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Each failure kind reads as before in English, completely in German, and never shows a key. */
class FailureTextTest {
    private static final Locale EN = Locale.ENGLISH;
    private static final Locale DE = Locale.GERMAN;

    private static FailureText en(Throwable e) {
        return FailureText.of(e, EN);
    }

    private static FailureText de(Throwable e) {
        return FailureText.of(e, DE);
    }

    private static Approval decided(ApprovalStatus status, Instant at) {
        Instant t = Instant.parse("2026-11-26T10:15:30Z");
        return new Approval(
                "apr_1",
                "Laptop",
                null,
                "dana@example.com",
                "lee@example.com",
                Priority.NORMAL,
                null,
                status,
                t,
                t,
                "writer@example.com",
                at,
                null,
                4);
    }

    @Test
    void networkFailuresKeepTheClientsFactsAndSayWhatToCheck() {
        ApiException refused = new ApiException.Network(
                "Could not connect to h.example:8443 (connection refused).",
                new ConnectException("Connection refused"));
        assertThat(en(refused).kind()).isEqualTo(Kind.OFFLINE);
        assertThat(en(refused).title()).isEqualTo("The server cannot be reached");
        // the English line is the client's message as it always was
        assertThat(en(refused).line()).isEqualTo(refused.getMessage());
        assertThat(de(refused).title()).isEqualTo("Der Server ist nicht erreichbar");
        assertThat(de(refused).message())
                .startsWith("Der Server ist nicht erreichbar.")
                .contains("h.example:8443"); // the fact is quoted as it came
        assertThat(de(refused).nextStep()).startsWith("Pr\u00fcfen Sie das Netzwerk");

        ApiException timeout = new ApiException.Network(
                "Could not connect to h (timed out) (waited 3.0 s in all).",
                new HttpConnectTimeoutException("HTTP connect timed out"));
        assertThat(en(timeout).kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(en(timeout).line()).isEqualTo(timeout.getMessage());
        assertThat(de(timeout).title()).isEqualTo("Der Server hat nicht rechtzeitig geantwortet");

        ApiException broke = new ApiException.Network(
                "The connection to h broke before the answer was complete.",
                new java.io.IOException(new EOFException()));
        assertThat(en(broke).kind()).isEqualTo(Kind.OFFLINE);
    }

    @Test
    void tlsHostMismatchAndUntrustedCertificateAreTheirOwnKinds() {
        ApiException host = new ApiException.Network(
                "The server's certificate is for another host, not h. Check the "
                        + "address; if it is right, the server's certificate must name it.",
                new SSLHandshakeException("No subject alternative DNS name matching h found."));
        assertThat(en(host).kind()).isEqualTo(Kind.TLS_HOST);
        assertThat(en(host).line()).isEqualTo(host.getMessage());
        assertThat(de(host).title()).isEqualTo("Das Zertifikat des Servers nennt einen anderen Host");

        ApiException trust = new ApiException.Network(
                "The server's certificate is not trusted for h.",
                new SSLHandshakeException("PKIX path building failed"));
        assertThat(en(trust).kind()).isEqualTo(Kind.TLS_TRUST);
        assertThat(de(trust).title()).isEqualTo("Dem Zertifikat des Servers wird nicht vertraut");
    }

    @Test
    void aRejectedKeySaysSoAndWhatToDo() {
        FailureText e = en(new ApiException.Unauthorized("req-1"));
        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.message()).isEqualTo("The key was rejected \u2014 it may be revoked or expired.");
        assertThat(e.nextStep()).isEqualTo("Replace the key, or ask an administrator for a new one.");
        assertThat(de(new ApiException.Unauthorized("req-1")).line())
                .isEqualTo("Der Schl\u00fcssel wurde abgewiesen \u2014 vielleicht ist er widerrufen oder abgelaufen. "
                        + "Ersetzen Sie den Schl\u00fcssel oder bitten Sie eine Administratorin um einen neuen.");
    }

    @Test
    void anEmptyUnauthorizedToAGuessedHeaderNamesTheHeader() {
        ApiException e = new ApiException.Unauthorized("req-1", "X-API-Key");
        assertThat(en(e).kind()).isEqualTo(Kind.UNAUTHORIZED_HEADER);
        assertThat(en(e).line())
                .contains("refused the key")
                .contains("header 'X-API-Key'")
                .contains("which was assumed")
                .contains("profiles set NAME --header NAME");
        assertThat(de(e).line()).contains("Header 'X-API-Key'").contains("--header NAME");
    }

    @Test
    void aMissingScopeIsNamed() {
        ApiException e = new ApiException.Forbidden("write", "req-1");
        assertThat(en(e).line())
                .isEqualTo("This key lacks the \u2018write\u2019 scope, so that was refused. "
                        + "Ask an administrator for a key with \u2018write\u2019.");
        assertThat(de(e).line()).contains("\u201ewrite\u201c").startsWith("Diesem Schl\u00fcssel fehlt");
        assertThat(en(new ApiException.Forbidden(null, null)).line())
                .isEqualTo(new ApiException.Forbidden(null, null).getMessage());
        assertThat(de(new ApiException.Forbidden(null, null)).line())
                .startsWith("Dieser Schl\u00fcssel darf das nicht.");
    }

    @Test
    void notFoundAndValidationKeepTheClientsWordsInEnglish() {
        ApiException notFound = new ApiException.NotFound(null, "r");
        assertThat(en(notFound).line()).isEqualTo(notFound.getMessage());
        assertThat(de(notFound).line())
                .isEqualTo("Auf dem Server nicht gefunden. " + "Aktualisieren Sie, um die aktuelle Liste zu sehen.");
        ApiException invalid = new ApiException.Validation(422, null, Map.of(), "r");
        assertThat(en(invalid).line()).isEqualTo(invalid.getMessage());
        assertThat(de(invalid).title()).isEqualTo("Der Server hat die Eingabe abgelehnt");
        ApiException detailed = new ApiException.Validation(400, "Title is required.", Map.of(), "r");
        assertThat(de(detailed).message()).isEqualTo("Title is required."); // the server's own words
    }

    @Test
    void aConflictSaysWhoDecidedOrWhichVersionIsCurrent() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        ApiException decided = new ApiException.Conflict(decided(ApprovalStatus.APPROVED, at), "r");
        assertThat(en(decided).line())
                .isEqualTo(decided.getMessage())
                .isEqualTo("Already approved by writer@example.com at 2026-12-01T09:00:00Z. Nothing was changed.");
        assertThat(de(decided).line())
                .isEqualTo("Bereits genehmigt von writer@example.com am 2026-12-01T09:00:00Z. "
                        + "Es wurde nichts ge\u00e4ndert.");
        ApiException changed = new ApiException.Conflict(decided(ApprovalStatus.PENDING, null), "r");
        assertThat(en(changed).line()).isEqualTo(changed.getMessage());
        ApiException unknown = new ApiException.Conflict(null, "r");
        assertThat(en(unknown).line()).isEqualTo(unknown.getMessage());
        assertThat(de(unknown).kind()).isEqualTo(Kind.CONFLICT);
    }

    @Test
    void aRateLimitSaysHowLongToWait() {
        ApiException e = new ApiException.RateLimited(Duration.ofSeconds(30), "r");
        assertThat(en(e).line()).isEqualTo("The server asked us to wait. Trying again is possible in 30 s.");
        assertThat(de(e).line())
                .isEqualTo("Der Server hat uns gebeten zu warten. Ein neuer Versuch ist in 30 s m\u00f6glich.");
        assertThat(FailureText.retryCountdown(true, 7, EN))
                .isEqualTo("The server asked us to wait. Trying again in 7 s.");
        assertThat(FailureText.retryCountdown(false, 5, EN))
                .startsWith("Offline: the server cannot be reached. " + "Retrying in 5 s.");
        assertThat(FailureText.retryCountdown(false, 5, DE)).contains("Neuer Versuch in 5 s");
    }

    @Test
    void serverFailuresReadAsTheClientWroteThemWithOrWithoutDetailAndRequestId() {
        for (ApiException e : List.of(
                new ApiException.Server(503, null, null),
                new ApiException.Server(500, "Database down.", "req-9"),
                new ApiException.Server(0, "the answer could not be read (not JSON)", "req-9"),
                new ApiException.Server(0, null, null))) {
            assertThat(en(e).line()).as(e.getMessage()).isEqualTo(e.getMessage());
            assertThat(en(e).kind()).isEqualTo(Kind.SERVER);
        }
        assertThat(de(new ApiException.Server(500, "Database down.", "req-9")).line())
                .isEqualTo("Der Server ist gescheitert (HTTP 500): Database down. Versuchen Sie es gleich noch einmal; "
                        + "bleibt der Fehler, sagen Sie es den Betreibern der API (Anfrage req-9).");
    }

    @Test
    void aReachedCapNamesTheCap() {
        ApiException e =
                new ApiException.CapReached(200, "the list has more than 20000 items (cap on items per list)", "req-2");
        assertThat(en(e).line()).isEqualTo(e.getMessage());
        assertThat(de(e).line())
                .startsWith("Angehalten: the list has more than 20000 items (cap on items per list). "
                        + "Nichts davon wurde verwendet.")
                .endsWith("(Anfrage req-2).");
    }

    @Test
    void anInsecureUrlNamesTheHost() {
        ApiException e = new ApiException.InsecureUrl("approvals.example.com");
        assertThat(en(e).line()).isEqualTo(e.getMessage());
        assertThat(de(e).line()).contains("approvals.example.com").endsWith("Verwenden Sie https://.");
    }

    @Test
    void keychainFailuresHaveAKindTitleAndKeepTheirReasonAndStep() {
        KeychainException locked = new KeychainException(
                KeychainException.Kind.LOCKED, "The keyring is locked.", "Unlock it and try again.");
        assertThat(en(locked).kind()).isEqualTo(Kind.KEYCHAIN_LOCKED);
        assertThat(en(locked).line()).isEqualTo(locked.getMessage());
        assertThat(de(locked).title()).isEqualTo("Der Schl\u00fcsselbund ist gesperrt");
        assertThat(de(locked).message()).startsWith("Der Schl\u00fcsselbund ist gesperrt.");
        KeychainException none = new KeychainException(
                KeychainException.Kind.UNAVAILABLE, "No Secret Service answered.", "Install gnome-keyring.");
        assertThat(en(none).kind()).isEqualTo(Kind.KEYCHAIN_UNAVAILABLE);
        assertThat(en(none).line()).isEqualTo(none.getMessage());
        assertThat(de(none).title()).isEqualTo("Hier gibt es keinen Schl\u00fcsselbund");
        for (KeychainException.Kind k : KeychainException.Kind.values()) {
            assertThat(de(new KeychainException(k, "r.", "n.")).title()).doesNotStartWith("[");
        }
    }

    @Test
    void anythingElseIsNamedByItsClassOnlySoNoKeyCanShow() {
        String canary = TestKeys.canaryText();
        RuntimeException odd = new IllegalStateException("boom " + canary);
        assertThat(en(odd).line())
                .isEqualTo("Something went wrong (IllegalStateException). Try again.")
                .doesNotContain(canary);
        assertThat(de(odd).line())
                .isEqualTo("Etwas ist schiefgegangen (IllegalStateException). Versuchen Sie es erneut.");
        assertThat(en(new ServiceException(ServiceException.Kind.REFUSED, "Not with the profile's own key."))
                        .line())
                .isEqualTo("Not with the profile's own key.");
    }

    @Test
    void noTextOfAnyKindHoldsAKeyOrAMissingBundleKey() {
        String canary = TestKeys.canaryText();
        List<Throwable> all = List.of(
                new ApiException.Network("x.", new ConnectException()),
                new ApiException.Unauthorized(null),
                new ApiException.Unauthorized(null, "X-API-Key"),
                new ApiException.Forbidden("admin", null),
                new ApiException.NotFound(null, null),
                new ApiException.Conflict(null, null),
                new ApiException.Validation(400, null, null, null),
                new ApiException.RateLimited(Duration.ofSeconds(2), null),
                new ApiException.Server(502, null, null),
                new ApiException.CapReached(200, "x", null),
                new ApiException.InsecureUrl("h"),
                new KeychainException(KeychainException.Kind.DENIED, "d.", "n."),
                new RuntimeException(canary));
        for (Locale l : List.of(EN, DE, Locale.JAPANESE)) {
            for (Throwable t : all) {
                FailureText f = FailureText.of(t, l);
                assertThat(f.title() + f.message() + f.nextStep())
                        .as(l + " " + t)
                        .doesNotContain(canary)
                        .doesNotContain("[failure.")
                        .doesNotContain("[status.");
            }
        }
    }

    @Test
    void aPartlyReadListSaysHowManyItems() {
        PendingSnapshot s = new PendingSnapshot(List.of(), Map.of(), null, false, 1, 3);
        assertThat(FailureText.readingNote(s, EN))
                .isEqualTo(s.readingNote())
                .isEqualTo("1 item partly read (fields shown as unknown), 3 items skipped (no id)");
        assertThat(FailureText.readingNote(s, DE))
                .isEqualTo(
                        "1 Eintrag teilweise gelesen (Felder als unbekannt gezeigt), 3 Eintr\u00e4ge \u00fcbersprungen (ohne ID)");
        assertThat(FailureText.readingNote(PendingSnapshot.empty(), DE)).isEmpty();
    }
}
