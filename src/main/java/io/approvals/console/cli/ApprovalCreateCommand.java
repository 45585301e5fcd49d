package io.approvals.console.cli;

import io.approvals.console.contract.Approval;
import io.approvals.console.contract.CreateApprovalRequest;
import io.approvals.console.contract.Priority;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** approvals create: a new approval, sent with an Idempotency-Key so a retried request never makes two. */
@Command(name = "create", mixinStandardHelpOptions = true)
final class ApprovalCreateCommand implements Runnable {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--title", required = true, paramLabel = "T")
    String title;

    @Option(names = "--description", paramLabel = "D")
    String description;

    @Option(names = "--requester", paramLabel = "EMAIL")
    String requester;

    @Option(names = "--approver", paramLabel = "EMAIL")
    String approver;

    @Option(names = "--priority", paramLabel = "P")
    String priority;

    @Option(names = "--due", paramLabel = "WHEN")
    String due;

    @Option(names = "--idempotency-key", paramLabel = "K")
    String idempotencyKey;

    @Option(names = "--json", descriptionKey = "approval.json")
    boolean json;

    ApprovalCreateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        if (title.isBlank()) {
            throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("create.titleBlank"));
        }
        if (title.length() > CreateApprovalRequest.TITLE_MAX) {
            throw new CliFailure(
                    ExitCodes.USAGE,
                    ctx.messages().get("create.titleLength", CreateApprovalRequest.TITLE_MAX, title.length()));
        }
        if (description != null && description.length() > CreateApprovalRequest.DESCRIPTION_MAX) {
            throw new CliFailure(
                    ExitCodes.USAGE,
                    ctx.messages()
                            .get(
                                    "create.descriptionLength",
                                    CreateApprovalRequest.DESCRIPTION_MAX,
                                    description.length()));
        }
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > 255)) {
            throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("create.idempotencyKey"));
        }
        Priority p;
        try {
            p = Priority.parse(priority);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("create.priority", e.getMessage()));
        }
        Instant dueAt;
        try {
            dueAt = due == null ? null : KeysCommand.parseExpiry(due, Instant.now(), ctx.messages());
        } catch (CliFailure e) {
            throw new CliFailure(ExitCodes.USAGE, e.getMessage().replace("--expires", "--due"));
        }
        ResolvedConnection target = new ConnectionResolver(ctx).resolve(connection);
        Approval created = target.api()
                .createApproval(
                        new CreateApprovalRequest(title, description, requester, approver, p, dueAt),
                        idempotencyKey != null
                                ? idempotencyKey
                                : UUID.randomUUID().toString());
        if (json) {
            JsonOutput.print(ctx.out(), ApprovalView.map(created));
        } else {
            ctx.out().println(ctx.messages().get("create.created", created.id()));
            ApprovalView.printBlock(ctx.out(), created);
        }
    }
}
