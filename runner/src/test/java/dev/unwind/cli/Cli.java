package dev.unwind.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the {@code unwind} command in-process with its own UNWIND_HOME, capturing what it prints. */
public final class Cli {
    private final Path home;

    public Cli(Path home) {
        this.home = home;
    }

    public Result run(String... args) {
        String before = System.getProperty("unwind.home");
        System.setProperty("unwind.home", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Result(code, out.toString(), err.toString());
        } finally {
            if (before == null) {
                System.clearProperty("unwind.home");
            } else {
                System.setProperty("unwind.home", before);
            }
        }
    }

    public Path home() {
        return home;
    }

    /** What one invocation did. */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }
}
