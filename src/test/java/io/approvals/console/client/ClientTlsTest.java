package io.approvals.console.client;

import static io.approvals.console.testing.StubServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.approvals.console.testing.Canary;
import io.approvals.console.testing.StubServer;
import io.approvals.console.testing.TestCertificates;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientTlsTest {
    @TempDir
    static Path dir;

    static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir);
    }

    @Test
    void trustsAServerSignedByTheConnectionsCaCertificate() throws Exception {
        try (StubServer server = StubServer.https(certs.signedByCa)) {
            server.on("/approvals/GetApprovalNotComplete", (ex, s) -> json(ex, 200, "[]"));
            ApprovalsClient client = ApprovalsClient.builder(server.uri(), Canary.key())
                    .caCertificate(certs.caPem)
                    .retryPolicy(RetryPolicy.NONE)
                    .build();
            assertThat(client.listNotComplete(null, 1, null).items()).isEmpty();
            assertThat(server.requests().get(0).header("X-API-Key"))
                    .isEqualTo(Canary.key().reveal());
        }
    }

    @Test
    void refusesAnUntrustedCertificateWithAClearMessage() throws Exception {
        try (StubServer server = StubServer.https(certs.selfSigned)) {
            server.on("/approvals/GetApprovalNotComplete", (ex, s) -> json(ex, 200, "[]"));
            ApprovalsClient withoutCa = ApprovalsClient.builder(server.uri(), Canary.key())
                    .retryPolicy(RetryPolicy.NONE)
                    .build();
            assertThatThrownBy(() -> withoutCa.listNotComplete(null, 1, null))
                    .isInstanceOf(ApiException.Network.class)
                    .hasMessageContaining("certificate is not trusted")
                    .hasMessageNotContaining(Canary.MARK);
            ApprovalsClient withOtherCa = ApprovalsClient.builder(server.uri(), Canary.key())
                    .caCertificate(certs.caPem)
                    .retryPolicy(RetryPolicy.NONE)
                    .build();
            assertThatThrownBy(() -> withOtherCa.listNotComplete(null, 1, null))
                    .isInstanceOf(ApiException.Network.class)
                    .hasMessageContaining("not trusted");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostSaysSo() throws Exception {
        try (StubServer server = StubServer.https(certs.otherHost)) {
            server.on("/approvals/GetApprovalNotComplete", (ex, s) -> json(ex, 200, "[]"));
            ApprovalsClient client = ApprovalsClient.builder(server.uri(), Canary.key())
                    .caCertificate(certs.caPem)
                    .retryPolicy(RetryPolicy.NONE)
                    .build();
            assertThatThrownBy(() -> client.listNotComplete(null, 1, null))
                    .isInstanceOf(ApiException.Network.class)
                    .hasMessageContaining("certificate is for another host")
                    .hasMessageNotContaining("not trusted");
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void aMissingOrBogusCaFileIsAClearError() throws Exception {
        Path bogus = dir.resolve("bogus.pem");
        java.nio.file.Files.writeString(bogus, "not a certificate");
        assertThatThrownBy(() -> ApprovalsClient.builder(java.net.URI.create("https://127.0.0.1:1"), Canary.key())
                        .caCertificate(bogus)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PEM certificate");
        assertThatThrownBy(() -> ApprovalsClient.builder(java.net.URI.create("https://127.0.0.1:1"), Canary.key())
                        .caCertificate(dir.resolve("missing.pem"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cannot read");
    }

    @Test
    void anUpperCaseHttpsUrlStillGetsTls() throws Exception {
        try (StubServer server = StubServer.https(certs.signedByCa)) {
            server.on("/approvals/GetApprovalNotComplete", (ex, s) -> json(ex, 200, "[]"));
            java.net.URI upper = java.net.URI.create(server.uri().toString().replace("https://", "HTTPS://"));
            ApprovalsClient client = ApprovalsClient.builder(upper, Canary.key())
                    .caCertificate(certs.caPem)
                    .retryPolicy(RetryPolicy.NONE)
                    .build();
            assertThat(client.listNotComplete(null, 1, null).items()).isEmpty();
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void anHttpClientHasNoTlsToFallBackOn() {
        // http:// clients (loopback only) get a context that refuses TLS instead of the JDK's default set-up
        assertThatThrownBy(() -> NoTlsContext.INSTANCE.createSSLEngine())
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> NoTlsContext.INSTANCE.getSocketFactory())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void warmingUpForAServerSendsNothing() throws Exception {
        try (StubServer plain = StubServer.http();
                StubServer tls = StubServer.https(certs.signedByCa)) {
            ApprovalsClient.warmUp(plain.uri(), null);
            ApprovalsClient.warmUp(tls.uri(), certs.caPem);
            assertThat(plain.requests()).isEmpty();
            assertThat(tls.requests()).isEmpty();
        }
    }
}
