package dev.unwind.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code unwind lab down}: asks the running {@code unwind lab up} to stop, and waits until it has. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the lab that `unwind lab up` started.")
public final class LabDownCommand implements Callable<Integer> {
    private static final long WAIT_MILLIS = 30_000;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LabFolder folder = LabFolder.inHome();
        Optional<ProcessHandle> up = folder.running();
        if (up.isEmpty()) {
            folder.clear();
            LabUpCommand.delete(folder.root());
            out.println("unwind lab: no lab is up");
            return ExitCode.OK;
        }
        Files.writeString(folder.stopFile(), "stop\n");
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (Files.exists(folder.pidFile()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        if (Files.exists(folder.pidFile())) {
            spec.commandLine().getErr().println("unwind: the lab (process " + up.get().pid() + ") did not stop within 30 s;"
                    + " stop it with Ctrl-C where it runs");
            return ExitCode.INTERNAL;
        }
        out.println("unwind lab: down");
        return ExitCode.OK;
    }
}
