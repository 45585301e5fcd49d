package io.approvals.console.cli;

import io.approvals.console.client.PendingSnapshot;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.ApprovalStatus;
import io.approvals.console.service.FailureText;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** approvals list | show | create | approve | reject. */
@Command(
        name = "approvals",
        mixinStandardHelpOptions = true,
        subcommands = {
            ApprovalsCommand.ListPending.class,
            ApprovalShowCommand.class,
            ApprovalCreateCommand.class,
            ApprovalDecideCommand.Approve.class,
            ApprovalDecideCommand.Reject.class
        })
final class ApprovalsCommand implements Runnable {
    private final CliContext ctx;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    ApprovalsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        throw MissingSubcommand.of(spec, ctx.messages());
    }

    /** How list prints. */
    enum Format {
        table,
        json,
        csv
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListPending implements Runnable {
        private final CliContext ctx;

        @Mixin
        ConnectionOptions connection;

        @Option(names = "--approver", paramLabel = "X")
        String approver;

        @Option(names = "--requester", paramLabel = "X")
        String requester;

        @Option(names = "--status", paramLabel = "S")
        String status;

        @Option(names = "--overdue")
        boolean overdue;

        @Option(names = "--limit", paramLabel = "N")
        Integer limit;

        @Option(names = "--format", paramLabel = "FORMAT")
        Format format;

        @Option(names = "--json")
        boolean json;

        @Option(names = "--fields", paramLabel = "A,B,C")
        String fields;

        ListPending(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            if (limit != null && limit < 1) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("list.limit"));
            }
            if (json && format != null && format != Format.json) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("list.contradict", format.name()));
            }
            Format f = json ? Format.json : format == null ? Format.table : format;
            ApprovalStatus wanted = parseStatus();
            List<String> shown =
                    ApprovalView.fields(fields, f == Format.table ? ApprovalView.TABLE_FIELDS : ApprovalView.FIELDS);
            ResolvedConnection target = new ConnectionResolver(ctx).resolve(connection);
            Instant now = Instant.now();
            PendingSnapshot snapshot = target.api().fetchAllNotComplete(approver, null);
            String note = FailureText.readingNote(snapshot, ctx.messages().locale());
            if (!note.isEmpty()) {
                ctx.err()
                        .println(ctx.messages().get("prefix.note")
                                + ctx.messages().get("list.readingNote", note));
                ctx.err().flush();
            }
            Stream<Approval> items = snapshot.items().stream()
                    .filter(a -> requester == null || requester.equalsIgnoreCase(a.requester()))
                    .filter(a -> wanted == null || wanted == (a.status() == null ? ApprovalStatus.PENDING : a.status()))
                    .filter(a -> !overdue || a.isOverdue(now));
            List<Approval> matching = items.toList();
            List<Approval> result = limit == null || limit >= matching.size() ? matching : matching.subList(0, limit);
            switch (f) {
                case json ->
                    JsonOutput.print(
                            ctx.out(),
                            result.stream().map(a -> ApprovalView.map(a, shown)).toList());
                case csv -> ApprovalView.printCsv(ctx.out(), result, shown);
                default -> printTable(result, matching.size(), shown);
            }
        }

        /**
         * The table on stdout, the count (or "none") on stderr: stdout is then only rows and their header, so the
         * table pipes into --ids-from; the count line used to be read as an id ("1 pending." as "1").
         */
        private void printTable(List<Approval> result, int matching, List<String> shown) {
            if (result.isEmpty()) {
                ctx.err()
                        .println(
                                approver == null
                                        ? ctx.messages().get("list.none")
                                        : ctx.messages().get("list.noneFor", approver));
                ctx.err().flush();
                return;
            }
            ApprovalView.printTable(ctx.out(), result, shown);
            ctx.out().flush();
            ctx.err()
                    .println(
                            result.size() < matching
                                    ? ctx.messages().get("list.countLimited", result.size(), matching)
                                    : ctx.messages().get("list.count", result.size()));
            ctx.err().flush();
        }

        private ApprovalStatus parseStatus() {
            try {
                return ApprovalStatus.parse(status);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("list.status", e.getMessage()));
            }
        }
    }
}
