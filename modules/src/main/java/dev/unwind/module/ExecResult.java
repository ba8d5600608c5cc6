package dev.unwind.module;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What a command did: exit status, stdout and stderr kept separate, and how long it took. */
public record ExecResult(int exitCode, byte[] out, byte[] err, Duration duration) {

    public String stdout() {
        return new String(out, StandardCharsets.UTF_8);
    }

    public String stderr() {
        return new String(err, StandardCharsets.UTF_8);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
