package dev.unwind.module.mke;

import dev.unwind.mke.preflight.CheckResult;
import dev.unwind.mke.preflight.NodeState;
import dev.unwind.mke.preflight.Preflight;
import dev.unwind.mke.preflight.PreflightFacts;
import dev.unwind.module.ArgSpec;
import dev.unwind.module.ArgType;
import dev.unwind.module.Args;
import dev.unwind.module.Module;
import dev.unwind.module.ModuleContext;
import dev.unwind.module.ModuleSpec;
import dev.unwind.module.Outcome;
import dev.unwind.module.UndoKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mke3_preflight}: runs the pre-upgrade checks over what {@code mke3_facts} found, plus the
 * controller's own {@code ~/.mke/mke.kubeconf}. Read-only; fails listing each failed check with its fix.
 */
public final class Mke3PreflightModule implements Module {
    private static final ModuleSpec SPEC = ModuleSpec.of("mke3_preflight",
                    "Check that an MKE 3 cluster can be upgraded to MKE 4k (version, Calico, kube-proxy, managers, nodes, ports).",
                    UndoKind.READ_ONLY,
                    ArgSpec.required("facts", ArgType.DICT, "the registered result of mke3_facts (version, config, nodes)"),
                    ArgSpec.optional("kubeconfig", ArgType.STR, "~/.mke/mke.kubeconf",
                            "the controller's MKE 4k kubeconfig path, which must not exist yet"),
                    ArgSpec.optional("allow_unmanaged_cni", ArgType.BOOL, false, "accept a CNI MKE 3 does not manage"))
            .returns(Map.of("checks", "each check: {check, passed, reason, fix}", "passed", "true when every check passed"))
            .checkMode("runs for real: it only reads");

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public Outcome run(Args args, ModuleContext ctx) {
        Map<String, Object> facts = args.dict("facts");
        String kubeconfig = args.str("kubeconfig");
        Path kc = kubeconfig.startsWith("~/") ? Path.of(System.getProperty("user.home"), kubeconfig.substring(2)) : Path.of(kubeconfig);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = facts.get("config") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        PreflightFacts pf = new PreflightFacts(String.valueOf(facts.get("version")), config, nodes(facts.get("nodes")),
                Files.exists(kc) ? kc.toString() : null, args.bool("allow_unmanaged_cni"));
        List<CheckResult> results = Preflight.run(pf);
        List<Map<String, Object>> list = new ArrayList<>();
        StringBuilder failures = new StringBuilder();
        for (CheckResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", r.check());
            m.put("passed", r.passed());
            m.put("reason", r.reason());
            m.put("fix", r.fix());
            list.add(m);
            if (!r.passed()) {
                failures.append("\n  ").append(r.check()).append(": ").append(r.reason()).append("\n    fix: ").append(r.fix());
            }
        }
        Map<String, Object> result = Map.of("checks", list, "passed", failures.length() == 0);
        if (failures.length() > 0) {
            return Outcome.failed("pre-upgrade checks failed:" + failures, result);
        }
        return Outcome.ok("all " + results.size() + " pre-upgrade checks passed", result);
    }

    /** mke3_facts nodes: {name, role, ready, listeners: {port: process}, unreachable: [..]}. */
    static List<NodeState> nodes(Object raw) {
        List<NodeState> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> n) {
                    Map<Integer, String> listeners = new LinkedHashMap<>();
                    if (n.get("listeners") instanceof Map<?, ?> ls) {
                        ls.forEach((k, v) -> listeners.put(Integer.parseInt(String.valueOf(k)), String.valueOf(v)));
                    }
                    List<String> unreachable = n.get("unreachable") instanceof List<?> u
                            ? u.stream().map(String::valueOf).toList() : List.of();
                    out.add(new NodeState(String.valueOf(n.get("name")), String.valueOf(n.get("role")),
                            Boolean.TRUE.equals(n.get("ready")), listeners, unreachable));
                }
            }
        }
        return out;
    }
}
