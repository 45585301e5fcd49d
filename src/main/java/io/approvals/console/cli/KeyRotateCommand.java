package io.approvals.console.cli;

import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationGrace;
import io.approvals.console.service.RotationOutcome;
import io.approvals.console.service.RotationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** key rotate: regenerate the profile's own key, crash-safe; prints the masked new key, never the key. */
@Command(name = "rotate", mixinStandardHelpOptions = true)
final class KeyRotateCommand implements Runnable {
    private final CliContext ctx;

    @Option(names = "--profile", paramLabel = "NAME", descriptionKey = "key.profile")
    String profile;

    @Option(names = "--json")
    boolean json;

    @ArgGroup(exclusive = true, multiplicity = "1")
    GraceChoice choice;

    /** The two clearly different choices. */
    static final class GraceChoice {
        @Option(names = "--compromised", required = true, descriptionKey = "rotation.compromised")
        boolean compromised;

        @Option(names = "--grace", required = true, paramLabel = "DURATION", descriptionKey = "rotation.grace")
        String grace;

        RotationGrace toGrace() {
            if (compromised) {
                return RotationGrace.COMPROMISED;
            }
            try {
                return RotationGrace.parse(grace);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(ExitCodes.USAGE, "--grace: " + e.getMessage());
            }
        }
    }

    KeyRotateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void run() {
        RotationGrace grace = choice.toGrace();
        RotationResult result = new KeyRotation(ctx.serviceFor(profile)).rotate(profile, grace);
        if (json) {
            JsonOutput.print(ctx.out(), view(result));
        } else if (result.ok()) {
            ctx.out().println(result.message());
            ctx.out().print(Views.reportText(result.report(), ctx.messages()));
            ctx.out().flush();
        }
        if (!result.ok()) {
            String message = result.message();
            if (result.outcome() == RotationOutcome.NEW_KEY_NOT_STORED) {
                // this command never prints a key: say plainly that it is gone when the command ends
                message += " This command does not print keys, so it is lost when the command ends: "
                        + (result.oldKeyValidUntil() == null
                                ? "ask an administrator to regenerate the key, then store it with: approvals-console key set --profile "
                                        + profile
                                : "fix the keychain and rotate again before the old key expires.");
            }
            throw new CliFailure(exitCode(result), message);
        }
    }

    static int exitCode(RotationResult r) {
        if (r.outcome() == RotationOutcome.COMPLETED) {
            return ExitCodes.OK;
        }
        if (r.outcome() == RotationOutcome.NEW_KEY_NOT_STORED) {
            return ExitCodes.KEYCHAIN;
        }
        return r.cause() == null ? ExitCodes.OTHER : ExitCodeMapper.INSTANCE.getExitCode(r.cause());
    }

    static Map<String, Object> view(RotationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", r.profile());
        m.put("outcome", r.outcome().name());
        m.put("workingKeyStored", r.outcome().workingKeyStored());
        m.put("message", r.message());
        m.put("oldKeyValidUntil", r.oldKeyValidUntil());
        m.put("key", r.report() == null ? null : Views.report(r.report()));
        return m;
    }
}
