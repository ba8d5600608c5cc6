package dev.unwind.mke.preflight;

import java.util.List;
import java.util.Map;

/**
 * One node as the checks see it.
 *
 * @param role        {@code manager} or {@code worker}
 * @param listeners   TCP ports listened on, each with the process holding it ({@code ss -ltnp})
 * @param unreachable {@code address:port} of other nodes this node could not reach
 */
public record NodeState(String name, String role, boolean ready, Map<Integer, String> listeners, List<String> unreachable) {

    public NodeState {
        listeners = listeners == null ? Map.of() : Map.copyOf(listeners);
        unreachable = unreachable == null ? List.of() : List.copyOf(unreachable);
    }

    public boolean manager() {
        return "manager".equals(role);
    }
}
