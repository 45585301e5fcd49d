package io.approvals.console.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A file for a secret, created readable and writable by its owner only from the first moment (POSIX
 * mode rw-------, or on Windows an ACL granting the current user alone), never made private afterwards,
 * and never overwriting an existing file. Created before the secret exists, so a file that cannot be
 * created stops the command before a key is issued.
 */
final class OwnerOnlyFile {
    private final Path path;

    private OwnerOnlyFile(Path path) {
        this.path = path;
    }

    static OwnerOnlyFile create(Path requested) {
        Path p = requested.toAbsolutePath().normalize();
        try {
            Files.createFile(p, ownerOnly(p));
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(
                    ExitCodes.USAGE, p + " exists already; choose a new file name (it is never overwritten).");
        } catch (IOException | UnsupportedOperationException e) {
            throw new CliFailure(ExitCodes.OTHER, "Could not create " + p + ": " + e.getMessage());
        }
        return new OwnerOnlyFile(p);
    }

    Path path() {
        return path;
    }

    /** Writes the secret and a newline. */
    void write(String secret) {
        try (SeekableByteChannel ch = Files.newByteChannel(
                path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
            ch.write(ByteBuffer.wrap((secret + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.OTHER, "Could not write " + path + ": " + e.getMessage());
        }
    }

    /** Removes the still-empty file when the key could not be obtained. */
    void discard() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // an empty file holds no secret
        }
    }

    private static FileAttribute<?> ownerOnly(Path p) throws IOException {
        Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
        Set<String> views = dir.getFileSystem().supportedFileAttributeViews();
        if (views.contains("posix")) {
            return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        }
        if (views.contains("acl")) {
            UserPrincipal me = dir.getFileSystem()
                    .getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            AclEntry entry = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(me)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            List<AclEntry> acl = List.of(entry);
            return new FileAttribute<List<AclEntry>>() {
                @Override
                public String name() {
                    return "acl:acl";
                }

                @Override
                public List<AclEntry> value() {
                    return acl;
                }
            };
        }
        throw new UnsupportedOperationException("this file system cannot make a file private to its owner");
    }
}
