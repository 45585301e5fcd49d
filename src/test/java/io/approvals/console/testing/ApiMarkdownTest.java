package io.approvals.console.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/api.md is what scripts/api-docs.sh makes of docs/api/openapi.yaml: the two cannot disagree. */
class ApiMarkdownTest {

    @Test
    void docsApiMdIsGeneratedFromTheOpenApiDocument() throws Exception {
        String committed = Files.readString(Path.of("docs", "api.md"));
        assertThat(committed)
                .as("docs/api.md is stale: run scripts/api-docs.sh")
                .isEqualTo(ApiMarkdown.render(OpenApiContract.get().document()));
    }

    @Test
    void everyOperationOfTheDocumentHasItsSection() throws Exception {
        String page = Files.readString(Path.of("docs", "api.md"));
        assertThat(OpenApiContract.get().operations()).hasSizeGreaterThanOrEqualTo(11);
        OpenApiContract.get().operations().keySet().forEach(op -> assertThat(page)
                .contains("### " + op + "\n"));
    }

    @Test
    void theDocumentOnDiskIsTheOneTheSandboxServes() throws Exception {
        assertThat(OpenApiContract.get().yaml()).isEqualTo(Files.readString(Path.of("docs", "api", "openapi.yaml")));
    }
}
