package dev.unwind.undo;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.unwind.module.Args;
import dev.unwind.module.Backups;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleCall;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.module.Outcome;
import dev.unwind.module.Secrets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Walks changes back: task by task in reverse order; within a task, hosts in parallel (bounded by
 * forks) and each host's changes in reverse. An undo that still fails after its retries is recorded
 * and the unwind goes on with the other hosts. On its own host the older changes are left, not tried:
 * an older undo may take away what the newer one still needs (the binary a service's reset runs), so
 * that {@code unwind rollback} could never finish; left in the journal, they are taken back after it.
 */
public final class Unwinder {
    private final ModuleCatalog catalog;
    private final Connector connector;
    private final Backups backups;
    private final Secrets secrets;
    private final Journal journal;
    private final UnwindListener listener;
    private final int forks;
    private final AtomicBoolean abandon = new AtomicBoolean();

    public Unwinder(ModuleCatalog catalog, Connector connector, Backups backups, Secrets secrets, Journal journal,
                    UnwindListener listener, int forks) {
        this.catalog = catalog;
        this.connector = connector;
        this.backups = backups;
        this.secrets = secrets;
        this.journal = journal;
        this.listener = listener;
        this.forks = Math.max(1, forks);
    }

    /** Asks the unwind to stop after the undos now running (a second Ctrl-C, confirmed). */
    public void abandon() {
        abandon.set(true);
    }

    public UnwindReport unwind(List<Entry> changes) {
        Map<Integer, Map<String, List<Entry>>> bySteps = new TreeMap<>(Comparator.reverseOrder());
        for (Entry e : changes) {
            bySteps.computeIfAbsent(e.step(), s -> new LinkedHashMap<>()).computeIfAbsent(e.host(), h -> new ArrayList<>()).add(e);
        }
        List<UnwindReport.Failure> failed = Collections.synchronizedList(new ArrayList<>());
        Map<String, Entry> stuck = new ConcurrentHashMap<>();
        int undone = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, Math.max(1, changes.size())), r -> {
            Thread t = new Thread(r, "unwind");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Map<String, List<Entry>> step : bySteps.values()) {
                if (abandon.get()) {
                    break;
                }
                List<Future<Integer>> running = new ArrayList<>();
                for (List<Entry> hostChanges : step.values()) {
                    List<Entry> reversed = new ArrayList<>(hostChanges);
                    reversed.sort(Comparator.comparingLong(Entry::seq).reversed());
                    running.add(pool.submit(() -> undoAll(reversed, failed, stuck)));
                }
                for (Future<Integer> f : running) {
                    try {
                        undone += f.get();
                    } catch (ExecutionException e) {
                        throw new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        abandon.set(true);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new UnwindReport(undone, List.copyOf(failed), abandon.get());
    }

    /** One host's changes of one step, newest first; {@code stuck} holds, per host, the change whose undo failed there. */
    private int undoAll(List<Entry> hostChanges, List<UnwindReport.Failure> failed, Map<String, Entry> stuck) {
        int done = 0;
        for (Entry change : hostChanges) {
            Entry blocking = stuck.get(change.target());
            if (blocking != null) {
                String msg = "not tried: the newer change '" + blocking.task() + "' here was not undone (unwind rollback"
                        + " takes this one back after it)";
                listener.undone(change, UndoStatus.LEFT, msg);
                failed.add(new UnwindReport.Failure(change, msg));
                continue;
            }
            String problem = undoOne(change);
            if (problem == null) {
                journal.append(Entry.of(EntryType.UNDONE).step(change.step(), change.host(), change.task(), change.at()).ref(change.seq()));
                listener.undone(change, UndoStatus.UNDONE, null);
                done++;
            } else {
                String msg = secrets.redact(problem);
                journal.append(Entry.of(EntryType.UNDO_FAILED).step(change.step(), change.host(), change.task(), change.at())
                        .ref(change.seq()).status("failed", msg));
                listener.undone(change, UndoStatus.FAILED, msg);
                failed.add(new UnwindReport.Failure(change, msg));
                stuck.putIfAbsent(change.target(), change);
            }
        }
        return done;
    }

    /** Runs the change's undo calls in order; returns null when they all succeeded, else why not. */
    private String undoOne(Entry change) {
        List<ModuleCall> calls;
        try {
            calls = calls(change, backups);
        } catch (RuntimeException e) {
            return "cannot read its undo: " + e.getMessage();
        }
        if (calls == null) {
            if (change.reason() != null) {
                return null;
            }
            if (change.type() != EntryType.CHANGED) {
                return "it was running when the run stopped, and its undo needs the task's result, which never came:"
                        + " check the host by hand";
            }
            return change.message() != null ? "no undo: " + change.message() : "no undo was recorded for this change";
        }
        return run(change, calls);
    }

    /**
     * Runs a handler's journaled call once more ({@code again}), once the unwind has restored its host; returns
     * null when it ran, else why not (secrets masked).
     */
    public String runAgain(Entry again) {
        String problem;
        try {
            problem = run(again, calls(again, backups));
        } catch (RuntimeException e) {
            problem = "cannot read its call: " + e.getMessage();
        }
        if (problem == null) {
            journal.append(Entry.of(EntryType.UNDONE).step(again.step(), again.host(), again.task(), again.at()).ref(again.seq()));
            return null;
        }
        return secrets.redact(problem);
    }

    /** Runs calls in order on the entry's host, as the entry's user; null when they all succeeded, else why not. */
    private String run(Entry entry, List<ModuleCall> calls) {
        if (calls == null || calls.isEmpty()) {
            return null;
        }
        Connection conn;
        try {
            conn = connector.connect(entry.target(), entry.become());
        } catch (ConnectionException e) {
            return "unreachable: " + e.getMessage();
        }
        for (ModuleCall call : calls) {
            String problem = runWithRetries(call, conn);
            if (problem != null) {
                return call.module() + ": " + problem;
            }
        }
        return null;
    }

    private String runWithRetries(ModuleCall call, Connection conn) {
        Module module = catalog.find(call.module()).orElse(null);
        if (module == null) {
            return "unknown module " + call.module();
        }
        String problem = null;
        for (int attempt = 0; attempt <= call.retries(); attempt++) {
            if (attempt > 0) {
                sleep(call.delaySeconds());
            }
            try {
                Outcome o = module.run(new Args(module.spec(), call.args()), new UndoContext(conn, backups, secrets, catalog));
                if (!o.failed()) {
                    return null;
                }
                problem = o.msg();
            } catch (ConnectionException e) {
                problem = "unreachable: " + e.getMessage();
            } catch (RuntimeException e) {
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        return problem;
    }

    /** The undo calls a change holds, from the journal or, for a secret one, from the run's backups; null for none. */
    static List<ModuleCall> calls(Entry change, Backups backups) {
        if (change.undoRef() != null) {
            try {
                return Journal.JSON.readValue(backups.load(change.undoRef()), new TypeReference<List<ModuleCall>>() { });
            } catch (IOException e) {
                throw new IllegalStateException("the kept undo " + change.undoRef() + " is unreadable", e);
            }
        }
        return change.undo();
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
