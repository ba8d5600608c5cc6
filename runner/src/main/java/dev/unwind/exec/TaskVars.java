package dev.unwind.exec;

import dev.unwind.input.Position;
import dev.unwind.template.jinja.EstateValues;
import dev.unwind.inventory.Inventory;
import dev.unwind.module.Secrets;
import dev.unwind.playbook.Play;
import dev.unwind.playbook.Playbook;
import dev.unwind.template.Templates;
import dev.unwind.vars.HostVariables;
import dev.unwind.vars.Scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The variables a task sees on a host, with Ansible's precedence: inventory, facts, magic variables, play vars and
 * vars_files, block and task vars, include_vars, registered results, extra vars; then the magic variables that change
 * while the play runs (which hosts remain), above all, as in Ansible. A play's part is computed once per host per batch.
 */
final class TaskVars {
    private final Inventory inventory;
    private final HostVariables hostVariables;
    private final RunSettings settings;
    private final Templates templates;
    private final Secrets secrets;
    private final Map<Path, Map<String, Object>> varsFiles = new ConcurrentHashMap<>();
    private final Map<String, PlayScope> playVars = new ConcurrentHashMap<>();
    private final UnwindVersion version = UnwindVersion.current();
    private Play play;
    private PlayHosts playHosts = PlayHosts.none();

    TaskVars(Inventory inventory, HostVariables hostVariables, RunSettings settings, Templates templates, Secrets secrets) {
        this.inventory = inventory;
        this.hostVariables = hostVariables;
        this.settings = settings;
        this.templates = templates;
        this.secrets = secrets;
    }

    /** A new play, on these hosts (after --limit); {@code failed} tells the hosts that failed earlier in the run. */
    void startPlay(Play p, List<String> hosts, Predicate<String> failed) {
        play = p;
        playHosts = new PlayHosts(hosts, failed);
    }

    /** A new batch of the play: its play-level variables are computed afresh, facts included. */
    void startBatch(List<String> batch, Set<String> active) {
        playHosts.startBatch(batch, active);
        recompute();
    }

    /** The play-level variables are computed afresh for the next task: the inventory changed (add_host, group_by). */
    void recompute() {
        playVars.clear();
    }

    /** The variables {@code pt} sees on {@code host}, lowest precedence first. */
    Map<String, Object> of(String host, Playbook playbook, PlannedTask pt) {
        PlayScope scope = playVars.computeIfAbsent(host, h -> playScope(h, playbook));
        Map<String, Object> play = scope.vars();
        Map<String, Object> included = hostVariables.included(host);
        Map<String, Object> registered = hostVariables.registered(host);
        Map<String, Object> learned = new LinkedHashMap<>(included);
        learned.putAll(registered);
        Map<String, Object> vars = roleDefaults(pt, play, learned);
        vars.putAll(play);
        if (pt.role() != null) {
            vars.put("role_name", pt.role().name());
            vars.put("ansible_role_name", pt.role().name());
            vars.put("role_path", pt.role().dir().toString());
        }
        // included vars are the estate's too, templated when used, in the task's variables (those being laid here)
        included = EstateValues.laidOver(included, vars, k -> includedAt(host, k));
        // block and task vars may refer to included vars and registered results, which still win over them
        vars.putAll(included);
        vars.putAll(registered);
        pt.vars().forEach(layer -> addRendered(vars, layer));
        vars.putAll(included);
        vars.putAll(registered);
        vars.putAll(scope.extra());
        vars.put("ansible_play_hosts", playHosts.remaining());
        vars.put("ansible_play_batch", playHosts.batch());
        vars.put("play_hosts", playHosts.batch());
        return vars;
    }

    /**
     * Role defaults lie below everything, even the inventory; one not overridden is rendered against all that is
     * above it (and the defaults before it), so {@code web_root: ${base_dir}/www} takes the inventory's base_dir.
     */
    private Map<String, Object> roleDefaults(PlannedTask pt, Map<String, Object> play, Map<String, Object> registered) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (pt.defaults().isEmpty() && this.play.roles().isEmpty()) {
            return defaults;
        }
        Map<String, Object> scope = new LinkedHashMap<>(play);
        scope.putAll(registered);
        // the play's roles lend theirs to every task; a task's own roles' come last and win
        List<Map<String, Object>> layers = new ArrayList<>();
        this.play.roles().forEach(r -> layers.add(r.defaults()));
        layers.addAll(pt.defaults());
        for (Map<String, Object> layer : layers) {
            layer.forEach((k, v) -> {
                if (!play.containsKey(k) && !registered.containsKey(k)) {
                    Object value = templates.render(v, scope);
                    scope.put(k, value);
                    defaults.put(k, value);
                }
            });
        }
        return defaults;
    }

    /**
     * The task's name as Ansible's banner shows it: rendered with the first host's variables, or as written
     * when it cannot be (an undefined variable, an error).
     */
    String shownName(PlannedTask pt, Collection<String> hosts, Playbook playbook) {
        String label = pt.shownLabel();
        if (!Templates.isTemplate(label) || hosts.isEmpty()) {
            return label;
        }
        try {
            return secrets.redact(templates.renderText(label, of(hosts.iterator().next(), playbook, pt)));
        } catch (RuntimeException e) {
            return label;
        }
    }

    /** Where an include_vars variable's value is written: the last file of its include that holds it (asked for a message only). */
    private Position includedAt(String host, String name) {
        List<String> files = new ArrayList<>(hostVariables.includedFrom(host, name));
        java.util.Collections.reverse(files);
        for (String f : files) {
            try {
                dev.unwind.input.Yaml11 doc = dev.unwind.input.Yaml11.read(Path.of(f));
                if (doc.asVars().containsKey(name)) {
                    return doc.valueAt(name);
                }
            } catch (RuntimeException e) {
                // vaulted, or gone: named without a line
                return Position.of(f + " (variable " + name + ")");
            }
        }
        return Position.of("include_vars (variable " + name + ")");
    }

    /** A play's variables on one host, with the extra vars (which also lie above a task's) as the play evaluates them. */
    private record PlayScope(Map<String, Object> vars, Map<String, Object> extra) {
    }

    private PlayScope playScope(String host, Playbook playbook) {
        Map<String, Object> magic = new LinkedHashMap<>();
        magic.put("inventory_hostname", host);
        magic.put("inventory_hostname_short", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
        magic.put("group_names", inventory.groupNames(host));
        magic.put("groups", inventory.groups());
        magic.put("ansible_check_mode", settings.check());
        magic.put("playbook_dir", play.dir().toString());
        // Ansible's default, so that templates that print it render as Ansible's do
        magic.put("ansible_managed", "Ansible managed");
        magic.put("ansible_play_hosts_all", playHosts.all());
        magic.put("ansible_play_name", play.name() != null ? play.name() : play.hosts());
        magic.put("ansible_run_tags", settings.tags().isEmpty() ? List.of("all") : List.copyOf(settings.tags()));
        magic.put("ansible_skip_tags", List.copyOf(settings.skipTags()));
        magic.put("ansible_diff_mode", settings.diff());
        magic.put("ansible_version", version.asAnsibleVersion());
        magic.put("omit", Omit.PLACEHOLDER);
        magic.put("hostvars", new HostVarsView(inventory, hostVariables));
        Map<String, Object> above = new Scope().layer(hostVariables.facts(host)).layer(magic).build();
        Map<String, Object> inventoryVars = inventory.hostVars(host);
        Map<String, Object> base = new Scope().layer(inventoryVars).layer(above).layer(settings.extraVars()).build();
        // the vars files are read first: an inventory value may refer to one of theirs, as Ansible evaluates it when used
        Map<Path, Map<String, Object>> files = new LinkedHashMap<>();
        if (!play.varsFiles().isEmpty()) {
            // their names may use play vars and prompted answers
            addRendered(base, play.vars());
            base.putAll(settings.prompted(play));
        }
        for (String file : play.varsFiles()) {
            Path p = play.dir().resolve(templates.renderText(file, base));
            files.put(p, varsFiles.computeIfAbsent(p, inventory::playVarsFile));
        }
        Scope all = new Scope().layer(inventoryVars).layer(above);
        files.values().forEach(all::layer);
        Map<String, Object> context = all.layer(settings.extraVars()).build();
        List<Map<String, Object>> estates = new ArrayList<>(List.of(inventoryVars));
        estates.addAll(files.values());
        Map<String, Object> userExtra = settings.estateExtraVars();
        estates.add(userExtra);
        // each value is evaluated when a task uses it, once for this host and play: one nothing uses never is
        EstateValues estate = EstateValues.over(estates, context, k -> files.entrySet().stream()
                .filter(f -> f.getValue().containsKey(k) && context.get(k) == f.getValue().get(k)).findFirst()
                .map(f -> Position.of(f.getKey() + " (variable " + k + ")"))
                .orElseGet(() -> userExtra.containsKey(k) ? Position.of("-e (variable " + k + ")") : inventory.origin(host, k)));
        Map<String, Object> extra = new LinkedHashMap<>(settings.extraVars());
        extra.putAll(estate.deferred(userExtra));
        Map<String, Object> vars = new Scope().layer(estate.deferred(inventoryVars)).layer(above).layer(extra).build();
        addRendered(vars, play.vars());
        // answers are taken as typed, never templated (Ansible marks them unsafe)
        vars.putAll(settings.prompted(play));
        files.values().forEach(f -> addRendered(vars, estate.deferred(f)));
        // the vars of the play's roles sit above vars_files, as Ansible has them
        play.roles().forEach(r -> addRendered(vars, r.vars()));
        vars.putAll(extra);
        return new PlayScope(vars, extra);
    }

    /**
     * Lays variables over {@code vars}, each rendered against what lies below it, so a value may refer to
     * the one it overrides: {@code k0s_data_dir: ${k0s_data_dir!"/var/lib/k0s"}} keeps the inventory's, else the default.
     */
    private void addRendered(Map<String, Object> vars, Map<String, Object> layer) {
        layer.forEach((k, v) -> vars.put(k, templates.render(v, vars)));
    }
}
