package dev.unwind.cli;

import dev.unwind.exec.Executor;
import dev.unwind.exec.Interrupt;
import dev.unwind.exec.RunResult;
import dev.unwind.exec.RunSettings;
import dev.unwind.inventory.Inventory;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.report.ConsoleReporter;
import dev.unwind.report.JsonReporter;
import dev.unwind.report.LogReporter;
import dev.unwind.report.Reporter;
import dev.unwind.run.FreeSpace;
import dev.unwind.run.RunDirectory;
import dev.unwind.run.RunLock;
import dev.unwind.run.RunSecrets;
import dev.unwind.transport.ConnectionVariable;
import dev.unwind.transport.Transports;

import java.io.PrintWriter;
import java.util.function.UnaryOperator;

/**
 * One run of a playbook from the command line: its run folder, console or JSON view plus run.log,
 * Ctrl-C routed to the run, the transports, and the executor.
 */
record PlayRun(Playbook playbook, Inventory inventory, ModuleCatalog catalog, RunSettings settings,
               ConnectionOptions connection, boolean json, PrintWriter out) {

    /** How the run ended, and where its folder is. */
    record Finished(RunResult result, RunDirectory dir) {
    }

    Finished run(RunSecrets secrets, Interrupt interrupt, UnaryOperator<Reporter> decorate) {
        openHostVars(secrets);
        FreeSpace.require(RunDirectory.home());
        RunDirectory dir = RunDirectory.create(RunDirectory.home());
        Reporter view = json ? new JsonReporter(out, secrets) : new ConsoleReporter(out, secrets, settings.verbose(), settings.diff());
        Signals.install(interrupt);
        try (RunLock ignored = RunLock.take(dir, "run");
             Reporter reporter = Reporter.all(decorate.apply(view), new LogReporter(dir.log(), secrets));
             Transports transports = new Transports(connection.sshTransport(secrets, settings.forks()))) {
            RunResult r = new Executor(settings, inventory, transports, catalog, reporter, dir, secrets, interrupt).run(playbook);
            return new Finished(r, dir);
        } finally {
            Signals.uninstall();
        }
    }

    /**
     * Before anything runs: the variables of every host the plays reach, so that a vaulted value that does not
     * open stops the run here (exit 5), and every password among them is masked from the first line on.
     */
    private void openHostVars(RunSecrets secrets) {
        for (Play play : playbook.plays()) {
            for (String host : inventory.limit(inventory.hosts(play.hosts()), settings.limit())) {
                ConnectionVariable.secretsOf(inventory.hostVars(host)).forEach(secrets::add);
            }
        }
    }
}
