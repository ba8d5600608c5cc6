package dev.unwind.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles one play has taken in so far: a role (with the same parameters) runs once per play unless its meta says
 * {@code allow_duplicates}, as Ansible does; every role's handlers join the play's; and the roles
 * taken in statically (or {@code public: true}) lend their defaults and vars to the whole play.
 */
final class PlayRoles {
    private final Set<String> taken = new HashSet<>();
    private final List<TaskNode> handlers = new ArrayList<>();
    private final Set<String> handlerFiles = new HashSet<>();
    private final Set<String> brokenHandlers = new HashSet<>();
    private final List<Role> exposed = new ArrayList<>();

    void startPlay() {
        taken.clear();
        handlers.clear();
        handlerFiles.clear();
        brokenHandlers.clear();
        exposed.clear();
    }

    /** A role whose defaults and vars every task of the play sees (Ansible's roles are not private by default). */
    void expose(Role role) {
        exposed.add(role);
    }

    List<Role> exposed() {
        return List.copyOf(exposed);
    }

    /** True the first time the play takes in this role with these parameters. */
    boolean first(String key) {
        return taken.add(key);
    }

    /**
     * A role's handlers ({@code file}: the role's folder and handlers file), each time the role is taken in: a name then
     * calls the last loaded (Ansible's rule). An include_role's are added only when the play has none of that file yet:
     * Ansible adds them when the include runs, too late for what was notified before.
     */
    void handlers(String file, boolean included, TaskNode block) {
        if (handlerFiles.add(file) || !included) {
            handlers.add(block);
        }
    }

    /** A handler of the play that could not be read (its problem is reported): the name it would answer to. */
    void brokenHandler(String name) {
        brokenHandlers.add(name);
    }

    Set<String> brokenHandlers() {
        return Set.copyOf(brokenHandlers);
    }

    List<TaskNode> handlers() {
        return new ArrayList<>(handlers);
    }
}
