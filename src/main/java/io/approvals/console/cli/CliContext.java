package io.approvals.console.cli;

import io.approvals.console.config.AppPaths;
import io.approvals.console.config.ConnectionStore;
import io.approvals.console.credentials.QuietLibraryLogs;
import io.approvals.console.credentials.SecretStore;
import io.approvals.console.credentials.SecretStores;
import io.approvals.console.service.ClientFactory;
import io.approvals.console.service.ConnectionService;
import io.approvals.console.service.HttpClientFactory;
import io.approvals.console.service.KeyRotation;
import io.approvals.console.service.RotationRecovery;
import io.approvals.console.service.ServiceText;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the headless commands use from the outside world: streams, the secret store, the app's
 * directories and the client factory. The real one comes from {@link #defaults()}; tests build their
 * own and run commands in-process. The secret store and the connection file are opened on first use,
 * so commands that need neither never touch the keychain.
 */
public final class CliContext {
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<Console> console;
    private final Supplier<SecretStore> secretStoreFactory;
    private final AppPaths paths;
    private final ClientFactory clients;
    private final Map<String, String> env;
    private SecretStore secrets;
    private ConnectionStore connectionStore;
    private ConnectionService service;
    private final java.util.Set<String> recovered = new java.util.HashSet<>();
    private CliMessages messages;

    public CliContext(
            InputStream in,
            PrintWriter out,
            PrintWriter err,
            Supplier<Console> console,
            Supplier<SecretStore> secretStoreFactory,
            AppPaths paths,
            ClientFactory clients) {
        this(in, out, err, console, secretStoreFactory, paths, clients, Map.of());
    }

    /** As above, with the environment variables the commands read (APPROVALS_URL, APPROVALS_API_KEY, ...). */
    public CliContext(
            InputStream in,
            PrintWriter out,
            PrintWriter err,
            Supplier<Console> console,
            Supplier<SecretStore> secretStoreFactory,
            AppPaths paths,
            ClientFactory clients,
            Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env));
        this.in = Objects.requireNonNull(in);
        this.out = Objects.requireNonNull(out);
        this.err = Objects.requireNonNull(err);
        this.console = console == null ? () -> null : console;
        this.secretStoreFactory = Objects.requireNonNull(secretStoreFactory);
        this.paths = Objects.requireNonNull(paths);
        this.clients = Objects.requireNonNull(clients);
        // the service's sentences (refusals, key warnings) in the command line's language
        ServiceText.useLocale(CliMessages.forLanguage(env(CliEnvironment.LANG)).locale());
    }

    /** The real world: System streams, the OS keychain with a timeout, the OS directories, HTTP. */
    public static CliContext defaults() {
        QuietLibraryLogs.apply();
        if (System.getProperty(KeyRotation.PROGRAM_PROPERTY) == null) {
            System.setProperty(KeyRotation.PROGRAM_PROPERTY, "approvals-console command"); // named to other programs
        }
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean interactive = System.console() != null;
        return new CliContext(
                System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                err,
                System::console,
                // on a terminal, say why nothing happens while an unlock prompt waits; scripts get no extra line
                () -> SecretStores.osKeychain(waiting -> {
                    if (waiting && interactive) {
                        err.println(CliMessages.forLanguage(System.getenv(CliEnvironment.LANG))
                                .get("keychain.waiting"));
                    }
                }),
                AppPaths.fromEnvironment(),
                new HttpClientFactory(),
                System.getenv());
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    public AppPaths paths() {
        return paths;
    }

    /** An environment variable, or null when it is unset or blank. */
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The human texts in the user's language (APPROVALS_LANG, else the OS locale). */
    synchronized CliMessages messages() {
        if (messages == null) {
            messages = CliMessages.forLanguage(env(CliEnvironment.LANG));
        }
        return messages;
    }

    public InputStream in() {
        return in;
    }

    public ClientFactory clients() {
        return clients;
    }

    /** The profiles file, read without touching the keychain. */
    public synchronized ConnectionStore connectionStore() {
        if (connectionStore == null) {
            connectionStore = new ConnectionStore(paths);
        }
        return connectionStore;
    }

    public synchronized SecretStore secrets() {
        if (secrets == null) {
            secrets = secretStoreFactory.get();
        }
        return secrets;
    }

    public synchronized ConnectionService service() {
        if (service == null) {
            ConnectionStore store = connectionStore();
            store.loadWarning().ifPresent(w -> err.println(messages().get("prefix.warning") + w));
            service = new ConnectionService(store, secrets(), clients);
        }
        return service;
    }

    /**
     * The service, after finishing or rolling back an interrupted key rotation of the profile (once per
     * run); what happened is said on stderr. Every command that loads the profile's key goes through here.
     */
    public synchronized ConnectionService serviceFor(String profile) {
        ConnectionService s = service();
        if (profile != null
                && recovered.add(profile)
                && s.connections().find(profile).isPresent()) {
            new RotationRecovery(s).recover(profile).ifPresent(r -> {
                err.println(messages().get(r.outcome().workingKeyStored() ? "prefix.note" : "prefix.warning")
                        + r.message());
                err.flush();
            });
        }
        return s;
    }

    /**
     * Reads a secret: hidden from a terminal when there is one, else the first non-blank line of stdin (as
     * --key-file reads its file). Never from an argument, so it cannot end up in the shell history or the process
     * list.
     */
    char[] readSecret(String prompt) {
        Console c = console.get();
        if (c != null) {
            char[] typed = c.readPassword("%s", prompt);
            return typed == null ? new char[0] : typed;
        }
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            // `(echo; cat key) | key set`, a here-document with a leading empty line: the key is the first
            // line with something on it, stripped like --key-file's
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    return line.strip().toCharArray();
                }
            }
            return new char[0];
        } catch (IOException e) {
            throw new CliFailure(
                    ExitCodes.OTHER,
                    messages().get("key.stdinUnreadable", e.getClass().getSimpleName()));
        }
    }
}
