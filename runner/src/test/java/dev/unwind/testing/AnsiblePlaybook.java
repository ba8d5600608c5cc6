package dev.unwind.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ansible-playbook, the oracle, run in a folder of the test's own: an empty ansible.cfg there, no colour, its temp
 * and HOME inside the test's folder, so no setting of the machine's reaches it. Skips the test where it is missing.
 */
public final class AnsiblePlaybook {
    public static final Path BINARY = Path.of("/usr/bin/ansible-playbook");

    private AnsiblePlaybook() {
    }

    /** The output of {@code ansible-playbook ARGS} run in {@code dir}, whatever its exit code. */
    public static String run(Path dir, Path home, List<String> args) throws InterruptedException {
        assumeTrue(Files.isExecutable(BINARY), "ansible-playbook is not installed (apt-get install -y ansible)");
        try {
            Files.writeString(dir.resolve("ansible.cfg"), "");
            List<String> command = new ArrayList<>(List.of(BINARY.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toString());
            pb.environment().put("ANSIBLE_NOCOLOR", "1");
            pb.environment().put("ANSIBLE_LOCAL_TEMP", home.resolve("ansible-tmp").toString());
            pb.environment().put("HOME", home.toString());
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("ansible-playbook ended").isTrue();
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
