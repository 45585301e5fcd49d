package io.approvals.console.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mappers both sides use. */
public final class Json {
    /** Deepest nesting the contract allows. */
    public static final int MAX_DEPTH = 1000;

    private Json() {}

    /** Strict mapper for our own output and for the sandbox's input. */
    public static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(UtcInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        limit(mapper);
        return mapper;
    }

    /**
     * As {@link #strict()}, but writes every instant fixed-width with milliseconds ({@code 2026-11-26T10:15:30.000Z}),
     * so that string order is time order: what the sandbox sends. Reads the same as strict().
     */
    public static ObjectMapper strictMillis() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(UtcInstants.fixedMillisModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        limit(mapper);
        return mapper;
    }

    /** An instant as {@link #strictMillis()} writes it: {@code 2026-11-26T10:15:30.000Z}. */
    public static String millisText(java.time.Instant instant) {
        return UtcInstants.millisText(instant);
    }

    /**
     * Tolerant mapper for what real servers send: PascalCase or any-case names, unknown properties,
     * numbers where strings were expected, statuses in any letter case, missing optional fields.
     */
    public static ObjectMapper tolerant() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(UtcInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        limit(mapper);
        return mapper;
    }

    private static void limit(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(JsonTokens.LIMITS);
    }
}
