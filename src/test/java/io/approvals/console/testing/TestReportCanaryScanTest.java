package io.approvals.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.ApiKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan run after the tests finds a canary wherever it was planted, and says where without repeating it. */
class TestReportCanaryScanTest {
    @TempDir
    Path reports;

    @Test
    void findsTheCanaryAndFollowedKeysButNothingElse() throws Exception {
        ApiKey followed = Canary.random();
        ApiKey other = Canary.random();
        Files.writeString(
                reports.resolve("TEST-clean.xml"),
                "<testsuite><system-out>" + other.reveal()
                        + " 0123456789abcdef0123456789abcdef0123456789abcdef</system-out></testsuite>\n");
        Files.createDirectories(reports.resolve("nested"));
        Files.writeString(
                reports.resolve("nested/a-output.txt"),
                "line one\nkey=" + Canary.key().reveal() + "\n");
        // a followed key whole, and its random part alone inside a longer run of key characters
        Files.write(
                reports.resolve("b.txt"),
                ("x\ny\nAuthorization: Bearer " + followed.reveal() + "\n").getBytes(StandardCharsets.UTF_8));
        Files.writeString(
                reports.resolve("c.json"), "{\"m\":\"zz" + followed.reveal().substring(4, 36) + "zz\"}");

        TestReportCanaryScan.Outcome o = TestReportCanaryScan.scan(
                List.of(reports, reports.resolve("missing")),
                Set.of(Canary.digest(followed.reveal().substring(4, 36))));

        assertThat(o.files()).isEqualTo(4);
        assertThat(o.hits())
                .extracting(h -> reports.relativize(h.file()).toString() + ":" + h.line() + " " + h.canary())
                .containsExactlyInAnyOrder(
                        "nested/a-output.txt:2 the canary key (Canary.MARK)",
                        "b.txt:3 a followed key",
                        "c.json:1 a followed key");
        assertThat(o.hits().toString())
                .doesNotContain(Canary.MARK)
                .doesNotContain(followed.reveal().substring(4, 36));
    }

    @Test
    void aFollowedKeyIsRecordedAsADigestOnly() throws Exception {
        ApiKey key = Canary.follow(Canary.random());
        String recorded = Files.readString(Canary.FOLLOWED);
        assertThat(recorded)
                .contains(Canary.digest(key.reveal().substring(4, 36)))
                .doesNotContain(key.reveal().substring(4, 36));
        assertThat(TestReportCanaryScan.followed(Canary.FOLLOWED))
                .contains(Canary.digest(key.reveal().substring(4, 36)));
    }
}
