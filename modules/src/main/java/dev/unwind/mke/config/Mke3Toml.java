package dev.unwind.mke.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.unwind.input.Problem;

/**
 * A parsed MKE 3 configuration: the TOML tree and where each key is written.
 *
 * @param source the file name used in error messages
 * @param text   the document as read
 */
public record Mke3Toml(String source, String text, ObjectNode root, KeyPositions positions) {

    private static final TomlMapper TOML = new TomlMapper();

    public static Mke3Toml read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidMke3Config(file.toString(), 1, 1, "cannot read the MKE 3 configuration: " + e.getMessage());
        }
        return parse(file.toString(), bytes);
    }

    public static Mke3Toml parse(String source, byte[] bytes) {
        String text = decode(source, bytes);
        if (text.strip().isEmpty()) {
            throw new InvalidMke3Config(source, 1, 1, "the file is empty; expected an MKE 3 configuration"
                    + " (download it with GET /api/ucp/config-toml)");
        }
        JsonNode tree;
        try {
            tree = TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 1 : Math.max(1, at.getLineNr());
            int column = at == null ? 1 : Math.max(1, at.getColumnNr());
            int[] duplicate = new KeyPositions(text).firstDuplicate();
            if (duplicate != null && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate key")) {
                line = duplicate[0];
                column = duplicate[1];
            }
            throw new InvalidMke3Config(source, line, column, "not valid TOML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidMke3Config(source, 1, 1, "not valid TOML: " + e.getMessage());
        }
        KeyPositions positions = new KeyPositions(text);
        if (!(tree instanceof ObjectNode root) || !root.has("cluster_config")) {
            throw new InvalidMke3Config(source, 1, 1, "no [cluster_config] table: this is not an MKE 3 configuration"
                    + " (every MKE 3 configuration has one; download it with GET /api/ucp/config-toml)");
        }
        if (!root.get("cluster_config").isObject()) {
            int[] at = positions.of("cluster_config");
            throw new InvalidMke3Config(source, at[0], at[1], "cluster_config must be a table");
        }
        Mke3Toml toml = new Mke3Toml(source, text, root, positions);
        List<Problem> problems = new ArrayList<>(TomlDates.check(source, text));
        problems.addAll(SettingCatalog.standard().typeProblems(toml));
        if (!problems.isEmpty()) {
            throw new InvalidMke3Config(problems);
        }
        return toml;
    }

    /** UTF-8 only; a NUL or an invalid byte means a binary file, reported where it starts. */
    private static String decode(String source, byte[] bytes) {
        int line = 1;
        int column = 1;
        for (byte b : bytes) {
            if (b == 0) {
                throw new InvalidMke3Config(source, line, column, "this is a binary file, not an MKE 3 TOML configuration");
            }
            if (b == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMke3Config(source, 1, 1, "not UTF-8 text (a binary file?): expected an MKE 3 TOML configuration");
        }
    }

    /** The position of a setting, for error messages. */
    public InvalidMke3Config problemAt(String path, String problem) {
        int[] at = positions.of(path);
        return new InvalidMke3Config(source, at[0], at[1], problem);
    }

    /** The whole configuration as plain maps, lists and values (for a registered result). */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> plain() {
        return (java.util.Map<String, Object>) Setting.plain(root);
    }

    @Override
    public String toString() {
        return "Mke3Toml[" + source + "]";
    }
}
