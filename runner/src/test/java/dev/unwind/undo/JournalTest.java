package dev.unwind.undo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The journal file itself: its line format, reading past damage, and cutting a damaged tail before appending. */
class JournalTest {
    @TempDir
    Path dir;

    @Test
    void eachLineIsJsonEndingWithTheChecksumOfTheRest() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file)) {
            j.append(Entry.of(EntryType.RUN).run(Map.of("playbook", "site.yml", "note", "ünïcode \"quoted\"")));
            j.append(Entry.of(EntryType.END).status("ok", null));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode node = Journal.JSON.readTree(line);
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).last().isEqualTo("sum");
            assertThat(node.get("sum").asText()).matches("[0-9a-f]{8}");
        }
        JournalContents read = Journal.read(file);
        assertThat(read.damage()).isEmpty();
        assertThat(read.entries()).extracting(Entry::type, Entry::seq).containsExactly(
                tuple(EntryType.RUN, 1L), tuple(EntryType.END, 2L));
        assertThat(read.entries().get(0).run()).containsEntry("note", "ünïcode \"quoted\"");
    }

    @Test
    void linesWithoutAChecksumFromOlderJournalsAreStillRead() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        Files.writeString(file, "{\"type\":\"run\",\"seq\":1}\n{\"type\":\"end\",\"seq\":2,\"status\":\"ok\"}\n");

        JournalContents read = Journal.read(file);

        assertThat(read.damage()).isEmpty();
        assertThat(read.entries()).extracting(Entry::status).containsExactly(null, "ok");
        try (Journal j = Journal.open(file)) {
            assertThat(j.append(Entry.of(EntryType.UNDONE)).seq()).isEqualTo(3);
        }
        assertThat(Journal.read(file).entries()).hasSize(3);
    }

    @Test
    void aDamagedMiddleLineIsNamedAndTheLinesAroundItAreRead() throws IOException {
        Path file = journal("run", "started", "changed", "end");
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("started", "startex"));
        lines.set(2, "{\"type\":\"changed\",\"seq\":3,\"sum\":\"00000000\",\"host\":\"h1\"}");
        Files.write(file, lines);

        JournalContents read = Journal.read(file);

        assertThat(read.entries()).extracting(e -> e.type().wire()).containsExactly("run", "end");
        assertThat(read.damage()).extracting(JournalContents.Damage::line).containsExactly(2, 3);
        assertThat(read.damage().get(0).problem()).startsWith("checksum mismatch");
        assertThat(read.damage().get(1).problem()).isEqualTo("its checksum is not its last field");
        assertThat(read.mayMissEntries()).isTrue();
        try (Journal j = Journal.open(file)) {
            assertThat(j.setAside()).as("a damaged middle line stays where it is").isEmpty();
        }
    }

    @Test
    void openCutsADamagedTailAsideAndWhatIsAppendedNextIsRead() throws IOException {
        Path file = journal("run", "changed");
        byte[] good = Files.readAllBytes(file);
        Files.write(file, ("garbage\n\n" + "{\"type\":\"und").getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("journal.jsonl.damaged-1"), "an earlier cut\n");

        assertThat(Journal.read(file).damage()).extracting(JournalContents.Damage::line, JournalContents.Damage::torn)
                .containsExactly(tuple(3, false), tuple(5, true));
        try (Journal j = Journal.open(file)) {
            assertThat(j.setAside()).contains(dir.resolve("journal.jsonl.damaged-2"));
            assertThat(Files.readAllBytes(file)).isEqualTo(good);
            j.append(Entry.of(EntryType.UNDONE).ref(2));
        }

        assertThat(dir.resolve("journal.jsonl.damaged-2")).hasContent("garbage\n\n{\"type\":\"und");
        assertThat(dir.resolve("journal.jsonl.damaged-1")).hasContent("an earlier cut");
        JournalContents read = Journal.read(file);
        assertThat(read.damage()).isEmpty();
        assertThat(read.entries()).extracting(e -> e.type().wire()).containsExactly("run", "changed", "undone");
    }

    @Test
    void aTornLastLineAloneMissesNoEntry() throws IOException {
        Path file = journal("run");
        Files.write(file, "{\"type\":\"end\",\"seq\":2,\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);

        JournalContents read = Journal.read(file);

        assertThat(read.entries()).extracting(e -> e.type().wire()).containsExactly("run");
        assertThat(read.damage()).singleElement().satisfies(d -> assertThat(d.torn()).isTrue());
        assertThat(read.mayMissEntries()).isFalse();
    }

    private Path journal(String... types) {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = Journal.open(file)) {
            for (String t : types) {
                j.append(Entry.of(EntryType.of(t)));
            }
        }
        return file;
    }
}
