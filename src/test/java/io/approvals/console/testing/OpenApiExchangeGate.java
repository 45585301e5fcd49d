package io.approvals.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's check that no test saw the sandbox answer (or the client ask) outside docs/api/openapi.yaml:
 * reads the figures {@link OpenApiExchanges} wrote when the test JVM ended and fails on any mismatch. Run by
 * mvn verify after the tests (pom.xml, exec-maven-plugin), since a check in a test could not see the exchanges of
 * tests that run after it.
 */
public final class OpenApiExchangeGate {
    private OpenApiExchangeGate() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target").resolve("reliability");
        String name = OpenApiExchanges.SUITE + (ReliabilityFigures.Slow.enabled() ? "-full" : "") + ".json";
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            System.out.println("[openapi] no exchanges were checked (no test started a sandbox in the test JVM)");
            return;
        }
        JsonNode figures = new ObjectMapper().readTree(file.toFile());
        long mismatches = figures.path("mismatches").asLong();
        System.out.println("[openapi] " + figures.path("exchanges").asLong() + " exchanges checked against "
                + "docs/api/openapi.yaml ("
                + figures.path("clientRequestsChecked").asLong()
                + " client requests), " + mismatches + " mismatches");
        if (mismatches > 0 || figures.path("uncheckedAtExit").asLong() > 0) {
            for (JsonNode line : figures.path("firstMismatches")) {
                System.out.println("[openapi]   " + line.asText());
            }
            throw new IllegalStateException(
                    "the sandbox or the client left docs/api/openapi.yaml: " + mismatches + " mismatches; see " + file);
        }
    }
}
