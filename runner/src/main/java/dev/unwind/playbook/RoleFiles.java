package dev.unwind.playbook;

import java.util.Set;

/**
 * Which of a role's files {@code include_role}/{@code import_role} take ({@code tasks_from} and the like); null: main.
 */
record RoleFiles(String tasksFrom, String varsFrom, String defaultsFrom, String handlersFrom) {
    static final RoleFiles MAIN = new RoleFiles(null, null, null, null);
    /** What include_role and import_role accept; apply and public are Ansible's, taken and not needed statically. */
    static final Set<String> ARGUMENTS = Set.of("name", "tasks_from", "vars_from", "defaults_from", "handlers_from",
            "allow_duplicates", "public", "rolespec_validate", "apply");
}
