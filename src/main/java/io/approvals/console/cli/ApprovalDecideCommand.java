package io.approvals.console.cli;

import io.approvals.console.client.ApiException;
import io.approvals.console.contract.ApprovalStatus;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** approvals approve | reject: one approval by id, or many with --ids-from. */
final class ApprovalDecideCommand {
    private ApprovalDecideCommand() {}

    abstract static class Base implements Runnable {
        final CliContext ctx;

        @Mixin
        ConnectionOptions connection;

        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", descriptionKey = "approval.id")
        String id;

        @Option(names = "--ids-from", paramLabel = "FILE", descriptionKey = "decide.ids-from")
        String idsFrom;

        @Option(names = "--expected-version", paramLabel = "V", descriptionKey = "decide.expected-version")
        Long expectedVersion;

        @Option(names = "--json", descriptionKey = "decide.json")
        boolean json;

        Base(CliContext ctx) {
            this.ctx = ctx;
        }

        abstract ApprovalStatus status();

        abstract String comment();

        @Override
        public void run() {
            if ((id == null) == (idsFrom == null)) {
                throw new CliFailure(
                        ExitCodes.USAGE, ctx.messages().get(id == null ? "decide.idOrFileMissing" : "decide.idOrFile"));
            }
            if (idsFrom != null && expectedVersion != null) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("decide.versionForOne"));
            }
            if (expectedVersion != null && expectedVersion < 1) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("decide.versionPositive"));
            }
            if (status() == ApprovalStatus.REJECTED
                    && (comment() == null || comment().isBlank())) {
                throw new CliFailure(ExitCodes.USAGE, ctx.messages().get("decide.reasonNeeded"));
            }
            if (idsFrom != null) {
                List<IdsInput.Item> items = IdsInput.read(idsFrom, ctx.in(), ctx.messages());
                if (items.isEmpty()) {
                    // an empty queue piped in (`list --json` gives []) is not a failure: a nightly job must not
                    // break on a quiet day. One note, no request, exit 0 (it said "0 of 1 id approved").
                    ctx.err()
                            .println(ctx.messages().get("prefix.note")
                                    + ctx.messages().get("idsFrom.none", idsFrom));
                    ctx.err().flush();
                    return;
                }
                ResolvedConnection target = new ConnectionResolver(ctx).resolve(connection);
                int code = new BulkDecision(ctx.out(), ctx.err(), new Decider(target.api()), json, ctx.messages())
                        .run(items, status(), comment());
                if (code != ExitCodes.OK) {
                    throw new SilentExit(code);
                }
                return;
            }
            ResolvedConnection target = new ConnectionResolver(ctx).resolve(connection);
            DecisionOutcome outcome = new Decider(target.api()).decide(id, status(), comment(), expectedVersion);
            if (!outcome.ok()) {
                throw new CliFailure(outcome.exitCode(), outcome.message(), outcome.cause());
            }
            if (json) {
                JsonOutput.print(ctx.out(), ApprovalView.map(outcome.approval()));
            } else {
                ctx.out()
                        .println(ctx.messages()
                                .get(
                                        status() == ApprovalStatus.REJECTED ? "decide.rejected" : "decide.approved",
                                        id,
                                        outcome.message()));
                ApprovalView.printBlock(ctx.out(), outcome.approval());
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true)
    static final class Approve extends Base {
        @Option(names = "--comment", paramLabel = "C")
        String comment;

        Approve(CliContext ctx) {
            super(ctx);
        }

        @Override
        ApprovalStatus status() {
            return ApprovalStatus.APPROVED;
        }

        @Override
        String comment() {
            return comment;
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true)
    static final class Reject extends Base {
        @Option(names = "--comment", required = true, paramLabel = "C")
        String comment;

        Reject(CliContext ctx) {
            super(ctx);
        }

        @Override
        ApprovalStatus status() {
            return ApprovalStatus.REJECTED;
        }

        @Override
        String comment() {
            return comment;
        }
    }

    /** The bulk run has printed everything; only the exit code is left to give. */
    static final class SilentExit extends CliFailure {
        SilentExit(int code) {
            super(code, "");
        }
    }

    static boolean isAuth(ApiException e) {
        return e instanceof ApiException.Unauthorized || e instanceof ApiException.Forbidden;
    }
}
