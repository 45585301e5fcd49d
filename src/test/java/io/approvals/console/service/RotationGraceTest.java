package io.approvals.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RotationGraceTest {

    @Test
    void readsTheUsualWaysOfWritingADuration() {
        assertThat(RotationGrace.parse("1h")).isEqualTo(RotationGrace.ONE_HOUR);
        assertThat(RotationGrace.parse("24h")).isEqualTo(RotationGrace.ONE_DAY);
        assertThat(RotationGrace.parse("7d")).isEqualTo(RotationGrace.SEVEN_DAYS);
        assertThat(RotationGrace.parse("3600").seconds()).isEqualTo(3600);
        assertThat(RotationGrace.parse("90m").duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(RotationGrace.parse("2s").seconds()).isEqualTo(2);
        assertThat(RotationGrace.parse("PT1H")).isEqualTo(RotationGrace.ONE_HOUR);
        assertThat(RotationGrace.parse("0").compromised()).isTrue();
        assertThat(RotationGrace.parse("604800").seconds()).isEqualTo(604_800);
    }

    @Test
    void refusesMoreThanSevenDaysAndNonsenseWithoutEchoingIt() {
        assertThatThrownBy(() -> RotationGrace.parse("8d")).hasMessageContaining("7 days");
        assertThatThrownBy(() -> RotationGrace.parse("604801")).hasMessageContaining("7 days");
        assertThatThrownBy(() -> RotationGrace.parse("apv_secretsecret")).hasMessageNotContaining("apv_");
        assertThatThrownBy(() -> RotationGrace.parse("-1h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void describesItselfForPeople() {
        assertThat(RotationGrace.COMPROMISED.describe()).isEqualTo("at once");
        assertThat(RotationGrace.ONE_HOUR.describe()).isEqualTo("1 hour");
        assertThat(RotationGrace.ONE_DAY.describe()).isEqualTo("24 hours");
        assertThat(RotationGrace.SEVEN_DAYS.describe()).isEqualTo("7 days");
        assertThat(RotationGrace.parse("90m").describe()).isEqualTo("90 minutes");
    }
}
