package dev.unwind.module.system;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.Outcome;
import dev.unwind.module.Status;
import dev.unwind.module.testing.TestContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WaitForConnectionModuleTest {
    @TempDir
    Path tmp;

    /** A host that is unreachable for its first {@code down} attempts, then answers through the local connection. */
    static final class Flaky implements Connection {
        final Connection real;
        int down;
        int reconnects;

        Flaky(Connection real, int down) {
            this.real = real;
            this.down = down;
        }

        @Override
        public String host() {
            return "flaky";
        }

        @Override
        public ExecResult exec(Command command) throws ConnectionException {
            if (down-- > 0) {
                throw new ConnectionException("flaky", "connection refused");
            }
            return real.exec(command);
        }

        @Override
        public void reconnect() {
            reconnects++;
        }
    }

    @ParameterizedTest(name = "down for {0} attempts, timeout {1} s: {2}")
    @CsvSource({"0, 5, OK", "2, 10, OK", "100000000, 1, FAILED"})
    void triesUntilTheHostAnswersOrTheTimeIsUp(int down, int timeout, Status expected) throws Exception {
        TestContext ctx = TestContext.in(tmp);
        Flaky flaky = new Flaky(ctx.connection(), down);
        Map<String, Object> args = Map.of("timeout", timeout, "sleep", 0, "connect_timeout", 1);
        for (TestContext c : java.util.List.of(ctx.checking().withConnection(flaky), ctx.withConnection(flaky))) {
            Outcome o = c.run("wait_for_connection", args);
            assertThat(o.status()).as(o.msg()).isEqualTo(expected);
            assertThat(o.result()).containsKey("elapsed");
            if (expected == Status.FAILED) {
                assertThat(o.msg()).startsWith("timed out waiting for the connection after 1 s (unreachable: ");
            }
        }
        if (down > 0 && expected == Status.OK) {
            assertThat(flaky.reconnects).isEqualTo(down);
        }
    }
}
