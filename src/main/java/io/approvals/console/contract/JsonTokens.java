package io.approvals.console.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * JSON read with the tokenizer alone, under the same limits as {@link Json}'s mappers. For the readers that take
 * the common, plain form of a document without data binding (the pages of approvals, the connections file): the
 * desktop app's start-up then never loads or configures an {@code ObjectMapper}, a few hundred classes and tens of
 * milliseconds of CPU on a cold JVM.
 */
public final class JsonTokens {
    /** Deepest nesting, longest string and number the contract allows. */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(Json.MAX_DEPTH)
            .maxStringLength(1_000_000)
            .maxNumberLength(100)
            .build();

    private static final JsonFactory FACTORY =
            JsonFactory.builder().streamReadConstraints(LIMITS).build();

    private JsonTokens() {}

    public static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    public static JsonParser parser(Path file) throws IOException {
        return FACTORY.createParser(file.toFile());
    }

    /**
     * The instant of an API timestamp in its usual form, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, as {@link Json}'s
     * mappers read it; null for any other text, which only the mappers decide on (see {@link UtcInstants}).
     */
    public static Instant usualInstant(String s) {
        int n = s.length();
        if (n < 20
                || n > 30
                || n == 21
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.') {
                return null;
            }
            int fraction = digits(s, 20, n - 21);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in s[from, from + count), or -1 when one of them is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
