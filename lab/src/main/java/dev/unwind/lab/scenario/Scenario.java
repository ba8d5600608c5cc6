package dev.unwind.lab.scenario;

import java.util.List;

/**
 * A simulated MKE 3 cluster.
 *
 * @param source  where it was read from (for messages)
 */
public record Scenario(String name, String mkeVersion, String engineVersion, List<NodeSpec> nodes, String configToml,
                       Accounts accounts, List<FaultSpec> faults, String source) {
    public Scenario {
        nodes = List.copyOf(nodes);
        faults = List.copyOf(faults);
    }

    public List<NodeSpec> managers() {
        return nodes.stream().filter(NodeSpec::manager).toList();
    }

    public List<NodeSpec> workers() {
        return nodes.stream().filter(n -> !n.manager()).toList();
    }

    /** The node whose address serves the UCP API: the first manager. */
    public NodeSpec firstManager() {
        return managers().get(0);
    }

    public NodeSpec leader() {
        return nodes.stream().filter(NodeSpec::leader).findFirst().orElseThrow();
    }

    /** This scenario with more faults. */
    public Scenario withFaults(List<FaultSpec> more) {
        List<FaultSpec> all = new java.util.ArrayList<>(faults);
        all.addAll(more);
        return new Scenario(name, mkeVersion, engineVersion, nodes, configToml, accounts, all, source);
    }

    /**
     * This scenario with {@code count} nodes named as the default scenario's: 3 managers (1 below 3 nodes,
     * Swarm wants an odd number) and the rest workers, the first manager the leader.
     */
    public Scenario resized(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a lab has at least one node");
        }
        int managers = count >= 3 ? 3 : 1;
        List<NodeSpec> out = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            boolean manager = i <= managers;
            out.add(new NodeSpec(manager ? "mke-manager-" + i : "mke-worker-" + (i - managers),
                    manager ? NodeSpec.Role.MANAGER : NodeSpec.Role.WORKER, i == 1, true, List.of()));
        }
        return new Scenario(name, mkeVersion, engineVersion, out, configToml, accounts, faults, source);
    }
}
