package io.approvals.console.cli;

import io.approvals.console.client.ApiException;
import io.approvals.console.credentials.KeychainException;
import io.approvals.console.service.FailureText;
import io.approvals.console.service.ServiceException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns a failure into one clear line on stderr and the documented exit code. The line is {@link FailureText}'s,
 * the words the desktop app uses for the same failure, in the user's language; exit codes never change with it.
 */
final class ExitCodeMapper
        implements CommandLine.IExitCodeExceptionMapper,
                CommandLine.IExecutionExceptionHandler,
                CommandLine.IParameterExceptionHandler {
    static final ExitCodeMapper INSTANCE = new ExitCodeMapper(CliMessages.ENGLISH);

    private final CliMessages texts;

    ExitCodeMapper(CliMessages texts) {
        this.texts = texts;
    }

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof ApiException.Unauthorized || t instanceof ApiException.Forbidden) {
            return ExitCodes.AUTH;
        }
        if (t instanceof ApiException.Network) {
            return ExitCodes.NETWORK;
        }
        // refused before anything was sent, like a bad --url given to profiles add: the input is wrong
        if (t instanceof ApiException.InsecureUrl) {
            return ExitCodes.USAGE;
        }
        if (t instanceof ApiException.RateLimited) {
            return ExitCodes.RATE_LIMITED;
        }
        if (t instanceof ApiException.Conflict) {
            return ExitCodes.CONFLICT;
        }
        if (t instanceof ApiException.NotFound) {
            return ExitCodes.NOT_FOUND;
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (t instanceof CliFailure f) {
            return f.exitCode();
        }
        if (t instanceof KeychainException) {
            return ExitCodes.KEYCHAIN;
        }
        if (t instanceof ServiceException s) {
            return switch (s.kind()) {
                case NO_KEY, NOT_SUPPORTED, REFUSED -> ExitCodes.OTHER;
                case CONFLICT -> ExitCodes.CONFLICT;
                default -> ExitCodes.USAGE;
            };
        }
        return ExitCodes.OTHER;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (ex instanceof ApprovalDecideCommand.SilentExit) {
            return getExitCode(ex);
        }
        String message = ex instanceof KeychainException k
                ? TerminalKeychainAdvice.message(k, texts)
                : ex instanceof ApiException api
                        ? FailureText.of(api, texts.locale()).line()
                        : message(ex);
        if (parseResult != null) {
            message = redactKeys(message, parseResult.originalArgs());
        }
        cl.getErr().println((ex instanceof CliWarning ? "" : texts.get("prefix.error")) + message);
        ApiException api = serverFailure(ex);
        if (api != null && parseResult != null && parseResult.originalArgs().contains("--verbose")) {
            api.details().forEach(line -> cl.getErr().println("  " + line)); // request/trace ids for support
        }
        cl.getErr().flush();
        return getExitCode(ex);
    }

    /**
     * The server's failure behind ex: ex itself, or the cause of a command's own wording of it (a decision's
     * outcome, a key conflict), whose details --verbose must show all the same.
     */
    static ApiException serverFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** A usage error: one line naming the problem and where help is, instead of the whole usage text. */
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        // picocli's own messages may start with "Error: " already: one prefix is enough
        String text = message(ex).replaceFirst("^(?i)error:\\s*", "");
        cl.getErr()
                .println(texts.get("prefix.error")
                        + texts.get(
                                "usage.seeHelp",
                                redact(text, args),
                                cl.getCommandSpec().qualifiedName()));
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    /**
     * picocli quotes the arguments it could not match. Someone who passes a key as an argument (which no
     * command accepts) would see it echoed to stderr and into logs: hide every argument that may be a
     * secret: anything starting with apv_, and long values that are not URLs, paths or e-mail addresses.
     */
    static String redact(String message, String[] args) {
        return hide(
                message,
                args == null ? java.util.List.of() : java.util.List.of(args),
                value -> value.regionMatches(true, 0, "apv_", 0, 4)
                        || (value.length() >= 20 && !value.contains("/") && !value.contains("@")));
    }

    /**
     * A key pasted where a profile, an id or a file name goes is echoed by messages that name what they could not
     * find ("No profile named '…'"): hide every argument that starts like a key. Narrower than {@link #redact}, so
     * the ids and names those messages are about stay readable.
     */
    static String redactKeys(String message, java.util.List<String> args) {
        return hide(message, args, ExitCodeMapper::startsLikeKey);
    }

    private static boolean startsLikeKey(String value) {
        return value.length() > 4 && value.regionMatches(true, 0, "apv_", 0, 4);
    }

    /** message with every argument's value (an option's after its '=') that is secret replaced by "(hidden)". */
    private static String hide(
            String message, java.util.List<String> args, java.util.function.Predicate<String> secret) {
        String result = message;
        for (String arg : args) {
            String value = arg.startsWith("-") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
            if (!value.isEmpty() && secret.test(value)) {
                result = result.replace(value, "(hidden)");
            }
        }
        return result;
    }

    private static String message(Throwable ex) {
        String m = ex instanceof UncheckedIOException && ex.getMessage() != null
                ? ex.getMessage()
                : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return m.replaceAll("[\\r\\n]+", " ").strip();
    }
}
