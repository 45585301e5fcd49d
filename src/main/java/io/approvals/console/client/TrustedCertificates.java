package io.approvals.console.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** An SSLContext that trusts the system's CAs plus, optionally, a corporate CA from a PEM file. */
final class TrustedCertificates {
    private TrustedCertificates() {}

    static SSLContext sslContext(Path extraCaPem) {
        try {
            X509TrustManager system = trustManager(null);
            X509TrustManager combined = system;
            if (extraCaPem != null) {
                combined = new EitherTrustManager(system, trustManager(loadPem(extraCaPem)));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {combined}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Could not set up TLS: " + e.getMessage(), e);
        }
    }

    private static KeyStore loadPem(Path pem) throws GeneralSecurityException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(pem)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the CA certificate " + pem + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("The file " + pem + " is not a PEM certificate.", e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException("The file " + pem + " holds no certificate.");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int i = 0;
        for (Certificate c : certs) {
            store.setCertificateEntry("extra-ca-" + i++, c);
        }
        return store;
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("No X509TrustManager available");
    }

    /** Trusts a chain that either manager trusts. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            first.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>(List.of(first.getAcceptedIssuers()));
            all.addAll(List.of(second.getAcceptedIssuers()));
            return all.toArray(X509Certificate[]::new);
        }
    }
}
