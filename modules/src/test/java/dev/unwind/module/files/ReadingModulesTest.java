package dev.unwind.module.files;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** stat, slurp and fetch read the host and never change it. */
class ReadingModulesTest {
    @TempDir
    Path tmp;

    @Test
    void statDescribesFilesLinksAndAbsence() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Path f = Files.writeString(tmp.resolve("f"), "abc");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Files.createSymbolicLink(tmp.resolve("l"), f);
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) ctx.run("stat", Map.of("path", f.toString())).result().get("stat");
        assertThat(s).containsEntry("exists", true).containsEntry("isreg", true).containsEntry("mode", "0640")
                .containsEntry("size", 3L).containsEntry("checksum", "a9993e364706816aba3e25717850c26c9cd0d89d")
                .containsEntry("pw_name", "root");
        @SuppressWarnings("unchecked")
        Map<String, Object> l = (Map<String, Object>) ctx.run("stat", Map.of("path", tmp.resolve("l").toString())).result().get("stat");
        assertThat(l).containsEntry("islnk", true).containsEntry("lnk_target", f.toString());
        Outcome none = ctx.run("stat", Map.of("path", tmp.resolve("none").toString()));
        assertThat(none.status()).isEqualTo(Status.OK);
        assertThat(none.result()).containsEntry("stat", Map.of("exists", false));
    }

    @Test
    void slurpReturnsBase64() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        byte[] bytes = {0, 1, 2, 'x'};
        Files.write(tmp.resolve("b"), bytes);
        Outcome o = ctx.run("slurp", Map.of("src", tmp.resolve("b").toString()));
        assertThat(Base64.getDecoder().decode((String) o.result().get("content"))).isEqualTo(bytes);
        assertThat(ctx.run("slurp", Map.of("src", tmp.resolve("nope").toString())).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void fetchWritesUnderDestHostSrcAndPredictsInCheckMode() throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Path remote = Files.writeString(tmp.resolve("remote.conf"), "v=1\n");
        Map<String, Object> args = Map.of("src", remote.toString(), "dest", "fetched");
        Path expected = ctx.controller().resolve("fetched/localhost" + remote);
        assertThat(ctx.checking().run("fetch", args).status()).isEqualTo(Status.CHANGED);
        assertThat(Files.exists(expected)).isFalse();
        Outcome real = ctx.run("fetch", args);
        assertThat(real.status()).isEqualTo(Status.CHANGED);
        assertThat(Files.readString(expected)).isEqualTo("v=1\n");
        assertThat(ctx.run("fetch", args).status()).isEqualTo(Status.OK);
        assertThat(ctx.checking().run("fetch", args).status()).isEqualTo(Status.OK);
        Outcome flat = ctx.run("fetch", Map.of("src", remote.toString(), "dest", "flat.conf", "flat", true));
        assertThat(Files.readString(ctx.controller().resolve("flat.conf"))).isEqualTo("v=1\n");
        assertThat(flat.result()).containsEntry("dest", ctx.controller().resolve("flat.conf").toString());
    }
}
