package dev.unwind.playbook;

/**
 * Where a task runs besides its own host: {@code delegate_to} (or {@code local_action}, which is delegate_to
 * localhost) runs it on another inventory host with the delegating host's variables and the delegate's connection;
 * {@code delegate_facts} gives the facts it sets to the delegate; {@code run_once} runs it on the first host of the
 * batch only, its result standing for every host.
 *
 * @param delegateTo the delegate's name (may be a ${...} template), or null
 */
public record Delegation(String delegateTo, boolean delegateFacts, boolean runOnce) {
    public static final Delegation NONE = new Delegation(null, false, false);

    public boolean delegated() {
        return delegateTo != null;
    }
}
