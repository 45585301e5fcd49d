package io.approvals.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throwaway CA and a server certificate for 127.0.0.1 signed by it, made with the JDK's keytool,
 * plus a self-signed certificate nobody trusts.
 */
public final class TestCertificates {
    private static final String PW = "changeit";
    public final Path caPem;
    public final SSLContext signedByCa;
    public final SSLContext selfSigned;
    /** Signed by the CA, but for another host only (approvals.other.example): a host-name mismatch. */
    public final SSLContext otherHost;

    private TestCertificates(Path caPem, SSLContext signedByCa, SSLContext selfSigned, SSLContext otherHost) {
        this.caPem = caPem;
        this.signedByCa = signedByCa;
        this.selfSigned = selfSigned;
        this.otherHost = otherHost;
    }

    public static TestCertificates create(Path dir) throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path server = dir.resolve("server.p12");
        Path rogue = dir.resolve("rogue.p12");
        Path caPem = dir.resolve("ca.pem");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-dname",
                "CN=Approvals Test CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-keystore",
                ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", csr.toString());
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-infile",
                csr.toString(),
                "-outfile",
                serverPem.toString(),
                "-rfc",
                "-validity",
                "2",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "server",
                "-file",
                serverPem.toString(),
                "-keystore",
                server.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "rogue",
                "-keyalg",
                "EC",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                rogue.toString());
        Path other = dir.resolve("other.p12");
        Path otherCsr = dir.resolve("other.csr");
        Path otherPem = dir.resolve("other.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "other",
                "-keyalg",
                "EC",
                "-dname",
                "CN=approvals.other.example",
                "-validity",
                "2",
                "-keystore",
                other.toString());
        keytool("-certreq", "-alias", "other", "-keystore", other.toString(), "-file", otherCsr.toString());
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca.toString(),
                "-infile",
                otherCsr.toString(),
                "-outfile",
                otherPem.toString(),
                "-rfc",
                "-validity",
                "2",
                "-ext",
                "SAN=dns:approvals.other.example");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", other.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "other",
                "-file",
                otherPem.toString(),
                "-keystore",
                other.toString());
        return new TestCertificates(caPem, serverContext(server), serverContext(rogue), serverContext(other));
    }

    private static SSLContext serverContext(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, PW.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PW.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", PW, "-keypass", PW, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + out);
        }
    }
}
