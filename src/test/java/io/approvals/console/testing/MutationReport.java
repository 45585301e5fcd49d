package io.approvals.console.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Renders the "Mutation testing" section of docs/reliability.md from PIT's reports
 * (target/pit-reports/TARGET/mutations.xml, written by the -Pmutation profile; scripts/mutation.sh runs
 * both). The section sits between two markers, so {@link ReliabilityReport} keeps it when it renders
 * the rest of the page. The scores are PIT's own (detected / generated); a target that was not run shows
 * as "not run". Surviving mutants are listed with the reason they are equivalent, from {@link #EQUIVALENT};
 * one without a reason is a test still to write.
 */
public final class MutationReport {
    static final String BEGIN = "<!-- mutation-report:begin (scripts/mutation.sh renders this section) -->";
    static final String END = "<!-- mutation-report:end -->";

    /** The targets, in the order of the pom's mutation profile: report directory, what it mutates. */
    private static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("api-key", "`contract.ApiKey`");
        TARGETS.put("sandbox-auth", "`sandbox.Authenticator`, `KeyService`, `KeyRegistry`, `FailedAuthLimiter`");
        TARGETS.put("response-decoder", "`client.ResponseDecoder`");
        TARGETS.put("retry-policy", "`client.RetryPolicy`");
        TARGETS.put("key-rotation", "`service.KeyRotation`");
    }

    /**
     * Why a surviving mutant cannot be killed: no input tells it from the original. Keyed by
     * "Class.method:PIT's description" (no line number, so that edits elsewhere in the class keep the key).
     */
    static final Map<String, String> EQUIVALENT = new TreeMap<>();

    static {
        EQUIVALENT.put(
                "io.approvals.console.sandbox.Authenticator.credential:changed conditional boundary",
                "`length() > 7` vs `>= 7`: a stripped header of exactly 7 characters cannot end in the space of "
                        + "\"bearer \", so both refuse it");
        EQUIVALENT.put(
                "io.approvals.console.sandbox.Authenticator.credential:"
                        + "removed conditional - replaced equality check with false",
                "the token after \"bearer \" in a stripped header longer than 7 characters always has a "
                        + "non-space character, so it is never empty");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.current:removed conditional - replaced equality check with false",
                "a `current` that is not an object fails to bind, which is caught and gives no current either");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.field:removed conditional - replaced equality check with false",
                "looking a name up in a JSON node that is not an object finds nothing anyway");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.fieldErrors:removed conditional - replaced equality check with false",
                "`errors` that is not an object has no fields, so no field errors either way");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.object:removed conditional - replaced equality check with false",
                "binding an object node never gives null: the `empty answer` check cannot be reached");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.retryAfter:removed conditional - replaced equality check with false",
                "a blank Retry-After fails both parses and gets the same 30 s default");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.tree:removed conditional - replaced equality check with false",
                "Jackson reads an empty body as a missing node, which every caller treats like no body");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.error:changed conditional boundary",
                "`length > 0` vs `>= 0`: an empty body's text is empty, which reads as no detail either way");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.describe:removed conditional - replaced equality check with false",
                "stack overflow is unreachable (Jackson stops at 1,000 levels of nesting) and no exception class "
                        + "has an empty name");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.describe:replaced return value with \"\" for io/approvals/console/client/"
                        + "ResponseDecoder::describe",
                "only on the stack-overflow line, which cannot be reached (see above)");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.clean:changed conditional boundary",
                "`i < size()` vs `<=`: `ArrayNode.get` past the end gives null, which cleans to null and is not set");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.clean:"
                        + "removed conditional - replaced equality check with false",
                "the field is then set even when neither its name nor its value changed: to the value it already has");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.keepingLines:"
                        + "removed conditional - replaced equality check with false",
                "a description or comment that was clean is replaced by a new text node with the same text");
        EQUIVALENT.put(
                "io.approvals.console.client.ResponseDecoder.pageTree:"
                        + "removed conditional - replaced equality check with false",
                "without a page number the next cursor is set to that null, which it already was");
        EQUIVALENT.put(
                "io.approvals.console.service.KeyRotation.recover:"
                        + "removed conditional - replaced equality check with false",
                "clearing stale claims while this object holds the lock: its own claim is live, so nothing is removed");
        EQUIVALENT.put(
                "io.approvals.console.service.InterruptedRotation.recoverHolding:"
                        + "removed conditional - replaced equality check with false",
                "the pending entry vanishes between recover's look and taking the lock only if another program "
                        + "settles it in that moment: a race no test can time without a hook");
        EQUIVALENT.put(
                "io.approvals.console.client.RetryPolicy.backoff:changed conditional boundary",
                "`cap <= 0` vs `cap < 0`: for a cap of 0 both give a zero wait (nextLong(1) is always 0)");
    }

    private record Mutant(String clazz, String method, int line, String description, String status, boolean detected) {
        String key() {
            return clazz + "." + method + ":" + description;
        }
    }

    private MutationReport() {}

    public static void main(String[] args) throws Exception {
        Path reports = Path.of(args.length > 0 ? args[0] : "target/pit-reports");
        String seconds = System.getProperty("mutation.seconds");
        String section = render(reports, seconds == null || seconds.isBlank() ? -1 : Long.parseLong(seconds.strip()));
        if (args.length > 1) {
            Path doc = Path.of(args[1]);
            String old = Files.exists(doc) ? Files.readString(doc) : "";
            Files.writeString(doc, replaceSection(old, section));
            System.out.println("Wrote the mutation section of " + doc);
        } else {
            System.out.print(section);
        }
    }

    /** The page with its mutation section replaced by section (appended when there was none). */
    static String replaceSection(String page, String section) {
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        if (b < 0 || e < b) {
            return page
                    + (page.isEmpty() || page.endsWith("\n\n") ? "" : page.endsWith("\n") ? "\n" : "\n\n")
                    + section;
        }
        return page.substring(0, b) + section + page.substring(e + END.length()).replaceFirst("^\n", "");
    }

    /** The mutation section of an existing page, markers included, or "" (ReliabilityReport keeps it). */
    static String sectionIn(Path page) throws IOException {
        if (!Files.exists(page)) {
            return "";
        }
        String text = Files.readString(page);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        return b < 0 || e < b ? "" : "\n" + text.substring(b, e + END.length()) + "\n";
    }

    static String render(Path reports) throws Exception {
        return render(reports, -1);
    }

    /** The section; seconds is how long the PIT run took (scripts/mutation.sh measures it), or -1 if unknown. */
    static String render(Path reports, long seconds) throws Exception {
        StringBuilder md = new StringBuilder(BEGIN).append("\n");
        md.append("### Mutation testing of the security core (PIT)\n\n");
        md.append(
                "Generated by `scripts/mutation.sh --docs` from PIT's `target/pit-reports/*/mutations.xml`; not typed\n"
                        + "by hand. PIT (pitest-maven 1.30.2, JUnit 5 plugin 1.2.3, `DEFAULTS` mutators) changes the compiled\n"
                        + "code one small way at a time (a `<` becomes `<=`, a condition is negated, a call is removed, a\n"
                        + "return value is replaced) and runs the target's tests against each change; a mutant no test notices\n"
                        + "*survives*. Score = mutants detected (killed or timed out) / mutants generated. Each target is its\n"
                        + "own PIT execution and must reach **85 %** on its own, or the build fails. CI runs it\n"
                        + "(`.ci/run` step 1b, right after the test suite, `scripts/mutation.sh` bounded to 15 minutes).\n\n");
        md.append("| target | score | detected / generated | survived | not covered |\n|---|---|---|---|---|\n");
        List<Mutant> survivors = new ArrayList<>();
        Map<String, int[]> byClass = new TreeMap<>();
        for (Map.Entry<String, String> t : TARGETS.entrySet()) {
            Path xml = reports.resolve(t.getKey()).resolve("mutations.xml");
            if (!Files.exists(xml)) {
                md.append("| ").append(t.getValue()).append(" | not run | | | |\n");
                continue;
            }
            List<Mutant> mutants;
            try {
                mutants = read(xml);
            } catch (org.xml.sax.SAXException e) { // PIT stopped mid-run (MUTATION_TIMEOUT): its report is cut off
                md.append("| ").append(t.getValue()).append(" | unfinished | | | |\n");
                continue;
            }
            long detected = mutants.stream().filter(Mutant::detected).count();
            long noCoverage = mutants.stream()
                    .filter(m -> m.status().equals("NO_COVERAGE"))
                    .count();
            md.append("| ")
                    .append(t.getValue())
                    .append(" | ")
                    .append(percent(detected, mutants.size()))
                    .append(" | ")
                    .append(detected)
                    .append(" / ")
                    .append(mutants.size())
                    .append(" | ")
                    .append(mutants.size() - detected - noCoverage)
                    .append(" | ")
                    .append(noCoverage)
                    .append(" |\n");
            for (Mutant m : mutants) {
                int[] c = byClass.computeIfAbsent(m.clazz(), k -> new int[2]);
                c[0] += m.detected() ? 1 : 0;
                c[1]++;
                if (!m.detected()) {
                    survivors.add(m);
                }
            }
        }
        if (seconds >= 0) {
            md.append("\nThe PIT run for all targets took ")
                    .append(seconds / 60)
                    .append(" min ")
                    .append(seconds % 60)
                    .append(" s on the machine that wrote this page (`threads` 2).\n");
        }
        if (byClass.size() > TARGETS.size()) {
            md.append("\nBy class: ");
            List<String> parts = new ArrayList<>();
            byClass.forEach((clazz, c) -> parts.add("`" + clazz.substring(clazz.lastIndexOf('.') + 1) + "` "
                    + percent(c[0], c[1]) + " (" + c[0] + "/" + c[1] + ")"));
            md.append(String.join(", ", parts)).append(".\n");
        }
        md.append(
                "\nAn **equivalent mutant** is a change that no test can notice because the program still behaves\n"
                        + "the same for every input (e.g. `x > 7` becoming `x >= 7` where `x` can never be 7). Such mutants\n"
                        + "keep a score below 100 % however good the tests are; each survivor below is listed with the\n"
                        + "reason it is equivalent (kept in `MutationReport.EQUIVALENT`), or marked as a test still to write.\n\n");
        if (survivors.isEmpty()) {
            md.append("No surviving mutants.\n");
        } else {
            md.append("| surviving mutant | why no test kills it |\n|---|---|\n");
            for (Mutant m : survivors) {
                String simple = m.clazz().substring(m.clazz().lastIndexOf('.') + 1);
                md.append("| `")
                        .append(simple)
                        .append('.')
                        .append(m.method())
                        .append("` line ")
                        .append(m.line())
                        .append(": ")
                        .append(m.description())
                        .append(m.status().equals("NO_COVERAGE") ? " (not covered)" : "")
                        .append(" | ")
                        .append(EQUIVALENT.getOrDefault(m.key(), "no reason recorded: a test to write"))
                        .append(" |\n");
            }
        }
        md.append("""

                Run it (reports in `target/pit-reports/<target>/index.html`, outside the repository):

                ```sh
                scripts/mutation.sh            # PIT on every target (inside the test keychain session), then this table
                scripts/mutation.sh --docs     # the same, and writes this section of docs/reliability.md
                ./scripts/test.sh -Pmutation   # PIT alone; -Dmutation.threshold=0 measures without failing
                ```

                The profile skips the ordinary test run, mutates only the classes above and runs only their fast
                tests (not the auth matrix, soak, crash or UI suites, which would run again for every mutant).
                """);
        md.append(END).append("\n");
        return md.toString();
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : Math.round(100.0 * part / whole) + " %";
    }

    private static List<Mutant> read(Path xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(xml.toFile());
        NodeList nodes = doc.getElementsByTagName("mutation");
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            out.add(new Mutant(
                    text(e, "mutatedClass").replaceAll("\\$.*", ""),
                    text(e, "mutatedMethod"),
                    Integer.parseInt(text(e, "lineNumber")),
                    text(e, "description"),
                    e.getAttribute("status"),
                    Boolean.parseBoolean(e.getAttribute("detected"))));
        }
        return out;
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
    }
}
