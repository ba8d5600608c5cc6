package dev.unwind.lab.scenario;

import java.util.List;

/**
 * One simulated node.
 *
 * @param leader     the Swarm leader (by default the first manager)
 * @param ready      its Swarm status (false: {@code Down} in {@code docker node ls})
 * @param listeners  foreign processes listening on it, as {@code PORT/PROCESS} (e.g. {@code 80/nginx})
 */
public record NodeSpec(String name, Role role, boolean leader, boolean ready, List<String> listeners) {
    public NodeSpec {
        listeners = List.copyOf(listeners);
    }

    public boolean manager() {
        return role == Role.MANAGER;
    }

    /** A Swarm role. */
    public enum Role { MANAGER, WORKER }
}
