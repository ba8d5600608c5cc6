package dev.unwind.exec;

import dev.unwind.module.ModuleLog;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;

/** What a module logs while it runs on a host: output lines of that host, to the reporter. */
record HostLog(Reporter reporter, String host) implements ModuleLog {

    @Override
    public void info(String line) {
        reporter.on(new Event.Output(host, line));
    }

    @Override
    public void output(String line) {
        reporter.on(new Event.Output(host, line));
    }
}
