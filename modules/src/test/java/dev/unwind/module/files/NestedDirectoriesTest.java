package dev.unwind.module.files;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.ChangeCycle;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class NestedDirectoriesTest {
    @TempDir
    Path tmp;
    TestContext ctx;
    Path area;

    @BeforeEach
    void setUp() throws Exception {
        ctx = TestContext.in(tmp);
        area = Files.createDirectories(tmp.resolve("host"));
    }

    /** The local connection, counting commands, with a hook before each. */
    static final class Counting implements Connection {
        final Connection local = new LocalConnection("localhost");
        final AtomicInteger commands = new AtomicInteger();
        Consumer<Integer> before = n -> { };

        @Override
        public String host() {
            return "localhost";
        }

        @Override
        public ExecResult exec(Command command) throws ConnectionException {
            before.accept(commands.incrementAndGet());
            return local.exec(command);
        }
    }

    @Test
    void tenLevelsWithModeOwnerAndGroupTakeOneLookAndOneCommand() throws Exception {
        Counting counting = new Counting();
        TestContext c = ctx.withConnection(counting);
        String owner = System.getProperty("user.name");
        String group = new String(new ProcessBuilder("id", "-gn").start().getInputStream().readAllBytes()).strip();
        Path leaf = area.resolve("a/b/c/d/e/f/g/h/i/j");
        Map<String, Object> args = Map.of("path", leaf.toString(), "state", "directory", "mode", "0750", "owner", owner, "group", group);
        ChangeCycle.verify(c, area, "file", args);
        counting.commands.set(0);
        Outcome real = c.run("file", args);
        assertThat(real.changed()).isTrue();
        assertThat(counting.commands.get()).as("round trips for 10 new levels").isEqualTo(2);
        assertThat(((Undo.Calls) real.undo()).calls()).hasSize(10);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(area.resolve("a/b/c")))).isEqualTo("rwxr-x---");
        counting.commands.set(0);
        assertThat(c.run("file", args).status()).isEqualTo(Status.OK);
        assertThat(counting.commands.get()).as("round trips when all is there").isEqualTo(1);
    }

    @Test
    void aDirectoryAnotherHostMakesMeanwhileIsFineAndNotThisRunsToUndo() throws Exception {
        Counting counting = new Counting();
        Path leaf = area.resolve("shared/app/conf");
        // the other host makes shared/ and shared/app between this call's look and its mkdir
        counting.before = n -> {
            if (n == 2) {
                try {
                    Files.createDirectories(area.resolve("shared/app"));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Outcome o = ctx.withConnection(counting).run("file", Map.of("path", leaf.toString(), "state", "directory"));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(((Undo.Calls) o.undo()).calls()).extracting(ModuleCall::args).extracting(a -> a.get("path"))
                .containsExactly(leaf.toString());
        ctx.undo(o);
        assertThat(area.resolve("shared/app")).isDirectory();
        assertThat(leaf).doesNotExist();

        // every level made by the other host: changed as predicted, nothing to undo
        counting.commands.set(0);
        counting.before = n -> {
            if (n == 2) {
                try {
                    Files.createDirectories(area.resolve("other/x"));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Outcome raced = ctx.withConnection(counting).run("file", Map.of("path", area.resolve("other/x").toString(), "state", "directory"));
        assertThat(raced.status()).isEqualTo(Status.CHANGED);
        assertThat(raced.undo()).isInstanceOf(Undo.NotNeeded.class);
    }

    @Test
    void recurseSetsTheWholeTreeAndTheUndoPutsBackEachPathsAttributes() throws Exception {
        Path root = Files.createDirectories(area.resolve("site/static"));
        Files.writeString(root.resolve("a.css"), "a");
        Files.writeString(area.resolve("site/index.html"), "i");
        Files.setPosixFilePermissions(area.resolve("site/index.html"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(area.resolve("site/link"), Path.of("index.html"));
        Outcome real = ChangeCycle.verify(ctx, area, "file", Map.of("path", area.resolve("site").toString(), "state", "directory",
                "mode", "0750", "recurse", true));
        assertThat(real.result()).containsEntry("changed_paths", 4);
    }
}
