package io.jifen.admin.shared;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Money in answers: a decimal string without trailing zeros or an exponent ({@code "49.9"},
 * {@code "20"}), so no client reads it into a binary floating point number. Requests may send money
 * as a string or a JSON number (docs/api.md, "Accepted values"). The schema of such a field says
 * {@link #FORMAT}.
 */
public class MoneyJson extends StdSerializer<BigDecimal> {
    /** The OpenAPI format of a money field: {@code type: string, format: decimal}. */
    public static final String FORMAT = "decimal";
    public static final String DESCRIPTION = "An amount of the merchant's currency as a decimal string (\"12.50\");"
            + " requests may send a JSON number instead";

    public MoneyJson() {
        super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(value.stripTrailingZeros().toPlainString());
    }
}
