package com.example.hublinks.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON body as JavaScript's {@code JSON.stringify(JSON.parse(body))} writes it: on one line, no
 * spaces, keys in the order they came, strings escaped and numbers printed as ECMAScript does.
 * eduMe's developer guide signs that string, so a pretty-printed delivery is checked against it too.
 */
final class OneLineJson {

    private OneLineJson() {
    }

    /** The one-line form's UTF-8 bytes; an {@link IllegalArgumentException} when the body is not one JSON value. */
    static byte[] of(JsonMapper json, byte[] body) {
        StringBuilder out = new StringBuilder(body.length);
        try (JsonParser parser = json.createParser(body)) {
            JsonToken previous = null;
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (previous != null && depth == 0) {
                    throw new IllegalArgumentException("the body holds more than one JSON value");
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (needsComma(previous, token)) {
                    out.append(',');
                }
                switch (token) {
                    case START_OBJECT -> out.append('{');
                    case END_OBJECT -> out.append('}');
                    case START_ARRAY -> out.append('[');
                    case END_ARRAY -> out.append(']');
                    case PROPERTY_NAME -> quote(out, parser.currentName()).append(':');
                    case VALUE_STRING -> quote(out, parser.getString());
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.append(number(parser.getString()));
                    case VALUE_TRUE -> out.append("true");
                    case VALUE_FALSE -> out.append("false");
                    case VALUE_NULL -> out.append("null");
                    default -> throw new IllegalArgumentException("unexpected JSON token " + token);
                }
                previous = token;
            }
            if (previous == null) {
                throw new IllegalArgumentException("the body is empty");
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value or a key follows another value inside an object or array. */
    private static boolean needsComma(JsonToken previous, JsonToken token) {
        if (previous == null || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            return false;
        }
        return previous != JsonToken.START_OBJECT && previous != JsonToken.START_ARRAY
                && previous != JsonToken.PROPERTY_NAME;
    }

    /** ECMAScript's QuoteJSONString: only {@code "}, {@code \}, control characters and lone surrogates are escaped. */
    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** The decimal with the fewest digits that reads back as the double, the closest of them (Java 17's Double.toString is not always that). */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** ECMAScript's Number::toString of the double the literal denotes ({@code 1.0} → {@code 1}, {@code 1e21} → {@code 1e+21}). */
    static String number(String literal) {
        double value = Double.parseDouble(literal);
        if (value == 0) {
            return "0";
        }
        if (Double.isInfinite(value)) {
            return "null";
        }
        BigDecimal decimal = shortest(value);
        String digits = decimal.unscaledValue().abs().toString();
        String sign = decimal.signum() < 0 ? "-" : "";
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits × 10^n
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        return sign + (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + "e"
                + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
