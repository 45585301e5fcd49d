package io.approvals.console.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StartupStepsTest {
    @AfterEach
    void off() {
        System.clearProperty(StartupSteps.PROPERTY);
    }

    @Test
    void withoutThePropertyNothingIsNoted() {
        StartupSteps.reached("step-while-off");

        assertThat(StartupSteps.noted()).noneMatch(line -> line.contains("step-while-off"));
    }

    @Test
    void withThePropertyEachStepIsNotedInOrderWithItsThreadAndTimes() throws Exception {
        System.setProperty(StartupSteps.PROPERTY, "true");
        StartupSteps.reached("step-one");
        Thread other = new Thread(() -> StartupSteps.reached("step-two"), "steps-test");
        other.start();
        other.join();

        assertThat(StartupSteps.noted())
                .filteredOn(line -> line.contains("step-"))
                .satisfiesExactly(
                        one -> assertThat(one).matches("STEP +\\d+ ms  thread CPU +\\d+ ms  .*step-one"),
                        two -> assertThat(two).contains("steps-test").endsWith("step-two"));
    }
}
