package dev.unwind.module.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A request body encoded as {@code body_format} says: json (a mapping or list is serialized, text is sent
 * as it is), form-urlencoded (a mapping becomes {@code a=1&b=2}), raw (text as it is).
 *
 * @param contentType the Content-Type to send unless the task gives one, or null
 */
record RequestBody(byte[] bytes, String contentType) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static RequestBody encode(Object body, String format) {
        if (body == null) {
            return new RequestBody(null, null);
        }
        return switch (format) {
            case "json" -> new RequestBody(body instanceof String s ? utf8(s) : json(body), "application/json");
            case "form-urlencoded" -> new RequestBody(utf8(body instanceof Map<?, ?> m ? form(m) : String.valueOf(body)),
                    "application/x-www-form-urlencoded");
            default -> {
                if (body instanceof Map<?, ?> || body instanceof List<?>) {
                    throw new IllegalArgumentException("body is a mapping or list: set body_format to json or form-urlencoded");
                }
                yield new RequestBody(utf8(String.valueOf(body)), null);
            }
        };
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static String form(Map<?, ?> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((k, v) -> out.add(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v == null ? "" : String.valueOf(v), StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
