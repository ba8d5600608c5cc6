package dev.unwind.exec;

import dev.unwind.module.control.MetaModule;
import dev.unwind.playbook.OnFailure;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.report.Event;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * One play on one batch of hosts, with Ansible's linear strategy: lock, facts, then each task on the hosts still in
 * the play, with the handlers it notifies, the block it may be rescued by, and the play's failure policy.
 */
final class BatchRun {
    /** A marker: the play ends here (meta end_play, or no host left), the run goes on. */
    static final RunResult PLAY_ENDS = new RunResult("", RunStatus.OK, false, null);

    private final RunParts p;
    private final HostTasks hosts;
    private final HostTaskRunner runner;
    private final ExecutorService pool;
    private final Playbook playbook;
    private final Play play;
    private final List<String> batch;
    private final List<PlannedTask> tasks;
    private final Handlers handlers;

    BatchRun(RunParts parts, HostTasks hosts, HostTaskRunner runner, ExecutorService pool, Playbook playbook, Play play,
             List<String> batch, List<PlannedTask> tasks) {
        this.p = parts;
        this.hosts = hosts;
        this.runner = runner;
        this.pool = pool;
        this.playbook = playbook;
        this.play = play;
        this.batch = batch;
        this.tasks = tasks;
        this.handlers = new Handlers(play);
    }

    /** Runs the play's tasks on the batch; returns how the run ended when it must end now, else null. */
    RunResult run() {
        Set<String> active = Collections.synchronizedSet(new LinkedHashSet<>(batch));
        p.taskVars().startBatch(batch, active);
        Rescues rescues = new Rescues();
        int total = (int) tasks.stream().filter(t -> !Handlers.isFlush(t)).count() + (play.gatherFacts() ? 1 : 0)
                + (p.settings().check() ? 0 : 1);
        int number = 0;
        if (!p.settings().check()) {
            p.reporter().on(new Event.TaskStarted("Lock hosts", play.position().toString(), ++number, total));
            if (!p.setup().lock(active, pool, play)) {
                return p.ending().failed(play, "a host could not be locked");
            }
        }
        if (play.gatherFacts()) {
            p.reporter().on(new Event.TaskStarted("Gathering Facts", play.position().toString(), ++number, total));
            if (!p.setup().gatherFacts(active, pool, play)) {
                return p.ending().failed(play, "gathering facts failed");
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            PlannedTask pt = tasks.get(i);
            RunResult ended;
            if (pt.includeLoop() != null) {
                int end = i;
                while (end < tasks.size() && pt.includeLoop().equals(tasks.get(end).includeLoop())) {
                    end++;
                }
                ended = looped(tasks.subList(i, end), active, rescues, number, total);
                number += end - i;
                i = end - 1;
            } else {
                number += Handlers.isFlush(pt) ? 0 : 1;
                ended = task(pt, active, rescues, number, total);
            }
            if (ended == PLAY_ENDS) {
                break;
            }
            if (ended != null) {
                return ended;
            }
        }
        return null;
    }

    /** One planned task (or a flush) on the active hosts; null: go on. */
    private RunResult task(PlannedTask pt, Set<String> active, Rescues rescues, int number, int total) {
        if (p.interrupt().requested()) {
            return p.ending().unwindAll("interrupted", true);
        }
        if (Handlers.isFlush(pt)) {
            return flush(active);
        }
        List<String> targets = active.stream().filter(h -> rescues.runsOn(pt, h)).toList();
        if (targets.isEmpty()) {
            return null;
        }
        int thisStep = p.state().nextStep();
        rescues.starting(pt, thisStep);
        p.reporter().on(new Event.TaskStarted(p.taskVars().shownName(pt, targets, playbook), pt.task().position().toString(),
                number, total));
        if (pt.task().pointOfNoReturn() && !p.settings().check()) {
            p.journal().append(Entry.of(EntryType.POINT_OF_NO_RETURN).step(thisStep, null, pt.task().label(), pt.task().position().toString()));
            p.state().note("passed the point of no return at '" + pt.task().label() + "' (" + pt.task().position() + ")");
        }
        return step(pt, thisStep, active, targets, rescues);
    }

    private RunResult looped(List<PlannedTask> scope, Set<String> active, Rescues rescues, int number, int total) {
        return new LoopedInclude(p, runner, playbook, play).run(scope, active, rescues, number, total, this::task);
    }



    /** One task (or handler) on the active hosts, then the failure policy; null: go on. */
    private RunResult step(PlannedTask pt, int thisStep, Set<String> active, List<String> targets, Rescues rescues) {
        Map<String, HostOutcome> outcomes = hosts.run(pt, thisStep, runOnce(pt, targets), play, runner);
        if (RuntimeInventory.changes(outcomes)) {
            RuntimeInventory.apply(p.inventory(), outcomes);
            // groups and group_names are computed per play: afresh, with the new hosts and groups
            p.taskVars().recompute();
        }
        if (pt.task().placement().runOnce() && pt.task().register() != null && outcomes.get(targets.get(0)) != null) {
            // run_once: the first host's result is every host's
            Map<String, Object> registered = outcomes.get(targets.get(0)).registered();
            targets.forEach(h -> p.hostVariables().register(h, pt.task().register(), registered));
        }
        if (Rescues.rescuable(pt) && !p.settings().check()) {
            rescue(pt, outcomes, rescues);
        }
        outcomes.forEach((host, o) -> {
            if (o.status().equals("changed")) {
                handlers.changed(host, pt.task());
            }
        });
        if (!p.held().lost().isEmpty()) {
            return p.ending().lockLost(play, p.held().lost());
        }
        if (endsPlay(outcomes, active)) {
            return PLAY_ENDS;
        }
        return afterFailures(pt, active, outcomes);
    }

    /** {@code run_once} (and add_host, which Ansible runs once for the play): the first host only. */
    private static List<String> runOnce(PlannedTask pt, List<String> targets) {
        boolean once = pt.task().placement().runOnce() || pt.task().module().equals("add_host") && pt.task().loop() == null;
        return once && !targets.isEmpty() ? targets.subList(0, 1) : targets;
    }

    /**
     * A block with rescue is a transaction: on each host its task failed, the host's changes since the block began are
     * unwound, newest first, then the host goes to the rescue (with {@code ansible_failed_task} and
     * {@code ansible_failed_result}) instead of leaving the play. A host whose block cannot be unwound fails as usual.
     */
    private void rescue(PlannedTask pt, Map<String, HostOutcome> outcomes, Rescues rescues) {
        for (Map.Entry<String, HostOutcome> e : new ArrayList<>(outcomes.entrySet())) {
            String host = e.getKey();
            if (!e.getValue().fatal() || e.getValue().status().equals("unreachable")) {
                continue;
            }
            if (!p.ending().unwindBlock(host, rescues.blockStart(pt), "'" + pt.task().label() + "' failed on " + host
                    + " inside a block with rescue")) {
                p.state().count(host, "failed", false);
                continue;
            }
            rescues.rescue(pt, host);
            p.state().count(host, "rescued", false);
            p.hostVariables().register(host, "ansible_failed_task", Map.of("name", pt.task().label(), "action", pt.task().module()));
            p.hostVariables().register(host, "ansible_failed_result", e.getValue().registered());
            outcomes.remove(host);
        }
    }

    /** A flush: each notified handler once, in the order they are written, on the hosts that notified it. */
    private RunResult flush(Set<String> active) {
        return flush(active, false);
    }

    /**
     * A flush; {@code forced}: the run stops after it ({@code force_handlers} before on_failure stop ends the run), so
     * a handler that fails is counted and its host runs no more handlers, and no failure policy is applied again.
     */
    private RunResult flush(Set<String> active, boolean forced) {
        for (Handlers.Due due : handlers.flush()) {
            List<String> on = due.hosts().stream().filter(active::contains).toList();
            if (on.isEmpty()) {
                continue;
            }
            p.reporter().on(new Event.HandlerStarted(p.taskVars().shownName(due.handler(), on, playbook),
                    due.handler().task().position().toString(), false));
            int thisStep = p.state().nextStep();
            if (forced) {
                hosts.run(due.handler(), thisStep, on, play, runner).forEach((host, o) -> {
                    if (o.fatal()) {
                        active.remove(host);
                    }
                });
                continue;
            }
            Set<String> these = Collections.synchronizedSet(new LinkedHashSet<>(on));
            RunResult ended = step(due.handler(), thisStep, these, on, new Rescues());
            // a host the handler failed (or ended) leaves the play, as after any task
            on.stream().filter(h -> !these.contains(h)).forEach(active::remove);
            if (ended != null && ended != PLAY_ENDS) {
                return ended;
            }
        }
        return null;
    }

    /** The failure policy after a task: hosts that failed leave; the play's on_failure and limits decide the rest. */
    private RunResult afterFailures(PlannedTask pt, Set<String> active, Map<String, HostOutcome> outcomes) {
        List<String> failed = outcomes.entrySet().stream().filter(e -> e.getValue().fatal()).map(Map.Entry::getKey).toList();
        if (failed.isEmpty()) {
            return null;
        }
        active.removeAll(failed);
        String why = "task '" + pt.task().label() + "' failed on " + String.join(", ", failed);
        boolean tooMany = play.maxFailPercentage() != null && failed.size() * 100.0 / batch.size() > play.maxFailPercentage();
        p.state().failed(why + ": " + outcomes.get(failed.get(0)).msg());
        if (play.onFailure() == OnFailure.UNWIND_HOST && !pt.anyErrorsFatal() && !tooMany) {
            failed.forEach(host -> p.ending().unwindHost(host, why));
            return active.isEmpty() ? p.state().result(p.state().endStatus()) : null;
        }
        if (play.onFailure() == OnFailure.STOP && (play.forceHandlers() || p.settings().forceHandlers())) {
            // as Ansible forces them: on every host that notified them, the failed ones too (not the unreachable);
            // the changes they answer stay, since nothing is unwound
            Set<String> notifiedOn = new LinkedHashSet<>(active);
            failed.stream().filter(h -> !outcomes.get(h).status().equals("unreachable")).forEach(notifiedOn::add);
            flush(notifiedOn, true);
        }
        return p.ending().failed(play, tooMany ? why + " (more than max_fail_percentage " + play.maxFailPercentage() + "%)" : why);
    }

    /** {@code meta: end_host} drops the host from the rest of the play; {@code meta: end_play} ends the play. */
    private static boolean endsPlay(Map<String, HostOutcome> outcomes, Set<String> active) {
        boolean endPlay = false;
        for (Map.Entry<String, HostOutcome> e : outcomes.entrySet()) {
            Object meta = e.getValue().result().get(MetaModule.KEY);
            if (MetaModule.END_HOST.equals(meta)) {
                active.remove(e.getKey());
            }
            endPlay |= MetaModule.END_PLAY.equals(meta);
        }
        return endPlay || active.isEmpty();
    }
}
