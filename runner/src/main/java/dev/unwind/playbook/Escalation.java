package dev.unwind.playbook;

/**
 * {@code become} / {@code become_user} as written on a play, block or task; null fields inherit.
 */
public record Escalation(Boolean become, String becomeUser) {

    public static final Escalation INHERIT = new Escalation(null, null);

    /** This level's settings over the outer ones. */
    public Escalation over(Escalation outer) {
        return new Escalation(become != null ? become : outer.become, becomeUser != null ? becomeUser : outer.becomeUser);
    }

    public boolean active() {
        return Boolean.TRUE.equals(become);
    }
}
