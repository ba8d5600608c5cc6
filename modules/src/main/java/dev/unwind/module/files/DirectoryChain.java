package dev.unwind.module.files;

import dev.unwind.module.Command;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.ExecResult;
import dev.unwind.module.FileStat;
import dev.unwind.module.Shell;

import java.util.ArrayList;
import java.util.List;

/**
 * A directory and the missing directories above it, looked at in one command and created in one more, whatever the
 * depth: over SSH each round trip costs more than the work. Creation is safe against another host making the same
 * directory at the same moment (a shared file system): a directory that exists when its {@code mkdir} runs was not
 * made by this call, is left as it is, and is not this call's to undo.
 */
final class DirectoryChain {
    private DirectoryChain() {
    }

    /**
     * What the path is, and which directories are missing (outermost first).
     *
     * @param blocked an ancestor that exists and is not a directory, or null
     */
    record Look(FileStat stat, List<String> missing, String blocked) {
    }

    private static final String SEP = "\036";

    static Look look(Connection c, String path, Attributes attrs) throws ConnectionException {
        String q = Shell.quote(path);
        String verify = attrs.verifyShell();
        String script = "(" + FileStat.script(q) + "); printf '" + SEP + "\\n'; p=" + q + "; "
                + "while :; do if [ -d \"$p\" ]; then break; fi; "
                + "if [ -e \"$p\" ] || [ -L \"$p\" ]; then printf 'X %s\\n' \"$p\"; break; fi; printf 'M %s\\n' \"$p\"; "
                + "case \"$p\" in */*) p=${p%/*}; [ -n \"$p\" ] || break;; *) break;; esac; done"
                + (verify.isEmpty() ? "" : "; " + verify);
        ExecResult r = c.exec(Command.of(script));
        String out = r.stdout();
        int sep = out.indexOf(SEP + "\n");
        if (sep < 0) {
            throw new IllegalStateException("cannot look at " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        if (r.exitCode() == 3) {
            throw attrs.missingName(out.substring(sep), c.host());
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot look at " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        List<String> missing = new ArrayList<>();
        String blocked = null;
        for (String line : out.substring(sep + 2).split("\n")) {
            if (line.startsWith("M ")) {
                missing.add(0, line.substring(2));
            } else if (line.startsWith("X ")) {
                blocked = line.substring(2);
            }
        }
        return new Look(FileStat.parse(out.substring(0, sep)), missing, blocked);
    }

    /** What {@link #create} did: the directories it made (outermost first), and the path's stat at the end. */
    record Made(List<String> created, FileStat stat) {
    }

    static Made create(Connection c, String path, List<String> missing, Attributes attrs) throws ConnectionException {
        StringBuilder script = new StringBuilder();
        for (String dir : missing) {
            String d = Shell.quote(dir);
            String apply = attrs.shell(d);
            script.append("if mkdir -- ").append(d).append(" 2>/dev/null; then printf 'C %s\\n' ").append(d)
                    .append(apply.isEmpty() ? "" : "; " + apply + " || exit 1")
                    .append("; elif [ -d ").append(d).append(" ]; then :; else mkdir -- ").append(d).append(" || exit 1; fi\n");
        }
        script.append("printf '" + SEP + "\\n'; (").append(FileStat.script(Shell.quote(path))).append(")");
        ExecResult r = c.exec(Command.of(script.toString()));
        if (!r.ok()) {
            throw new IllegalStateException("cannot create " + path + " on " + c.host() + ": " + r.stderr().strip());
        }
        String out = r.stdout();
        int sep = out.indexOf(SEP + "\n");
        List<String> created = new ArrayList<>();
        for (String line : out.substring(0, sep).split("\n")) {
            if (line.startsWith("C ")) {
                created.add(line.substring(2));
            }
        }
        return new Made(created, FileStat.parse(out.substring(sep + 2)));
    }
}
