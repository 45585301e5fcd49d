package io.approvals.console.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.approvals.console.contract.Json;
import io.approvals.console.contract.JsonTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The connections, the current connection's name and the app settings, in one JSON file
 * (config/connections.json):
 * <pre>{"formatVersion": 1, "current": "prod", "settings": {...}, "connections": [...]}</pre>
 * Every change is written at once and atomically (a temp file in the same directory, then an atomic
 * rename), so a crash leaves the old file or the new one, never half of one. A file that cannot be read
 * (corrupt, or written by a newer version) is renamed to connections.json.corrupt-TIMESTAMP, the store
 * starts empty, and {@link #loadWarning()} says what happened, so the app still starts.
 * The file never holds a secret.
 */
public final class ConnectionStore {
    public static final int FORMAT_VERSION = 1;

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    /**
     * The mapper that writes the file, and reads a file not in the form it writes (see {@link PlainConnectionsFile});
     * made when first needed: the app's start-up reads the file without it.
     */
    private static final class Binding {
        static final ObjectMapper MAPPER = Json.strict()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private final List<Connection> connections = new ArrayList<>();
    private String current;
    private Settings settings = Settings.defaults();
    private String loadWarning;
    /** The file as last read or written by us: a different one on disk was changed by another process. */
    private Object seenStamp;

    /** The file as it is stored. */
    record FileContent(int formatVersion, String current, Settings settings, List<Connection> connections) {}

    public ConnectionStore(AppPaths paths) {
        this(paths.connectionsFile(), Clock.systemUTC());
    }

    public ConnectionStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        load();
    }

    public Path file() {
        return file;
    }

    /** Why the file could not be read at start, and where the old one was kept; empty when all went well. */
    public synchronized Optional<String> loadWarning() {
        return Optional.ofNullable(loadWarning);
    }

    public synchronized List<Connection> list() {
        return List.copyOf(connections);
    }

    public synchronized Optional<Connection> find(String name) {
        return connections.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Adds the connection, or replaces the one of the same name in place. */
    public synchronized void put(Connection connection) {
        refreshIfChangedOnDisk();
        List<Connection> next = new ArrayList<>(connections);
        int i = indexOf(connection.name());
        if (i >= 0) {
            next.set(i, connection);
        } else {
            next.add(connection);
        }
        commit(next, current, settings);
    }

    /** Removes the connection; true if there was one. The current connection is cleared if it was this one. */
    public synchronized boolean remove(String name) {
        refreshIfChangedOnDisk();
        int i = indexOf(name);
        if (i < 0) {
            return false;
        }
        List<Connection> next = new ArrayList<>(connections);
        next.remove(i);
        commit(next, name.equals(current) ? null : current, settings);
        return true;
    }

    /** The connection the app opens with: the current one if it still exists, else the first. */
    public synchronized Optional<Connection> current() {
        return find(current == null ? "" : current)
                .or(() -> connections.stream().findFirst());
    }

    public synchronized void setCurrent(String name) {
        refreshIfChangedOnDisk();
        if (name != null && indexOf(name) < 0) {
            throw new IllegalArgumentException("No connection named '" + name + "'.");
        }
        if (Objects.equals(name, current)) {
            // Opening the current connection again (every start) leaves the file as it is: no write, no new mtime.
            return;
        }
        commit(connections, name, settings);
    }

    public synchronized Settings settings() {
        return settings;
    }

    public synchronized void setSettings(Settings s) {
        refreshIfChangedOnDisk();
        commit(connections, current, s == null ? Settings.defaults() : s);
    }

    /**
     * Reads the file again if another process (the CLI next to the desktop app, or a second window)
     * changed it since we last read or wrote it. Every change calls this first, so a change made
     * elsewhere is kept rather than overwritten with an old copy.
     */
    public synchronized void refreshIfChangedOnDisk() {
        if (!java.util.Objects.equals(stamp(), seenStamp)) {
            load();
        }
    }

    private Object stamp() {
        try {
            return Files.exists(file)
                    ? List.of(
                            Files.getLastModifiedTime(file).toMillis(),
                            Files.size(file),
                            String.valueOf(Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class)
                                    .fileKey()))
                    : null;
        } catch (IOException e) {
            return null;
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < connections.size(); i++) {
            if (connections.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes first, then updates memory: a failed write leaves both as they were. */
    private void commit(List<Connection> nextConnections, String nextCurrent, Settings nextSettings) {
        write(new FileContent(FORMAT_VERSION, nextCurrent, nextSettings, nextConnections));
        List<Connection> copy = List.copyOf(nextConnections);
        connections.clear();
        connections.addAll(copy);
        current = nextCurrent;
        settings = nextSettings;
    }

    private void write(FileContent content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
            try {
                ownerOnly(tmp);
                Files.write(tmp, mapper().writeValueAsBytes(content));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            seenStamp = stamp();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not save the connections to " + file + ": " + e.getMessage()
                            + ". Check that the folder is writable and the disk not full.",
                    e);
        }
    }

    /**
     * The name of the connection the app opens with, as {@link #current()} would find it (the current one, else the
     * first), read with the JSON tokenizer only: start-up uses it to ask the keychain for that connection's key while
     * the file is read properly (data binding costs a few hundred milliseconds the first time). A guess: empty on
     * any doubt, and nothing here replaces {@link #current()}.
     */
    public static Optional<String> peekCurrent(Path file) {
        String current = null;
        String first = null;
        try (JsonParser p = JsonTokens.parser(file)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("current".equals(field) && value == JsonToken.VALUE_STRING) {
                    current = p.getText();
                } else if ("connections".equals(field)
                        && value == JsonToken.START_ARRAY
                        && p.nextToken() == JsonToken.START_OBJECT) {
                    first = nameOf(p);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.ofNullable(current != null ? current : first);
    }

    /** The "name" of the object the parser is at the start of; leaves the parser at its end. */
    private static String nameOf(JsonParser p) throws IOException {
        String name = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("name".equals(field) && value == JsonToken.VALUE_STRING) {
                name = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return name;
    }

    private void load() {
        connections.clear();
        current = null;
        settings = Settings.defaults();
        seenStamp = stamp();
        if (!Files.exists(file)) {
            return;
        }
        FileContent plain = PlainConnectionsFile.read(file);
        if (plain != null) {
            use(plain);
            return;
        }
        try {
            JsonNode root = mapper().readTree(file.toFile());
            if (root == null || !root.isObject() || !root.path("formatVersion").isInt()) {
                setAside("it is not a connections file");
                return;
            }
            int version = root.get("formatVersion").asInt();
            if (version != FORMAT_VERSION) {
                setAside(
                        version > FORMAT_VERSION
                                ? "it was written by a newer version of Approvals Console (format " + version + ")"
                                : "its format " + version + " is unknown");
                return;
            }
            if (!use(mapper().treeToValue(root, FileContent.class))) {
                setAside("it holds an empty connection");
            }
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            setAside("it is damaged (" + firstLine(e.getMessage()) + ")");
        }
    }

    static ObjectMapper mapper() {
        return Binding.MAPPER;
    }

    /** Takes what the file holds; false (and nothing taken) when it lists an empty connection. */
    private boolean use(FileContent content) {
        List<Connection> read = content.connections() == null ? List.of() : content.connections();
        if (read.stream().anyMatch(c -> c == null)) {
            return false;
        }
        connections.addAll(read);
        current = content.current();
        settings = content.settings() == null ? Settings.defaults() : content.settings();
        return true;
    }

    private void setAside(String why) {
        Path backup = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        for (int n = 2; Files.exists(backup); n++) {
            backup = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()) + "-" + n);
        }
        try {
            Files.move(file, backup);
            loadWarning = "Could not read " + file + ": " + why + ". It was kept as " + backup.getFileName()
                    + "; Approvals Console started with no connections. Add them again, or fix the file by hand.";
        } catch (IOException e) {
            loadWarning = "Could not read " + file + ": " + why + ", and could not keep it aside (" + e.getMessage()
                    + "). Approvals Console started with no connections; saving will replace it.";
        }
        connections.clear();
        current = null;
        settings = Settings.defaults();
        seenStamp = stamp();
    }

    private static void ownerOnly(Path p) {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                // not fatal: the file holds no secret
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "\u2026" : line;
    }
}
