package dev.unwind.exec;

import dev.unwind.module.control.MetaModule;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A play's handlers as Ansible runs them: a task that changes a host notifies handlers by name or listen topic; at a
 * flush each notified handler runs once, in the order the handlers are written, on the hosts that notified it. (What
 * runs again after an unwind is the journal's to say: a handler's change no undo takes back is journaled with its call.)
 */
final class Handlers {
    /** A handler due to run, on these hosts. */
    record Due(PlannedTask handler, List<String> hosts) {
    }

    private final List<PlannedTask> handlers;
    private final Map<PlannedTask, Set<String>> notified = new LinkedHashMap<>();

    Handlers(Play play) {
        this.handlers = Plan.handlers(play);
    }

    static boolean isFlush(PlannedTask pt) {
        return pt.task().module().equals("meta") && MetaModule.FLUSH_HANDLERS.equals(pt.task().args().get("free_form"));
    }

    /**
     * {@code task} changed {@code host}: the handlers it names are due there. A name (or "role : name") calls the last
     * handler loaded under it, as in Ansible (a role taken in twice has its handlers twice); a listen topic calls all.
     */
    synchronized void changed(String host, Task task) {
        for (String name : task.notifies()) {
            PlannedTask named = null;
            for (PlannedTask h : handlers) {
                if (name.equals(h.task().name()) || h.role() != null && name.equals(h.role().name() + " : " + h.task().name())) {
                    named = h;
                } else if (h.task().listen().contains(name)) {
                    notified.computeIfAbsent(h, x -> new LinkedHashSet<>()).add(host);
                }
            }
            if (named != null) {
                notified.computeIfAbsent(named, x -> new LinkedHashSet<>()).add(host);
            }
        }
    }

    /** What a flush runs now, in definition order; nothing is due afterwards. */
    synchronized List<Due> flush() {
        List<Due> out = new ArrayList<>();
        for (PlannedTask h : handlers) {
            Set<String> hosts = notified.remove(h);
            if (hosts != null) {
                out.add(new Due(h, List.copyOf(hosts)));
            }
        }
        return out;
    }
}
