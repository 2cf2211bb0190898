package io.jifen.admin.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * What request bodies may hold beyond their declared types. Whole numbers stay whole: Jackson would
 * otherwise read {@code "points": 1.5} as 1, moving a point the caller never asked for. Strings never
 * carry U+0000: PostgreSQL cannot store it in text or jsonb, so it would fail at the insert (500)
 * instead of being refused up front, naming the field.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {
    /** The message the problem mappers look for to name a NUL in a field. */
    public static final String NUL_MESSAGE = "contains the NUL character (U+0000)";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        SimpleModule strings = new SimpleModule("jifen-strict-strings");
        strings.addDeserializer(String.class, new NoNulStrings());
        strings.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                if (key.indexOf('\0') >= 0) {
                    throw ctxt.weirdKeyException(String.class, key, NUL_MESSAGE);
                }
                return key;
            }
        });
        mapper.registerModule(strings);
    }

    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\0') >= 0) {
                throw ctxt.weirdStringException(value, String.class, NUL_MESSAGE);
            }
            return value;
        }
    }
}
