package dev.unwind.input;

import dev.unwind.cli.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The malformed-input corpus ({@code malformed/cases.txt}): playbooks, task and vars files, templates,
 * INI and YAML inventories, vault files, extra vars and MKE 3 TOML files, each run through the real CLI.
 * Every one must end in exit 5 naming its file:line:column (or the file), with no stack trace, before
 * anything runs (no run folder), and quickly.
 */
class MalformedInputTest {
    private static final Path CORPUS = Path.of("src/test/resources/malformed");
    /** Generous, so a busy machine does not fail the build; the real times are printed at the end. */
    private static final long LIMIT_MILLIS = 5_000;
    private static long slowestMillis;
    private static String slowestCase = "";

    @TempDir
    static Path work;

    /** One line of the table: a name, the unwind arguments, and the position the error must name. */
    record Case(String name, String args, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        return Files.readAllLines(CORPUS.resolve("cases.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(" \\| ", 3))
                .map(p -> new Case(p[0].strip(), p[1].strip(), p[2].strip()));
    }

    @BeforeAll
    static void copyCorpus() throws IOException {
        try (Stream<Path> all = Files.walk(CORPUS)) {
            all.forEach(p -> {
                Path target = work.resolve("corpus").resolve(CORPUS.relativize(p).toString());
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void theCorpusHasAtLeastAHundredCases() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAtItsPositionBeforeAnythingRuns(Case c) throws IOException {
        Path dir = work.resolve("corpus");
        Path home = work.resolve("home-" + Math.abs(c.name().hashCode()));
        String[] args = Arrays.stream(c.args().split(" ")).map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);

        long start = System.nanoTime();
        Cli.Result r = new Cli(home).run(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        record(c.name(), millis);
        if (Boolean.getBoolean("malformed.show")) { // to see what each case reports, when editing the table
            System.out.println("CASE " + c.name() + " => " + r.err().lines().findFirst().orElse("").replace(dir.toString(), "{dir}"));
        }

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(5);
        assertThat(r.err()).as(r.toString()).contains(c.expected().replace("{dir}", dir.toString()));
        assertThat(r.err() + r.out()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(runFolders(home)).as("nothing ran: no run folder").isEmpty();
        assertThat(millis).as("milliseconds").isLessThan(LIMIT_MILLIS);
    }

    private static synchronized void record(String name, long millis) {
        if (millis > slowestMillis) {
            slowestMillis = millis;
            slowestCase = name;
        }
    }

    private static List<Path> runFolders(Path home) throws IOException {
        Path runs = home.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return new ArrayList<>(s.toList());
        }
    }

    @AfterAll
    static void reportSlowest() {
        System.out.println("MalformedInputTest: slowest case " + slowestMillis + " ms (" + slowestCase + ")");
    }
}
