package dev.unwind.undo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * One line of the journal as bytes: the entry's JSON with, as its last field, {@code "sum"}: the CRC32C
 * (8 hex digits) of that same JSON written without the field. A reader thus tells a whole line from a torn,
 * overwritten or bit-flipped one; lines without a sum (journals written before it) are still read.
 */
final class JournalLine {
    private static final byte[] SUM = ",\"sum\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final int SUM_DIGITS = 8;
    /** {@code ,"sum":"0123abcd"}} */
    private static final int SUFFIX = SUM.length + SUM_DIGITS + 2;
    private static final ObjectReader STRICT = Journal.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JournalLine() {
    }

    /** The line for an entry, its newline included. */
    static byte[] of(Entry e) throws JsonProcessingException {
        byte[] json = Journal.JSON.writeValueAsBytes(e);
        ByteArrayOutputStream line = new ByteArrayOutputStream(json.length + SUFFIX + 1);
        line.write(json, 0, json.length - 1);
        line.writeBytes(SUM);
        line.writeBytes(HexFormat.of().toHexDigits((int) crc(json, 0, json.length - 1)).getBytes(StandardCharsets.US_ASCII));
        line.writeBytes("\"}\n".getBytes(StandardCharsets.US_ASCII));
        return line.toByteArray();
    }

    /** The entry in {@code bytes[from, to)} (no newline), or why it is not one. */
    static Entry read(byte[] bytes, int from, int to) throws Invalid {
        JsonNode node;
        try {
            node = STRICT.readTree(bytes, from, to - from);
        } catch (IOException e) {
            throw new Invalid("not JSON: " + firstLine(e));
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new Invalid("not a journal entry (no type)");
        }
        if (node.has("sum")) {
            verify(bytes, from, to);
        }
        try {
            return Journal.JSON.treeToValue(node, Entry.class);
        } catch (IOException e) {
            throw new Invalid("not a journal entry: " + firstLine(e));
        }
    }

    private static void verify(byte[] bytes, int from, int to) throws Invalid {
        int suffix = to - SUFFIX;
        if (suffix < from || !Arrays.equals(bytes, suffix, suffix + SUM.length, SUM, 0, SUM.length)
                || bytes[to - 2] != '"' || bytes[to - 1] != '}') {
            throw new Invalid("its checksum is not its last field");
        }
        String written = new String(bytes, suffix + SUM.length, SUM_DIGITS, StandardCharsets.US_ASCII);
        String actual = HexFormat.of().toHexDigits((int) crc(bytes, from, suffix));
        if (!written.equalsIgnoreCase(actual)) {
            throw new Invalid("checksum mismatch (" + written + ", content gives " + actual + "): changed after it was written");
        }
    }

    /** CRC32C of {@code bytes[from, to)} followed by the closing brace: the JSON as it was before the sum went in. */
    private static long crc(byte[] bytes, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, from, to - from);
        crc.update('}');
        return crc.getValue();
    }

    private static String firstLine(IOException e) {
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    /** Why a line is not a journal entry. */
    static final class Invalid extends Exception {
        Invalid(String why) {
            super(why);
        }
    }
}
