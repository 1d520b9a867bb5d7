package org.juryroom.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * Request JSON is read as written, for every body and the multipart {@code entry} part alike: one
 * value with nothing after it (400 otherwise, as for malformed JSON); a whole number is a JSON
 * integer (7.5 and "8" are refused, never stored as 7 or read as 8); a number or a boolean is not a
 * string; and no text holds what {@link TextRules} forbids. Each refusal of a value names its
 * field; {@link ProblemMappers} answers 422 with it in {@code violations}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that its readers of moments come ahead of the Java time module's, whoever registers that. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // A body is one JSON value (RFC 8259): a second value or text after it is refused, not dropped unread.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("juryroom-text")
                .addDeserializer(String.class, new CheckedText())
                .addKeyDeserializer(String.class, new CheckedKey())
                .addDeserializer(Instant.class, new Dated<>(Instant.class, InstantDeserializer.INSTANT))
                .addDeserializer(OffsetDateTime.class,
                        new Dated<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME)));
    }

    /**
     * A moment as Java reads it, but only in the years 1 to 9999 ({@link Dates#inRange}): Java takes years up to
     * a billion, PostgreSQL none past 294276, and no date the app keeps is near either.
     */
    static final class Dated<T extends Temporal> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<? extends T> time;

        Dated(Class<T> type, JsonDeserializer<? extends T> time) {
            super(type);
            this.time = time;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            T value = time.deserialize(p, ctx);
            if (value != null && !Dates.inRange(value)) {
                throw InvalidFormatException.from(p, "year out of range", value.toString(), handledType());
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** A text value that breaks {@link TextRules}; its message is the violation's. */
    public static final class InvalidText extends InvalidFormatException {
        InvalidText(JsonParser p, String message, String value) {
            super(p, message, value, String.class);
        }
    }

    static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctx);
            String refusal = TextRules.refusal(value);
            if (refusal != null) {
                throw new InvalidText(p, refusal, value);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Map keys (score maps are keyed by criterion code) follow the same rules. */
    static final class CheckedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctx) throws IOException {
            String refusal = TextRules.refusal(key);
            if (refusal != null) {
                throw new InvalidText(ctx.getParser(), refusal, key);
            }
            return key;
        }
    }
}
