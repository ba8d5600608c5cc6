package dev.unwind.cli;

import dev.unwind.exec.HostConnector;
import dev.unwind.exec.HostLock;
import dev.unwind.exec.TaskMarker;
import dev.unwind.exec.UnwindSession;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.report.ConsoleReporter;
import dev.unwind.report.Event;
import dev.unwind.report.LogReporter;
import dev.unwind.report.Reporter;
import dev.unwind.run.FileBackups;
import dev.unwind.run.RunDirectory;
import dev.unwind.run.RunLock;
import dev.unwind.run.RunSecrets;
import dev.unwind.transport.Transports;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Journal;
import dev.unwind.undo.JournalContents;
import dev.unwind.undo.Pending;
import dev.unwind.undo.UnwindReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code unwind rollback RUN_ID}: unwinds a run from its journal alone (after a crash, a kill -9, a lost
 * connection or {@code on_failure: stop}). Idempotent: what is already undone is skipped.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Unwinds what a run changed, from its journal, newest change first.")
final class RollbackCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN_ID")
    String runId;

    @Option(names = {"-i", "--inventory"}, description = "Inventory to reach the hosts (default: the run's own).")
    List<String> inventory = new ArrayList<>();

    @Option(names = {"-f", "--forks"}, description = "Hosts worked in parallel (default: ansible.cfg's forks, else 20).")
    Integer forks;

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Mixin
    VaultOptions vault = new VaultOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        RunDirectory dir = find(runId);
        // a second rollback of the run, or the run itself still going, refuses here before anything is done
        try (RunLock ignored = RunLock.take(dir, "rollback")) {
            return rollback(dir);
        }
    }

    private int rollback(RunDirectory dir) {
        JournalContents contents = Journal.read(dir.journal());
        List<Entry> entries = contents.entries();
        Pending pending = Pending.of(entries);
        // a damaged line may have held a change: what the good lines hold is still undone, but not called complete
        boolean mayMiss = contents.mayMissEntries();
        RunSecrets secrets = new RunSecrets();
        try (Reporter reporter = Reporter.all(new ConsoleReporter(spec.commandLine().getOut(), secrets, false, false),
                new LogReporter(dir.log(), secrets))) {
            for (JournalContents.Damage d : contents.damage()) {
                reporter.on(new Event.Note("warning: the journal " + dir.journal() + " " + d + (d.torn()
                        ? "; nothing after it happened" : "; what it held is unknown and is not undone: check the hosts by hand")));
            }
            for (Entry e : pending.unfinished()) {
                reporter.on(new Event.Note("'" + e.task() + "' was running on " + e.host() + " when the run stopped:"
                        + " it is undone with what was journaled before it changed anything"));
            }
            List<String> manual = UnwindSession.manualRecovery(pending);
            if (!manual.isEmpty()) {
                manual.forEach(line -> reporter.on(new Event.Note(line)));
                return ExitCode.UNWIND_INCOMPLETE;
            }
            Path playbook = JournaledHosts.playbook(JournaledHosts.info(pending));
            if (pending.unwindable().isEmpty() && pending.toRunAgain().isEmpty()) {
                if (pending.endStatus() == null) {
                    // the run died before it could release its hosts' locks
                    JournaledHosts hosts = JournaledHosts.of(inventory, vault, pending, secrets);
                    try (Transports transports = new Transports(connection.sshTransport(secrets, ConfiguredDefaults.forks(forks)));
                         RollbackLocks locks = RollbackLocks.take(lockedHosts(pending), hosts.inventory(), hosts::reach, transports, dir.id(), reporter)) {
                        locks.refused().values().forEach(why -> reporter.on(new Event.Note(why)));
                    }
                }
                reporter.on(new Event.Note("run " + dir.id() + ": nothing left to undo"));
                return mayMiss ? ExitCode.UNWIND_INCOMPLETE : ExitCode.OK;
            }
            JournaledHosts hosts = JournaledHosts.of(inventory, vault, pending, secrets);
            String askedBecome = connection.passwords(secrets).become();
            ModuleCatalog catalog = playbook == null ? ModuleCatalog.builtIn() : Catalogs.forPlaybook(playbook);
            try (Journal journal = Journal.open(dir.journal());
                 Transports transports = new Transports(connection.sshTransport(secrets, ConfiguredDefaults.forks(forks)));
                 RollbackLocks locks = RollbackLocks.take(hostsToLock(pending), hosts.inventory(), hosts::reach, transports, dir.id(), reporter)) {
                journal.setAside().ifPresent(p -> reporter.on(new Event.Note("the damaged end of the journal is kept in " + p)));
                // another run holds these hosts now: undoing there would undo over its changes
                List<Entry> changes = pending.unwindable().stream().filter(e -> !locks.refused().containsKey(e.target())).toList();
                locks.refused().forEach((host, why) -> reporter.on(new Event.Note("NOT undone on " + host + ": "
                        + pending.forHost(host).size() + " change(s): " + why)));
                UnwindSession session = new UnwindSession(catalog,
                        new HostConnector(transports, hosts::reach, secrets, askedBecome).guarded(locks::requireHeld),
                        new FileBackups(dir.backups(), dir.id()), secrets, journal, reporter, ConfiguredDefaults.forks(forks),
                        host -> TaskMarker.path(String.valueOf(hosts.reach(host).getOrDefault("unwind_lock_path",
                                HostLock.DEFAULT_PATH)), dir.id()));
                UnwindReport r = session.unwind("rollback of run " + dir.id(), changes, line -> reporter.on(new Event.Note(line)));
                boolean undone = r.complete() && !mayMiss && locks.refused().isEmpty();
                List<Entry> again = pending.toRunAgain();
                if (!undone && !again.isEmpty()) {
                    reporter.on(new Event.Note(again.size() + " handler call(s) run again once every change is undone"
                            + " (a restart on the old configuration): unwind rollback " + dir.id() + " runs them then"));
                }
                boolean complete = undone && session.runAgain(again, line -> reporter.on(new Event.Note(line)));
                String status = complete ? "rolled_back" : "rollback_incomplete";
                journal.append(Entry.of(EntryType.END).status(status, null));
                reporter.on(new Event.Note(complete ? "run " + dir.id() + " rolled back: " + r.undone() + " change(s) undone"
                        : "rollback incomplete (" + r.undone() + " change(s) undone); journal: " + dir.journal()));
                return complete ? ExitCode.OK : ExitCode.UNWIND_INCOMPLETE;
            }
        }
    }

    /** The hosts whose locks the run took: a run that died still holds them, and they go with its rollback. */
    private static Set<String> lockedHosts(Pending pending) {
        return pending.all().stream().filter(e -> e.type() == EntryType.LOCKED).map(Entry::host)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every host the rollback may touch, whether or not the run's journal says it locked it. */
    private static Set<String> hostsToLock(Pending pending) {
        Set<String> hosts = lockedHosts(pending);
        pending.unwindable().stream().map(Entry::target).filter(Objects::nonNull).forEach(hosts::add);
        pending.toRunAgain().stream().map(Entry::target).forEach(hosts::add);
        return hosts;
    }

    static RunDirectory find(String runId) {
        RunDirectory dir = RunDirectory.open(RunDirectory.home(), runId);
        if (dir == null) {
            throw new InvalidInput(Position.of(runId), "no such run in " + RunDirectory.home().resolve("runs")
                    + " (see: unwind runs)");
        }
        return dir;
    }
}
