package dev.unwind.playbook;

/**
 * Where a task runs and on how many hosts at once: {@code delegate_to} (or {@code local_action}, which is delegate_to
 * localhost) runs it on another inventory host with the delegating host's variables and the delegate's connection;
 * {@code delegate_facts} gives the facts it sets to the delegate; {@code run_once} runs it on the first host of the
 * batch only, its result standing for every host; {@code throttle} caps how many hosts run it at the same time.
 *
 * @param delegateTo the delegate's name (may be a ${...} template), or null
 * @param throttle   at most this many hosts at once; 0: as many as forks allow
 */
public record Placement(String delegateTo, boolean delegateFacts, boolean runOnce, int throttle) {
    public static final Placement NONE = new Placement(null, false, false, 0);

    public boolean delegated() {
        return delegateTo != null;
    }
}
