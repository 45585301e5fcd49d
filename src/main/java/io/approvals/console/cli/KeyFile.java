package io.approvals.console.cli;

import io.approvals.console.contract.ApiKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a key from a file given with --key-file: the first non-blank line. Refused unless only its owner may read
 * or write it, as ssh does with a private key: a key others can read is as good as leaked.
 */
final class KeyFile {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private KeyFile() {}

    static ApiKey read(Path file, CliMessages t) {
        Path p = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new CliFailure(ExitCodes.USAGE, t.get("keyFile.notAFile", p.toString()));
        }
        checkOwnerOnly(p, t);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new CliFailure(
                    ExitCodes.USAGE,
                    t.get("keyFile.unreadable", p.toString(), e.getClass().getSimpleName()));
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        String line = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        if (line.isEmpty()) {
            throw new CliFailure(ExitCodes.USAGE, t.get("keyFile.empty", p.toString()));
        }
        try {
            return ApiKey.of(line.toCharArray());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.USAGE, t.get("keyFile.invalid", p.toString(), e.getMessage()));
        }
    }

    private static void checkOwnerOnly(Path p, CliMessages t) {
        if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: files under the user's profile are private by default
        }
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(p);
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.USAGE, t.get("keyFile.permissionsUnreadable", p.toString()));
        }
        Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
        extra.addAll(perms);
        extra.retainAll(OTHERS);
        if (!extra.isEmpty()) {
            throw new CliFailure(
                    ExitCodes.USAGE, t.get("keyFile.open", p.toString(), PosixFilePermissions.toString(perms)));
        }
    }
}
