package dev.unwind.inventory;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.Problem;
import dev.unwind.inventory.ini.IniInventoryParser;
import dev.unwind.inventory.mirantis.MirantisHosts;
import dev.unwind.inventory.script.ScriptInventory;
import dev.unwind.inventory.vault.Vault;
import dev.unwind.inventory.yaml.AnsibleYaml;
import dev.unwind.inventory.yaml.YamlInventoryParser;
import dev.unwind.inventory.yaml.YamlValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads each {@code -i} source into {@link InventoryData} the way Ansible picks a parser: a string
 * with a comma that is not a path is a host list; a directory is read entry by entry in sorted
 * order (skipping hidden files, group_vars/host_vars and Ansible's ignored extensions); a file is
 * tried as a script, a Mirantis host file, YAML, then INI, and the first that reads it wins.
 */
final class InventorySources {
    /** ansible-core 2.14: IGNORED_ALWAYS plus INVENTORY_IGNORE_EXTS (REJECT_EXTS + .orig .ini .cfg .retry). */
    static final Pattern IGNORED = Pattern.compile("^\\.|^host_vars$|^group_vars$|^vars_plugins$"
            + "|\\.pyc$|\\.pyo$|\\.swp$|\\.bak$|~$|\\.rpm$|\\.md$|\\.txt$|\\.rst$|\\.orig$|\\.ini$|\\.cfg$|\\.retry$");

    private final InventoryData data;
    private final Vault vault;
    private final Consumer<String> warn;

    InventorySources(InventoryData data, Vault vault, Consumer<String> warn) {
        this.data = data;
        this.vault = vault;
        this.warn = warn;
    }

    static boolean isHostList(String source) {
        return source.contains(",") && !Files.exists(Path.of(source));
    }

    void read(String source) {
        if (isHostList(source)) {
            hostList(source);
            return;
        }
        Path path = Path.of(expandHome(source)).toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InvalidInput(Position.of(source), "inventory source does not exist (give a file, a directory or"
                    + " a comma-separated host list such as 'host1,')");
        }
        readPath(path, true);
    }

    static String expandHome(String source) {
        if (source.equals("~") || source.startsWith("~/")) {
            return System.getProperty("user.home") + source.substring(1);
        }
        return source;
    }

    private void hostList(String source) {
        for (String h : source.split(",")) {
            h = h.strip();
            if (h.isEmpty()) {
                continue;
            }
            String host = h;
            Integer port = null;
            try {
                HostAddress a = HostAddress.parse(h, false);
                host = a.host();
                port = a.port();
            } catch (IllegalArgumentException keepAsIs) {
                // Ansible keeps the text unchanged
            }
            if (!data.hosts().containsKey(host)) {
                data.addHost(host, "ungrouped", port);
            }
        }
    }

    private void readPath(Path path, boolean explicit) {
        if (Files.isDirectory(path)) {
            List<Path> entries;
            try (Stream<Path> s = Files.list(path)) {
                entries = s.sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
            } catch (IOException e) {
                throw new InvalidInput(Position.of(path.toString()), "cannot list directory: " + e.getMessage());
            }
            for (Path entry : entries) {
                if (!IGNORED.matcher(entry.getFileName().toString()).find()) {
                    readPath(entry, false);
                }
            }
            return;
        }
        data.currentSource(path);
        List<Problem> failures = readFile(path);
        if (failures.isEmpty()) {
            return;
        }
        if (explicit) {
            throw new InvalidInput(failures);
        }
        for (Problem p : failures) {
            warn.accept("skipped " + path + ", not an inventory: " + p);
        }
    }

    /** Tries each format in Ansible's order; returns why each failed, or nothing when one succeeded. */
    private List<Problem> readFile(Path file) {
        List<Problem> failures = new ArrayList<>();
        String name = file.getFileName().toString();
        String ext = extension(name);
        if (ScriptInventory.looksLikeScript(file)) {
            try {
                new ScriptInventory(data, file).parse();
                return List.of();
            } catch (InvalidInput e) {
                failures.addAll(e.problems());
            }
        }
        String text;
        try {
            text = InventoryFiles.read(file, vault);
        } catch (InvalidInput e) {
            if (InventoryFiles.isVaulted(file)) {
                // not a "skipped, not an inventory" warning even inside a directory: its hosts must not vanish
                throw e;
            }
            failures.addAll(e.problems());
            return failures;
        }
        if (ext.isEmpty() || ext.equals(".yml") || ext.equals(".yaml") || ext.equals(".json")) {
            try {
                Node root = AnsibleYaml.compose(text, file.toString());
                Object doc = root == null ? null : new YamlValues(file.toString()).value(root);
                Optional<MirantisHosts.Tool> tool = MirantisHosts.detect(doc);
                if (tool.isPresent()) {
                    MirantisHosts.load(tool.get(), doc, data, file.toString());
                } else {
                    new YamlInventoryParser(data, file.toString(), warn).parse(root);
                }
                return List.of();
            } catch (InvalidInput e) {
                failures.addAll(e.problems());
            }
        }
        try {
            new IniInventoryParser(data, file.toString()).parse(text);
            return List.of();
        } catch (InvalidInput e) {
            failures.addAll(e.problems());
        }
        return failures;
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot);
    }
}
