package io.approvals.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class StyleWarningsTest {

    @Test
    void countsJavaFxStyleWarningsAndNamesWhereTheFirstCameFrom() {
        StyleWarnings warnings = StyleWarnings.install();
        try {
            System.Logger css = System.getLogger("javafx.css");
            css.log(System.Logger.Level.WARNING, "Could not resolve '-color-cell-fg' while resolving lookups");
            css.log(System.Logger.Level.WARNING, "Could not resolve '-color-fg-default' while resolving lookups");
            System.getLogger("javafx.css").log(System.Logger.Level.INFO, "not a warning");
            System.getLogger("io.approvals.console").log(System.Logger.Level.WARNING, "not about styles");

            Results results = new Results(true);
            warnings.report(results);

            assertThat(results.notes())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "2 JavaFX style warnings in the bench JVM; the first: Could not resolve '-color-cell-fg'")
                    .contains("StyleWarningsTest.countsJavaFxStyleWarningsAndNamesWhereTheFirstCameFrom");
        } finally {
            Logger.getLogger("").removeHandler(warnings);
        }
    }

    @Test
    void saysNothingWhenNoneWasLogged() {
        StyleWarnings warnings = StyleWarnings.install();
        try {
            Results results = new Results(true);
            warnings.report(results);
            assertThat(results.notes()).isEmpty();
        } finally {
            Logger.getLogger("").removeHandler(warnings);
        }
    }
}
