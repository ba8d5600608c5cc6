package dev.unwind.cli;

import dev.unwind.inventory.Inventory;
import dev.unwind.run.RunSecrets;
import dev.unwind.transport.ConnectionVariable;
import dev.unwind.undo.Entry;
import dev.unwind.undo.EntryType;
import dev.unwind.undo.Pending;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hosts of a journaled run, reached as the run reached them: what `unwind rollback` and `unwind runs prune`
 * connect with. The run's own inventory sources unless -i says otherwise; below a host's variables, what its play's
 * keywords set (remote_user..., journaled with its lock); over them, the run's connection extra vars.
 */
final class JournaledHosts {
    private final Inventory inventory;
    private final Map<String, Object> info;
    private final Pending pending;

    private JournaledHosts(Inventory inventory, Map<String, Object> info, Pending pending) {
        this.inventory = inventory;
        this.info = info;
        this.pending = pending;
    }

    /**
     * The journal's hosts' variables are opened here, before anything is done, so a vaulted value that does not open
     * stops the command (exit 5), and every password among them is a secret from then on.
     *
     * @param sources -i as given (empty: the run's own)
     */
    @SuppressWarnings("unchecked")
    static JournaledHosts of(List<String> sources, VaultOptions vault, Pending pending, RunSecrets secrets) {
        Map<String, Object> info = info(pending);
        Path playbook = playbook(info);
        List<String> from = !sources.isEmpty() ? sources : (List<String>) info.getOrDefault("inventory", List.of("localhost,"));
        Inventory inv = Inventory.load(from, playbook == null ? null : playbook.getParent(), vault.vault(secrets));
        // a host gone from the inventory fails where it is reached, not the whole command here
        pending.all().stream().map(Entry::host).filter(Objects::nonNull).distinct().filter(inv::knows)
                .forEach(host -> ConnectionVariable.secretsOf(inv.hostVars(host)).forEach(secrets::add));
        return new JournaledHosts(inv, info, pending);
    }

    /** What the run's first journal line says of it (playbook, inventory, connection extra vars); empty if nothing. */
    static Map<String, Object> info(Pending pending) {
        List<Entry> all = pending.all();
        return all.isEmpty() || all.get(0).run() == null ? Map.of() : all.get(0).run();
    }

    static Path playbook(Map<String, Object> info) {
        return info.get("playbook") == null ? null : Path.of(String.valueOf(info.get("playbook")));
    }

    Inventory inventory() {
        return inventory;
    }

    /** A host's variables as the run reached it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> reach(String host) {
        Map<String, Object> hv = new LinkedHashMap<>();
        pending.all().stream().filter(e -> e.type() == EntryType.LOCKED && host.equals(e.host()) && e.run() != null)
                .findFirst().ifPresent(e -> hv.putAll((Map<String, Object>) e.run().getOrDefault("connection", Map.of())));
        if (inventory.knows(host)) {
            hv.putAll(inventory.reachVars(host, Map.of()));
        }
        hv.putAll((Map<String, Object>) info.getOrDefault("connection", Map.of()));
        return hv;
    }
}
