package dev.unwind.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test class's real sshd hosts, started once before its tests and stopped after them:
 * {@code @RegisterExtension static SshdHosts hosts = new SshdHosts(2);}. Skips the class where sshd cannot run.
 */
public final class SshdHosts implements BeforeAllCallback, AfterAllCallback {
    private final int count;
    private SshdFleet fleet;

    public SshdHosts(int count) {
        this.count = count;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assumeTrue(SshdFleet.available(), "needs /usr/sbin/sshd (apt-get install -y openssh-server)");
        fleet = SshdFleet.start(count);
        fleet.writeKnownHosts();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (fleet != null) {
            fleet.close();
        }
    }

    public SshdFleet fleet() {
        return fleet;
    }

    /** {@code --known-hosts FILE}, for the CLI. */
    public String knownHosts() {
        return fleet.knownHosts().toString();
    }

    /**
     * Writes an INI inventory: group {@code web} with hosts h1..hN, each reached over its sshd, with {@code base}
     * pointing at {@code base} and its lock at {@code locks/<prefix><name>}.
     */
    public Path inventory(Path file, Path base, Path locks, String lockPrefix) throws IOException {
        StringBuilder ini = new StringBuilder("[web]\n");
        for (int i = 0; i < count; i++) {
            String name = "h" + (i + 1);
            ini.append(name);
            fleet.host(i).hostVars().forEach((k, v) -> ini.append(' ').append(k).append('=').append(v));
            ini.append(" base=").append(base).append(" unwind_lock_path=").append(locks.resolve(lockPrefix + name)).append('\n');
        }
        Files.writeString(file, ini);
        return file;
    }
}
