package dev.unwind.cli;

import dev.unwind.exec.Interrupt;
import dev.unwind.exec.RunSettings;
import dev.unwind.inventory.ConnectionVars;
import dev.unwind.inventory.Inventory;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.PlaybookLoader;
import dev.unwind.run.RunSecrets;
import dev.unwind.vars.ExtraVars;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code unwind play PLAYBOOK -i INVENTORY}. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Runs a playbook. On failure (or Ctrl-C) every change is unwound, newest first.")
final class PlayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PLAYBOOK")
    Path playbook;

    @Option(names = {"-i", "--inventory"}, description = "Inventory file, directory or comma list (repeatable).")
    List<String> inventory = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, description = "Further limit the hosts to a pattern.")
    String limit;

    @Option(names = {"-t", "--tags"}, split = ",", description = "Only run tasks with these tags.")
    Set<String> tags = new LinkedHashSet<>();

    @Option(names = "--skip-tags", split = ",", description = "Skip tasks with these tags.")
    Set<String> skipTags = new LinkedHashSet<>();

    @Option(names = {"-e", "--extra-vars"}, description = "k=v, @file.yml or JSON (repeatable; highest precedence).")
    List<String> extraVars = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "Predict what would change; change nothing.")
    boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show content changes as unified diffs.")
    boolean diff;

    @Option(names = {"-f", "--forks"}, description = "Hosts worked in parallel (default: ansible.cfg's forks, else 20).")
    Integer forks;

    @Option(names = "--start-at-task", description = "Start at the task with this name.")
    String startAtTask;

    @Option(names = "--fail-after-task", description = "Rehearse a failure: the task with this name fails right after it"
            + " changed its hosts, and the run unwinds.")
    String failAfterTask;

    @Option(names = "--keep-before-images", description = "Keep the before-images of large files on the hosts when the"
            + " run ends well, so that a later `unwind rollback` can still restore them (they are removed by default).")
    boolean keepBeforeImages;

    @Option(names = "--force-handlers", description = "Run the handlers notified before a failure that stops the run"
            + " (on_failure: stop), as the play keyword force_handlers does.")
    boolean forceHandlers;

    @Option(names = "--json", description = "Print JSON Lines events to stdout instead of the console view.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Show command output and undo details.")
    boolean verbose;

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Mixin
    VaultOptions vault = new VaultOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int forks = ConfiguredDefaults.forks(this.forks);
        if (forks < 1) {
            throw new dev.unwind.input.InvalidInput(dev.unwind.input.Position.of("--forks"), "must be 1 or more");
        }
        ModuleCatalog catalog = Catalogs.forPlaybook(playbook);
        Playbook pb = new PlaybookLoader(catalog).load(playbook);
        // no -i: ansible.cfg's inventory, else none, so `localhost` is Ansible's implicit one (connection local)
        List<String> sources = ConfiguredDefaults.inventory(inventory);
        RunSecrets secrets = new RunSecrets();
        Inventory inv = Inventory.load(sources, pb.directory(), vault.vault(secrets));
        inv.parseJinja();
        // -e @file may be vaulted: read with the run's vault
        Map<String, Object> extra = ExtraVars.parse(extraVars, inv::playVarsFile);
        // their Jinja is the estate's too: parsed now, evaluated when used
        List<dev.unwind.input.Problem> jinja = dev.unwind.template.jinja.EstateValues.syntaxErrors(extra,
                k -> dev.unwind.input.Position.of("-e " + k));
        if (!jinja.isEmpty()) {
            throw new dev.unwind.input.InvalidInput(jinja);
        }
        checkHosts(pb, inv, limit);
        Map<String, Map<String, Object>> prompted = VarsPrompts.ask(pb, extra, secrets);
        RunSettings settings = new RunSettings(check, diff, forks, tags, skipTags, limit, startAtTask, extra, verbose,
                absolute(sources), failAfterTask, keepBeforeImages, prompted, extra.keySet(),
                ConfiguredDefaults.forceHandlers(forceHandlers));
        return ExitCode.of(new PlayRun(pb, inv, catalog, settings, connection, json, spec.commandLine().getOut())
                .run(secrets, new Interrupt(), r -> r).result());
    }

    /** The connection variables of every host a play of the playbook will run on, checked before anything runs. */
    static void checkHosts(Playbook pb, Inventory inv, String limit) {
        Set<String> used = new LinkedHashSet<>();
        for (var play : pb.plays()) {
            if (!play.hosts().contains("${")) {
                used.addAll(inv.limit(inv.hosts(play.hosts()), limit));
            }
        }
        ConnectionVars.check(inv, used, ConnectionVars.Purpose.CONNECTING);
    }

    /** Inventory sources as the journal keeps them: files absolute, so `unwind rollback` finds them from anywhere. */
    static List<String> absolute(List<String> sources) {
        List<String> out = new ArrayList<>();
        for (String s : sources) {
            Path p = Path.of(s);
            out.add(p.toFile().exists() ? p.toAbsolutePath().toString() : s);
        }
        return out;
    }
}
