package dev.unwind.inventory;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.input.Yaml11;
import dev.unwind.template.jinja.EstateValues;
import dev.unwind.inventory.vault.Vault;
import dev.unwind.inventory.vault.VaultValue;
import dev.unwind.transport.ConnectionVariable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory of a run: hosts, groups and their variables read from every {@code -i} source in
 * order, with host patterns, {@code --limit} and variable merging exactly as ansible-core 2.14 does
 * them. Built once by {@link #load}; read-only afterwards.
 */
public final class Inventory {
    private static final Comparator<Group> GROUP_ORDER =
            Comparator.comparingInt(Group::depth).thenComparingInt(Group::priority).thenComparing(Group::name);

    private final InventoryData data;
    private final List<Path> sourceDirs;
    private final Path playbookDir;
    private final Vault vault;
    private final VarsFiles varsFiles;
    private final List<String> warnings;
    private final Map<String, Map<String, Object>> hostVarsCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> addedAtRunTime = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Inventory(InventoryData data, List<Path> sourceDirs, Path playbookDir, Vault vault,
            List<String> warnings) {
        this.data = data;
        this.sourceDirs = sourceDirs;
        this.playbookDir = playbookDir;
        this.vault = vault;
        this.varsFiles = new VarsFiles(vault);
        this.warnings = warnings;
    }

    /**
     * The variables of a playbook's vars file ({@code vars_files}), opened with the run's vault when the whole file is
     * ansible-vault encrypted; then every text it held is a secret of the run.
     */
    public Map<String, Object> playVarsFile(Path file) {
        // its Jinja is parsed now, evaluated when used: a syntax error is found before any of it is
        if (!InventoryFiles.isVaulted(file)) {
            Yaml11 doc = Yaml11.read(file);
            return EstateValues.parsed(doc, doc.asVars());
        }
        Yaml11 doc = Yaml11.parse(file.toString(), InventoryFiles.read(file, vault));
        Map<String, Object> vars = EstateValues.parsed(doc, doc.asVars());
        vault.openedAll(vars);
        return vars;
    }

    /**
     * Parses the Jinja of every variable the inventory holds (its sources, and the group_vars and host_vars of every group
     * and host), evaluating nothing: a run does this before anything runs, so a syntax error stops it at its file and
     * line, naming the variable and the expression. A value that parses is evaluated only when a task uses it.
     *
     * @throws InvalidInput (exit 5) listing every syntax error
     */
    public void parseJinja() {
        List<dev.unwind.input.Problem> problems = new ArrayList<>();
        data.groups().values().forEach(g -> problems.addAll(EstateValues.syntaxErrors(g.vars(), k -> data.origin(g.name(), k))));
        data.hosts().values().forEach(h -> problems.addAll(EstateValues.syntaxErrors(h.vars(), k -> data.origin(h.name(), k))));
        Set<Path> files = new LinkedHashSet<>();
        List<Path> dirs = new ArrayList<>(sourceDirs);
        dirs.add(playbookDir);
        for (Path dir : dirs) {
            data.groups().keySet().forEach(g -> files.addAll(varsFiles.files(dir, "group_vars", g)));
            data.hosts().keySet().forEach(h -> files.addAll(varsFiles.files(dir, "host_vars", h)));
        }
        files.forEach(f -> problems.addAll(EstateValues.syntaxErrors(varsFiles.load(f), k -> varsFiles.position(f, k))));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /**
     * Reads the sources in order. {@code playbookDir} (nullable) adds the group_vars/host_vars beside
     * the playbook; {@code vault} (nullable: no password) opens vaulted files and values.
     *
     * @throws InvalidInput (exit 5) naming file:line:column for a source that cannot be read
     */
    public static Inventory load(List<String> sources, Path playbookDir, Vault vault) {
        vault = vault == null ? Vault.none() : vault;
        InventoryData data = new InventoryData();
        List<String> warnings = new ArrayList<>();
        InventorySources reader = new InventorySources(data, vault, warnings::add);
        List<Path> dirs = new ArrayList<>();
        for (String source : sources) {
            reader.read(source);
            if (!InventorySources.isHostList(source)) {
                Path p = Path.of(InventorySources.expandHome(source)).toAbsolutePath().normalize();
                dirs.add(Files.isDirectory(p) ? p : p.getParent());
            }
        }
        data.reconcile();
        return new Inventory(data, List.copyOf(dirs), playbookDir == null ? null : playbookDir.toAbsolutePath().normalize(),
                vault, Collections.unmodifiableList(warnings));
    }

    /** What Ansible would have warned about while reading (skipped files and keys). */
    public List<String> warnings() {
        return warnings;
    }

    public InventoryData data() {
        return data;
    }

    /** Host names matching an Ansible host pattern, in Ansible's order. */
    public List<String> hosts(String pattern) {
        try {
            return names(new HostPattern(data).evaluate(HostPattern.split(pattern)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Position.of("host pattern '" + pattern + "'"), e.getMessage());
        }
    }

    /** Keeps the hosts that also match {@code --limit} (which may name {@code @file}s of patterns). */
    public List<String> limit(List<String> hosts, String limitPattern) {
        if (limitPattern == null) {
            return hosts;
        }
        Set<String> allowed = new HashSet<>(names(limitHosts(limitPattern)));
        List<String> out = new ArrayList<>();
        for (String h : hosts) {
            if (allowed.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    private List<Host> limitHosts(String limitPattern) {
        List<String> patterns = new ArrayList<>();
        for (String p : HostPattern.split(limitPattern)) {
            if (p.startsWith("@")) {
                Path file = Path.of(p.substring(1));
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInput(Position.of(file.toString()), Files.exists(file)
                            ? "Limit starting with \"@\" must be a file, not a directory"
                            : "Unable to find limit file");
                }
                try {
                    for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
                        patterns.add(line.strip());
                    }
                } catch (IOException e) {
                    throw new InvalidInput(Position.of(file.toString()), "cannot read limit file: " + e.getMessage());
                }
            } else {
                patterns.add(p);
            }
        }
        try {
            return new HostPattern(data).evaluate(patterns);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Position.of("--limit '" + limitPattern + "'"), e.getMessage());
        }
    }

    /**
     * The host's variables merged like Ansible: all < group_vars/all (inventory, then playbook) <
     * groups sorted by depth, ansible_group_priority, name < their group_vars files < host < host_vars
     * files; plus inventory_hostname, inventory_hostname_short, group_names, inventory_file/dir.
     * Vaulted values are opened, and become secrets of the run; one that does not open is invalid input.
     */
    public Map<String, Object> hostVars(String host) {
        // the inventory is read-only after load, and the engine asks for every task x host: compute once
        return new LinkedHashMap<>(hostVarsCache.computeIfAbsent(host, h -> decrypted(rawHostVars(h))));
    }

    /**
     * {@link #hostVars} with their Jinja evaluated as Ansible does, each variable when asked for ({@code hostvars[host]}),
     * against the host's variables with {@code above} (facts, magic variables, extra vars...) laid over them.
     */
    public Map<String, Object> evaluatedHostVarsView(String host, Map<String, Object> above) {
        Map<String, Object> raw = hostVars(host);
        Map<String, Object> context = new LinkedHashMap<>(raw);
        context.putAll(above);
        return EstateValues.view(raw, context, k -> origin(host, k));
    }

    /**
     * What reaching the host needs: its variables with the connection ones (those of {@link ConnectionVariable},
     * {@code ansible_become*}, {@code unwind_*}, {@code bastion}) evaluated against {@code above}, and the rest as written
     * (a task evaluates those, in its context, if it uses them).
     */
    public Map<String, Object> reachVars(String host, Map<String, Object> above) {
        Map<String, Object> out = hostVars(host);
        if (out.values().stream().noneMatch(EstateValues::bearsJinja)) {
            return out;
        }
        Map<String, Object> view = evaluatedHostVarsView(host, above);
        for (String k : List.copyOf(out.keySet())) {
            if (REACH_NAMES.contains(k) || k.startsWith("ansible_become") || k.startsWith("unwind_") || k.equals("bastion")) {
                out.put(k, view.get(k));
            }
        }
        return out;
    }

    private static final Set<String> REACH_NAMES = java.util.Arrays.stream(ConnectionVariable.values())
            .flatMap(v -> v.names().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** Whether the inventory has this host (or it is the implicit localhost). */
    public boolean knows(String host) {
        return data.hostOrImplicit(host) != null;
    }

    /** Like {@link #hostVars} but vaulted values stay {@link VaultValue}s (what ansible-inventory prints). */
    public Map<String, Object> rawHostVars(String hostName) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (Layer layer : layers(hostName)) {
            vars.putAll(layer.vars());
        }
        return vars;
    }

    /** Where the value {@link #rawHostVars} gives for this variable was written (the file, or file:line:column). */
    public Position origin(String hostName, String key) {
        List<Layer> layers = layers(hostName);
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).vars().containsKey(key)) {
                Position p = layers.get(i).where().apply(key);
                if (p != null) {
                    return p;
                }
            }
        }
        return Position.of("host '" + hostName + "'");
    }

    /** One source of a host's variables, and where each of its variables was written. */
    private record Layer(Map<String, Object> vars, java.util.function.Function<String, Position> where) {
    }

    /**
     * A host's variable sources, lowest precedence first: all < group_vars/all (inventory, then playbook)
     * < groups sorted by depth, ansible_group_priority, name < their group_vars files < host < host_vars files.
     */
    private List<Layer> layers(String hostName) {
        Host host = data.hostOrImplicit(hostName);
        if (host == null) {
            throw new InvalidInput(Position.of("host '" + hostName + "'"), "no such host in the inventory");
        }
        List<Layer> layers = new ArrayList<>();
        Group all = data.groups().get("all");
        layers.add(new Layer(all.vars(), k -> data.origin("all", k)));
        for (Path dir : sourceDirs) {
            files(layers, dir, "group_vars", "all");
        }
        files(layers, playbookDir, "group_vars", "all");
        List<Group> groups = host.groups().stream().filter(g -> g != all).sorted(GROUP_ORDER).toList();
        for (Group g : groups) {
            layers.add(new Layer(g.vars(), k -> data.origin(g.name(), k)));
        }
        for (Path dir : sourceDirs) {
            for (Group g : groups) {
                files(layers, dir, "group_vars", g.name());
            }
        }
        for (Group g : groups) {
            files(layers, playbookDir, "group_vars", g.name());
        }
        layers.add(new Layer(host.vars(), k -> data.origin(host.name(), k)));
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host.name());
        magic.put("inventory_hostname_short", HostAddress.isIpLiteral(host.name()) ? host.name()
                : host.name().split("\\.", -1)[0]);
        magic.put("group_names", groupNames(host));
        layers.add(new Layer(magic, k -> null));
        for (Path dir : sourceDirs) {
            files(layers, dir, "host_vars", host.name());
        }
        files(layers, playbookDir, "host_vars", host.name());
        return layers;
    }

    private void files(List<Layer> layers, Path baseDir, String subdir, String name) {
        for (Path file : varsFiles.files(baseDir, subdir, name)) {
            layers.add(new Layer(varsFiles.load(file), k -> varsFiles.position(file, k)));
        }
    }

    /**
     * {@code add_host}: a host added for the rest of the run, in memory only, in {@code groups} (created as needed)
     * with {@code vars} as its own variables. The engine calls this between tasks, never while tasks run.
     */
    public synchronized void addHost(String name, List<String> groups, Map<String, Object> vars) {
        if (!data.hosts().containsKey(name)) {
            addedAtRunTime.add(name);
        }
        data.addHost(name, null, null);
        for (String g : groups) {
            data.addGroup(g);
            data.addHost(name, g, null);
        }
        vars.forEach((k, v) -> data.setVariable(name, k, v));
        data.reconcile();
        hostVarsCache.clear();
    }

    /** Whether add_host added this host during the run: no inventory file knows it. */
    public boolean addedAtRunTime(String host) {
        return addedAtRunTime.contains(host);
    }

    /** {@code group_by}: the host joins {@code group} (created as needed, under {@code parents}) for the rest of the run. */
    public synchronized void addToGroup(String host, String group, List<String> parents) {
        data.addGroup(group);
        for (String p : parents) {
            data.addGroup(p);
            if (!p.equals(group)) {
                data.addChild(p, group);
            }
        }
        data.addHost(host, group, null);
        data.reconcile();
        hostVarsCache.clear();
    }

    /** Ansible's group_names: every group of the host except {@code all}, sorted ({@code ungrouped} included). */
    public List<String> groupNames(String host) {
        Host h = data.hostOrImplicit(host);
        return h == null ? List.of() : groupNames(h);
    }

    private static List<String> groupNames(Host h) {
        return h.groups().stream().map(Group::name).filter(n -> !n.equals("all")).sorted().toList();
    }

    /** The {@code groups} magic variable: every group with all its hosts (children included). */
    public Map<String, List<String>> groups() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Group g : data.groups().values()) {
            out.put(g.name(), names(g.allHosts()));
        }
        return out;
    }

    /** Every host matched by the limit (or all hosts), for listings. */
    List<Host> listedHosts(String limitPattern) {
        List<Host> all = data.groups().get("all").allHosts();
        if (limitPattern == null) {
            return all;
        }
        Set<Host> allowed = new LinkedHashSet<>(limitHosts(limitPattern));
        return all.stream().filter(allowed::contains).toList();
    }

    private Map<String, Object> decrypted(Map<String, Object> vars) {
        Map<String, Object> out = new LinkedHashMap<>();
        vars.forEach((k, v) -> out.put(k, decryptValue(k, v)));
        return out;
    }

    private Object decryptValue(String key, Object v) {
        if (v instanceof VaultValue vv) {
            return vault.open(vv, key);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), decryptValue(key, x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(decryptValue(key, x)));
            return out;
        }
        return v;
    }

    private static List<String> names(List<Host> hosts) {
        return hosts.stream().map(Host::name).toList();
    }
}
