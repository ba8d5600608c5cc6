package dev.unwind.exec;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.Shell;
import dev.unwind.template.Templates;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ansible's {@code environment}: variables every command of the task sees, its modules' included. They are
 * exported inside the command, so they reach it through sudo as well (which resets the caller's environment).
 */
final class TaskEnvironment {
    private TaskEnvironment() {
    }

    /** The task's environment, the innermost layer winning, rendered with the task's variables. */
    static Map<String, String> rendered(PlannedTask pt, Templates templates, Map<String, Object> vars) {
        Map<String, String> env = new LinkedHashMap<>();
        pt.environment().forEach(layer -> layer.forEach((k, v) -> env.put(k, String.valueOf(templates.render(v, vars)))));
        return env;
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
