package dev.unwind.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands run as a user would run them beside Ansible: in a folder, with a HOME of the test's own, no {@code ANSIBLE_*}
 * variable of the test's environment (only those given), stdin closed; their output (stdout and stderr together).
 */
public final class Processes {
    private Processes() {
    }

    /** What a command printed, and its exit code. */
    public record Result(int code, String out) {
    }

    public static Result run(Path cwd, Path home, Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        return run(cwd, home, env, cmd, "");
    }

    /** With {@code stdin} typed in (what a prompt reads without a terminal). */
    public static Result run(Path cwd, Path home, Map<String, String> env, List<String> cmd, String stdin)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("ANSIBLE_"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ended", cmd).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** The command line of {@code unwind ARGS} in a JVM of its own (this one's classes), keeping its runs in {@code unwindHome}. */
    public static List<String> unwind(Path unwindHome, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dunwind.home=" + unwindHome, "-cp", System.getProperty("java.class.path"), "dev.unwind.cli.Main"));
        cmd.addAll(args);
        return cmd;
    }
}
