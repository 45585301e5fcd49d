package io.approvals.console.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The hand-made reading of API instants gives what {@link Instant#parse} gives, or steps aside; the hand-made writing
 * gives what {@link Instant#toString()} and Jackson's own serializer give.
 */
class UtcInstantsProperties {

    @Property(tries = 3000)
    void everyInstantIsWrittenAsInstantToStringWritesIt(@ForAll("instants") Instant instant) throws Exception {
        assertThat(UtcInstants.text(instant)).isEqualTo(instant.toString());
        String json = "\"" + instant + "\"";
        assertThat(Json.strict().writeValueAsString(instant)).isEqualTo(json);
        assertThat(JACKSONS_OWN.writeValueAsString(instant)).isEqualTo(json);
    }

    @Property(tries = 3000)
    void theSandboxFormIsFixedWidthWithMillisecondsAndReadsBackCutToTheMillisecond(@ForAll("instants") Instant instant)
            throws Exception {
        String text = UtcInstants.millisText(instant);
        if (instant.getEpochSecond() < -62_167_219_200L || instant.getEpochSecond() > 253_402_300_799L) {
            assertThat(text).isEqualTo(instant.toString()); // no fixed width outside years 0-9999
            return;
        }
        assertThat(text).hasSize(24).isEqualTo(MILLIS.format(instant));
        assertThat(Json.strictMillis().writeValueAsString(instant)).isEqualTo("\"" + text + "\"");
        Instant cut = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(JsonTokens.usualInstant(text)).isEqualTo(cut);
        assertThat(Json.tolerant().readValue("\"" + text + "\"", Instant.class)).isEqualTo(cut);
    }

    @Property(tries = 1000)
    void theSandboxFormSortsAsTimeDoes(
            @ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long a,
            @ForAll @LongRange(min = 0, max = 253_402_300_799_999L) long b) {
        String ta = UtcInstants.millisText(Instant.ofEpochMilli(a));
        String tb = UtcInstants.millisText(Instant.ofEpochMilli(b));
        assertThat(Integer.signum(ta.compareTo(tb))).isEqualTo(Long.signum(a - b));
    }

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    @Example
    void theEdgesOfTheFourDigitYearsAndOfTheFractionGroups() {
        for (String text : new String[] {
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z",
            "1969-12-31T23:59:59.100Z",
            "1970-01-01T00:00:00.000001Z",
            "2026-02-28T23:59:59.120Z",
            "2024-02-29T12:00:00.123456Z",
            "2026-11-26T10:15:30.000000100Z"
        }) {
            Instant instant = Instant.parse(text);
            assertThat(UtcInstants.text(instant)).isEqualTo(instant.toString());
        }
        assertThat(UtcInstants.text(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(UtcInstants.text(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }

    @Example
    void aMapperAskingForTimestampsStillGetsNumbers() throws Exception {
        ObjectMapper numbers = Json.strict().enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        assertThat(numbers.writeValueAsString(Instant.ofEpochSecond(1_795_766_194L, 5_000_000)))
                .isEqualTo("1795766194.005000000");
    }

    /** Jackson's own Instant serializer, as the mappers wrote instants before this module wrote them. */
    private static final ObjectMapper JACKSONS_OWN = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())));
        Arbitrary<Integer> nanos = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000)),
                net.jqwik.api.Tuple.of(
                        2, Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 999_999_999)));
        return net.jqwik.api.Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Property(tries = 2000)
    void everyCanonicalInstantReadsAsInstantParseReadsIt(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 9) int fractionDigits) {
        String text = canonical(Instant.ofEpochSecond(epochSecond, nanos), fractionDigits);

        assertThat(JsonTokens.usualInstant(text)).isEqualTo(Instant.parse(text));
    }

    @Property(tries = 5000)
    void aMangledInstantIsEitherReadLikeInstantParseOrLeftToIt(@ForAll("mangled") String text) {
        Instant fast = JsonTokens.usualInstant(text);
        Instant reference;
        try {
            reference = Instant.parse(text);
        } catch (DateTimeException e) {
            reference = null;
        }
        if (fast != null) {
            assertThat(fast).as(text).isEqualTo(reference);
        }
    }

    @Example
    void otherFormsStillDecodeThroughTheMappers() throws Exception {
        for (ObjectMapper mapper : new ObjectMapper[] {Json.strict(), Json.tolerant()}) {
            assertThat(mapper.readValue("\"2026-11-26T12:15:30+02:00\"", Instant.class))
                    .isEqualTo(Instant.parse("2026-11-26T10:15:30Z"));
            assertThat(mapper.readValue("\"2026-11-26t10:15:30.5z\"", Instant.class))
                    .isEqualTo(Instant.parse("2026-11-26T10:15:30.500Z"));
            assertThat(mapper.readValue("\"2026-11-26T10:15:30.123Z\"", Instant.class))
                    .isEqualTo(Instant.parse("2026-11-26T10:15:30.123Z"));
        }
        assertThat(Json.tolerant().readValue("1795766194", Instant.class))
                .isEqualTo(Instant.ofEpochSecond(1_795_766_194L));
    }

    @Provide
    Arbitrary<String> mangled() {
        Arbitrary<String> valid = Arbitraries.longs()
                .between(-62_135_596_800L, 253_402_300_799L)
                .map(s -> canonical(
                        Instant.ofEpochSecond(s, (int) Math.floorMod(s * 7919, 1_000_000_000L)), Math.floorMod(s, 10)));
        return valid.flatMap(
                text -> Arbitraries.integers().between(0, text.length() - 1).flatMap(at -> Arbitraries.of(
                                '0', '9', '5', '3', '1', 'Z', 'z', 'T', '-', ':', '.', '+', ' ', '/')
                        .map(c -> text.substring(0, at) + c + text.substring(at + 1))));
    }

    private static String canonical(Instant instant, int fractionDigits) {
        String seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC)
                .format(instant);
        if (fractionDigits == 0) {
            return seconds + "Z";
        }
        String nanos = String.format("%09d", instant.getNano());
        return seconds + "." + nanos.substring(0, fractionDigits) + "Z";
    }
}
