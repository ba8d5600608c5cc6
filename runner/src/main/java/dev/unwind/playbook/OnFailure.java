package dev.unwind.playbook;

/** What a play does when a host fails. */
public enum OnFailure {
    /** Stop scheduling, let running tasks finish, unwind every host that changed. */
    UNWIND,
    /** Only the failed host unwinds; the others go on (Ansible's default behaviour, also written {@code continue}). */
    UNWIND_HOST,
    /** No unwind; the journal is kept for {@code unwind rollback}. */
    STOP;

    public static OnFailure parse(String s) {
        return switch (s) {
            case "unwind" -> UNWIND;
            case "unwind_host", "continue" -> UNWIND_HOST;
            case "stop" -> STOP;
            default -> null;
        };
    }
}
