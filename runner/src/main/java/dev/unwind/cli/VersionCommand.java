package dev.unwind.cli;

import dev.unwind.exec.UnwindVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code unwind version}. */
@Command(name = "version", description = "Prints unwind's version.", mixinStandardHelpOptions = true)
final class VersionCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(version());
    }

    static String version() {
        return "unwind " + UnwindVersion.current().full() + " (Java " + System.getProperty("java.version") + ")";
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }
}
