package dev.unwind.report;

import dev.unwind.module.Secrets;

import java.io.PrintWriter;
import java.util.Map;

/** The live human view: each task, each host's status as it arrives, progress and elapsed time, the recap. */
public final class ConsoleReporter implements Reporter {
    private final PrintWriter out;
    private final Secrets secrets;
    private final boolean verbose;
    private final boolean diff;
    private final long start = System.nanoTime();

    public ConsoleReporter(PrintWriter out, Secrets secrets, boolean verbose, boolean diff) {
        this.out = out;
        this.secrets = secrets;
        this.verbose = verbose;
        this.diff = diff;
    }

    @Override
    public synchronized void on(Event event) {
        if (event instanceof Event.RunStarted e) {
            print("unwind run " + e.runId() + (e.check() ? " (check mode: nothing will change)" : "")
                    + "\n  playbook " + e.playbook() + "\n  log      " + e.runDir() + "/run.log");
        } else if (event instanceof Event.PlayStarted e) {
            print("\nPLAY [" + e.name() + "] " + e.hosts().size() + " host(s)");
        } else if (event instanceof Event.TaskStarted e) {
            print("\nTASK [" + e.name() + "] (" + e.number() + "/" + e.total() + ") " + elapsed());
        } else if (event instanceof Event.HandlerStarted e) {
            print("\nRUNNING HANDLER [" + e.name() + "]" + (e.again() ? " again, after the unwind" : "") + " " + elapsed());
        } else if (event instanceof Event.HostResult e) {
                String label = e.ignored() ? "failed (ignored)" : e.check() && e.status().equals("changed") ? "would change" : e.status();
                String item = e.item() == null ? "" : " (item=" + e.item() + ")";
                String msg = e.msg() == null || e.msg().isBlank() || (e.status().equals("ok") && !verbose) ? "" : ": " + e.msg();
                print("  " + pad(label) + e.host() + item + msg);
                if (e.diff() != null && diff) {
                    print(indent(e.diff()));
                }
                if (e.detail() != null && (verbose || e.status().equals("failed"))) {
                    print(indent(e.detail()));
                }
        } else if (event instanceof Event.Output e) {
                if (verbose) {
                    print("    " + e.host() + " | " + e.line());
                }
        } else if (event instanceof Event.Shown e) {
            print(indent(e.text()));
        } else if (event instanceof Event.UnwindStarted e) {
            print("\nUNWIND [" + e.reason() + "] " + e.changes() + " change(s) to take back, newest first");
        } else if (event instanceof Event.UndoResult e) {
            print("  " + pad(e.status().word()) + e.host() + " <- " + e.task() + (e.msg() == null ? "" : ": " + e.msg()));
        } else if (event instanceof Event.Note e) {
            print(e.text());
        } else if (event instanceof Event.Recap e) {
            recap(e);
        }
    }

    private void recap(Event.Recap e) {
        print("\nRECAP " + e.runId() + " " + e.status().toUpperCase() + " in " + elapsed());
        for (Map.Entry<String, Counts> h : e.hosts().entrySet()) {
            Counts c = h.getValue();
            print(String.format("  %-24s ok=%d changed=%d failed=%d skipped=%d unreachable=%d%s", h.getKey(), c.ok(), c.changed(),
                    c.failed(), c.skipped(), c.unreachable(), (c.rescued() > 0 ? " rescued=" + c.rescued() : "")
                            + (c.ignored() > 0 ? " ignored=" + c.ignored() : "")));
        }
        e.notes().forEach(n -> print("  " + n));
        if (e.journal() != null) {
            print("  journal: " + e.journal());
        }
    }

    private String elapsed() {
        long ms = (System.nanoTime() - start) / 1_000_000;
        return String.format("%d.%01ds", ms / 1000, (ms % 1000) / 100);
    }

    private static String pad(String s) {
        return String.format("%-13s", s);
    }

    private static String indent(String text) {
        return "      " + text.strip().replace("\n", "\n      ");
    }

    private void print(String s) {
        out.println(secrets.redact(s));
        out.flush();
    }
}
