package io.approvals.console.sandbox;

import io.approvals.console.contract.ApiKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** DIR/admin.key: the bootstrap admin key, created readable by its owner only (never chmod-ed later). */
final class AdminKeyFile {
    static final String NAME = "admin.key";

    private AdminKeyFile() {}

    static void write(Path file, ApiKey key) throws IOException {
        Files.deleteIfExists(file);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        try (OutputStream out =
                Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write((key.reveal() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
