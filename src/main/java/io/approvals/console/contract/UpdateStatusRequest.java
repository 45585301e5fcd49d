package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of POST /approvals/UpdateApprovalStatus. Rejected needs a non-blank comment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateStatusRequest(String id, ApprovalStatus status, String comment, Long expectedVersion) {}
