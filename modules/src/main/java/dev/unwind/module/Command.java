package dev.unwind.module;

import java.time.Duration;
import java.util.List;

/**
 * A shell command for a host: {@code /bin/sh -c script}, optional stdin, optional become, optional timeout.
 */
public record Command(String script, byte[] stdin, Become become, Duration timeout) {

    public static Command of(String script) {
        return new Command(script, null, null, null);
    }

    /** Each argument quoted for the shell, so no argument is ever re-split or expanded. */
    public static Command argv(List<String> argv) {
        return of(Shell.join(argv));
    }

    public Command withStdin(byte[] in) {
        return new Command(script, in, become, timeout);
    }

    public Command withBecome(Become b) {
        return new Command(script, stdin, b, timeout);
    }

    public Command withTimeout(Duration t) {
        return new Command(script, stdin, become, t);
    }

    /** The script wrapped for become (if any), as it is sent to {@code /bin/sh -c}. */
    public String effectiveScript() {
        return become == null ? script : become.wrap(script);
    }

    /** stdin as sent: the become password line first when sudo reads it. */
    public byte[] effectiveStdin() {
        byte[] in = stdin == null ? new byte[0] : stdin;
        if (become == null || become.password() == null) {
            return in;
        }
        byte[] pw = (become.password() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[pw.length + in.length];
        System.arraycopy(pw, 0, all, 0, pw.length);
        System.arraycopy(in, 0, all, pw.length, in.length);
        return all;
    }

    @Override
    public String toString() {
        return "Command[" + script + "]";
    }
}
