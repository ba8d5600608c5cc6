package dev.unwind.inventory.script;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unwind.input.InvalidInput;
import dev.unwind.input.Position;
import dev.unwind.inventory.InventoryData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one inventory script and adds what it prints to {@link InventoryData}. */
public final class ScriptInventory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private final InventoryData data;
    private final Path script;

    public ScriptInventory(InventoryData data, Path script) {
        this.data = data;
        this.script = script;
    }

    /** Ansible treats a file as a script when it is executable or starts with {@code #!}. */
    public static boolean looksLikeScript(Path file) {
        if (Files.isExecutable(file)) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] two = in.readNBytes(2);
            return two.length == 2 && two[0] == '#' && two[1] == '!';
        } catch (IOException e) {
            return false;
        }
    }

    public void parse() {
        Object processed = runJson("--list");
        if (!(processed instanceof Map<?, ?> top)) {
            throw fail("failed to parse executable inventory script results: needs to be a json dict");
        }
        Set<String> hosts = new LinkedHashSet<>();
        Object meta = null;
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String group = String.valueOf(e.getKey());
            if (group.equals("_meta")) {
                if (e.getValue() instanceof Map<?, ?> m && m.containsKey("hostvars")) {
                    meta = m.get("hostvars");
                }
            } else {
                parseGroup(group, e.getValue(), hosts);
            }
        }
        for (String host : hosts) {
            Object vars;
            if (meta == null) {
                vars = runJson("--host", host);
                if (vars == null) {
                    vars = Map.of();
                }
            } else if (meta instanceof Map<?, ?> m) {
                vars = m.containsKey(host) ? m.get(host) : Map.of();
            } else {
                throw fail("Improperly formatted host information for " + host);
            }
            if (!(vars instanceof Map<?, ?> hv)) {
                throw fail("Invalid data from file, expected dictionary and got: " + vars);
            }
            for (Map.Entry<?, ?> v : hv.entrySet()) {
                data.setVariable(host, String.valueOf(v.getKey()), v.getValue());
            }
        }
    }

    private void parseGroup(String group, Object gdata, Set<String> hosts) {
        data.addGroup(group);
        Map<?, ?> d;
        if (!(gdata instanceof Map<?, ?> m)) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("hosts", gdata);
            d = wrapped;
        } else if (!m.containsKey("hosts") && !m.containsKey("vars") && !m.containsKey("children")) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("hosts", List.of(group));
            wrapped.put("vars", m);
            d = wrapped;
        } else {
            d = m;
        }
        if (d.containsKey("hosts")) {
            if (!(d.get("hosts") instanceof List<?> list)) {
                throw fail("You defined a group '" + group + "' with bad data for the host list: " + d.get("hosts"));
            }
            for (Object h : list) {
                String name = String.valueOf(h);
                hosts.add(name);
                data.addHost(name, group, null);
            }
        }
        if (d.containsKey("vars")) {
            if (!(d.get("vars") instanceof Map<?, ?> vars)) {
                throw fail("You defined a group '" + group + "' with bad data for variables: " + d.get("vars"));
            }
            for (Map.Entry<?, ?> v : vars.entrySet()) {
                data.setVariable(group, String.valueOf(v.getKey()), v.getValue());
            }
        }
        if (d.containsKey("children") && d.get("children") instanceof Iterable<?> children) {
            for (Object c : children) {
                String child = data.addGroup(String.valueOf(c));
                data.addChild(group, child);
            }
        }
    }

    private Object runJson(String... args) {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(script.toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return new byte[0];
                }
            });
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw fail("inventory script did not finish within " + TIMEOUT_SECONDS + " s");
            }
            String stderr = new String(err.join(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw fail("Inventory script had an execution error (exit " + p.exitValue() + "): " + stderr);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (args[0].equals("--host") && text.isBlank()) {
                return null;
            }
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw fail("problem running " + String.join(" ", cmd) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted while running the inventory script");
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private InvalidInput fail(String message) {
        return new InvalidInput(Position.of(script.toString()), message);
    }
}
