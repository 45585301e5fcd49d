package io.approvals.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.contract.Approval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeederTest {
    @Test
    void sampleTitlesFitTheContractAndTheLongOneIsAWholeSentence() {
        Seeder seeder = new Seeder(7, Instant.parse("2026-12-06T12:00:00Z"));
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Approval a = seeder.sample(i, Instant.parse("2026-12-01T12:00:00Z"));
            titles.add(a.title());
        }

        assertThat(titles).allSatisfy(t -> assertThat(t.length()).isBetween(1, 200));
        // a title cut at 200 characters ("… for the next f") looked like a label the window had cut off
        assertThat(titles).filteredOn(t -> t.length() > 120).isNotEmpty().allSatisfy(t -> assertThat(t)
                .startsWith("Renewal of the enterprise support contract")
                .endsWith(" year"));
    }
}
