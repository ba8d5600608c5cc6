package dev.unwind.exec;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.Shell;


/**
 * A file on the host naming the process group of the command a task is running there, while it runs. A command
 * outlives the controller that started it (sshd sends no hangup to a command without a terminal): when the controller
 * dies or loses the host mid-task, the command may still be changing the host while an unwind takes the task back.
 * So every command a changing task runs writes its process group here and removes it when it ends, and an unwind
 * first stops what a marker still names, then undoes — the undo never races the change it undoes.
 */
public final class TaskMarker {
    private TaskMarker() {
    }

    /** One marker per host and run, beside the host's lock. */
    public static String path(String lockPath, String runId) {
        return lockPath + "." + runId + ".task";
    }

    /** {@code c} with every command marked while it runs. */
    static Connection marking(Connection c, String marker) {
        return new Marking(c, marker);
    }

    /**
     * Stops the process group a marker still names (TERM, then KILL after 5 s) and removes the marker: what a task
     * left running when its controller died or lost the host. ({@code kill -PGID}: dash's kill takes no "--".)
     */
    public static Command stopLeftover(String marker) {
        String m = Shell.quote(marker);
        return Command.of("if [ -f " + m + " ]; then read -r pg < " + m + "; if [ -n \"$pg\" ]; then "
                + "kill -TERM -\"$pg\" 2>/dev/null; i=0; while [ $i -lt 50 ] && kill -0 -\"$pg\" 2>/dev/null; do "
                + "sleep 0.1; i=$((i+1)); done; kill -KILL -\"$pg\" 2>/dev/null; fi; rm -f " + m + "; fi; exit 0");
    }

    private record Marking(Connection inner, String marker) implements CommandWrapping {
        @Override
        public Command wrap(Command command) {
            String m = Shell.quote(marker);
            // the process group, from /proc (no process started for it); the command in a subshell so that its own
            // exit still lets the marker go
            String wrapped = "pg=$$; if [ -r /proc/$$/stat ]; then read -r _ _ _ _ pg _ < /proc/$$/stat; fi; "
                    + "echo \"$pg\" > " + m + " 2>/dev/null; ( " + command.script() + "\n); rc=$?; rm -f " + m
                    + " 2>/dev/null; exit $rc";
            return new Command(wrapped, command.stdin(), command.become(), command.timeout());
        }

        @Override
        public Connection over(Connection other) {
            return new Marking(other, marker);
        }
    }
}
