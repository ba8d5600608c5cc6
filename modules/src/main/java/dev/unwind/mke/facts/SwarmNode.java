package dev.unwind.mke.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** One line of {@code docker node ls --format '{{json .}}'} (run on a manager). */
public record SwarmNode(String id, String hostname, String status, String availability, String managerStatus) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<SwarmNode> parseLines(String output) {
        List<SwarmNode> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                out.add(new SwarmNode(n.path("ID").asText(""), n.path("Hostname").asText(""), n.path("Status").asText(""),
                        n.path("Availability").asText(""), n.path("ManagerStatus").asText("")));
            } catch (JsonProcessingException e) {
                throw new FactsParseException("docker node ls printed a line that is not JSON: " + Container.abbreviate(line));
            }
        }
        return out;
    }

    public boolean ready() {
        return "Ready".equals(status);
    }

    public boolean manager() {
        return !managerStatus.isEmpty();
    }

    public boolean leader() {
        return "Leader".equals(managerStatus);
    }
}
