package io.approvals.console.ui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.approvals.console.client.ApiException;
import io.approvals.console.ui.common.Messages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A server's field errors reach the field they are about, whatever the server calls it; details are for support. */
class FailureDetailsTest {
    @BeforeEach
    void english() {
        Messages.useLanguage("en");
    }

    @AfterEach
    void system() {
        Messages.useLanguage(null);
    }

    @Test
    void aspNetAndSpringFieldNamesMeanTheDialogsFields() {
        assertThat(Failures.logical("$.ApprovalId")).isEqualTo("id");
        assertThat(Failures.logical("Comment")).isEqualTo("comment");
        assertThat(Failures.logical("request.DueDate")).isEqualTo("dueAt");
        assertThat(Failures.logical("RowVersion")).isEqualTo("expectedVersion");
        assertThat(Failures.logical("decision")).isEqualTo("status");
        assertThat(Failures.logical("Items[0].Title")).isEqualTo("title");
        assertThat(Failures.logical("CostCentre")).isEqualTo("CostCentre");
    }

    @Test
    void fieldsNoDialogShowsAreListedInTheMessage() {
        Map<String, String> byField = Failures.byField(
                Map.of("Comment", List.of("Too long."), "CostCentre", List.of("Unknown.", "Required.")));
        assertThat(byField).containsEntry("comment", "Too long.").containsEntry("CostCentre", "Unknown. Required.");
        assertThat(Failures.others(byField, List.of("comment")))
                .isEqualTo("The server also said: CostCentre: Unknown. Required.");
    }

    @Test
    void detailsNameTheStatusTheRequestIdAndEveryFieldError() {
        var e = new ApiException.Validation(
                400, "One or more validation errors occurred.", Map.of("Comment", List.of("Too long.")), "req-7");
        assertThat(Failures.details(e))
                .contains("HTTP status: 400")
                .contains("Request id (X-Request-Id): req-7")
                .contains("Field Comment: Too long.");
        assertThat(Failures.details(new ApiException.Server(500, "boom", null))).isEmpty();
    }

    @Test
    void anEmptyRefusalOfAGuessedHeaderSaysToCheckTheHeader() {
        assertThat(Failures.explain(new ApiException.Unauthorized(null, "X-API-Key"), false))
                .contains("\u2018X-API-Key\u2019")
                .contains("assumed")
                .contains("Settings");
        assertThat(Failures.explain(new ApiException.Unauthorized(null), false)).doesNotContain("assumed");
    }
}
