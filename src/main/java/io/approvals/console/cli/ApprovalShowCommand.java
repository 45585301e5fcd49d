package io.approvals.console.cli;

import io.approvals.console.contract.Approval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** approvals show ID: one approval, every field. */
@Command(name = "show", mixinStandardHelpOptions = true)
final class ApprovalShowCommand implements Runnable {
    private final CliContext ctx;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "approval.id")
    String id;

    @Option(names = "--json", descriptionKey = "approval.json")
    boolean json;

    ApprovalShowCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        ResolvedConnection target = new ConnectionResolver(ctx).resolve(connection);
        Approval a = new Decider(target.api())
                .pending(id)
                .orElseThrow(
                        () -> new CliFailure(ExitCodes.NOT_FOUND, ctx.messages().get("show.notFound", id)));
        if (json) {
            JsonOutput.print(ctx.out(), ApprovalView.map(a));
        } else {
            ApprovalView.printBlock(ctx.out(), a);
        }
    }
}
