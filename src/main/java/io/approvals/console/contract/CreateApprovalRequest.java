package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Body of POST /approvals/CreateApproval. Only title is required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateApprovalRequest(
        String title, String description, String requester, String approver, Priority priority, Instant dueAt) {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
}
