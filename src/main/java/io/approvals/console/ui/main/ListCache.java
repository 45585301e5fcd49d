package io.approvals.console.ui.main;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.approvals.console.contract.Approval;
import io.approvals.console.contract.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A read-only copy of the last pending list per connection, so the window has something to show
 * (marked stale) when the server cannot be reached, even after a restart. Holds approvals only:
 * never a key or anything about it.
 */
public final class ListCache {
    private static final Logger LOG = Logger.getLogger(ListCache.class.getName());
    /** Made on first use, off the UI thread (the window is built before the cache is read). */
    private static final class Binding {
        static final ObjectMapper JSON = Json.tolerant();
    }

    private final Path dir;

    /** What was cached: the list and when it was fetched. */
    public record Cached(String connection, Instant fetchedAt, List<Approval> items) {}

    public ListCache(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(String connection) {
        return dir.resolve("pending-" + connection.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    /** Blocking. A cache that cannot be written is not worth bothering the user about. */
    public void save(String connection, Instant fetchedAt, List<Approval> items) {
        try {
            Files.createDirectories(dir);
            Path target = fileFor(connection);
            Path tmp = Files.createTempFile(dir, "pending-", ".tmp");
            Binding.JSON.writeValue(tmp.toFile(), new Cached(connection, fetchedAt, items));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not write the list cache: " + e.getClass().getSimpleName());
        }
    }

    /** Blocking. Empty when there is none or it cannot be read. */
    public Optional<Cached> load(String connection) {
        Path file = fileFor(connection);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Cached c = Binding.JSON.readValue(file.toFile(), Cached.class);
            return c == null || c.items() == null ? Optional.empty() : Optional.of(c);
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "ignoring an unreadable list cache: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
