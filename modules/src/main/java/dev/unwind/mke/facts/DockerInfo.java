package dev.unwind.mke.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of {@code docker info --format '{{json .}}'} the upgrade needs.
 *
 * @param swarmState       {@code Swarm.LocalNodeState}: active, inactive, pending, error, locked
 * @param manager          {@code Swarm.ControlAvailable}
 * @param swarmClusterId   {@code Swarm.Cluster.ID} (empty on a worker, which does not see it)
 */
public record DockerInfo(String hostname, String serverVersion, String swarmState, String nodeId, String nodeAddr,
                         boolean manager, String swarmClusterId, int managers, int nodes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static DockerInfo parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FactsParseException("docker info did not print JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.has("ServerVersion")) {
            throw new FactsParseException("docker info printed JSON without ServerVersion: is the Docker engine (MCR) running?");
        }
        JsonNode swarm = root.path("Swarm");
        return new DockerInfo(root.path("Name").asText(""), root.path("ServerVersion").asText(""),
                swarm.path("LocalNodeState").asText("inactive"), swarm.path("NodeID").asText(""),
                swarm.path("NodeAddr").asText(""), swarm.path("ControlAvailable").asBoolean(false),
                swarm.path("Cluster").path("ID").asText(""), swarm.path("Managers").asInt(0), swarm.path("Nodes").asInt(0));
    }

    public boolean inSwarm() {
        return "active".equals(swarmState);
    }

    public String role() {
        return manager ? "manager" : "worker";
    }
}
