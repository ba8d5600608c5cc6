package dev.unwind.inventory;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.vault.Vault;
import dev.unwind.inventory.yaml.AnsibleYaml;
import dev.unwind.inventory.yaml.YamlValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code group_vars/} and {@code host_vars/} beside an inventory or a playbook, found the way
 * Ansible's host_group_vars plugin finds them: the first of {@code name}, {@code name.yml},
 * {@code name.yaml}, {@code name.json}; a directory is read recursively in sorted order (files with
 * no extension or a YAML/JSON one, hidden and {@code ~} files skipped).
 */
final class VarsFiles {
    private static final List<String> EXTENSIONS = List.of("", ".yml", ".yaml", ".json");

    private final Vault vault;
    // hosts are worked in parallel: their variables are read from several threads at once
    private final Map<Path, Map<String, Object>> cache = new java.util.concurrent.ConcurrentHashMap<>();

    VarsFiles(Vault vault) {
        this.vault = vault;
    }

    /** The files holding one group's or host's variables under {@code baseDir}'s group_vars/host_vars, in merge order. */
    List<Path> files(Path baseDir, String subdir, String name) {
        if (baseDir == null || name.startsWith("/")) {
            return List.of();
        }
        Path dir = baseDir.resolve(subdir);
        return Files.isDirectory(dir) ? find(dir, name) : List.of();
    }

    /** Where a top-level variable is written in a vars file (read again: only asked for a message). */
    Position position(Path file, String key) {
        var node = AnsibleYaml.compose(InventoryFiles.read(file, vault), file.toString());
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
            for (var t : m.getValue()) {
                if (t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k && k.getValue().equals(key)) {
                    return AnsibleYaml.position(file.toString(), t.getKeyNode());
                }
            }
        }
        return Position.of(file.toString());
    }

    private static List<Path> find(Path dir, String name) {
        List<Path> found = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path candidate;
            try {
                candidate = dir.resolve(name + ext);
            } catch (java.nio.file.InvalidPathException e) {
                return found;
            }
            if (Files.exists(candidate)) {
                if (Files.isDirectory(candidate)) {
                    found.addAll(dirFiles(candidate));
                } else {
                    found.add(candidate);
                }
                break;
            }
        }
        return found;
    }

    private static List<Path> dirFiles(Path dir) {
        List<Path> found = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new InvalidInput(Position.of(dir.toString()), "cannot list: " + e.getMessage());
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.startsWith(".") || n.endsWith("~")) {
                continue;
            }
            int dot = n.lastIndexOf('.');
            String ext = dot <= 0 ? "" : n.substring(dot);
            if (Files.isDirectory(p) && ext.isEmpty()) {
                found.addAll(dirFiles(p));
            } else if (Files.isRegularFile(p) && (ext.isEmpty() || EXTENSIONS.contains(ext))) {
                found.add(p);
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> load(Path file) {
        return cache.computeIfAbsent(file, f -> {
            String text = InventoryFiles.read(f, vault);
            var node = AnsibleYaml.compose(text, f.toString());
            Object value = new YamlValues(f.toString()).value(node);
            if (InventoryFiles.isVaulted(f)) {
                vault.openedAll(value);
            }
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map)) {
                throw new InvalidInput(node == null ? Position.of(f.toString()) : AnsibleYaml.position(f.toString(), node),
                        "a vars file must hold a mapping of variable names to values");
            }
            return (Map<String, Object>) value;
        });
    }
}
