package dev.unwind.exec;

import dev.unwind.module.Become;
import dev.unwind.module.Connection;
import dev.unwind.module.ConnectionException;
import dev.unwind.playbook.OnFailure;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.report.Event;
import dev.unwind.template.Templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One planned task on its target hosts, in parallel (forks): each host's variables, its connection (or its
 * delegate's, locked first), the task, and what the task registers.
 */
final class HostTasks {
    private final RunParts p;
    private final Templates templates;
    private final ExecutorService pool;
    private final Playbook playbook;

    HostTasks(RunParts parts, Templates templates, ExecutorService pool, Playbook playbook) {
        this.p = parts;
        this.templates = templates;
        this.pool = pool;
        this.playbook = playbook;
    }

    /** The task on every target host in parallel (forks); a fatal failure stops the hosts not yet started. */
    Map<String, HostOutcome> run(PlannedTask pt, int thisStep, List<String> targets, Play play, HostTaskRunner runner) {
        AtomicBoolean stop = new AtomicBoolean();
        boolean rescuable = Rescues.rescuable(pt) && !p.settings().check();
        List<Future<?>> running = new ArrayList<>();
        Map<String, HostOutcome> outcomes = new ConcurrentHashMap<>();
        int throttle = pt.task().placement().throttle();
        Semaphore slots = new Semaphore(throttle > 0 ? throttle : Math.max(1, targets.size()));
        for (String host : targets) {
            running.add(pool.submit(() -> {
                if (stop.get() || p.interrupt().requested()) {
                    return;
                }
                slots.acquireUninterruptibly();
                try {
                    runAndCount(pt, thisStep, host, play, runner, rescuable, outcomes, stop);
                } finally {
                    slots.release();
                }
            }));
        }
        Executor.waitAll(running);
        return outcomes;
    }

    /** The task on one host, its outcome kept and counted; a fatal one stops the hosts not yet started. */
    private void runAndCount(PlannedTask pt, int thisStep, String host, Play play, HostTaskRunner runner, boolean rescuable,
                             Map<String, HostOutcome> outcomes, AtomicBoolean stop) {
        // asked again: the host may have waited for its slot while another failed
        if (stop.get() || p.interrupt().requested()) {
            return;
        }
        HostOutcome o;
        try {
            String takenBy = p.held().lostTo(host);
            o = takenBy != null ? lockTaken(host, pt, takenBy) : runOnHost(pt, thisStep, host, runner);
        } catch (RuntimeException | Error e) {
            // the host's entries are in the journal whatever happened here: fail the host, then unwind
            if (System.getenv("UNWIND_DEBUG") != null) {
                e.printStackTrace();
            }
            o = new HostOutcome("failed", false, "internal error in '" + pt.task().label() + "': " + e, Map.of("failed", true));
            p.reporter().on(new Event.HostResult(host, pt.task().label(), "failed", p.settings().check(), false, null,
                    p.secrets().redact(o.msg()), null, null));
        }
        outcomes.put(host, o);
        // a failure a block will rescue is counted by the rescue, and stops no other host
        boolean toRescue = rescuable && o.fatal() && !o.status().equals("unreachable");
        if (!toRescue) {
            p.state().count(host, o.status(), o.ignored());
        }
        if (!toRescue && play != null && o.fatal() && (play.onFailure() != OnFailure.UNWIND_HOST || pt.anyErrorsFatal())) {
            stop.set(true);
        }
    }

    /** Null when the run holds the delegate's lock, else why it cannot. */
    private String lockDelegate(String delegate) throws ConnectionException {
        try {
            return p.setup().lockDelegate(delegate);
        } catch (RuntimeException e) {
            return "cannot lock the delegate " + delegate + ": " + e.getMessage();
        }
    }

    private HostOutcome runOnHost(PlannedTask pt, int thisStep, String host, HostTaskRunner runner) {
        Map<String, Object> vars;
        try {
            vars = p.taskVars().of(host, playbook, pt);
        } catch (RuntimeException e) {
            // a template, a vars file, an inventory value: the task fails on this host with why, never the run
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            HostOutcome o = new HostOutcome("failed", false, "task '" + pt.task().label() + "' at " + pt.task().position() + ": "
                    + why, Map.of("failed", true));
            p.reporter().on(new Event.HostResult(host, pt.task().label(), "failed", p.settings().check(), false, null, o.msg(), null, null));
            return o;
        }
        // delegate_to is rendered for each run of the module, so a looped task may name each item's host, as in Ansible
        AtomicReference<String> lastOn = new AtomicReference<>(host);
        HostOutcome o = runner.run(pt, thisStep, host, v -> {
            Target t = target(pt, host, v);
            lastOn.set(t.conn() != null ? t.conn().host() : lastOn.get());
            return t;
        }, vars);
        String on = lastOn.get();
        DebugMessages.of(pt.task(), o).forEach(text -> p.reporter().on(new Event.Shown(host, text)));
        if (o.status().equals("unreachable")) {
            p.state().unreachable();
        }
        if (pt.task().register() != null) {
            p.hostVariables().register(host, pt.task().register(), o.registered());
        }
        // set_fact's and include_vars' variables are the delegate's when the task says delegate_facts
        LearnedVars.learn(pt.task().placement().delegateFacts() ? on : host, pt.task().module(), o, p.hostVariables());
        return o;
    }


    /**
     * Where the module runs for {@code host} with these variables: the host itself, or the delegate they name, locked
     * first; the task's variables stay the delegating host's, the connection and become are the delegate's.
     */
    private Target target(PlannedTask pt, String host, Map<String, Object> vars) {
        String on = host;
        try {
            if (pt.task().placement().delegated()) {
                on = templates.renderText(pt.task().placement().delegateTo(), vars);
                String refused = !p.inventory().knows(on) ? "delegate_to '" + on + "' is no host of the inventory"
                        : lockDelegate(on);
                if (refused != null) {
                    return Target.refused(new HostOutcome("failed", false, refused, Map.of("failed", true)));
                }
            }
            Connection conn = p.connector().connect(on);
            Become become = pt.escalation().active() ? p.connector().become(on, pt.escalation().becomeUser()) : null;
            return Target.to(conn, become);
        } catch (ConnectionException e) {
            p.state().unreachable();
            String msg = p.secrets().redact(on.equals(host) ? e.getMessage() : "the delegate " + on + ": " + e.getMessage());
            return Target.refused(new HostOutcome("unreachable", false, msg, Map.of("unreachable", true)));
        }
    }

    /** The task is not run: the host is another run's now. */
    private HostOutcome lockTaken(String host, PlannedTask pt, String takenBy) {
        String msg = "the lock on " + host + " was taken over by " + takenBy + ": nothing more is done on " + host;
        p.reporter().on(new Event.HostResult(host, pt.task().label(), "failed", p.settings().check(), false, null, msg, null, null));
        return new HostOutcome("failed", false, msg, Map.of("failed", true));
    }
}
