package io.approvals.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.approvals.console.contract.Json;
import java.io.PrintWriter;

/** --json output: the strict mapper, indented, one document per command. */
final class JsonOutput {
    private static final ObjectMapper MAPPER = Json.strict().enable(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectMapper COMPACT = Json.strict();

    private JsonOutput() {}

    /** One JSON document on one line, for JSON lines output. */
    static String line(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.OTHER, "Could not write JSON: " + e.getOriginalMessage());
        }
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCodes.OTHER, "Could not write JSON: " + e.getOriginalMessage());
        }
    }
}
