package dev.unwind.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a host's lock: the run, and the controller process acting for it (machine, pid, the pid's start
 * time), so that a lock is taken over only once that process is provably gone. One line in the lock file:
 * {@code RUN_ID machine=HOST/MACHINE_ID pid=N started=EPOCH_MS user=NAME since=INSTANT}. A line in the older
 * {@code RUN_ID holder...} form reads as a run on an unknown machine.
 *
 * @param started the pid's start time in epoch ms (0: unknown), which tells a reused pid from the original
 */
public record LockOwner(String runId, String machine, long pid, long started, String user, String since) {

    /** This controller process, acting for {@code runId}. */
    public static LockOwner self(String runId) {
        ProcessHandle me = ProcessHandle.current();
        return new LockOwner(runId, Machine.ID, me.pid(), startOf(me).orElse(0L), System.getProperty("user.name", "?"),
                Instant.now().toString());
    }

    public static LockOwner parse(String line) {
        String[] words = line.strip().split("\\s+");
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq > 0) {
                fields.put(words[i].substring(0, eq), words[i].substring(eq + 1));
            }
        }
        return new LockOwner(words[0], fields.get("machine"), number(fields.get("pid")), number(fields.get("started")),
                fields.get("user"), fields.get("since"));
    }

    public String line() {
        return runId + " machine=" + machine + " pid=" + pid + " started=" + started + " user=" + user + " since=" + since;
    }

    /** The same controller process for the same run: what {@link #since} says does not matter. */
    boolean sameProcessAs(LockOwner other) {
        return runId.equals(other.runId) && Objects.equals(machine, other.machine) && pid == other.pid
                && started == other.started;
    }

    boolean onThisMachine() {
        return Machine.ID.equals(machine);
    }

    /** On this machine only: the pid has ended, or it now belongs to a process started at another time. */
    boolean processGone() {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        Optional<Long> start = startOf(p.get());
        return started != 0 && start.isPresent() && start.get() != started;
    }

    /** For messages: who, where, since when. */
    String describe() {
        if (machine == null) {
            return "run " + runId;
        }
        String host = machine.contains("/") ? machine.substring(0, machine.indexOf('/')) : machine;
        return "run " + runId + " (" + (user == null ? "" : user + "@") + host + " pid " + pid
                + (since == null ? "" : ", since " + since) + ")";
    }

    private static Optional<Long> startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toEpochMilli);
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** This machine: its host name and, where there is one, its machine id (two containers may share a name). */
    static final class Machine {
        static final String ID = hostName() + read("/etc/machine-id").map(id -> "/" + id).orElse("");

        private Machine() {
        }

        private static String hostName() {
            return read("/proc/sys/kernel/hostname").or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                    .orElse("localhost").replaceAll("\\s", "");
        }

        private static Optional<String> read(String file) {
            try {
                String s = Files.readString(Path.of(file)).strip();
                return s.isEmpty() ? Optional.empty() : Optional.of(s);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
