package dev.unwind.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The login users of test sshd hosts: plain {@code /bin/sh} and their own HOME (so no slow {@code .bashrc}
 * runs per command), known passwords. {@link #PLAIN} may sudo without a password, {@link #SUDO_PASSWORD} must
 * give its password to sudo. Creating them needs root; as another user the tests log in as themselves.
 */
public final class TestUsers {
    public static final String PLAIN = "unwind";
    public static final String SUDO_PASSWORD = "unwindpw";
    /** The password of both users (test machines only). */
    public static final String PASSWORD = "unwind-Test-pw-1";

    private static volatile boolean ready;

    private TestUsers() {
    }

    public static boolean canCreate() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The login user for hosts: {@link #PLAIN} when we can create it, else whoever runs the tests. */
    public static String loginUser() {
        return canCreate() ? PLAIN : System.getProperty("user.name");
    }

    /** Creates the users and their sudo rules once; harmless when they exist. */
    public static synchronized void ensure() {
        if (ready || !canCreate()) {
            return;
        }
        for (String user : List.of(PLAIN, SUDO_PASSWORD)) {
            if (run(List.of("id", "-u", user), null) != 0) {
                check(run(List.of("useradd", "-m", "-s", "/bin/sh", user), null), "useradd " + user);
            }
            // with UsePAM no, sshd refuses a locked account even for key logins: give it a password
            check(run(List.of("chpasswd"), user + ":" + PASSWORD + "\n"), "chpasswd " + user);
        }
        if (Files.isDirectory(Path.of("/etc/sudoers.d"))) {
            try {
                Path rule = Path.of("/etc/sudoers.d/unwind-test");
                Files.writeString(rule, PLAIN + " ALL=(ALL) NOPASSWD: ALL\n"
                        + "Defaults:" + SUDO_PASSWORD + " timestamp_timeout=0\n"
                        + SUDO_PASSWORD + " ALL=(ALL) ALL\n");
                Files.setPosixFilePermissions(rule, java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot write /etc/sudoers.d/unwind-test: " + e.getMessage(), e);
            }
        }
        ready = true;
    }

    public static boolean sudoInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/sudo"));
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException(what + " failed with exit code " + rc);
        }
    }

    public static int run(List<String> argv, String stdin) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put("LC_ALL", "C");
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes());
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
