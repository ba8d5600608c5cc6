package dev.unwind.inventory;

import dev.unwind.input.InvalidInput;
import dev.unwind.input.Problem;
import dev.unwind.inventory.vault.VaultValue;
import dev.unwind.transport.ssh.HostKeyChecking;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The connection variables with a type, checked for the hosts a command uses right after the inventory
 * is read: a port of "abc" is a typo to report at its line, not an "unreachable" host later on.
 * Values holding {@code ${...}} are rendered at run time and checked there.
 */
public final class ConnectionVars {
    /** Why the hosts are looked at: listed (as ansible-inventory does) or about to be connected to. */
    public enum Purpose { LISTING, CONNECTING }

    /**
     * One typed variable: its names, what is wrong with a value (empty when it is fine), and whether
     * that matters only when connecting (a winrm host lists fine, but unwind cannot reach it).
     */
    private record Typed(List<String> names, Function<Object, Optional<String>> problem, boolean connectingOnly) {
        Typed(List<String> names, Function<Object, Optional<String>> problem) {
            this(names, problem, false);
        }
    }

    private static final List<Typed> TYPED = List.of(
            new Typed(List.of("ansible_port", "ansible_ssh_port"), v -> wholeNumber(v, 1, 65535)),
            new Typed(List.of("ansible_timeout", "ansible_ssh_timeout"), v -> wholeNumber(v, 1, 86_400)),
            new Typed(List.of("ansible_host_key_checking", "ansible_ssh_host_key_checking"), ConnectionVars::hostKeyChecking),
            new Typed(List.of("ansible_become"), ConnectionVars::bool),
            new Typed(List.of("ansible_connection"), v -> List.of("ssh", "smart", "paramiko", "local").contains(String.valueOf(v))
                    ? Optional.empty() : Optional.of("must be ssh or local (the connections unwind has)"), true));

    private ConnectionVars() {
    }

    /** Throws {@link InvalidInput} naming every badly typed connection variable of these hosts, where it was set. */
    public static void check(Inventory inventory, Collection<String> hosts, Purpose purpose) {
        List<Problem> problems = new ArrayList<>();
        for (String host : hosts) {
            Map<String, Object> vars = inventory.rawHostVars(host);
            for (Typed t : TYPED) {
                if (t.connectingOnly() && purpose != Purpose.CONNECTING) {
                    continue;
                }
                for (String name : t.names()) {
                    Object v = vars.get(name);
                    if (v == null || v instanceof VaultValue || String.valueOf(v).contains("${")) {
                        continue;
                    }
                    t.problem().apply(v).ifPresent(p -> problems.add(new Problem(inventory.origin(host, name),
                            name + " of host '" + host + "' " + p + ", got '" + v + "': fix it in the inventory")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems.stream().distinct().toList());
        }
    }

    private static Optional<String> wholeNumber(Object v, int min, int max) {
        String text = String.valueOf(v).strip();
        String range = "must be a whole number from " + min + " to " + max;
        if (v instanceof Double || !text.matches("\\d{1,9}")) {
            return Optional.of(range);
        }
        int n = Integer.parseInt(text);
        return n < min || n > max ? Optional.of(range) : Optional.empty();
    }

    private static Optional<String> hostKeyChecking(Object v) {
        try {
            HostKeyChecking.parse(String.valueOf(v));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be one of strict, accept-new, off (or yes/no)");
        }
    }

    private static Optional<String> bool(Object v) {
        return v instanceof Boolean || dev.unwind.module.Args.parseBool(String.valueOf(v)) != null ? Optional.empty()
                : Optional.of("must be true or false");
    }
}
