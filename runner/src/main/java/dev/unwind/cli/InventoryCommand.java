package dev.unwind.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Problem;
import dev.unwind.inventory.ConnectionVars;
import dev.unwind.inventory.Inventory;
import dev.unwind.inventory.InventoryListing;
import dev.unwind.inventory.vault.VaultValue;
import dev.unwind.run.RunSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code unwind inventory}: shows an inventory the way {@code ansible-inventory} does (same JSON). */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Show hosts, groups and variables of inventories, as ansible-inventory does.")
public final class InventoryCommand implements Callable<Integer> {
    static final int INVALID_INPUT = 5;

    @Option(names = {"-i", "--inventory"}, paramLabel = "SOURCE",
            description = "Inventory file, directory, script or comma-separated host list (repeatable; merged in order;"
                    + " default: ansible.cfg's inventory or ANSIBLE_INVENTORY).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--list", description = "Print all groups, hosts and host variables as JSON.")
    boolean list;

    @Option(names = "--host", paramLabel = "HOST", description = "Print one host's variables as JSON.")
    String host;

    @Option(names = "--graph", arity = "0..1", fallbackValue = "all", paramLabel = "GROUP",
            description = "Print the group tree starting at GROUP (default all).")
    String graph;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Limit to hosts matching PATTERN (or @file).")
    String limit;

    @CommandLine.Mixin
    VaultOptions vault = new VaultOptions();

    @Option(names = "--playbook-dir", paramLabel = "DIR", description = "Also read group_vars/host_vars beside DIR.")
    Path playbookDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((list ? 1 : 0) + (host != null ? 1 : 0) + (graph != null ? 1 : 0) != 1) {
            err.println("Give exactly one of --list, --host HOST or --graph [GROUP].");
            err.flush();
            return INVALID_INPUT;
        }
        List<String> sources = ConfiguredDefaults.inventory(this.sources);
        if (sources.isEmpty()) {
            err.println("No inventory: give -i SOURCE, or name one in ansible.cfg ([defaults] inventory) or ANSIBLE_INVENTORY.");
            err.flush();
            return INVALID_INPUT;
        }
        try {
            Inventory inventory = Inventory.load(sources, playbookDir, vault.vault(new RunSecrets()));
            for (String w : inventory.warnings()) {
                err.println("[WARNING]: " + w);
            }
            InventoryListing listing = new InventoryListing(inventory);
            if (list) {
                ConnectionVars.check(inventory, inventory.limit(inventory.hosts("all"), limit), ConnectionVars.Purpose.LISTING);
                out.println(json(listing.list(limit)));
            } else if (host != null) {
                List<String> matched = inventory.limit(inventory.hosts(host), limit);
                if (matched.size() != 1) {
                    err.println("ERROR! You must pass a single valid host to --host parameter");
                    err.flush();
                    return INVALID_INPUT;
                }
                ConnectionVars.check(inventory, matched, ConnectionVars.Purpose.LISTING);
                out.println(json(listing.host(matched.get(0))));
            } else {
                out.println(listing.graph(graph));
            }
            out.flush();
            err.flush();
            return 0;
        } catch (InvalidInput e) {
            for (Problem p : e.problems()) {
                err.println("ERROR: " + p);
            }
            err.flush();
            return INVALID_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return INVALID_INPUT;
        } catch (IOException e) {
            err.println("ERROR: " + e.getMessage());
            err.flush();
            return INVALID_INPUT;
        }
    }

    /** JSON like ansible-inventory's: keys sorted, 4-space indent, vaulted values as {"__ansible_vault": ...}. */
    static String json(Object document) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        return mapper.writer(printer).writeValueAsString(plain(document));
    }

    private static Object plain(Object v) {
        if (v instanceof VaultValue vv) {
            return Map.of("__ansible_vault", vv.ciphertext());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof TemporalAccessor || v instanceof dev.unwind.inventory.yaml.YamlTimestamp) {
            return v.toString();
        }
        return v;
    }

    /** Runs the command on its own (used by tests and the benchmark; the lead wires it into Main). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new InventoryCommand()).execute(args));
    }
}
