package dev.unwind.exec;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.Shell;

import java.util.Map;

/**
 * Ansible's {@code environment}: variables every command of the task sees, its modules' included. They are
 * exported inside the command, so they reach it through sudo as well (which resets the caller's environment).
 */
final class TaskEnvironment {
    private TaskEnvironment() {
    }

    /** {@code c} with {@code env} exported before each command; {@code c} itself when there is none. */
    static Connection of(Connection c, Map<String, String> env) {
        if (env.isEmpty()) {
            return c;
        }
        StringBuilder exports = new StringBuilder();
        env.forEach((k, v) -> exports.append("export ").append(k).append('=').append(Shell.quote(v)).append("; "));
        return new Exporting(c, exports.toString());
    }

    private record Exporting(Connection inner, String exports) implements CommandWrapping {
        @Override
        public Command wrap(Command command) {
            return new Command(exports + command.script(), command.stdin(), command.become(), command.timeout());
        }

        @Override
        public Connection over(Connection other) {
            return new Exporting(other, exports);
        }
    }
}
