package io.approvals.console.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the plain readers share (client's page of approvals, config's connections file): each reads a document in
 * the one form it knows off {@link JsonTokens}, and meets anything else by throwing {@link NotPlain}, which leaves
 * the whole document to a mapper. These helpers take the value the parser is at and accept only its plain form.
 */
public final class PlainJson {
    private PlainJson() {}

    /** Thrown to leave a document to a mapper; carries nothing, costs nothing. */
    public static final class NotPlain extends RuntimeException {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    /** The signal to leave the document to a mapper: {@code throw PlainJson.notPlain()}. */
    public static NotPlain notPlain() {
        return NotPlain.INSTANCE;
    }

    /** The token, when it is the one wanted. */
    public static JsonToken expect(JsonToken actual, JsonToken wanted) {
        if (actual != wanted) {
            throw notPlain();
        }
        return actual;
    }

    /** Reads one object of an array, the parser at its START_OBJECT. */
    public interface ObjectReader<T> {
        T read(JsonParser p) throws IOException;
    }

    /** The objects of the array the parser has just entered, each read by reader; anything else is not plain. */
    public static <T> List<T> objects(JsonParser p, ObjectReader<T> reader) throws IOException {
        List<T> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            out.add(reader.read(p));
        }
        expect(t, JsonToken.END_ARRAY);
        return out;
    }

    /** A string, or null for null; a value of any other type is not plain. */
    public static String text(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** The instant of a text in the API's usual form ({@link JsonTokens#usualInstant}), or null for null. */
    public static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        Instant instant = JsonTokens.usualInstant(text);
        if (instant == null) {
            throw notPlain();
        }
        return instant;
    }

    /** The constant spelled exactly so, or null for null; another case or padding is not plain. */
    public static <E> E spelledAs(E[] values, Function<E, String> spelling, String text) {
        if (text == null) {
            return null;
        }
        for (E value : values) {
            if (spelling.apply(value).equals(text)) {
                return value;
            }
        }
        throw notPlain();
    }

    /** Which of an object's names (by index, fewer than 32) were read: a name given twice is not plain. */
    public static final class Names {
        private int seen;

        public void mark(int name) {
            if ((seen & (1 << name)) != 0) {
                throw notPlain();
            }
            seen |= 1 << name;
        }

        /** Marks the name read and hands its value through. */
        public <T> T once(int name, T value) {
            mark(name);
            return value;
        }

        /** A name that must have been read (a missing number is the mapper's to decide). */
        public void require(int name) {
            if ((seen & (1 << name)) == 0) {
                throw notPlain();
            }
        }
    }
}
