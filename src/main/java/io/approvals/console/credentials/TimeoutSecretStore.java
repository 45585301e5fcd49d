package io.approvals.console.credentials;

import io.approvals.console.contract.ApiKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every call of another store on a daemon thread and gives up after a timeout. Keychain calls can
 * hang (a locked keyring waiting for an unlock prompt, a dead D-Bus); the default of 30 s leaves time to
 * type a password into the prompt. A call that times out keeps running on its daemon thread, which
 * never keeps the JVM alive. While a call runs, callers should show "Waiting for the keychain to unlock…".
 *
 * <p>The default timeout can be changed with the system property {@value #TIMEOUT_PROPERTY} or the
 * environment variable {@value #TIMEOUT_ENV} (seconds, decimals allowed), e.g. for tests.
 */
public final class TimeoutSecretStore implements SecretStore {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String TIMEOUT_PROPERTY = "approvals.keychain.timeoutSeconds";
    public static final String TIMEOUT_ENV = "APPROVALS_KEYCHAIN_TIMEOUT_SECONDS";

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** How long a call may take before it counts as "waiting" (an unlock prompt, most likely). */
    public static final Duration WAITING_AFTER = Duration.ofMillis(700);

    /** Told true when a call has been running longer than {@link #WAITING_AFTER}, false when it ends. */
    @FunctionalInterface
    public interface WaitingListener {
        void waiting(boolean waiting);
    }

    private final SecretStore delegate;
    private final Duration timeout;
    private volatile WaitingListener waitingListener = w -> {};
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "keychain-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public TimeoutSecretStore(SecretStore delegate) {
        this(delegate, configuredTimeout());
    }

    public TimeoutSecretStore(SecretStore delegate, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The keychain timeout must be positive.");
        }
        this.delegate = delegate;
        this.timeout = timeout;
    }

    /** The timeout from {@value #TIMEOUT_PROPERTY} or {@value #TIMEOUT_ENV}, else 30 s. */
    public static Duration configuredTimeout() {
        String text = System.getProperty(TIMEOUT_PROPERTY);
        if (text == null || text.isBlank()) {
            text = System.getenv(TIMEOUT_ENV);
        }
        if (text == null || text.isBlank()) {
            return DEFAULT_TIMEOUT;
        }
        try {
            double seconds = Double.parseDouble(text.trim());
            return seconds > 0 ? Duration.ofMillis((long) (seconds * 1000)) : DEFAULT_TIMEOUT;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT;
        }
    }

    /**
     * Lets a UI show "Waiting for the keychain to unlock…" only when a call is slow, instead of flashing it
     * for every 20 ms lookup. Called on the thread that made the keychain call (not the JavaFX thread).
     */
    public TimeoutSecretStore onWaiting(WaitingListener listener) {
        this.waitingListener = listener == null ? w -> {} : listener;
        return this;
    }

    public Duration timeout() {
        return timeout;
    }

    public SecretStore delegate() {
        return delegate;
    }

    @Override
    public String backendName() {
        return delegate.backendName();
    }

    @Override
    public Availability probe() {
        try {
            return call(delegate::probe);
        } catch (KeychainException e) {
            return Availability.of(backendName(), e);
        }
    }

    @Override
    public void save(String account, ApiKey key) {
        call(() -> {
            delegate.save(account, key);
            return null;
        });
    }

    @Override
    public Optional<ApiKey> load(String account) {
        return call(() -> delegate.load(account));
    }

    @Override
    public List<Optional<ApiKey>> loadEach(List<String> accounts) {
        return call(() -> delegate.loadEach(accounts));
    }

    @Override
    public void delete(String account) {
        call(() -> {
            delegate.delete(account);
            return null;
        });
    }

    /** Closes the store behind, waiting a moment at most: a call still stuck in an unlock prompt holds it. */
    @Override
    public void close() {
        try {
            executor.submit(delegate::close).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            // the connection goes with the process
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdown();
    }

    private <T> T call(Callable<T> work) {
        Future<T> future = executor.submit(work);
        boolean waiting = false;
        try {
            long total = timeout.toMillis();
            long first = Math.min(total, WAITING_AFTER.toMillis());
            try {
                return future.get(first, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slow) {
                if (first >= total) {
                    throw slow;
                }
                waiting = true;
                waitingListener.waiting(true);
                return future.get(total - first, TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new KeychainException(
                    KeychainException.Kind.TIMEOUT,
                    "Waiting for the keychain to unlock\u2026 timed out after " + seconds() + ".",
                    "Unlock your keyring and try again.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KeychainException k) {
                throw new KeychainException(k.kind(), k.reason(), k.nextStep(), k);
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new KeychainException(
                    KeychainException.Kind.ERROR,
                    "The keychain failed (" + cause.getClass().getSimpleName() + ").",
                    "Try again.",
                    cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new KeychainException(
                    KeychainException.Kind.ERROR, "The keychain call was interrupted.", "Try again.");
        } finally {
            if (waiting) {
                waitingListener.waiting(false);
            }
        }
    }

    private String seconds() {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
