package dev.unwind.module.vcs;

import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import dev.unwind.module.testing.TreeSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class GitModuleTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;
    Path bare;
    Path work;
    String v1;
    String v2;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
        bare = tmp.resolve("repo.git");
        work = tmp.resolve("work");
        git(tmp, "init", "-q", "--bare", "-b", "main", bare.toString());
        git(tmp, "clone", "-q", bare.toString(), work.toString());
        Files.writeString(work.resolve("app.conf"), "v1\n");
        git(work, "add", "app.conf");
        git(work, "commit", "-q", "-m", "v1");
        git(work, "tag", "-a", "v1.0", "-m", "v1.0");
        v1 = git(work, "rev-parse", "HEAD");
        Files.writeString(work.resolve("app.conf"), "v2\n");
        Files.writeString(work.resolve("extra"), "new in v2\n");
        git(work, "add", ".");
        git(work, "commit", "-q", "-m", "v2");
        v2 = git(work, "rev-parse", "HEAD");
        git(work, "push", "-q", "--tags", "origin", "main");
    }

    static String git(Path in, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", in.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out.strip();
    }

    Map<String, Object> args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("repo", "file://" + bare);
        m.put("dest", area.resolve("app").toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void clonesATagABranchOrACommitAndTheUndoRemovesTheClone() throws Exception {
        Outcome tag = ChangeCycle.verify(ctx, area, "git", args("version", "v1.0"));
        assertThat(tag.result()).containsEntry("after", v1).containsEntry("before", null);
        Outcome branch = ChangeCycle.verify(ctx, area, "git", args("version", "main", "depth", 1));
        assertThat(branch.result()).containsEntry("after", v2);
        ChangeCycle.verify(ctx, area, "git", args("version", v1));
        ChangeCycle.verify(ctx, area, "git", args());
        Files.createDirectories(area.resolve("app"));
        ChangeCycle.verify(ctx, area, "git", args());
        assertThat(area.resolve("app")).isEmptyDirectory();
    }

    /** The work tree and HEAD; an undo leaves fetched objects and remote refs in .git, as git itself would. */
    Map<String, String> checkout() throws Exception {
        Map<String, String> m = new TreeMap<>(TreeSnapshot.of(area.resolve("app")).entries());
        m.keySet().removeIf(k -> k.equals(".git") || k.startsWith(".git/"));
        m.put("HEAD", git(area.resolve("app"), "rev-parse", "HEAD"));
        m.put("branch", git(area.resolve("app"), "rev-parse", "--abbrev-ref", "HEAD"));
        return m;
    }

    @Test
    void anUpdateIsUndoneByPuttingTheCheckoutBackOnItsCommitAndBranch() throws Exception {
        ctx.run("git", args("version", "v1.0"));
        Map<String, String> before = checkout();
        TreeSnapshot whole = TreeSnapshot.of(area);
        Outcome predicted = ctx.checking().run("git", args("version", "main"));
        assertThat(predicted.status()).isEqualTo(Status.CHANGED);
        assertThat(checkout()).isEqualTo(before);
        Outcome real = ctx.run("git", args("version", "main"));
        assertThat(real.undo()).isEqualTo(predicted.undo());
        assertThat(real.result()).containsEntry("before", v1).containsEntry("after", v2);
        assertThat(area.resolve("app/extra")).exists();
        assertThat(ctx.run("git", args("version", "main")).status()).isEqualTo(Status.OK);
        ctx.undo(real);
        assertThat(checkout()).isEqualTo(before);
        assertThat(TreeSnapshot.of(area)).as(".git as it was, fetched objects gone").isEqualTo(whole);
        assertThat(ctx.undo(real)).allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK));
        assertThat(git(area.resolve("app"), "branch", "--list")).doesNotContain("main");
    }

    @Test
    void localModificationsAreRefusedWithoutForceAndComeBackWithTheUndo() throws Exception {
        ctx.run("git", args("version", "v1.0"));
        Files.writeString(area.resolve("app/app.conf"), "edited here\n");
        Outcome refused = ctx.run("git", args("version", "main"));
        assertThat(refused.status()).isEqualTo(Status.FAILED);
        assertThat(refused.msg()).isEqualTo("Local modifications exist in the destination: " + area.resolve("app") + " (force=no).");
        Map<String, String> before = checkout();
        TreeSnapshot whole = TreeSnapshot.of(area);
        Outcome forced = ctx.run("git", args("version", "main", "force", true));
        assertThat(forced.status()).as(forced.msg()).isEqualTo(Status.CHANGED);
        assertThat(area.resolve("app/app.conf")).hasContent("v2");
        ctx.undo(forced);
        assertThat(checkout()).isEqualTo(before);
        assertThat(area.resolve("app/app.conf")).hasContent("edited here");
        assertThat(TreeSnapshot.of(area)).as(".git as it was, the stash gone").isEqualTo(whole);
        assertThat(ctx.undo(forced)).allSatisfy(o -> assertThat(o.status()).as(o.msg()).isEqualTo(Status.OK));
    }
}
