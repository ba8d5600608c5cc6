package dev.unwind.playbook;

import dev.unwind.config.AnsibleConfig;
import dev.unwind.config.AnsibleSetting;

/**
 * {@code become} / {@code become_user} as written on a play, block or task; null fields inherit.
 */
public record Escalation(Boolean become, String becomeUser) {

    public static final Escalation INHERIT = new Escalation(null, null);

    /** What Ansible's configuration gives every play that does not say ({@code [privilege_escalation] become}, ...). */
    public static Escalation configured() {
        AnsibleConfig c = AnsibleConfig.current();
        return new Escalation(c.bool(AnsibleSetting.DEFAULT_BECOME).orElse(null), c.string(AnsibleSetting.DEFAULT_BECOME_USER).orElse(null));
    }

    /** This level's settings over the outer ones. */
    public Escalation over(Escalation outer) {
        return new Escalation(become != null ? become : outer.become, becomeUser != null ? becomeUser : outer.becomeUser);
    }

    public boolean active() {
        return Boolean.TRUE.equals(become);
    }
}
