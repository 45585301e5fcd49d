package io.approvals.console.cli;

import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** approvals list: every pending approval, as a table or JSON. */
@Command(name = "approvals", description = "Work with approvals.", mixinStandardHelpOptions = true,
        subcommands = {ApprovalsCommand.ListPending.class})
final class ApprovalsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list");
    }

    @Command(name = "list", description = "List all pending approvals, oldest first.", mixinStandardHelpOptions = true)
    static final class ListPending implements Runnable {
        private final CliContext ctx;

        @Option(names = "--profile", required = true, paramLabel = "NAME", description = "The profile.")
        String profile;

        @Option(names = "--approver", paramLabel = "X", description = "Only approvals waiting for X.")
        String approver;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        ListPending(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            PendingSnapshot snapshot = ctx.serviceFor(profile).client(profile).fetchAllNotComplete(approver, null);
            if (!snapshot.readingNote().isEmpty()) {
                ctx.err().println("note: " + snapshot.readingNote() + ".");
                ctx.err().flush();
            }
            if (json) {
                JsonOutput.print(ctx.out(), snapshot.items());
                return;
            }
            if (snapshot.items().isEmpty()) {
                ctx.out().println("No pending approvals" + (approver == null ? "." : " for " + approver + "."));
                ctx.out().flush();
                return;
            }
            Table table = new Table("ID", "PRIORITY", "DUE", "REQUESTER", "APPROVER", "TITLE");
            for (Approval a : snapshot.items()) {
                table.row(a.id(), a.priority() == null ? "" : a.priorityText(),
                        a.dueAt() == null ? "" : a.dueAt().toString(), a.requester(), a.approver(), a.title());
            }
            table.print(ctx.out());
            ctx.out().println(snapshot.items().size() + " pending.");
            ctx.out().flush();
        }
    }
}
