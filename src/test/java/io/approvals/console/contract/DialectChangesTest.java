package io.approvals.console.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an editor changed, as the name=value settings `profiles set` applies: applying them gives the edit back. */
class DialectChangesTest {
    private final Dialect aspnet = new Dialect(
            "http://h/swagger/v1/swagger.json",
            "openapi",
            Map.of("id", "ApprovalId", "comment", "Comment", "expectedVersion", "RowVersion"),
            Map.of("Approved", "Approved"),
            "integer",
            "byte",
            null);

    @Test
    void nothingChangedIsNoSettings() {
        assertThat(aspnet.changesTo(aspnet)).isEmpty();
    }

    @Test
    void renamedClearedAndNewSettingsRoundTrip() {
        Dialect edited = aspnet.with("comment", "Reason")
                .with("expectedVersion", "")
                .with("spelling.Rejected", "Deny")
                .with("timeZone", "Europe/Berlin");
        Map<String, String> changes = aspnet.changesTo(edited);
        assertThat(changes)
                .containsOnly(
                        Map.entry("comment", "Reason"),
                        Map.entry("expectedVersion", ""),
                        Map.entry("spelling.Rejected", "Deny"),
                        Map.entry("timeZone", "Europe/Berlin"));
        Dialect applied = aspnet;
        for (var e : changes.entrySet()) {
            applied = applied.with(e.getKey(), e.getValue());
        }
        assertThat(applied).isEqualTo(edited);
    }

    @Test
    void backToTheContractClearsEveryName() {
        Dialect applied = aspnet;
        for (var e : aspnet.changesTo(Dialect.CONTRACT).entrySet()) {
            applied = applied.with(e.getKey(), e.getValue());
        }
        assertThat(applied.fields()).isEmpty();
        assertThat(applied.spellings()).isEmpty();
        assertThat(applied.idType()).isNull();
        assertThat(applied.versionType()).isNull();
    }
}
