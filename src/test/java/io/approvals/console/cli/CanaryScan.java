package io.approvals.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Looks for a secret in every file under some roots (any encoding-free byte match). */
public final class CanaryScan {
    private CanaryScan() {}

    public static void assertNoFileContains(String secret, Path... roots) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.US_ASCII);
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                byte[] content = Files.readAllBytes(f);
                assertThat(indexOf(content, needle))
                        .as("the secret must not be in %s", f)
                        .isEqualTo(-1);
                String asText = new String(content, StandardCharsets.UTF_8);
                assertThat(asText).as("the secret must not be in %s", f).doesNotContain(secret.substring(4, 36));
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
