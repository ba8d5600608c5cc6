package dev.unwind.module.system;

import dev.unwind.local.LocalConnection;
import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.Undo;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No machine is rebooted here. The host is the local one behind a connection that goes unreachable for a while
 * once the reboot command has run, and whose "boot id" is a file the reboot command rewrites: what is tested
 * is the sequence — read the boot id, reboot detached, reconnect through the outage, see a new boot id, run
 * the test command — and its failures.
 */
class RebootModuleTest {
    @TempDir
    Path tmp;
    Path bootId;
    SimulatedHost host;
    TestContext ctx;

    /** The local host, unreachable for {@code downMillis} after a detached reboot command runs. */
    static final class SimulatedHost implements Connection {
        final LocalConnection local = new LocalConnection("node-1");
        final long downMillis;
        volatile long downUntil;
        final AtomicInteger execs = new AtomicInteger();
        final AtomicInteger reconnects = new AtomicInteger();

        SimulatedHost(long downMillis) {
            this.downMillis = downMillis;
        }

        @Override
        public String host() {
            return local.host();
        }

        @Override
        public ExecResult exec(Command command) throws ConnectionException {
            execs.incrementAndGet();
            if (System.currentTimeMillis() < downUntil) {
                throw new ConnectionException(host(), "connect timed out");
            }
            ExecResult r = local.exec(command);
            if (command.script().startsWith("nohup ")) {
                downUntil = System.currentTimeMillis() + downMillis;
            }
            return r;
        }

        @Override
        public void reconnect() {
            reconnects.incrementAndGet();
        }
    }

    @BeforeEach
    void host() throws Exception {
        bootId = tmp.resolve("boot_id");
        Files.writeString(bootId, "boot-1\n");
        host = new SimulatedHost(1500);
        ctx = TestContext.in(tmp.resolve("ctx")).withConnection(host);
    }

    private Map<String, Object> args(Object... kv) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("boot_time_command", "cat " + bootId);
        a.put("reboot_command", "echo boot-2 > " + bootId);
        a.put("connect_timeout", 2);
        for (int i = 0; i < kv.length; i += 2) {
            a.put((String) kv[i], kv[i + 1]);
        }
        return a;
    }

    @Test
    void rebootsThenWaitsThroughTheOutageForANewBootAndTheTestCommand() throws Exception {
        Outcome o = ctx.run("reboot", args("reboot_timeout", 20, "test_command", "test -f " + bootId));
        assertThat(o.status()).as(o.msg()).isEqualTo(Status.CHANGED);
        assertThat(o.undo()).isInstanceOf(Undo.NotNeeded.class);
        assertThat(o.result()).containsEntry("rebooted", true);
        assertThat((Long) o.result().get("elapsed")).isGreaterThanOrEqualTo(1L);
        assertThat(Files.readString(bootId)).isEqualTo("boot-2\n");
        assertThat(host.reconnects.get()).as("reconnected while the host was down").isPositive();
        assertThat(ctx.logLines()).anyMatch(l -> l.startsWith("waiting for node-1: unreachable: ") && l.endsWith("connect timed out"));
    }

    @Test
    void checkModePredictsARebootWithoutTouchingTheHost() throws Exception {
        Outcome o = ctx.checking().run("reboot", args());
        assertThat(o.status()).isEqualTo(Status.CHANGED);
        assertThat(o.msg()).isEqualTo("would reboot");
        assertThat(o.undo()).isInstanceOf(Undo.NotNeeded.class);
        assertThat(host.execs.get()).isZero();
    }

    @Test
    void aHostThatNeverRebootsOrNeverPassesTheTestFailsAfterTheTimeout() throws Exception {
        Outcome stuck = ctx.run("reboot", args("reboot_command", "true", "reboot_timeout", 3));
        assertThat(stuck.status()).isEqualTo(Status.FAILED);
        assertThat(stuck.msg()).isEqualTo("the host did not come back within 3 s after the reboot ('cat " + bootId + "' still shows the old boot)");

        Files.writeString(bootId, "boot-1\n");
        Outcome unhealthy = ctx.run("reboot", args("reboot_timeout", 5, "test_command", "exit 7"));
        assertThat(unhealthy.status()).isEqualTo(Status.FAILED);
        assertThat(unhealthy.msg()).endsWith("('exit 7' exited 7)");

        assertThat(ctx.run("reboot", args("boot_time_command", "false")).msg()).startsWith("cannot read the boot id with 'false'");
    }
}
