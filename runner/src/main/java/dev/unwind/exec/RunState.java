package dev.unwind.exec;

import dev.unwind.report.Counts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What a run has learned as it goes, for its result and its recap: notes, its first failure, unreachable hosts, tallies. */
final class RunState {
    private final String runId;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Counts> counts = new ConcurrentHashMap<>();
    private volatile String failure;
    private volatile boolean unreachable;

    RunState(String runId) {
        this.runId = runId;
    }

    private int step;

    /** The next step of the run: every task and handler run gets its own number, as the journal's entries do. */
    synchronized int nextStep() {
        return ++step;
    }

    void note(String line) {
        notes.add(line);
    }

    void notes(List<String> lines) {
        notes.addAll(lines);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** The first failure is the one the result names. */
    void failed(String why) {
        synchronized (this) {
            if (failure == null) {
                failure = why;
            }
        }
    }

    void unreachable() {
        unreachable = true;
    }

    void host(String host) {
        counts.putIfAbsent(host, Counts.ZERO);
    }

    void count(String host, String status, boolean ignored) {
        counts.merge(host, Counts.ZERO.add(status, ignored), Counts::plus);
    }

    private volatile boolean leftSomething;

    /** A host's own unwind (unwind_host) could not take everything back: the run cannot end "fully unwound". */
    void leftSomething() {
        leftSomething = true;
    }

    /** How a run that reached its end without unwinding everything ends: ok, failed, or incomplete. */
    RunStatus endStatus() {
        return leftSomething ? RunStatus.UNWIND_INCOMPLETE : anyHostFailed() ? RunStatus.FAILED : RunStatus.OK;
    }

    /** The host failed a task (not ignored, not rescued) or was unreachable. */
    boolean hostFailed(String host) {
        Counts c = counts.get(host);
        return c != null && (c.failed() > 0 || c.unreachable() > 0);
    }

    boolean anyHostFailed() {
        return counts.keySet().stream().anyMatch(this::hostFailed);
    }

    /** The tallies by host name, as the recap lists them. */
    Map<String, Counts> sortedCounts() {
        Map<String, Counts> out = new LinkedHashMap<>();
        counts.keySet().stream().sorted().forEach(h -> out.put(h, counts.get(h)));
        return out;
    }

    RunResult result(RunStatus status) {
        return new RunResult(runId, status, unreachable, failure);
    }
}
