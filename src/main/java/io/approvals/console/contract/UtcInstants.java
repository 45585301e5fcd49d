package io.approvals.console.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the API sends ({@code 2026-11-26T10:15:30Z}, with up to nine fraction digits) by hand
 * ({@link JsonTokens#usualInstant}):
 * through {@code DateTimeFormatter} they took a third of the time of decoding a page of approvals. Anything else
 * (offsets, lower case, numbers, odd years) goes to Jackson's own {@code InstantDeserializer}, so what is accepted,
 * and how it is read, does not change.
 *
 * <p>Writes them by hand too ({@link #text}), as {@link Instant#toString()} does (what Jackson's own serializer
 * writes with this project's mappers): through {@code DateTimeFormatter} the sandbox spent a fifth of its time on a
 * page of approvals formatting their four instants each.
 */
final class UtcInstants {
    private UtcInstants() {}

    /** The module that puts this reading first. */
    static SimpleModule module() {
        return new SimpleModule("utc-instants")
                .addDeserializer(Instant.class, new Deserializer())
                .addSerializer(Instant.class, new Serializer(false));
    }

    /** The same reading; writes {@link #millisText} (the sandbox's wire form). */
    static SimpleModule fixedMillisModule() {
        return new SimpleModule("utc-instants-millis")
                .addDeserializer(Instant.class, new Deserializer())
                .addSerializer(Instant.class, new Serializer(true));
    }

    /** The first second of year 0 and the last of year 9999: the years written with 4 digits and no sign. */
    private static final long FIRST_PLAIN_SECOND = -62_167_219_200L;

    private static final long LAST_PLAIN_SECOND = 253_402_300_799L;

    /**
     * {@code instant.toString()}: {@code yyyy-MM-ddTHH:mm:ss}, the fraction in groups of three digits as long as
     * needed (none when zero), {@code Z}. Years outside 0–9999 are left to {@link Instant#toString()}.
     */
    static String text(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_PLAIN_SECOND || seconds > LAST_PLAIN_SECOND) {
            return instant.toString();
        }
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        int nanos = instant.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        char[] out = new char[20 + (fraction == 0 ? 0 : fraction + 1)];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        int at = 19;
        if (fraction > 0) {
            out[at++] = '.';
            digits(out, at, nanos / POWERS_OF_TEN[9 - fraction], fraction);
            at += fraction;
        }
        out[at] = 'Z';
        return new String(out);
    }

    /**
     * Always {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, 24 characters, the fraction cut (not rounded) to milliseconds: equal
     * width makes string order time order. Years outside 0–9999 are left to {@link Instant#toString()}.
     */
    static String millisText(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_PLAIN_SECOND || seconds > LAST_PLAIN_SECOND) {
            return instant.toString();
        }
        char[] out = new char[24];
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** Writes value as exactly width decimal digits, zero-padded, at out[from]. */
    private static void digits(char[] out, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class Serializer extends StdScalarSerializer<Instant> {
        private final boolean fixedMillis;

        Serializer(boolean fixedMillis) {
            super(Instant.class);
            this.fixedMillis = fixedMillis;
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)) {
                InstantSerializer.INSTANCE.serialize(value, gen, provider); // a mapper asking for numbers gets them
            } else {
                gen.writeString(fixedMillis ? millisText(value) : text(value));
            }
        }
    }

    private static final class Deserializer extends StdScalarDeserializer<Instant> {
        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = JsonTokens.usualInstant(p.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctx);
        }
    }
}
