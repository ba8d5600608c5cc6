package dev.unwind.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.module.Secrets;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --json}: one JSON object per line per event; the last line is the recap. */
public final class JsonReporter implements Reporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;
    private final Secrets secrets;

    public JsonReporter(PrintWriter out, Secrets secrets) {
        this.out = out;
        this.secrets = secrets;
    }

    @Override
    public synchronized void on(Event event) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (event instanceof Event.RunStarted e) {
                o.put("event", "run_start");
                o.put("run_id", e.runId());
                o.put("playbook", e.playbook());
                o.put("check", e.check());
        } else if (event instanceof Event.PlayStarted e) {
                o.put("event", "play_start");
                o.put("play", e.name());
                o.put("hosts", e.hosts());
        } else if (event instanceof Event.HandlerStarted e) {
                o.put("event", "handler_start");
                o.put("handler", e.name());
                o.put("at", e.at());
                o.put("again", e.again());
        } else if (event instanceof Event.TaskStarted e) {
                o.put("event", "task_start");
                o.put("task", e.name());
                o.put("at", e.at());
                o.put("number", e.number());
                o.put("total", e.total());
        } else if (event instanceof Event.HostResult e) {
                o.put("event", "task_result");
                o.put("host", e.host());
                o.put("task", e.task());
                o.put("status", e.status());
                o.put("check", e.check());
                if (e.ignored()) {
                    o.put("ignored", true);
                }
                if (e.item() != null) {
                    o.put("item", e.item());
                }
                if (e.msg() != null) {
                    o.put("msg", e.msg());
                }
                if (e.diff() != null) {
                    o.put("diff", e.diff());
                }
        } else if (event instanceof Event.Output e) {
                return;
        } else if (event instanceof Event.UnwindStarted e) {
                o.put("event", "unwind_start");
                o.put("reason", e.reason());
                o.put("changes", e.changes());
        } else if (event instanceof Event.UndoResult e) {
                o.put("event", "undo_result");
                o.put("host", e.host());
                o.put("task", e.task());
                o.put("status", e.status().word());
                if (e.msg() != null) {
                    o.put("msg", e.msg());
                }
        } else if (event instanceof Event.Note e) {
                o.put("event", "note");
                o.put("text", e.text());
        } else if (event instanceof Event.Recap e) {
                o.put("event", "recap");
                o.put("run_id", e.runId());
                o.put("status", e.status());
                o.put("hosts", e.hosts());
                o.put("notes", e.notes());
                if (e.journal() != null) {
                    o.put("journal", e.journal());
                }
        }
        try {
            out.println(secrets.redact(JSON.writeValueAsString(o)));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
