package dev.unwind.module.lookup;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import dev.unwind.module.testing.TreeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code find} and {@code getent} on the local host: what they report, and that they touch nothing, in check mode too. */
class LookupModulesTest {
    @TempDir
    Path root;

    @SuppressWarnings("unchecked")
    private static List<String> paths(Outcome o) {
        return ((List<Map<String, Object>>) o.result().get("files")).stream().map(m -> (String) m.get("path")).toList();
    }

    @Test
    void findPicksByPatternTypeHiddenDepthSizeAndAge() throws Exception {
        Path area = Files.createDirectories(root.resolve("area"));
        Files.writeString(area.resolve("a.conf"), "x".repeat(2048));
        Files.writeString(area.resolve("b.log"), "small");
        Files.writeString(area.resolve(".hidden.conf"), "h");
        Files.createDirectories(area.resolve("sub"));
        Files.writeString(area.resolve("sub/c.conf"), "c");
        Files.setLastModifiedTime(area.resolve("b.log"), FileTime.from(Instant.now().minusSeconds(3 * 86_400)));
        TestContext ctx = TestContext.in(root);
        TreeSnapshot before = TreeSnapshot.of(area);
        String p = area.toString();

        // a table: arguments -> the paths found
        Map<Map<String, Object>, List<String>> cases = Map.of(
                Map.of("paths", p, "patterns", "*.conf"), List.of(p + "/a.conf"),
                Map.of("paths", p, "patterns", "*.conf", "recurse", true), List.of(p + "/a.conf", p + "/sub/c.conf"),
                Map.of("paths", p, "patterns", "*.conf", "hidden", true), List.of(p + "/.hidden.conf", p + "/a.conf"),
                Map.of("paths", p, "file_type", "directory"), List.of(p + "/sub"),
                Map.of("paths", p, "size", "1k"), List.of(p + "/a.conf"),
                Map.of("paths", p, "age", "2d"), List.of(p + "/b.log"),
                Map.of("paths", p, "patterns", "^[ab]\\.", "use_regex", true), List.of(p + "/a.conf", p + "/b.log"),
                Map.of("paths", p, "excludes", "*.log"), List.of(p + "/a.conf"));
        for (var c : cases.entrySet()) {
            Outcome real = ctx.run("find", c.getKey());
            Outcome checked = ctx.checking().run("find", c.getKey());
            assertThat(real.status()).as("%s: %s", c.getKey(), real.msg()).isEqualTo(Status.OK);
            assertThat(paths(real)).as("%s", c.getKey()).isEqualTo(c.getValue());
            assertThat(paths(checked)).as("check mode, %s", c.getKey()).isEqualTo(c.getValue());
        }
        assertThat(TreeSnapshot.of(area)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void getentGivesTheEntryAsAFactAndFailsOnAMissingKeyUnlessToldNot() throws Exception {
        TestContext ctx = TestContext.in(root);
        Outcome root0 = ctx.run("getent", Map.of("database", "passwd", "key", "root"));
        Map<String, Object> facts = (Map<String, Object>) root0.result().get("ansible_facts");
        assertThat((Map<String, Object>) facts.get("getent_passwd")).containsEntry("root", List.of("x", "0", "0", "root", "/root",
                Files.readString(Path.of("/etc/passwd")).lines().filter(l -> l.startsWith("root:")).findFirst().orElseThrow().split(":")[6]));

        assertThat(ctx.run("getent", Map.of("database", "passwd", "key", "no-such-user-here")).status()).isEqualTo(Status.FAILED);
        assertThat(ctx.run("getent", Map.of("database", "passwd", "key", "no-such-user-here", "fail_key", false)).status())
                .isEqualTo(Status.OK);
    }
}
