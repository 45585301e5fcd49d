package io.approvals.console.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Body of POST /apikeys (admin). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueKeyRequest(String name, String owner, List<String> scopes, Instant expiresAt) {}
