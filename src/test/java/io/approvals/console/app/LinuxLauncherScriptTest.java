package io.approvals.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/linux/launcher.sh, the installed app's bin/approvals-console, run in an app image of its own with a
 * stand-in for the runtime's java that writes down the arguments it was given.
 */
@EnabledOnOs(OS.LINUX)
class LinuxLauncherScriptTest {
    private static final Path SCRIPT = Path.of("packaging", "linux", "launcher.sh");

    @TempDir
    Path dir;

    private Path top;
    private Path app;
    private Path argsFile;
    private Path packageManagerAsked;
    private Path home;

    @BeforeEach
    void anAppImage() throws IOException {
        top = Files.createDirectories(dir.resolve("opt/approvals-console")).toRealPath();
        app = Files.createDirectories(top.resolve("lib/app"));
        argsFile = dir.resolve("java-args");
        home = Files.createDirectories(dir.resolve("home"));
        packageManagerAsked = dir.resolve("package-manager-asked");
        Path bin = Files.createDirectories(top.resolve("bin"));
        Files.copy(SCRIPT, bin.resolve("approvals-console"));
        executable(bin.resolve("approvals-console"));
        // jpackage's format, with an option that has a space and one that names $APPDIR twice
        Files.writeString(
                app.resolve("approvals-console.cfg"),
                String.join(
                        "\n",
                        "[Application]",
                        "app.classpath=$APPDIR/approvals-console.jar",
                        "app.mainclass=io.approvals.console.app.Main",
                        "app.classpath=$APPDIR/lib/jackson-core-2.21.3.jar",
                        "",
                        "[JavaOptions]",
                        "java-options=-XX:SharedArchiveFile=$APPDIR/app.jsa",
                        "java-options=-Djpackage.app-version=0.1.0",
                        "java-options=-Dspaced=a b",
                        "java-options=-Dtwo=$APPDIR:$ROOTDIR/x",
                        "java-options=-Xlog:all=off"));
        Path java = Files.createDirectories(top.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(
                java,
                "#!/bin/sh\nprintf '%s\\0' \"$@\" > \"$ARGS_FILE\"\n"
                        + "printf '%s' \"${XCOMPOSECACHE-unset}\" > \"$ARGS_FILE.compose\"\nexit 7\n");
        executable(java);
        // dpkg and rpm that tell on themselves, first on the PATH
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("dpkg", "dpkg-query", "rpm")) {
            Files.writeString(tools.resolve(tool), "#!/bin/sh\necho \"$0\" >> \"" + packageManagerAsked + "\"\n");
            executable(tools.resolve(tool));
        }
        // an ordinary user unless a test says root (CI runs the tests as root)
        Files.writeString(tools.resolve("id"), "#!/bin/sh\necho \"${FAKE_UID:-1000}\"\n");
        executable(tools.resolve("id"));
    }

    @Test
    void startsTheRuntimeWithTheConfigsOptionsClassPathAndMainClassThenTheUsersArgumentsUnchanged() throws Exception {
        // called through a link, as /usr/bin/approvals-console is
        Path link = Files.createSymbolicLink(
                Files.createDirectories(dir.resolve("usr/bin")).resolve("approvals-console"),
                top.resolve("bin/approvals-console"));
        String[] users = {"approvals", "two words", "", "$HOME", "*", "a\"b'c", "back\\slash", "-Dnot.for.the=jvm"};

        int status = run(link, users);

        List<String> expected = new ArrayList<>(List.of(
                "-XX:SharedArchiveFile=" + app + "/app.jsa",
                "-Djpackage.app-version=0.1.0",
                "-Dspaced=a b",
                "-Dtwo=" + app + ":" + top + "/x",
                "-Xlog:all=off",
                "-Djpackage.app-path=" + top + "/bin/approvals-console",
                "-cp",
                app + "/approvals-console.jar:" + app + "/lib/jackson-core-2.21.3.jar",
                "io.approvals.console.app.Main"));
        expected.addAll(Arrays.asList(users));
        assertThat(javaArgs()).containsExactlyElementsOf(expected);
        assertThat(status).as("java's exit status is the launcher's").isEqualTo(7);
        assertThat(packageManagerAsked)
                .as("no package look-up before Java starts")
                .doesNotExist();
    }

    @Test
    void noArgumentsAtAllStartsTheApp() throws Exception {
        run(top.resolve("bin/approvals-console"));

        List<String> args = javaArgs();
        assertThat(args.get(args.size() - 1)).isEqualTo("io.approvals.console.app.Main");
    }

    @Test
    void aMissingConfigIsSaidAndJavaIsNotStarted() throws Exception {
        Files.delete(app.resolve("approvals-console.cfg"));

        int status = run(top.resolve("bin/approvals-console"), "--version");

        assertThat(status).isEqualTo(127);
        assertThat(argsFile).doesNotExist();
    }

    @Test
    void javaFindsACacheDirectoryForTheComposeTableOnlyItsUserCanWriteTo() throws Exception {
        run(top.resolve("bin/approvals-console"));

        Path cache = home.resolve("cache/approvalsconsole/x11-compose");
        assertThat(Files.readString(Path.of(argsFile + ".compose"))).isEqualTo(cache.toString());
        assertThat(cache).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))
                .as("libX11 uses it only when group and others cannot write to it")
                .isEqualTo("rwx------");
    }

    @Test
    void asRootNoComposeCacheIsMade() throws Exception {
        // the package's postinst runs the launcher as root to make the start-up archive
        run(top.resolve("bin/approvals-console"), Map.of("FAKE_UID", "0"));

        assertThat(Files.readString(Path.of(argsFile + ".compose"))).isEqualTo("unset");
        assertThat(home.resolve("cache/approvalsconsole")).doesNotExist();
    }

    @Test
    void theUsersOwnComposeCacheIsLeftAsItIs() throws Exception {
        run(top.resolve("bin/approvals-console"), Map.of("XCOMPOSECACHE", "/somewhere/of/mine"));
        assertThat(Files.readString(Path.of(argsFile + ".compose"))).isEqualTo("/somewhere/of/mine");

        Files.createDirectories(home.resolve(".compose-cache"));
        run(top.resolve("bin/approvals-console"));
        assertThat(Files.readString(Path.of(argsFile + ".compose")))
                .as("libX11 already caches in ~/.compose-cache")
                .isEqualTo("unset");
        assertThat(home.resolve("cache/approvalsconsole")).doesNotExist();
    }

    private int run(Path launcher, String... args) throws IOException, InterruptedException {
        return run(launcher, Map.of(), args);
    }

    private int run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeAll(List.of("XCOMPOSECACHE", "APPROVALS_CONSOLE_HOME"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().putAll(env);
        pb.environment().put("ARGS_FILE", argsFile.toString());
        pb.environment().put("PATH", dir.resolve("tools") + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    private List<String> javaArgs() throws IOException {
        String all = Files.readString(argsFile, StandardCharsets.UTF_8);
        return Arrays.asList(all.substring(0, all.length() - 1).split("\0", -1));
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
