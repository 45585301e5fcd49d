package io.approvals.console.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is rotating a profile's key right now, across every process that shares the keychain (two app windows,
 * the app and a script). The rotation's pending keychain entry is the lock; its owner (pid, host, this
 * process's instance id, when it was taken and when it times out) is written next to the connections file as
 * {@code rotation-<profile>.owner}: no secret, so a file may hold it. Taking and giving it back happen under an
 * OS file lock on {@code rotation-<profile>.guard}, so two processes can never both take it. An owner whose
 * process is gone (same host, pid not alive or reused) or whose time-out passed no longer holds it: the next
 * rotation or recovery takes over and settles the pending entry.
 */
public final class RotationLock {
    /** How long an owner may hold the lock before others may take over (a hung process). */
    public static final Duration TIMEOUT =
            Duration.ofSeconds(Long.getLong("approvals.rotationLock.timeoutSeconds", 300));
    /** How long a rotation waits for another one before refusing. */
    public static final Duration WAIT = Duration.ofSeconds(Long.getLong("approvals.rotationLock.waitSeconds", 20));

    /** One id per process: tells two processes with the same pid (containers) or a reused pid apart. */
    private static final String INSTANCE = UUID.randomUUID().toString();
    /** FileChannel locks belong to the process, so threads of one process queue here first. */
    private static final Object IN_PROCESS = new Object();

    private final Path dir;
    private final Clock clock;

    public RotationLock(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The lock of the connections kept by this service. */
    static RotationLock of(ConnectionService service) {
        Path file = service.connections().file().toAbsolutePath();
        return new RotationLock(file.getParent(), service.clock());
    }

    /** Who holds a profile's lock; token tells this holder from another one of the same process. */
    public record Owner(
            long pid,
            String host,
            String instance,
            String token,
            Instant processStart,
            Instant taken,
            Instant expires,
            String program) {

        /** True when this very process holds it (another window of the app). */
        public boolean inThisProcess() {
            return INSTANCE.equals(instance);
        }

        /** "pid 4711 on host build-7 (approvals-console command), since 2026-12-06T12:03:04Z" */
        public String describe() {
            return "pid " + pid + " on host " + host
                    + (program == null || program.isEmpty() ? "" : " (" + program + ")") + ", since " + taken;
        }
    }

    /** A lock taken: give it back with {@link #close()}. */
    public final class Held implements AutoCloseable {
        private final String profile;
        private final Owner owner;

        private Held(String profile, Owner owner) {
            this.profile = profile;
            this.owner = owner;
        }

        public Owner owner() {
            return owner;
        }

        public String profile() {
            return profile;
        }

        @Override
        public void close() {
            guarded(profile, () -> {
                Optional<Owner> now = read(profile);
                if (now.isPresent() && owner.token().equals(now.get().token())) {
                    Files.deleteIfExists(ownerFile(profile));
                }
                return null;
            });
        }
    }

    /** The lock, or empty when someone else holds it (alive and not timed out). */
    public Optional<Held> tryAcquire(String profile, String program) {
        return guarded(profile, () -> {
            Optional<Owner> other = read(profile).filter(this::live);
            if (other.isPresent()) {
                return Optional.<Held>empty();
            }
            Owner mine = me(program);
            write(profile, mine);
            return Optional.of(new Held(profile, mine));
        });
    }

    /**
     * Waits up to {@code wait} for the lock, looking every quarter second; then refuses with a message that
     * names the holder and what to do.
     */
    public Held acquire(String profile, String program, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Held> held = tryAcquire(profile, program);
            if (held.isPresent()) {
                return held.get();
            }
            if (System.nanoTime() >= deadline) {
                Optional<Owner> other = holder(profile);
                throw new ServiceException(
                        ServiceException.Kind.REFUSED,
                        "Another rotation of the key of profile '"
                                + profile + "' is under way ("
                                + other.map(Owner::describe).orElse("in another program")
                                + "). Not rotating twice: wait for it to finish, then check with: approvals-console key status "
                                + "--profile " + profile + ". If that program hangs, its claim lapses at "
                                + other.map(Owner::expires)
                                        .map(Instant::toString)
                                        .orElse("its time-out") + ".");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException(
                        ServiceException.Kind.REFUSED,
                        "Stopped while waiting for another " + "rotation of profile '" + profile
                                + "'. Nothing was changed.");
            }
        }
    }

    /** Removes the claim of an owner that died or timed out (a rotation killed after its last keychain step). */
    public void clearStale(String profile) {
        if (!Files.exists(ownerFile(profile))) {
            return;
        }
        guarded(profile, () -> {
            Optional<Owner> o = read(profile);
            if (o.isEmpty() || !live(o.get())) {
                Files.deleteIfExists(ownerFile(profile));
            }
            return null;
        });
    }

    /** The live holder of the lock, if any (a dead or timed-out one is not). Reads a file, no keychain. */
    public Optional<Owner> holder(String profile) {
        return read(profile).filter(this::live);
    }

    /** The live holder unless it is {@code mine}. */
    Optional<Owner> otherHolder(String profile, Held mine) {
        return holder(profile)
                .filter(o -> mine == null || !o.token().equals(mine.owner().token()));
    }

    boolean live(Owner o) {
        if (!clock.instant().isBefore(o.expires())) {
            return false;
        }
        if (!o.host().equals(hostName())) {
            return true; // another machine sharing this directory: only the time-out tells
        }
        if (o.instance().equals(INSTANCE)) {
            return true; // this process: alive by definition, its Held gives it back
        }
        Optional<ProcessHandle> p = ProcessHandle.of(o.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        // a pid reused by another program after the owner died
        Optional<Instant> started = p.get().info().startInstant();
        return o.processStart() == null
                || started.isEmpty()
                || Math.abs(Duration.between(started.get(), o.processStart()).toMillis()) < 2000;
    }

    private Owner me(String program) {
        ProcessHandle self = ProcessHandle.current();
        Instant now = clock.instant();
        return new Owner(
                self.pid(),
                hostName(),
                INSTANCE,
                UUID.randomUUID().toString(),
                self.info().startInstant().orElse(null),
                now,
                now.plus(TIMEOUT),
                program);
    }

    private Path ownerFile(String profile) {
        return dir.resolve("rotation-" + profile + ".owner");
    }

    private Optional<Owner> read(String profile) {
        Path f = ownerFile(profile);
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return Optional.of(new Owner(
                    Long.parseLong(m.getOrDefault("pid", "-1")),
                    m.getOrDefault("host", "?"),
                    m.getOrDefault("instance", "?"),
                    m.getOrDefault("token", "?"),
                    instant(m.get("processStart")),
                    instant(m.get("taken")),
                    instantOr(m.get("expires"), Instant.EPOCH),
                    m.get("program")));
        } catch (IOException | RuntimeException e) {
            // unreadable or half-written by a process that died: it holds nothing
            return Optional.empty();
        }
    }

    private void write(String profile, Owner o) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("rotation-" + profile + ".owner.tmp");
        String text = "pid=" + o.pid() + "\nhost=" + o.host() + "\ninstance=" + o.instance() + "\ntoken=" + o.token()
                + "\nprocessStart=" + (o.processStart() == null ? "" : o.processStart()) + "\ntaken=" + o.taken()
                + "\nexpires=" + o.expires() + "\nprogram=" + (o.program() == null ? "" : o.program()) + "\n";
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, ownerFile(profile), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private interface Io<T> {
        T run() throws IOException;
    }

    private <T> T guarded(String profile, Io<T> body) {
        synchronized (IN_PROCESS) {
            try {
                Files.createDirectories(dir);
                try (FileChannel ch = FileChannel.open(
                                dir.resolve("rotation-" + profile + ".guard"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        FileLock ignored = ch.lock()) {
                    return body.run();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("The rotation lock in " + dir + " cannot be used: " + e.getMessage(), e);
            }
        }
    }

    private static Instant instant(String s) {
        return s == null || s.isEmpty() ? null : Instant.parse(s);
    }

    private static Instant instantOr(String s, Instant fallback) {
        Instant i = instant(s);
        return i == null ? fallback : i;
    }

    private static volatile String host;

    /** Without a name lookup where the system says it directly (a lookup may wait on DNS). */
    private static String hostName() {
        if (host == null) {
            String windows = System.getenv("COMPUTERNAME");
            Path linux = Path.of("/proc/sys/kernel/hostname");
            try {
                host = windows != null && !windows.isBlank()
                        ? windows.strip()
                        : Files.isReadable(linux)
                                ? Files.readString(linux).strip()
                                : InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "localhost";
            }
        }
        return host;
    }
}
