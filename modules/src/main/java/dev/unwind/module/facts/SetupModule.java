package dev.unwind.module.facts;

import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.ConnectionException;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code setup}: the facts the engine gathers, as Ansible's setup returns them ({@code ansible_facts} with
 * {@code ansible_}-prefixed names), narrowed by {@code filter} globs and, roughly, by {@code gather_subset}.
 */
public final class SetupModule implements Module {
    /** What {@code gather_subset: min} (or {@code !all}) keeps of ours: no hardware, network or virtualization. */
    private static final Set<String> HARDWARE = Set.of("memfree_mb", "memtotal_mb", "swapfree_mb", "swaptotal_mb", "processor_cores",
            "processor_count", "processor_nproc", "processor_vcpus", "mounts", "system_vendor", "product_name", "virtualization_role",
            "virtualization_type", "interfaces", "all_ipv4_addresses", "all_ipv6_addresses", "default_ipv4", "default_ipv6");
    private static final ModuleSpec SPEC = ModuleSpec.of("setup",
                    "Returns the host's facts, as gather_facts gathers them, under ansible_facts. gather_subset: all, min and "
                            + "!all are understood (min and !all leave out hardware, network and virtualization facts); other "
                            + "subsets are ignored, with a note.",
                    UndoKind.READ_ONLY,
                    ArgSpec.optional("gather_subset", ArgType.LIST, List.of("all"), "all, min or !all; others are ignored"),
                    ArgSpec.optional("filter", ArgType.LIST, List.of(), "shell-style globs on the fact names (ansible_eth*); none: every fact"),
                    ArgSpec.optional("gather_timeout", ArgType.INT, 10, "accepted for compatibility; the probe is one command"))
            .returns(Map.of("ansible_facts", "the facts, named ansible_<fact>", "notes", "what of gather_subset was ignored"))
            .checkMode("runs as always: it changes nothing");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Outcome run(Args args, ModuleContext ctx) throws ConnectionException {
        try {
            Map<String, Object> all = (Map<String, Object>) Facts.gather(ctx.connection()).get("ansible_facts");
            List<String> subset = args.list("gather_subset");
            List<String> notes = new ArrayList<>();
            boolean min = false;
            for (String s : subset) {
                switch (s) {
                    case "all" -> min = false;
                    case "min", "!all" -> min = true;
                    default -> notes.add("gather_subset " + s + " is ignored");
                }
            }
            List<Pattern> globs = args.list("filter").stream().map(SetupModule::glob).toList();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : all.entrySet()) {
                String name = "ansible_" + e.getKey();
                boolean hardware = HARDWARE.contains(e.getKey()) || e.getValue() instanceof Map<?, ?> m && m.containsKey("macaddress");
                if ((min && hardware) || (!globs.isEmpty() && globs.stream().noneMatch(g -> g.matcher(name).matches()))) {
                    continue;
                }
                out.put(name, e.getValue());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ansible_facts", out);
            if (!notes.isEmpty()) {
                r.put("notes", notes);
            }
            return Outcome.ok(out.size() + " facts" + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"), r);
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    /** Python's fnmatch: *, ?, [seq] and [!seq]. */
    static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            int close = c == '[' ? g.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > 0) {
                String set = g.substring(i + 1, close);
                re.append('[').append(set.startsWith("!") ? "^" + set.substring(1).replace("\\", "\\\\") : set.replace("\\", "\\\\")).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
