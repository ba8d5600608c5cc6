package dev.unwind.module.mke;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unwind.module.Args;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MkeConfigModuleTest {
    private static final Path FULL = Path.of("src/test/resources/mke3/full.toml").toAbsolutePath();

    @TempDir
    Path dir;

    private final MkeConfigModule module = new MkeConfigModule();

    private Outcome run(boolean check, Map<String, Object> given) {
        return module.run(new Args(module.spec(), given), check ? TestContext.in(dir).checking() : TestContext.in(dir));
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void isFoundByTheCatalog() {
        assertThat(ModuleCatalog.builtIn().find("mke_config")).isPresent();
    }

    @Test
    void unsupportedSettingsFailTheTaskUnlessForced() {
        Path out = dir.resolve("out");
        Outcome o = run(false, args("src", FULL.toString(), "dest", out.toString()));
        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.msg()).contains("cluster_config.kv_timeout").contains("--force")
                .contains(out.resolve("compatibility-report.txt").toString());
        // the report the message points at is there to read; the configuration is not (nothing is upgraded)
        assertThat(out.resolve("compatibility-report.txt")).content().contains("cluster_config.kv_timeout");
        assertThat(out.resolve("compatibility-report.json")).exists();
        assertThat(out.resolve("mke4.yaml")).doesNotExist();
    }

    @Test
    void writesTheFilesPrivatelyThenReportsNoChangeOnTheSecondRun() throws Exception {
        Path out = dir.resolve("out");
        Outcome first = run(false, args("src", FULL.toString(), "dest", out.toString(), "force", true));
        assertThat(first.status()).isEqualTo(Status.CHANGED);
        assertThat(first.undo()).isInstanceOf(Undo.NotNeeded.class);
        for (String f : MkeConfigModule.FILES) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f)))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(out.resolve("mke4.yaml"))).contains("kind: MkeConfig");
        assertThat(first.result()).containsEntry("needs_confirmation", true).containsKey("metallb_pools");
        assertThat(first.result().toString()).doesNotContain("s3cr3t");

        Outcome second = run(false, args("src", FULL.toString(), "dest", out.toString(), "force", true));
        assertThat(second.status()).isEqualTo(Status.OK);
    }

    @Test
    void checkModePredictsTheChangeAndWritesNothing() {
        Path out = dir.resolve("out");
        Outcome o = run(true, args("src", FULL.toString(), "dest", out.toString(), "force", true));
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(out).doesNotExist();
    }

    @Test
    void takesTheTomlTextFromFactsAndRegistersTheClientSecret() throws Exception {
        TestContext ctx = TestContext.in(dir);
        Outcome o = module.run(new Args(module.spec(), args("toml", Files.readString(FULL), "dest",
                dir.resolve("o").toString(), "force", true)), ctx);
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(ctx.secretValues()).containsExactly("s3cr3t-oidc-client");
    }
}
