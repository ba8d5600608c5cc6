package dev.unwind.mke.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line of {@code docker ps -a --format '{{json .}}'}. */
public record Container(String id, String name, String image, String state) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static List<Container> parseLines(String output) {
        List<Container> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                out.add(new Container(n.path("ID").asText(""), n.path("Names").asText(""), n.path("Image").asText(""),
                        n.path("State").asText("")));
            } catch (JsonProcessingException e) {
                throw new FactsParseException("docker ps printed a line that is not JSON: " + abbreviate(line));
            }
        }
        return out;
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The tag of the image ({@code registry:5000/mirantis/ucp-proxy:3.8.5@sha256:..} gives 3.8.5), if any. */
    public Optional<String> imageTag() {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        return colon > slash ? Optional.of(ref.substring(colon + 1)) : Optional.empty();
    }

    /** The MKE version of a node: the tag of its ucp-proxy container's image. */
    public static Optional<String> mkeVersion(List<Container> containers) {
        return containers.stream().filter(c -> c.name().equals("ucp-proxy")).findFirst().flatMap(Container::imageTag);
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
