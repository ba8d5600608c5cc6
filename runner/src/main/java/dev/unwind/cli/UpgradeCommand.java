package dev.unwind.cli;

import dev.unwind.exec.Interrupt;
import dev.unwind.exec.RunSettings;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.Inventory;
import dev.unwind.mke.config.ConversionOptions;
import dev.unwind.mke.config.OfflineConversion;
import dev.unwind.module.ModuleCatalog;
import dev.unwind.playbook.Playbook;
import dev.unwind.playbook.PlaybookLoader;
import dev.unwind.report.Event;
import dev.unwind.report.Reporter;
import dev.unwind.run.RunSecrets;
import dev.unwind.vars.ExtraVars;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code unwind upgrade}: MKE 3.7.15+/3.8.x to MKE 4k with {@code mkectl upgrade}'s flags, running the
 * shipped (or a site's) {@code mke3-to-mke4k.yml}. Any failure, the timeout or Ctrl-C rolls back to MKE 3.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = "Upgrades an MKE 3.7.15+/3.8.x cluster to MKE 4k; on any failure, the timeout or Ctrl-C, rolls it back to MKE 3.")
final class UpgradeCommand implements Callable<Integer> {
    static final String WARNING = "Your MKE 3 system will be completely unavailable during the upgrade.";

    @Option(names = "--hosts-path", description = "mkectl hosts.yaml with the cluster's nodes.")
    Path hostsPath;

    @Option(names = {"-i", "--inventory"}, description = "Any inventory unwind reads (launchpad.yaml, k0sctl.yaml, INI, YAML); repeatable.")
    List<String> inventory = new ArrayList<>();

    @Option(names = "--mke3-admin-username", defaultValue = "admin", description = "MKE 3 admin (default ${DEFAULT-VALUE}).")
    String adminUsername;

    @Option(names = "--mke3-admin-password", description = "MKE 3 admin password; other local users see it in `ps`:"
            + " set $MKE3_ADMIN_PASSWORD instead (else it is asked).")
    String adminPassword;

    @Option(names = "--mke3-url", description = "UCP API URL (default: https://<the swarm leader>).")
    String mke3Url;

    @Option(names = "--mke3-ca-file", description = "CA (PEM) of the UCP API.")
    Path mke3CaFile;

    @Option(names = "--insecure", description = "Do not verify the UCP API's certificate.")
    boolean insecure;

    @Option(names = "--external-address", description = "The load balancer's address: apiServer.externalAddress.")
    String externalAddress;

    @Option(names = "--config-out", description = "Write mke4.yaml here (else it is printed).")
    Path configOut;

    @Option(names = "--dry-run", description = "Checks and configuration conversion only: nothing on the cluster changes.")
    boolean dryRun;

    @Option(names = "--mke3-config", description = "With --dry-run: convert this MKE 3 TOML offline, no cluster needed.")
    Path mke3Config;

    @Option(names = "--output", description = "Where the mke-upgrade/ folder goes: mke3.toml, mke4.yaml, the reports, the summary, the log (default: here).")
    Path output;

    @Option(names = "--force", description = "Go on when settings would not be carried over; ask nothing.")
    boolean force;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(names = "--upgrade-timeout-minutes", defaultValue = "60", description = "Past this, roll back (default ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--kubeconfig-out", description = "Where the admin kubeconfig goes (default ~/.mke/mke.kubeconf).")
    Path kubeconfigOut;

    @Option(names = "--k0s-binary", description = "The k0s binary to install on the nodes.")
    Path k0sBinary;

    @Option(names = "--playbook", description = "A site's edited copy of mke3-to-mke4k.yml.")
    Path playbook;

    @Option(names = {"-e", "--extra-vars"}, description = "Extra variables for the playbook (repeatable).")
    List<String> extraVars = new ArrayList<>();

    @Option(names = "--fail-after-task", description = "Rehearse a rollback: this task fails right after it changed its hosts.")
    String failAfterTask;

    @Option(names = {"-f", "--forks"}, defaultValue = "20")
    int forks;

    @Option(names = {"-v", "--verbose"})
    boolean verbose;

    @Option(names = "--json", description = "JSON Lines events instead of the console view.")
    boolean json;

    @CommandLine.Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @CommandLine.Mixin
    VaultOptions vault = new VaultOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path base = (output != null ? output : Path.of(".")).toAbsolutePath();
        Path outDir = base.resolve(OfflineConversion.OUTPUT_FOLDER);
        if (dryRun && mke3Config != null) {
            new OfflineConversion().run(mke3Config, configOut, base, new ConversionOptions(null, externalAddress, null, null),
                    new PrintStream(new WriterOutputStream(out), true, "UTF-8"));
            return ExitCode.OK;
        }
        List<String> sources = new ArrayList<>(inventory);
        if (hostsPath != null) {
            sources.add(0, hostsPath.toString());
        }
        if (sources.isEmpty()) {
            throw new InvalidInput(Position.of("--hosts-path"), "say where the cluster's nodes are: --hosts-path hosts.yaml or -i INVENTORY");
        }
        RunSecrets secrets = new RunSecrets();
        String password = adminPassword();
        secrets.add(password);
        Path pbPath = playbook != null ? playbook : ShippedFiles.playbook("mke3-to-mke4k.yml");
        ModuleCatalog catalog = Catalogs.forPlaybook(pbPath);
        Playbook pb = new PlaybookLoader(catalog).load(pbPath);
        Inventory inv = Inventory.load(sources, pb.directory(), vault.vault(secrets));
        inv.parseJinja();
        PlayCommand.checkHosts(pb, inv, null);
        if (!dryRun && !yes && !force && !confirm(out)) {
            out.println("unwind: upgrade not started");
            return ExitCode.OK;
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("mke3_admin_username", adminUsername);
        vars.put("mke3_admin_password", password);
        vars.put("mke3_insecure", insecure);
        put(vars, "mke3_url", mke3Url);
        put(vars, "mke3_ca_file", mke3CaFile == null ? null : mke3CaFile.toAbsolutePath().toString());
        put(vars, "external_address", externalAddress);
        put(vars, "config_out", configOut == null ? null : configOut.toAbsolutePath().toString());
        put(vars, "k0s_binary_src", k0sBinary == null ? null : k0sBinary.toAbsolutePath().toString());
        vars.put("output_dir", outDir.toString());
        vars.put("kubeconfig_out", (kubeconfigOut != null ? kubeconfigOut.toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".mke", "mke.kubeconf")).toString());
        vars.put("force", force);
        Map<String, Object> given = ExtraVars.parse(extraVars);
        vars.putAll(given);
        Set<String> tags = dryRun ? Set.of("dry-run") : Set.of();
        RunSettings settings = new RunSettings(false, false, forks, new LinkedHashSet<>(tags), new LinkedHashSet<>(), null, null,
                vars, verbose, PlayCommand.absolute(sources), failAfterTask, false, Map.of(), given.keySet(), false);
        Interrupt interrupt = new Interrupt();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "upgrade-timeout");
            t.setDaemon(true);
            return t;
        });
        timer.schedule(() -> {
            out.println("\nunwind: the upgrade did not finish within " + timeoutMinutes + " minutes: rolling back");
            interrupt.signal();
        }, timeoutMinutes, TimeUnit.MINUTES);
        PlayRun.Finished done;
        TaggedTasks tagged = new TaggedTasks(pb);
        try {
            done = new PlayRun(pb, inv, catalog, settings, connection, json, out)
                    .run(secrets, interrupt, view -> Reporter.all(
                            new RollbackWording(view, UpgradePhases.preUpgradeTasks(pb), () -> tagged.shown(UpgradeTag.MKE3_VERSION)), tagged));
        } finally {
            timer.shutdownNow();
        }
        Files.createDirectories(outDir);
        Files.copy(done.dir().log(), outDir.resolve("upgrade.log"), StandardCopyOption.REPLACE_EXISTING);
        return finish(done, tagged, outDir, out);
    }

    private int finish(PlayRun.Finished done, TaggedTasks tagged, Path outDir, PrintWriter out) throws IOException {
        String failure = done.result().failure();
        int code = ExitCode.of(done.result());
        if (code == ExitCode.OK) {
            if (dryRun) {
                out.println("\nDry run: nothing on the cluster changed. Source and target configuration are in " + outDir);
                printIfThere(outDir.resolve("mke3.toml"), out);
                printIfThere(outDir.resolve("mke4.yaml"), out);
                return code;
            }
            out.println();
            printIfThere(outDir.resolve("summary.txt"), out);
            if (configOut == null) {
                out.println("Below is your new MKE 4 config. Save it to a file and use it to configure the MKE 4 cluster with mkectl apply:");
                printIfThere(outDir.resolve("mke4.yaml"), out);
            }
            return code;
        }
        boolean nothingChanged = done.result().status() != dev.unwind.exec.RunStatus.UNWIND_INCOMPLETE
                && dev.unwind.undo.Pending.of(dev.unwind.undo.Journal.read(done.dir().journal()).entries()).left().isEmpty();
        if (tagged.failed(UpgradeTag.ALREADY_MKE4K) && nothingChanged) {
            out.println("\nThe cluster already runs MKE 4k: nothing to do.");
            return ExitCode.OK;
        }
        if (tagged.failed(UpgradeTag.PREFLIGHT) && nothingChanged) {
            out.println("\nThe cluster cannot be upgraded as it is; nothing was changed. " + failure);
            return ExitCode.INVALID_INPUT;
        }
        out.println("\nLog and journal: " + done.dir().path() + " (the log is also in " + outDir.resolve("upgrade.log") + ")");
        out.println("Upgrade failed due to error: " + (failure == null ? done.result().status().wire() : failure));
        return code;
    }

    private static void printIfThere(Path file, PrintWriter out) throws IOException {
        if (Files.isRegularFile(file)) {
            out.println(Files.readString(file).stripTrailing());
        }
    }

    private String adminPassword() {
        if (adminPassword != null && !adminPassword.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("[WARNING]: --mke3-admin-password shows the password to every local user (ps, /proc);"
                    + " set MKE3_ADMIN_PASSWORD instead");
            err.flush();
            return adminPassword;
        }
        String env = System.getenv("MKE3_ADMIN_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env;
        }
        return PasswordPrompt.ask("MKE 3 admin password for " + adminUsername + ": ",
                "the MKE 3 admin password is needed: set MKE3_ADMIN_PASSWORD");
    }

    private boolean confirm(PrintWriter out) {
        out.println(WARNING);
        out.flush();
        Console console = System.console();
        if (console == null) {
            throw new InvalidInput(Position.of("--yes"), WARNING + " No terminal to confirm on: pass --yes to go ahead.");
        }
        String answer = console.readLine("Continue? [y/N] ");
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }

    private static void put(Map<String, Object> vars, String name, Object value) {
        if (value != null) {
            vars.put(name, value);
        }
    }
}
