package io.approvals.console.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The last step of {@code mvn verify} (bound in the pom, after every test has run): no canary may be in a
 * test report. Reads every file under target/surefire-reports, target/failsafe-reports and
 * target/reliability (XML reports, plain-text summaries, captured stdout/stderr, figures) and looks for
 * <ul>
 *   <li>{@link Canary#MARK}, the fixed random part of the canary key the leak tests use everywhere;</li>
 *   <li>any key a leak test followed ({@link Canary#follow}): those are random, so their digests are in
 *   {@link Canary#FOLLOWED}, and every run of 32 or more key characters in a report is hashed 32 characters
 *   at a time and compared.</li>
 * </ul>
 * A hit names the file, the line and which canary, never the key, and fails the build. The counts go to
 * target/reliability/test-reports-scan.json for the report's "secrets leaked" line.
 *
 * <p>Arguments: the build directory (default {@code target}), then optionally the directories to scan
 * (default the three above, under the build directory).
 */
public final class TestReportCanaryScan {
    /** The key alphabet; a key's 32 random characters are a window of a run of these. */
    private static final Pattern RUN = Pattern.compile("[0-9A-Za-z]{32,}");

    record Hit(Path file, int line, String canary) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + canary;
        }
    }

    record Outcome(int files, long bytes, List<Hit> hits) {}

    private TestReportCanaryScan() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "target");
        List<Path> roots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            roots.add(Path.of(args[i]));
        }
        if (roots.isEmpty()) {
            roots = List.of(
                    target.resolve("surefire-reports"),
                    target.resolve("failsafe-reports"),
                    target.resolve("reliability"));
        }
        Set<String> followed = followed(target.resolve(Canary.FOLLOWED_IN_TARGET));
        Outcome o = scan(roots, followed);
        System.out.printf(
                "Canary scan of the test reports: %d files (%d KiB) under %s; canaries looked for: "
                        + "the canary key and %d followed keys; canary hits: %d%n",
                o.files(), o.bytes() / 1024, roots, followed.size(), o.hits().size());
        o.hits().forEach(h -> System.out.println("  canary in a test report: " + h));
        new ReliabilityFigures("test-reports-scan", "canary keys searched for in every test report after the run")
                .put("roots", roots.stream().map(Path::toString).toList())
                .put("filesScanned", o.files())
                .put("bytesScanned", o.bytes())
                .put("followedKeys", followed.size())
                .put("canaryHits", o.hits().size())
                .writeTo(target.resolve("reliability"));
        if (!o.hits().isEmpty()) {
            throw new IllegalStateException(o.hits().size() + " canary key(s) found in the test reports: " + o.hits());
        }
    }

    /** The digests {@link Canary#follow} recorded (none if no leak test ran). */
    static Set<String> followed(Path file) throws IOException {
        Set<String> digests = new LinkedHashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    digests.add(line.strip());
                }
            }
        }
        return digests;
    }

    static Outcome scan(List<Path> roots, Set<String> followed) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HexFormat hex = HexFormat.of();
        int files = 0;
        long bytes = 0;
        List<Hit> hits = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> all;
            try (Stream<Path> walk = Files.walk(root)) {
                all = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : all) {
                byte[] content = Files.readAllBytes(f);
                files++;
                bytes += content.length;
                // byte for byte: the canaries are ASCII, whatever the file's encoding
                String text = new String(content, StandardCharsets.ISO_8859_1);
                for (int i = text.indexOf(Canary.MARK); i >= 0; i = text.indexOf(Canary.MARK, i + 1)) {
                    hits.add(new Hit(f, line(text, i), "the canary key (Canary.MARK)"));
                }
                if (followed.isEmpty()) {
                    continue;
                }
                Matcher m = RUN.matcher(text);
                while (m.find()) {
                    for (int at = m.start(); at + 32 <= m.end(); at++) {
                        String window = text.substring(at, at + 32);
                        if (followed.contains(hex.formatHex(sha.digest(window.getBytes(StandardCharsets.US_ASCII))))) {
                            hits.add(new Hit(f, line(text, at), "a followed key"));
                        }
                    }
                }
            }
        }
        return new Outcome(files, bytes, hits);
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
