package dev.unwind.playbook;

import dev.unwind.config.AnsibleConfig;
import dev.unwind.config.AnsibleSetting;
import dev.unwind.input.Problem;

import java.util.List;
import java.util.Optional;

/**
 * {@code become} / {@code become_user} / {@code become_method} as written on a play, block or task (or in Ansible's
 * configuration); null fields inherit.
 */
public record Escalation(Boolean become, String becomeUser, String method) {

    public static final Escalation INHERIT = new Escalation(null, null, null);

    /** The only way unwind becomes another user. */
    public static final String SUDO = "sudo";

    public Escalation(Boolean become, String becomeUser) {
        this(become, becomeUser, null);
    }

    /**
     * What Ansible's configuration gives every play that does not say ({@code [privilege_escalation] become},
     * {@code become_user}, {@code become_method}, or their {@code ANSIBLE_*} variables).
     */
    public static Escalation configured() {
        AnsibleConfig c = AnsibleConfig.current();
        return new Escalation(c.bool(AnsibleSetting.DEFAULT_BECOME).orElse(null), c.string(AnsibleSetting.DEFAULT_BECOME_USER).orElse(null),
                c.string(AnsibleSetting.DEFAULT_BECOME_METHOD).orElse(null));
    }

    /** This level's settings over the outer ones. */
    public Escalation over(Escalation outer) {
        return new Escalation(become != null ? become : outer.become, becomeUser != null ? becomeUser : outer.becomeUser,
                method != null ? method : outer.method);
    }

    public boolean active() {
        return Boolean.TRUE.equals(become);
    }

    /**
     * The first task (or handler) of {@code nodes} that would become with a method other than sudo, which only the
     * configuration can give (a playbook's own become_method is refused where it is written): a problem at that task
     * naming where the method came from, so the run stops before anything runs rather than become another way.
     */
    static Optional<Problem> refusedMethod(List<? extends TaskNode> nodes, Escalation around) {
        for (TaskNode n : nodes) {
            Optional<Problem> found = Optional.empty();
            if (n instanceof Block b) {
                Escalation inside = b.escalation().over(around);
                found = refusedMethod(b.tasks(), inside).or(() -> refusedMethod(b.rescue(), inside)).or(() -> refusedMethod(b.always(), inside));
            } else if (n instanceof Task t) {
                Escalation e = t.escalation().over(around);
                if (e.active() && e.method() != null && !e.method().equals(SUDO)) {
                    String from = AnsibleConfig.current().get(AnsibleSetting.DEFAULT_BECOME_METHOD).map(AnsibleConfig.Value::origin)
                            .orElse("the configuration");
                    found = Optional.of(new Problem(t.position(), "this task becomes with become_method " + e.method() + " (" + from
                            + "), and unwind becomes with sudo only: write become_method: sudo on the play, or set"
                            + " [privilege_escalation] become_method = sudo"));
                }
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
