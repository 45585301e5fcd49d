package io.approvals.console.cli;

import java.io.File;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the man pages' AsciiDoc, one page per command, at build time (see pom.xml): picocli-codegen's
 * ManPageGenerator on the command model with the English help texts, so the pages never follow the build
 * machine's locale. Usage: ManPages OUTDIR
 */
public final class ManPages {
    /** picocli-codegen is on the build plugin's class path only, not the app's: the generator is called by name. */
    static final String GENERATOR = "picocli.codegen.docgen.manpage.ManPageGenerator";

    private ManPages() {}

    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : "target/man-asciidoc");
        CommandLine cl = CliHelp.forGenerators();
        Object code = Class.forName(GENERATOR)
                .getMethod(
                        "generateManPage", File.class, File.class, boolean[].class, boolean.class, CommandSpec[].class)
                .invoke(null, dir, null, new boolean[0], false, new CommandSpec[] {cl.getCommandSpec()});
        if (!Integer.valueOf(CommandLine.ExitCode.OK).equals(code)) {
            throw new IllegalStateException("ManPageGenerator ended with " + code);
        }
    }
}
