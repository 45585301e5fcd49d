package io.approvals.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mutation table comes from PIT's XML, and its section survives a re-render of the reliability page. */
class MutationReportTest {
    @TempDir
    Path dir;

    private static String mutation(String status, boolean detected, String clazz, int line, String description) {
        return "<mutation detected='" + detected + "' status='" + status + "' numberOfTestsRun='1'>"
                + "<sourceFile>X.java</sourceFile><mutatedClass>" + clazz + "</mutatedClass>"
                + "<mutatedMethod>of</mutatedMethod><methodDescription>()V</methodDescription>"
                + "<lineNumber>" + line + "</lineNumber><mutator>M</mutator><description>" + description
                + "</description></mutation>\n";
    }

    @Test
    void scoresAndSurvivorsComeFromTheXml() throws Exception {
        Path target = Files.createDirectories(dir.resolve("api-key"));
        Files.writeString(
                target.resolve("mutations.xml"),
                "<?xml version='1.0' encoding='UTF-8'?>\n<mutations>\n"
                        + mutation("KILLED", true, "io.approvals.console.contract.ApiKey", 10, "negated conditional")
                        + mutation("TIMED_OUT", true, "io.approvals.console.contract.ApiKey$Format", 11, "x")
                        + mutation(
                                "SURVIVED",
                                false,
                                "io.approvals.console.contract.ApiKey",
                                12,
                                "changed conditional boundary")
                        + mutation("NO_COVERAGE", false, "io.approvals.console.contract.ApiKey", 13, "removed call")
                        + "</mutations>\n");

        String section = MutationReport.render(dir);

        assertThat(section)
                .startsWith(MutationReport.BEGIN)
                .endsWith(MutationReport.END + "\n")
                .contains("| `contract.ApiKey` | 50 % | 2 / 4 | 1 | 1 |")
                .contains("| `sandbox.Authenticator`, `KeyService`, `KeyRegistry`, `FailedAuthLimiter` | not run |")
                .contains("| `ApiKey.of` line 12: changed conditional boundary | no reason recorded")
                .contains("| `ApiKey.of` line 13: removed call (not covered) |");
        assertThat(section).doesNotContain("The PIT run for all targets took");
        Files.writeString(Files.createDirectories(dir.resolve("key-rotation")).resolve("mutations.xml"), "");
        assertThat(MutationReport.render(dir))
                .as("cut off by the time-out")
                .contains("| `service.KeyRotation` | unfinished |");
        assertThat(MutationReport.render(dir, 125)).contains("The PIT run for all targets took 2 min 5 s");
    }

    @Test
    void theSectionIsReplacedInPlaceAndKeptByTheReliabilityPage() throws Exception {
        String section = MutationReport.BEGIN + "\nnew table\n" + MutationReport.END + "\n";
        String page = "## Reliability\n\ntext\n";
        String once = MutationReport.replaceSection(page, section);
        assertThat(once).isEqualTo(page + "\n" + section);
        String twice = MutationReport.replaceSection(once, section.replace("new", "newer"));
        assertThat(twice).isEqualTo(page + "\n" + section.replace("new", "newer"));

        Path doc = dir.resolve("reliability.md");
        Files.writeString(doc, twice);
        assertThat(page + MutationReport.sectionIn(doc)).isEqualTo(twice);
        assertThat(MutationReport.sectionIn(dir.resolve("missing.md"))).isEmpty();
    }
}
