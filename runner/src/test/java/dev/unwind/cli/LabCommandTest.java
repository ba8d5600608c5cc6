package dev.unwind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code unwind lab up} prints the inventory and credentials and runs until {@code unwind lab down}. */
class LabCommandTest {
    @TempDir
    Path home;

    @BeforeEach
    void home() {
        System.setProperty("unwind.home", home.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("unwind.home");
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = new CommandLine(new LabCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void upRunsUntilDownAndLeavesNothingBehind() throws Exception {
        StringWriter upOut = new StringWriter();
        CompletableFuture<Integer> up = CompletableFuture.supplyAsync(() -> run(upOut, "up", "--nodes", "4"));
        Path pid = home.resolve("lab/lab.pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(pid) && System.nanoTime() < deadline && !up.isDone()) {
            Thread.sleep(50);
        }
        assertThat(pid).as(upOut.toString()).exists();
        Path inventory = home.resolve("lab/current/inventory.ini");
        String password = Files.readString(home.resolve("lab/current/admin-password")).strip();
        assertThat(upOut.toString()).contains("is up", "inventory      " + inventory, "MKE 3 admin    admin",
                "password       " + password, "mke-worker-1");
        assertThat(Files.readString(inventory)).contains("[managers]", "mke-manager-1 ansible_host=127.");

        StringWriter again = new StringWriter();
        assertThat(run(again, "up")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(again.toString()).contains("a lab is already up");

        StringWriter downOut = new StringWriter();
        assertThat(run(downOut, "down")).isZero();
        assertThat(up.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(downOut.toString()).contains("unwind lab: down");
        assertThat(home.resolve("lab/current")).doesNotExist();
        assertThat(pid).doesNotExist();
    }

    @Test
    void anUnknownScenarioIsInvalidInput() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        assertThat(cli.execute("lab", "up", "--scenario", "no-such")).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(out.toString()).contains("--scenario", "no scenario file no-such", "built in: default");
    }
}
