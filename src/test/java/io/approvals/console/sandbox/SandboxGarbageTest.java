package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mangled requests never get a 500, and the server keeps serving. */
class SandboxGarbageTest {
    private static final Set<Integer> CLIENT_ERRORS_OR_SUCCESS = Set.of(200, 201, 400, 404, 409, 413, 415, 422);
    private static final String[] VALID = {
        "{\"title\":\"Laptop\",\"description\":\"d\",\"priority\":\"High\",\"dueAt\":\"2026-12-01T17:00:00Z\","
                + "\"approver\":\"lee@example.com\",\"requester\":\"dana@example.com\"}",
        "{\"id\":\"apr_x\",\"status\":\"Rejected\",\"comment\":\"no\",\"expectedVersion\":1}",
    };
    private static final String[] PATHS = {
        "/approvals/CreateApproval", "/approvals/UpdateApprovalStatus", "/apikeys/current/regenerate", "/apikeys"
    };

    @TempDir
    Path dir;

    @Test
    void mutatedBodiesAreAnsweredWithoutServerErrors() throws Exception {
        try (Sandbox s = Sandbox.start(new SandboxConfig(dir, 0, 0))) {
            SandboxHttp h = new SandboxHttp(s.baseUri());
            ApiKey admin = s.newAdminKey().orElseThrow();
            Random random = new Random(20261127);
            for (int i = 0; i < 400; i++) {
                byte[] body = mutate(VALID[i % VALID.length].getBytes(StandardCharsets.UTF_8), random);
                String path = PATHS[random.nextInt(PATHS.length)];
                SandboxHttp.Answer a = h.postBytes(path, admin, "application/json", body);
                assertThat(a.status())
                        .as(path + " " + new String(body, StandardCharsets.ISO_8859_1))
                        .isIn(CLIENT_ERRORS_OR_SUCCESS);
                assertThat(a.header("X-Request-Id")).isNotBlank();
            }
            for (int i = 0; i < 50; i++) {
                String junk = junkQuery(random);
                SandboxHttp.Answer a = h.get("/approvals/GetApprovalNotComplete?" + junk, admin);
                assertThat(a.status()).as(junk).isIn(200, 400);
            }
            assertThat(h.get("/apikeys/current", admin).status()).isEqualTo(200);
        }
    }

    private static byte[] mutate(byte[] valid, Random random) {
        byte[] b = Arrays.copyOf(valid, valid.length);
        switch (random.nextInt(5)) {
            case 0 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
            case 2 -> {
                int at = random.nextInt(b.length);
                b[at] = (byte) "{}[]\":,0-eE.\\ntfu".charAt(random.nextInt(17));
            }
            case 3 -> {
                String s = new String(b, StandardCharsets.UTF_8);
                String[] values = {
                    "null",
                    "true",
                    "-1",
                    "1e400",
                    "99999999999999999999999",
                    "[]",
                    "{}",
                    "\"\"",
                    "\"\\u0000\"",
                    "\"\\ud800\"",
                    "1.5"
                };
                b = s.replaceFirst("\"[^\"]*\"(?=[,}])", values[random.nextInt(values.length)])
                        .getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                for (int k = 0; k < 3; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }

    private static String junkQuery(Random random) {
        String[] names = {"limit", "cursor", "approver", "x"};
        String[] values = {
            "", "0", "1", "1000", "1001", "-5", "9999999999999", "abc", "%25", "a.b", "%E2%82%AC", "YToy.AAAA", "%00"
        };
        return names[random.nextInt(names.length)] + "=" + values[random.nextInt(values.length)] + "&"
                + names[random.nextInt(names.length)] + "=" + values[random.nextInt(values.length)];
    }
}
