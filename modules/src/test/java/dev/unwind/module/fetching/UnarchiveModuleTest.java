package dev.unwind.module.fetching;

import dev.unwind.module.Outcome;
import dev.unwind.module.Predictions;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UnarchiveModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path dest;
    Path tree;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        dest = Files.createDirectories(area.resolve("opt"));
        tree = Files.createDirectories(tmp.resolve("tree/app-1.0"));
        Files.createDirectories(tree.resolve("bin"));
        Files.writeString(tree.resolve("bin/run"), "#!/bin/sh\necho run\n");
        Files.writeString(tree.resolve("README"), "release 1.0\n");
    }

    /** Packs tmp/tree into tmp/controller/NAME with the host's tools. */
    private Path pack(String name) throws Exception {
        Path out = ctx.controller().resolve(name);
        List<String> cmd = name.endsWith(".zip")
                ? List.of("sh", "-c", "cd " + tmp.resolve("tree") + " && zip -qr " + out + " app-1.0")
                : List.of("tar", "-C", tmp.resolve("tree").toString(), name.endsWith(".xz") ? "-cJf" : "-czf", out.toString(), "app-1.0");
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("dest", dest.toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.tar.gz", "app.tar.xz", "app.zip"})
    void unpacksIntoDestAndTheUndoRemovesEveryPathItMade(String name) throws Exception {
        pack(name);
        Outcome real = ChangeCycle.verify(ctx, area, "unarchive", args("src", name, "list_files", true));
        assertThat(real.result()).containsEntry("created", 4).containsEntry("replaced", 0);
        assertThat(real.result().get("files")).asList().contains("app-1.0/bin/run", "app-1.0/README");
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.tar.gz", "app.zip"})
    void replacedFilesArePutBackFromTheirBeforeImages(String name) throws Exception {
        pack(name);
        Files.createDirectories(dest.resolve("app-1.0"));
        Files.writeString(dest.resolve("app-1.0/README"), "an older release\n");
        Files.writeString(dest.resolve("app-1.0/LOCAL"), "kept\n");
        Outcome real = ChangeCycle.verify(ctx, area, "unarchive", args("src", name));
        assertThat(real.result()).containsEntry("created", 2).containsEntry("replaced", 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.tar.gz", "app.zip"})
    void aLargeReplacedFileComesBackFromItsBeforeImageOnTheHost(String name) throws Exception {
        byte[] big = new byte[(int) dev.unwind.module.files.BeforeImage.CONTROLLER_LIMIT + 4096];
        new java.util.Random(7).nextBytes(big);
        Files.write(tree.resolve("blob"), big);
        pack(name);
        big[0] ^= 1;
        Files.createDirectories(dest.resolve("app-1.0"));
        Files.write(dest.resolve("app-1.0/blob"), big);
        Outcome real = ChangeCycle.verify(ctx, area, "unarchive", args("src", name));
        assertThat(real.result()).containsEntry("replaced", 1);
        assertThat(real.undo().toString()).contains("aside");
    }

    @Test
    void aRemoteSrcWithStripComponentsAndCreates() throws Exception {
        Path archive = pack("app.tar.gz");
        Path onHost = Files.copy(archive, tmp.resolve("app.tar.gz"));
        Map<String, Object> a = args("src", onHost.toString(), "remote_src", true, "extra_opts", List.of("--strip-components=1"));
        Outcome real = ChangeCycle.verify(ctx, area, "unarchive", a);
        assertThat(real.result()).containsEntry("created", 3);
        ctx.run("unarchive", a);
        assertThat(dest.resolve("README")).hasContent("release 1.0");
        Outcome skipped = ctx.run("unarchive", args("src", onHost.toString(), "remote_src", true, "creates", dest.resolve("README").toString()));
        assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
        assertThat(skipped.msg()).isEqualTo("skipped, since " + dest.resolve("README") + " exists");
    }

    @Test
    void checkModePredictsAnArchiveAnEarlierTaskWouldFetch() throws Exception {
        String later = tmp.resolve("fetched.tar.gz").toString();
        TestContext checking = ctx.checking();
        Outcome missing = checking.run("unarchive", args("src", later, "remote_src", true));
        assertThat(missing.status()).isEqualTo(Status.FAILED);
        checking.predictions().add(Predictions.Kind.PATH, later);
        Outcome predicted = checking.run("unarchive", args("src", later, "remote_src", true));
        assertThat(predicted.status()).as(predicted.msg()).isEqualTo(Status.CHANGED);
    }
}
