package io.approvals.console.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    private Path file() {
        return AppPaths.under(root).connectionsFile();
    }

    private ConnectionStore open() {
        return new ConnectionStore(file(), CLOCK);
    }

    @Test
    void aMissingFileIsAnEmptyStoreWithoutWarning() {
        ConnectionStore store = open();

        assertThat(store.list()).isEmpty();
        assertThat(store.loadWarning()).isEmpty();
        assertThat(store.settings()).isEqualTo(Settings.defaults());
        assertThat(Files.exists(file())).isFalse();
    }

    @Test
    void connectionsCurrentAndSettingsSurviveARestart() {
        ConnectionStore store = open();
        VerifiedKey facts = new VerifiedKey(
                "apv_ABCD",
                "wxyz",
                "0011aabb",
                List.of("read"),
                "lee@example.com",
                Instant.parse("2027-01-01T00:00:00Z"),
                "Active",
                Instant.parse("2026-11-27T03:00:00Z"),
                true);
        Connection prod = new Connection(
                "prod",
                URI.create("https://approvals.example.com"),
                AuthMode.API_KEY,
                "X-Custom-Key",
                root.resolve("ca.pem"),
                facts);
        store.put(prod);
        store.put(Connection.of("sandbox", URI.create("http://127.0.0.1:8080")));
        store.setCurrent("sandbox");
        store.setSettings(new Settings(120, Theme.DARK));

        ConnectionStore again = open();

        assertThat(again.list()).extracting(Connection::name).containsExactly("prod", "sandbox");
        assertThat(again.find("prod")).contains(prod);
        assertThat(again.current()).map(Connection::name).contains("sandbox");
        assertThat(again.settings()).isEqualTo(new Settings(120, Theme.DARK));
        assertThat(again.loadWarning()).isEmpty();
    }

    @Test
    void putReplacesInPlaceAndRemoveClearsCurrent() {
        ConnectionStore store = open();
        store.put(Connection.of("a", URI.create("https://a.example.com")));
        store.put(Connection.of("b", URI.create("https://b.example.com")));
        store.setCurrent("a");

        store.put(Connection.of("a", URI.create("https://a2.example.com")));
        assertThat(store.list())
                .extracting(c -> c.baseUrl().getHost())
                .containsExactly("a2.example.com", "b.example.com");

        assertThat(store.remove("a")).isTrue();
        assertThat(store.remove("a")).isFalse();
        assertThat(open().current()).map(Connection::name).contains("b");
    }

    @Test
    void thePeekAtTheCurrentConnectionAgreesWithTheStore() throws Exception {
        ConnectionStore store = open();
        assertThat(ConnectionStore.peekCurrent(file())).isEmpty();
        store.put(new Connection(
                "prod",
                URI.create("https://approvals.example.com"),
                AuthMode.API_KEY,
                "X-Key",
                null,
                new VerifiedKey(
                        "apv_ABCD",
                        "wxyz",
                        "0011aabb",
                        List.of("read", "write"),
                        "lee@example.com",
                        null,
                        "Active",
                        Instant.parse("2026-11-27T03:00:00Z"),
                        true)));
        store.put(Connection.of("test", URI.create("https://test.example.com")));
        // no current one: the first
        assertThat(ConnectionStore.peekCurrent(file())).contains("prod").isEqualTo(names(open()));

        store.setCurrent("test");
        assertThat(ConnectionStore.peekCurrent(file())).contains("test").isEqualTo(names(open()));

        store.remove("test");
        store.remove("prod");
        assertThat(ConnectionStore.peekCurrent(file())).isEmpty();
    }

    private static java.util.Optional<String> names(ConnectionStore store) {
        return store.current().map(Connection::name);
    }

    @Test
    void thePeekAtADamagedFileIsEmptyAndLeavesItAlone() throws Exception {
        Files.createDirectories(file().getParent());
        for (String text : List.of("{\"current\": ", "[1, 2]", "{\"current\": 7}", "\u0000\u0001", "")) {
            Files.writeString(file(), text);

            assertThat(ConnectionStore.peekCurrent(file())).as(text).isEmpty();
            assertThat(Files.readString(file())).isEqualTo(text);
        }
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws Exception {
        ConnectionStore store = open();
        for (int i = 0; i < 5; i++) {
            store.put(Connection.of("c" + i, URI.create("https://c.example.com")));
        }

        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("connections.json");
        }
        assertThat(Files.readString(file())).contains("\"formatVersion\" : 1");
    }

    @Test
    void aCorruptFileIsKeptAsBackupReportedAndTheStoreStartsEmpty() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"formatVersion\": 1, \"connections\": [ {\"name\": ");

        ConnectionStore store = open();

        Path backup = file().resolveSibling("connections.json.corrupt-20261127T030000Z");
        assertThat(store.list()).isEmpty();
        assertThat(store.loadWarning()).hasValueSatisfying(w -> assertThat(w)
                .contains("damaged")
                .contains(backup.getFileName().toString())
                .contains("started with no connections"));
        assertThat(Files.readString(backup)).startsWith("{\"formatVersion\": 1");
        assertThat(Files.exists(file())).isFalse();

        store.put(Connection.of("fresh", URI.create("https://x.example.com")));
        assertThat(open().list()).extracting(Connection::name).containsExactly("fresh");
        assertThat(open().loadWarning()).isEmpty();
    }

    @Test
    void aFileFromANewerVersionIsKeptAndReported() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"formatVersion\": 7, \"connections\": []}");

        ConnectionStore store = open();

        assertThat(store.loadWarning()).hasValueSatisfying(w -> assertThat(w).contains("newer version"));
        assertThat(Files.exists(file().resolveSibling("connections.json.corrupt-20261127T030000Z")))
                .isTrue();
    }

    @Test
    void aSecondCorruptFileDoesNotOverwriteTheFirstBackup() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "garbage one");
        open();
        Files.writeString(file(), "[\"garbage two\"]");

        ConnectionStore store = open();

        assertThat(store.loadWarning()).isPresent();
        assertThat(Files.readString(file().resolveSibling("connections.json.corrupt-20261127T030000Z")))
                .isEqualTo("garbage one");
        assertThat(Files.readString(file().resolveSibling("connections.json.corrupt-20261127T030000Z-2")))
                .isEqualTo("[\"garbage two\"]");
    }

    @Test
    void anInvalidConnectionInsideCountsAsCorrupt() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(
                file(),
                "{\"formatVersion\": 1, \"connections\": [{\"name\": \"bad name!\", "
                        + "\"baseUrl\": \"https://x\"}]}");

        ConnectionStore store = open();

        assertThat(store.list()).isEmpty();
        assertThat(store.loadWarning()).isPresent();
    }

    @Test
    void aChangeMadeByAnotherProcessIsKeptNotOverwritten() {
        ConnectionStore app = open();
        ConnectionStore cli = open();
        app.put(Connection.of("from-app", URI.create("https://a.example.com")));

        cli.put(Connection.of("from-cli", URI.create("https://c.example.com")));
        app.setSettings(new Settings(30, Theme.LIGHT));

        assertThat(open().list()).extracting(Connection::name).containsExactly("from-app", "from-cli");
        assertThat(open().settings().theme()).isEqualTo(Theme.LIGHT);
        app.refreshIfChangedOnDisk();
        assertThat(app.list()).hasSize(2);
    }

    @Test
    void homeOverrideRootsAllThreeDirectories() {
        AppPaths p = AppPaths.fromEnvironment(Map.of(AppPaths.HOME_ENV, root.toString()));

        assertThat(p.configDir()).isEqualTo(root.resolve("config"));
        assertThat(p.dataDir()).isEqualTo(root.resolve("data"));
        assertThat(p.cacheDir()).isEqualTo(root.resolve("cache"));
        assertThat(p.connectionsFile()).isEqualTo(root.resolve("config").resolve("connections.json"));
    }

    @Test
    void withoutOverrideTheOsDirectoriesAreUsed() {
        AppPaths p = AppPaths.fromEnvironment(Map.of());

        assertThat(p.configDir().toString().toLowerCase()).contains("approvals");
        assertThat(p.configDir()).isNotEqualTo(p.cacheDir());
    }

    @Test
    void settingsAreClampedToSaneValues() {
        assertThat(new Settings(3, null)).isEqualTo(new Settings(Settings.MIN_REFRESH_SECONDS, Theme.SYSTEM));
        assertThat(new Settings(-1, Theme.LIGHT).refreshIntervalSeconds()).isEqualTo(Settings.DEFAULT_REFRESH_SECONDS);
        assertThat(new Settings(0, Theme.LIGHT).refreshIntervalSeconds()).isZero();
    }
}
